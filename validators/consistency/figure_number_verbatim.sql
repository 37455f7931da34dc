-- rule: figure-number-verbatim
-- description: Every figure's number_as_written is the article text at number_char_start:number_char_end, and the same text at the same place inside the figure's quote.
-- protects: a number retyped or moved (e.g. '8.000' edited to '8000') so that it no longer points at what the article prints
SELECT
    'figures' AS "table",
    f._row AS "row",
    'number_as_written' AS "column",
    f.number_as_written AS "value",
    CASE
        WHEN a.no_text THEN 'the article of source ' || coalesce(f.source_id, 'NULL') || ' cannot be read'
        WHEN x.slice IS DISTINCT FROM f.number_as_written
            THEN 'the article reads ''' || coalesce(x.slice, '')
                 || ''' at [' || f.number_char_start || ':' || f.number_char_end || ']'
        ELSE 'the quote reads ''' || coalesce(substring(f.quote, f.number_char_start - f.char_start + 1, f.number_char_end - f.number_char_start), '')
             || ''' at the number''s place'
    END AS detail
FROM figures AS f
LEFT JOIN (SELECT source_id, path, decode_error, text IS NULL AS no_text FROM articles) AS a USING (source_id)
LEFT JOIN article_slices AS x
  ON x.source_id = f.source_id AND x.char_start = f.number_char_start AND x.char_end = f.number_char_end
WHERE f.number_as_written IS NOT NULL AND f.number_char_start IS NOT NULL AND f.number_char_end IS NOT NULL
  AND (
      a.no_text
      OR x.slice IS DISTINCT FROM f.number_as_written
      OR (f.quote IS NOT NULL AND f.char_start IS NOT NULL
          AND (f.number_char_start < f.char_start
               OR substring(f.quote, f.number_char_start - f.char_start + 1, f.number_char_end - f.number_char_start)
                  IS DISTINCT FROM f.number_as_written))
  )
ORDER BY 2
