-- rule: article-hash
-- description: Each source's article file exists inside the package as a regular file of at most 16 MiB, is valid UTF-8, and its byte count and sha256 are the ones recorded in sources.bytes and sources.sha256.
-- protects: an article copy altered, re-encoded, truncated or swapped for another, which would silently move every offset into it, or a link to a file outside the package
SELECT 'sources' AS "table", s._row AS "row", c.col AS "column", c.recorded AS "value", c.detail
FROM sources AS s
JOIN articles AS a USING (source_id)
CROSS JOIN LATERAL (
    SELECT 'path' AS col, s.path AS recorded,
        coalesce('the article file is not read: ' || a.read_error, 'no article file at ' || s.path) AS detail
    WHERE NOT a.file_exists
    UNION ALL
    SELECT 'path', s.path, 'the article is not valid UTF-8: ' || a.decode_error
    WHERE a.file_exists AND a.decode_error IS NOT NULL
    UNION ALL
    SELECT 'bytes', CAST(s.bytes AS VARCHAR), 'the file ' || s.path || ' has ' || a.file_bytes || ' bytes'
    WHERE a.file_exists AND s.bytes IS DISTINCT FROM a.file_bytes
    UNION ALL
    SELECT 'sha256', s.sha256, 'the file ' || s.path || ' has sha256 ' || a.file_sha256
    WHERE a.file_exists AND s.sha256 IS DISTINCT FROM a.file_sha256
) AS c
ORDER BY 2, 3
