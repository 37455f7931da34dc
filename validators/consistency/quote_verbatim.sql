-- rule: quote-verbatim
-- description: Every quoted passage is, character for character, the text of its source's article at its offsets (text[char_start:char_end] == quote, in code points).
-- protects: a quote edited, retyped, normalised (curly quotes, lookalike letters) or moved away from its offsets
WITH spans AS (
    SELECT 'event_sources' AS tbl, _row, source_id, char_start AS s, char_end AS e, quote AS q, 'quote' AS col FROM event_sources
    UNION ALL
    SELECT 'figures', _row, source_id, char_start, char_end, quote, 'quote' FROM figures
    UNION ALL
    SELECT 'statements', _row, source_id, char_start, char_end, quote, 'quote' FROM statements
    UNION ALL
    SELECT 'memberships', _row, source_id, char_start, char_end, quote, 'quote' FROM memberships
    UNION ALL
    SELECT 'discrepancies', _row, claim_a_source_id, claim_a_char_start, claim_a_char_end, claim_a_quote, 'claim_a_quote' FROM discrepancies
    UNION ALL
    SELECT 'discrepancies', _row, claim_b_source_id, claim_b_char_start, claim_b_char_end, claim_b_quote, 'claim_b_quote' FROM discrepancies
    UNION ALL
    SELECT 'sources', _row, source_id, published_char_start, published_char_end, published_as_printed, 'published_as_printed' FROM sources
)
SELECT
    sp.tbl AS "table",
    sp._row AS "row",
    sp.col AS "column",
    sp.q AS "value",
    CASE
        WHEN a.source_id IS NULL THEN 'source ' || coalesce(sp.source_id, 'NULL') || ' is not in sources'
        WHEN a.no_text THEN 'the article of source ' || sp.source_id || ' cannot be read (' || coalesce(a.decode_error, 'missing file ' || a.path) || ')'
        ELSE 'the article ' || a.path || ' reads ''' || coalesce(x.slice, '') || ''' at [' || sp.s || ':' || sp.e || ']'
    END AS detail
FROM spans AS sp
LEFT JOIN (SELECT source_id, path, decode_error, text IS NULL AS no_text FROM articles) AS a USING (source_id)
LEFT JOIN article_slices AS x ON x.source_id = sp.source_id AND x.char_start = sp.s AND x.char_end = sp.e
WHERE sp.q IS NOT NULL AND sp.s IS NOT NULL AND sp.e IS NOT NULL
  AND (a.no_text OR x.slice IS DISTINCT FROM sp.q)
ORDER BY 1, 2, 3
