-- rule: crosswalk-actor-type-covered
-- description: Every actor type used in actors has a row in crosswalk_actor_types_acled.
-- protects: an actor whose ACLED category the export cannot find
SELECT
    'actors' AS "table",
    a._row AS "row",
    'actor_type' AS "column",
    CAST(a.actor_type AS VARCHAR) AS "value",
    'actor ' || a.actor_id || ': actor type ' || CAST(a.actor_type AS VARCHAR) || ' has no row in crosswalk_actor_types_acled' AS detail
FROM actors AS a
WHERE NOT EXISTS (
    SELECT 1 FROM crosswalk_actor_types_acled AS c WHERE CAST(c.actor_type AS VARCHAR) = CAST(a.actor_type AS VARCHAR)
)
ORDER BY 2
