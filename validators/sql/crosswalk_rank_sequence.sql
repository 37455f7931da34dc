-- rule: crosswalk-rank-sequence
-- description: In each ranked crosswalk the ranks of one Qantar value run 1, 2, ... without a gap (rank 1 is the default mapping).
-- protects: a value whose default mapping was deleted, leaving only alternatives
WITH ranked AS (
    SELECT 'crosswalk_event_types_acled' AS tbl, _row, event_type AS value, rank FROM crosswalk_event_types_acled
    UNION ALL SELECT 'crosswalk_event_types_plover', _row, event_type, rank FROM crosswalk_event_types_plover
    UNION ALL SELECT 'crosswalk_event_types_cameo', _row, event_type, rank FROM crosswalk_event_types_cameo
    UNION ALL SELECT 'crosswalk_event_types_ucdp', _row, event_type, rank FROM crosswalk_event_types_ucdp
    UNION ALL SELECT 'crosswalk_actor_types_acled', _row, CAST(actor_type AS VARCHAR), rank FROM crosswalk_actor_types_acled
), counted AS (
    SELECT *, count(*) OVER (PARTITION BY tbl, value) AS n FROM ranked
)
SELECT
    tbl AS "table",
    _row AS "row",
    'rank' AS "column",
    CAST(rank AS VARCHAR) AS "value",
    tbl || ' ' || value || ': rank ' || rank || ' among ' || n || ' rows; ranks must run 1..' || n AS detail
FROM counted
WHERE rank > n
ORDER BY 1, 2
