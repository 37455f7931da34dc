-- rule: statement-after-publication
-- description: No statement begins after the latest possible publication date (published_date_max) of the source that reports it.
-- protects: a statement redated into the future of the article that quotes it (a year or month typo)
SELECT
    'statements' AS "table",
    st._row AS "row",
    'date_start' AS "column",
    CAST(st.date_start AS VARCHAR) AS "value",
    st.statement_id || ' starts ' || CAST(st.date_start AS VARCHAR) || ', after source ' || s.source_id
        || ' that reports it was published (at the latest ' || CAST(s.published_date_max AS VARCHAR) || ')' AS detail
FROM statements AS st
JOIN sources AS s USING (source_id)
WHERE st.date_start > s.published_date_max
ORDER BY 2
