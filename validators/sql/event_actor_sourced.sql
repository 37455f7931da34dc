-- rule: event-actor-sourced
-- description: Every event_actors row is backed by its source reporting the event: the pair (event_id, source_id) has an event_sources row.
-- protects: an actor attributed to an event on the word of a source that does not report that event (or whose passage was deleted)
SELECT
    'event_actors' AS "table",
    ea._row AS "row",
    'source_id' AS "column",
    ea.source_id AS "value",
    'source ' || ea.source_id || ' names ' || ea.actor_id || ' in ' || ea.event_id || ' but has no event_sources row for ' || ea.event_id AS detail
FROM event_actors AS ea
WHERE NOT EXISTS (SELECT 1 FROM event_sources AS x WHERE x.event_id = ea.event_id AND x.source_id = ea.source_id)
ORDER BY 2
