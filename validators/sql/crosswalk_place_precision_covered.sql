-- rule: crosswalk-place-precision-covered
-- description: Every (place_type, coordinate_precision) pair used in places has a row in crosswalk_place_precision_acled and crosswalk_place_precision_ucdp.
-- protects: a place whose ACLED geo_precision or UCDP where_prec cannot be looked up
WITH crosswalks AS (
    SELECT 'crosswalk_place_precision_acled' AS crosswalk, CAST(place_type AS VARCHAR) AS place_type,
           CAST(coordinate_precision AS VARCHAR) AS coordinate_precision FROM crosswalk_place_precision_acled
    UNION ALL
    SELECT 'crosswalk_place_precision_ucdp', CAST(place_type AS VARCHAR), CAST(coordinate_precision AS VARCHAR)
    FROM crosswalk_place_precision_ucdp
), names AS (SELECT * FROM (VALUES ('crosswalk_place_precision_acled'), ('crosswalk_place_precision_ucdp')) AS v (crosswalk))
SELECT
    'places' AS "table",
    p._row AS "row",
    'coordinate_precision' AS "column",
    CAST(p.place_type AS VARCHAR) || ', ' || CAST(p.coordinate_precision AS VARCHAR) AS "value",
    'place ' || p.place_id || ': (' || CAST(p.place_type AS VARCHAR) || ', ' || CAST(p.coordinate_precision AS VARCHAR)
        || ') has no row in ' || n.crosswalk AS detail
FROM places AS p CROSS JOIN names AS n
WHERE NOT EXISTS (
    SELECT 1 FROM crosswalks AS c
    WHERE c.crosswalk = n.crosswalk AND c.place_type = CAST(p.place_type AS VARCHAR)
      AND c.coordinate_precision = CAST(p.coordinate_precision AS VARCHAR)
)
ORDER BY 2, 5
