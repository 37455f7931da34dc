-- rule: quote-verbatim
-- description: Every span a table declares (quotes, numbers, printed dates, discrepancy claims, exclusions) is, character for character, the text of its source's article at its offsets (text[char_start:char_end] == the span's text, in code points).
-- protects: a quote or an exclusion edited, retyped, normalised (curly quotes, lookalike letters) or moved away from its offsets
SELECT
    sp."table" AS "table",
    sp._row AS "row",
    sp.text_column AS "column",
    sp.text AS "value",
    CASE
        WHEN a.source_id IS NULL THEN 'source ' || coalesce(sp.source_id, 'NULL') || ' is not in sources'
        WHEN a.no_text THEN 'the article of source ' || sp.source_id || ' cannot be read ('
             || coalesce(a.decode_error, a.read_error, 'missing file ' || a.path) || ')'
        ELSE 'the article ' || a.path || ' reads ''' || coalesce(sp.slice, '') || ''' at [' || sp.char_start || ':' || sp.char_end || ']'
    END AS detail
FROM spans AS sp
LEFT JOIN (SELECT source_id, path, decode_error, read_error, NOT readable AS no_text FROM articles) AS a USING (source_id)
WHERE sp.text IS NOT NULL
  AND (a.source_id IS NULL OR a.no_text OR sp.verbatim IS NOT TRUE)
ORDER BY 1, 2, 3
