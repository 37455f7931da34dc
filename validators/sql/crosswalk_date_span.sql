-- rule: crosswalk-date-span
-- description: The interval of every event and statement (its date_precision and its length, date_end - date_start + 1 days) falls in exactly one row of crosswalk_date_precision_acled and of crosswalk_date_precision_ucdp.
-- protects: a date whose ACLED time_precision or UCDP date_prec is missing or ambiguous (no band, or overlapping bands)
WITH dated AS (
    SELECT 'events' AS tbl, _row, event_id AS id, CAST(date_precision AS VARCHAR) AS date_precision,
           date_diff('day', date_start, date_end) + 1 AS span
    FROM events WHERE date_start IS NOT NULL AND date_end IS NOT NULL
    UNION ALL
    SELECT 'statements', _row, statement_id, CAST(date_precision AS VARCHAR), date_diff('day', date_start, date_end) + 1
    FROM statements WHERE date_start IS NOT NULL AND date_end IS NOT NULL
), bands AS (
    SELECT 'crosswalk_date_precision_acled' AS crosswalk, CAST(date_precision AS VARCHAR) AS date_precision, span_days_min, span_days_max
    FROM crosswalk_date_precision_acled
    UNION ALL
    SELECT 'crosswalk_date_precision_ucdp', CAST(date_precision AS VARCHAR), span_days_min, span_days_max
    FROM crosswalk_date_precision_ucdp
), names AS (SELECT * FROM (VALUES ('crosswalk_date_precision_acled'), ('crosswalk_date_precision_ucdp')) AS v (crosswalk)),
hits AS (
    SELECT d.tbl, d._row, d.id, d.date_precision, d.span, n.crosswalk,
           (SELECT count(*) FROM bands AS b
            WHERE b.crosswalk = n.crosswalk AND b.date_precision = d.date_precision
              AND d.span >= b.span_days_min AND (b.span_days_max IS NULL OR d.span <= b.span_days_max)) AS n
    FROM dated AS d CROSS JOIN names AS n
)
SELECT
    tbl AS "table",
    _row AS "row",
    'date_end' AS "column",
    date_precision || ', ' || span || ' days' AS "value",
    id || ' (' || date_precision || ', ' || span || ' days) falls in ' || n || ' rows of ' || crosswalk || ', not exactly one' AS detail
FROM hits
WHERE n <> 1
ORDER BY 1, 2, 5
