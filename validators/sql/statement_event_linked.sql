-- rule: statement-event-linked
-- description: A statement with no event_id whose words overlap the passages (event_sources) of exactly one event of its source is about that event: its event_id is set. A statement whose words report several events may name none, unless its speaker holds a role (event_actors, from the statement's source) in one of them: then it speaks for that event (Taimerdenov's words, the passage of both attacks he claims, E018 and E019), and its event_id is set.
-- protects: a statement's event_id emptied, which switches off every rule that compares a statement with its event (dates, tense, speaker's role), while its own words are that event's passage, or the passage of several events one of which its speaker takes part in
WITH overlapped AS (
    SELECT s._row, s.statement_id, s.speaker_id, x.event_id,
           CASE WHEN a.actor_id IS NOT NULL THEN x.event_id END AS spoken_in
    FROM statements AS s
    JOIN event_sources AS x
      ON x.source_id = s.source_id AND x.char_start < s.char_end AND s.char_start < x.char_end
    LEFT JOIN event_actors AS a
      ON a.event_id = x.event_id AND a.actor_id = s.speaker_id AND a.source_id = s.source_id
    WHERE s.event_id IS NULL
),
summary AS (
    SELECT _row, statement_id, min(speaker_id) AS speaker_id, count(DISTINCT event_id) AS events,
           min(event_id) AS first_event, min(spoken_in) AS spoken_in
    FROM overlapped
    GROUP BY _row, statement_id
)
SELECT
    'statements' AS "table",
    _row AS "row",
    'event_id' AS "column",
    NULL AS "value",
    CASE WHEN events = 1
         THEN 'statement ' || statement_id || ' has no event, but its words overlap the passage of event '
              || first_event || ' in its source, and no other event''s'
         ELSE 'statement ' || statement_id || ' has no event, but its words overlap the passage of event '
              || spoken_in || ' in its source, in which its speaker ' || speaker_id || ' holds a role'
    END AS detail
FROM summary
WHERE events = 1 OR spoken_in IS NOT NULL
ORDER BY 2
