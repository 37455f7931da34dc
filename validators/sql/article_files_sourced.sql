-- rule: article-files-sourced
-- description: Every file resource of the descriptor (an article copy) is the path of exactly one sources row, and every sources row's path is a file resource.
-- protects: an article copy added without its sources row (so none of its claims can be curated), or a sources row whose file the descriptor does not list, hash or ship
SELECT 'sources' AS "table", NULL::BIGINT AS "row", 'path' AS "column", r.path AS "value",
       'the file resource ' || r.name || ' (' || coalesce(r.path, 'no path') || ') is the path of ' || count(s.path) || ' sources rows, not 1' AS detail
FROM resources AS r
LEFT JOIN sources AS s ON s.path = r.path
WHERE r.type = 'file'
GROUP BY r.name, r.path
HAVING count(s.path) <> 1
UNION ALL
SELECT 'sources', s._row, 'path', s.path, 'no file resource of the descriptor has the path ' || s.path
FROM sources AS s
WHERE s.path IS NOT NULL AND s.path NOT IN (SELECT path FROM resources WHERE type = 'file' AND path IS NOT NULL)
ORDER BY 1, 2
