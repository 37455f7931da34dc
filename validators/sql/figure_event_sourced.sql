-- rule: figure-event-sourced
-- description: A figure tied to an event comes from a source that reports that event: (event_id, source_id) has an event_sources row.
-- protects: a figure filed under an event its own source does not report
SELECT
    'figures' AS "table",
    f._row AS "row",
    'event_id' AS "column",
    f.event_id AS "value",
    'figure ' || f.figure_id || ' is tied to ' || f.event_id || ', which source ' || f.source_id || ' does not report in event_sources' AS detail
FROM figures AS f
WHERE f.event_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM event_sources AS x WHERE x.event_id = f.event_id AND x.source_id = f.source_id)
ORDER BY 2
