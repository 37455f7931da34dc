-- rule: translation-unique
-- description: No two spans whose quotes differ (in more than case, spacing and punctuation) share one English translation (compared without case and outer spaces): each translation renders its own quote.
-- protects: a translation copied from another row (the quote changed and its translation left as it was, or pasted into the wrong row)
WITH t AS (
    SELECT "table", _row, translation_column, translation, text, lower(trim(translation)) AS key,
           regexp_replace(lower(text), '[^[:alnum:]]', '', 'g') AS words
    FROM spans
    WHERE translation IS NOT NULL AND trim(translation) <> '' AND text IS NOT NULL
)
SELECT
    t."table" AS "table",
    t._row AS "row",
    t.translation_column AS "column",
    t.translation AS "value",
    'the same translation renders another quote: ' || o."table" || ' row ' || o._row || ' (''' || left(o.text, 60) || '...'')' AS detail
FROM t
JOIN t AS o ON o.key = t.key AND o.words <> t.words
ORDER BY 1, 2, 3, detail
