-- rule: translation-unique
-- description: No two spans whose quotes differ (in more than case, spacing and punctuation) share one English translation (compared without case and outer spaces): each translation renders its own quote.
-- protects: a translation copied from another row (the quote changed and its translation left as it was, or pasted into the wrong row)
-- Linear, not a self-join: a package with many rows sharing one translation must not cost rows squared.
-- Grouped by 64-bit hashes of the compared forms, not the forms themselves (a million translations
-- are not held a second time); each pair found is then compared exactly, so a hash collision can
-- never report a row (it could hide one only if two different quotes of one translation collided:
-- odds of about 1 in 10^19 a pair).
-- Each row is shown the first span (by table, row and span) of another quote with its translation.
WITH t AS (
    SELECT "table", _row, span,
           hash(lower(trim(translation))) AS k,
           hash(regexp_replace(lower(text), '[^[:alnum:]]', '', 'g')) AS w
    FROM spans
    WHERE translation IS NOT NULL AND trim(translation) <> '' AND text IS NOT NULL
),
quotes AS (  -- each distinct quote of a translation, at its first span
    SELECT k, w, min({'tbl': "table", 'r': _row, 's': span}) AS first
    FROM t
    GROUP BY k, w
),
ranked AS (
    SELECT k, w, first, row_number() OVER (PARTITION BY k ORDER BY first) AS n
    FROM quotes
),
shared AS (  -- translations that render two quotes or more: their first two quotes
    SELECT k,
           max(w) FILTER (WHERE n = 1) AS w1,
           max(first) FILTER (WHERE n = 1) AS first1,
           max(first) FILTER (WHERE n = 2) AS first2
    FROM ranked
    WHERE n <= 2
    GROUP BY k
    HAVING count(*) = 2
),
found AS (
    SELECT t."table", t._row, t.span, CASE WHEN t.w = s.w1 THEN s.first2 ELSE s.first1 END AS o
    FROM t JOIN shared AS s USING (k)
)
SELECT
    f."table",
    f._row AS "row",
    me.translation_column AS "column",
    me.translation AS "value",
    'the same translation renders another quote: ' || f.o.tbl || ' row ' || f.o.r || ' (''' || left(other.text, 60) || '...'')' AS detail
FROM found AS f
JOIN spans AS me ON me."table" = f."table" AND me._row = f._row AND me.span = f.span
JOIN spans AS other ON other."table" = f.o.tbl AND other._row = f.o.r AND other.span = f.o.s
WHERE lower(trim(me.translation)) = lower(trim(other.translation))
  AND regexp_replace(lower(me.text), '[^[:alnum:]]', '', 'g') <> regexp_replace(lower(other.text), '[^[:alnum:]]', '', 'g')
ORDER BY 1, 2, 3, detail
