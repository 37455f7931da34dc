-- rule: statement-event-linked
-- description: A statement with no event_id whose words overlap the passages (event_sources) of exactly one event of its source is about that event: its event_id is set. A statement whose words report several events may name none.
-- protects: a statement's event_id emptied, which switches off every rule that compares a statement with its event (dates, tense, speaker's role), while its own words are that event's passage
SELECT
    'statements' AS "table",
    s._row AS "row",
    'event_id' AS "column",
    NULL AS "value",
    'statement ' || s.statement_id || ' has no event, but its words overlap the passage of event '
        || min(x.event_id) || ' in its source, and no other event''s' AS detail
FROM statements AS s
JOIN event_sources AS x
  ON x.source_id = s.source_id AND x.char_start < s.char_end AND s.char_start < x.char_end
WHERE s.event_id IS NULL
GROUP BY s._row, s.statement_id
HAVING count(DISTINCT x.event_id) = 1
ORDER BY 2
