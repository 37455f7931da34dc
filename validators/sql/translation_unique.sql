-- rule: translation-unique
-- description: No two spans whose quotes differ (in more than case, spacing and punctuation) share one English translation (compared without case and outer spaces): each translation renders its own quote.
-- protects: a translation copied from another row (the quote changed and its translation left as it was, or pasted into the wrong row)
-- Linear, not a self-join: a package with many rows sharing one translation must not cost rows squared.
-- Grouped by 64-bit hashes of the texts and their compared forms, not the texts themselves (a million
-- quotes are not held a second time); each pair found is then compared exactly, so a hash collision
-- can never report a row (it could hide one only if two different quotes or translations collided:
-- odds of about 1 in 10^19 a pair).
-- The costly steps (folding a translation's case, folding and stripping a quote) run once per distinct
-- translation, and once per distinct quote of the translations that render two quotes as written: one
-- passage is quoted by many rows, and most translations render one quote (1.6 s -> 0.1 s of CPU at a
-- million rows). keys is MATERIALIZED and reads its translations through any_value, or DuckDB moves the
-- folding back onto every row and the trim test below the grouping. No CTE carries a quote's text (forms
-- and found read spans again): DuckDB keeps a CTE read twice, and the quotes would be held a second time.
-- Each row is shown the first span (by table, row and span) of another quote with its translation.
WITH keys AS MATERIALIZED (  -- each distinct translation as written (by its hash h), with its compared form (hashed)
    SELECT h, hash(lower(trim(translation))) AS k
    FROM (SELECT hash(translation) AS h, any_value(translation) AS translation
          FROM spans WHERE translation IS NOT NULL AND text IS NOT NULL GROUP BY h)
    WHERE trim(translation) <> ''
),
written AS (  -- each distinct quote as written (by its hash x) of a translation, at its first span
    SELECT k, hash(s.text) AS x, min({'tbl': s."table", 'r': s._row, 's': s.span}) AS first
    FROM spans AS s JOIN keys ON hash(s.translation) = keys.h
    WHERE s.translation IS NOT NULL AND s.text IS NOT NULL
    GROUP BY k, x
),
forms AS MATERIALIZED (  -- of translations with two quotes or more as written: each quote's compared form (hashed)
    SELECT k, x, first, hash(regexp_replace(lower(s.text), '[^[:alnum:]]', '', 'g')) AS w
    FROM written AS q
    JOIN spans AS s ON s."table" = q.first.tbl AND s._row = q.first.r AND s.span = q.first.s
    WHERE k IN (SELECT k FROM written GROUP BY k HAVING count(*) > 1)
),
quotes AS (  -- each distinct quote of a translation, at its first span
    SELECT k, w, min(first) AS first
    FROM forms
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
    SELECT s."table", s._row, s.span, CASE WHEN q.w = sh.w1 THEN sh.first2 ELSE sh.first1 END AS o
    FROM spans AS s
    JOIN keys ON hash(s.translation) = keys.h
    JOIN shared AS sh USING (k)
    JOIN forms AS q ON q.k = keys.k AND q.x = hash(s.text)
    WHERE s.translation IS NOT NULL AND s.text IS NOT NULL
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
