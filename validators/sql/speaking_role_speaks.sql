-- rule: speaking-role-speaks
-- description: An actor that an event_actors row makes an event's claimant (it asserts that the event happened or what it was) or announcer (it makes the event known) speaks in that row's source: it is the speaker of a statement of that event from that source, or of a statement from that source whose passage overlaps one of the event's passages there (the claim of one event told in the statement of its sibling: E019's attack, told in Taimerdenov's words about E018).
-- protects: an actor the passage names as the one accused or as the one spoken of made the claimant or announcer instead (E030: the United States, whom Karin's words accuse, recorded as making the claim), which keeps the role fitting every event type and actor type
WITH speaking AS (
    SELECT _row, event_id, actor_id, role, source_id
    FROM event_actors
    WHERE role IN ('claimant', 'announcer') AND actor_id IS NOT NULL AND source_id IS NOT NULL AND event_id IS NOT NULL
)
SELECT
    'event_actors' AS "table",
    s._row AS "row",
    'actor_id' AS "column",
    s.actor_id AS "value",
    s.event_id || ': ' || s.actor_id || ' is its ' || s.role || ' in source ' || s.source_id
        || ', but speaks no statement of it there, nor one over its passages' AS detail
FROM speaking AS s
WHERE NOT EXISTS (
    SELECT 1
    FROM statements AS st
    WHERE st.speaker_id = s.actor_id AND st.source_id = s.source_id
      AND (st.event_id = s.event_id
           OR EXISTS (SELECT 1 FROM event_sources AS es
                      WHERE es.event_id = s.event_id AND es.source_id = s.source_id
                        AND es.char_start < st.char_end AND st.char_start < es.char_end))
)
ORDER BY 2
