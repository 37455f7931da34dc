-- rule: event-has-source
-- description: Every event has at least one event_sources row (a source and the passage that reports it).
-- protects: an event with no evidence, e.g. after its last event_sources row was deleted
SELECT
    'events' AS "table",
    e._row AS "row",
    'event_id' AS "column",
    e.event_id AS "value",
    'event ' || e.event_id || ' has no event_sources row' AS detail
FROM events AS e
WHERE NOT EXISTS (SELECT 1 FROM event_sources AS x WHERE x.event_id = e.event_id)
ORDER BY 2
