-- rule: crosswalk-date-bands-disjoint
-- description: The interval bands (span_days_min..span_days_max) of one date_precision in a date crosswalk do not overlap.
-- protects: an interval length that two rows claim, so that its precision code depends on row order
WITH bands AS (
    SELECT 'crosswalk_date_precision_acled' AS tbl, _row, CAST(date_precision AS VARCHAR) AS p, span_days_min AS lo,
           coalesce(span_days_max, 2147483647) AS hi FROM crosswalk_date_precision_acled
    UNION ALL
    SELECT 'crosswalk_date_precision_ucdp', _row, CAST(date_precision AS VARCHAR), span_days_min,
           coalesce(span_days_max, 2147483647) FROM crosswalk_date_precision_ucdp
)
SELECT
    a.tbl AS "table",
    a._row AS "row",
    'span_days_min' AS "column",
    CAST(a.lo AS VARCHAR) AS "value",
    a.tbl || ' row ' || a._row || ' (' || a.p || ') overlaps row ' || b._row AS detail
FROM bands AS a JOIN bands AS b ON a.tbl = b.tbl AND a.p = b.p AND a._row > b._row AND a.lo <= b.hi AND b.lo <= a.hi
ORDER BY 1, 2
