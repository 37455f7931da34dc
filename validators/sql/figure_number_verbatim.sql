-- rule: figure-number-verbatim
-- description: A span declared within another (a figure's number_as_written within its quote) reads the same at the same place of the enclosing span's text.
-- protects: a number retyped or moved inside its quote (e.g. '8.000' edited to '8000') so that the quote and the number no longer say the same
SELECT
    n."table" AS "table",
    n._row AS "row",
    n.text_column AS "column",
    n.text AS "value",
    'the ' || q.text_column || ' reads ''' || coalesce(substring(q.text, n.char_start - q.char_start + 1, n.char_end - n.char_start), '')
        || ''' at the place of ' || n.text_column AS detail
FROM spans AS n
JOIN spans AS q ON q."table" = n."table" AND q._row = n._row AND q.kind = 'claim' AND q.span = 'quote'
WHERE n.kind = 'number' AND n.text IS NOT NULL AND q.text IS NOT NULL
  AND n.char_start >= q.char_start AND n.char_end <= q.char_end
  AND substring(q.text, n.char_start - q.char_start + 1, n.char_end - n.char_start) IS DISTINCT FROM n.text
ORDER BY 1, 2
