-- rule: crosswalk-event-type-covered
-- description: Every event type has a rank-1 row in each crosswalk_event_types_* table (a row with match none where the scheme has no counterpart).
-- protects: a new event type that the crosswalks (and the ACLED-shaped export) silently know nothing about
WITH crosswalks AS (
    SELECT 'crosswalk_event_types_acled' AS crosswalk, event_type, rank FROM crosswalk_event_types_acled
    UNION ALL SELECT 'crosswalk_event_types_plover', event_type, rank FROM crosswalk_event_types_plover
    UNION ALL SELECT 'crosswalk_event_types_cameo', event_type, rank FROM crosswalk_event_types_cameo
    UNION ALL SELECT 'crosswalk_event_types_ucdp', event_type, rank FROM crosswalk_event_types_ucdp
), names AS (SELECT DISTINCT crosswalk FROM (VALUES
    ('crosswalk_event_types_acled'), ('crosswalk_event_types_plover'),
    ('crosswalk_event_types_cameo'), ('crosswalk_event_types_ucdp')) AS v (crosswalk))
SELECT
    'event_types' AS "table",
    t._row AS "row",
    'event_type' AS "column",
    t.event_type AS "value",
    'event type ' || t.event_type || ' has no rank-1 row in ' || n.crosswalk AS detail
FROM event_types AS t CROSS JOIN names AS n
WHERE NOT EXISTS (
    SELECT 1 FROM crosswalks AS c WHERE c.crosswalk = n.crosswalk AND c.event_type = t.event_type AND c.rank = 1
)
ORDER BY 2, 5
