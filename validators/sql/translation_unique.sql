-- rule: translation-unique
-- description: No two spans whose quotes differ (in more than case, spacing and punctuation) share one English translation (compared without case and outer spaces): each translation renders its own quote.
-- protects: a translation copied from another row (the quote changed and its translation left as it was, or pasted into the wrong row)
-- Linear, not a self-join: a package with many rows sharing one translation must not cost rows squared.
-- Each row is shown the first span (by table and row) of another quote with its translation.
WITH t AS (
    SELECT "table", _row, translation_column, translation, text, lower(trim(translation)) AS key,
           regexp_replace(lower(text), '[^[:alnum:]]', '', 'g') AS words
    FROM spans
    WHERE translation IS NOT NULL AND trim(translation) <> '' AND text IS NOT NULL
),
quotes AS (  -- each distinct quote of a translation, at its first span
    SELECT key, words, min({'tbl': "table", 'r': _row, 'txt': text}) AS first
    FROM t
    GROUP BY key, words
),
ranked AS (
    SELECT key, words, first, row_number() OVER (PARTITION BY key ORDER BY first) AS n
    FROM quotes
),
shared AS (  -- translations that render two quotes or more: their first two quotes
    SELECT key,
           max(words) FILTER (WHERE n = 1) AS words1,
           max(first) FILTER (WHERE n = 1) AS first1,
           max(first) FILTER (WHERE n = 2) AS first2
    FROM ranked
    WHERE n <= 2
    GROUP BY key
    HAVING count(*) = 2
),
found AS (
    SELECT t.*, CASE WHEN t.words = s.words1 THEN s.first2 ELSE s.first1 END AS o
    FROM t JOIN shared AS s USING (key)
)
SELECT
    "table",
    _row AS "row",
    translation_column AS "column",
    translation AS "value",
    'the same translation renders another quote: ' || o.tbl || ' row ' || o.r || ' (''' || left(o.txt, 60) || '...'')' AS detail
FROM found
ORDER BY 1, 2, 3, detail
