-- rule: source-contributes
-- description: Every source contributes rows: it reports at least one event (event_sources), figure or statement.
-- protects: a source whose every claim was deleted (or never curated), left in the package as an empty promise
SELECT
    'sources' AS "table",
    s._row AS "row",
    'source_id' AS "column",
    s.source_id AS "value",
    'source ' || s.source_id || ' reports no event, figure or statement' AS detail
FROM sources AS s
WHERE NOT EXISTS (SELECT 1 FROM event_sources AS x WHERE x.source_id = s.source_id)
  AND NOT EXISTS (SELECT 1 FROM figures AS x WHERE x.source_id = s.source_id)
  AND NOT EXISTS (SELECT 1 FROM statements AS x WHERE x.source_id = s.source_id)
ORDER BY 2
