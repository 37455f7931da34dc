-- rule: statement-after-publication
-- description: No statement begins or ends after the latest possible publication date (published_date_max) of the source that reports it: a statement is said before the article that quotes it.
-- protects: a statement redated into the future of the article that quotes it (a year or month typo in its start, or in the end of its interval)
WITH bounds AS (
    SELECT st._row, st.statement_id, s.source_id, s.published_date_max AS latest, c."column",
           CASE c."column" WHEN 'date_start' THEN st.date_start ELSE st.date_end END AS day
    FROM statements AS st
    JOIN sources AS s USING (source_id)
    CROSS JOIN (VALUES ('date_start'), ('date_end')) AS c ("column")
)
SELECT
    'statements' AS "table",
    _row AS "row",
    "column",
    CAST(day AS VARCHAR) AS "value",
    statement_id || CASE "column" WHEN 'date_start' THEN ' starts ' ELSE ' ends ' END || CAST(day AS VARCHAR)
        || ', after source ' || source_id || ' that reports it was published (at the latest '
        || CAST(latest AS VARCHAR) || ')' AS detail
FROM bounds
WHERE day > latest
ORDER BY 2, 3
