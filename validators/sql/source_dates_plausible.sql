-- rule: source-dates-plausible
-- description: A source's publication dates are backed by the article, so the rules that lean on them cannot be switched off by moving them: a printed date has no uncertainty (published_date_min = published_date = published_date_max) and the printed line (published_as_printed) shows its day, month and year; an inferred date names each of its bounds (ISO, e.g. 2022-01-07) in published_date_reasoning; and every membership's as_of_date is a possible publication date of its source.
-- protects: a latest possible publication date moved (to 2023, say) without evidence, which would silently let events and statements after the article pass event-after-publication and statement-after-publication; a membership dated away from the source that states it
WITH months(m, names) AS (
    VALUES (1, ['januari', 'jan', 'january']), (2, ['februari', 'feb', 'february']), (3, ['maret', 'mar', 'march']),
           (4, ['april', 'apr']), (5, ['mei', 'may']), (6, ['juni', 'jun', 'june']), (7, ['juli', 'jul', 'july']),
           (8, ['agustus', 'agu', 'aug', 'august']), (9, ['september', 'sep', 'sept']), (10, ['oktober', 'okt', 'oct', 'october']),
           (11, ['november', 'nov']), (12, ['desember', 'des', 'dec', 'december'])
),
bounds AS (
    SELECT s._row, s.source_id, s.published_date_basis AS basis, s.published_date_reasoning AS reasoning,
           s.published_as_printed AS printed, s.published_date AS best, b.col, b.day
    FROM sources AS s
    CROSS JOIN LATERAL (VALUES ('published_date_min', s.published_date_min), ('published_date', s.published_date),
                               ('published_date_max', s.published_date_max)) AS b(col, day)
)
SELECT 'sources' AS "table", b._row AS "row", b.col AS "column", CAST(b.day AS VARCHAR) AS "value",
       b.source_id || ': the publication date is printed, so ' || b.col || ' is ' || CAST(b.best AS VARCHAR) || ', the printed day, not '
           || CAST(b.day AS VARCHAR) AS detail
FROM bounds AS b
WHERE b.basis = 'printed' AND b.col <> 'published_date' AND b.day IS DISTINCT FROM b.best
UNION ALL
SELECT 'sources', b._row, b.col, CAST(b.day AS VARCHAR),
       b.source_id || ': the printed line ''' || coalesce(b.printed, '') || ''' does not show ' || CAST(b.day AS VARCHAR)
           || ' (its day, month name and year)'
FROM bounds AS b
JOIN months AS mo ON mo.m = month(b.day)
WHERE b.basis = 'printed' AND b.col = 'published_date'
  AND NOT (coalesce(regexp_matches(b.printed, '(^|[^0-9])0?' || day(b.day) || '([^0-9]|$)'), FALSE)
           AND coalesce(contains(b.printed, CAST(year(b.day) AS VARCHAR)), FALSE)
           AND coalesce(regexp_matches(lower(b.printed), '(^|[^a-z])(' || array_to_string(mo.names, '|') || ')([^a-z]|$)')
                        OR regexp_matches(b.printed, '(^|[^0-9])0?' || day(b.day) || '/0?' || month(b.day) || '([^0-9]|$)'), FALSE))
UNION ALL
SELECT 'sources', b._row, b.col, CAST(b.day AS VARCHAR),
       b.source_id || ': the inferred ' || b.col || ' ' || CAST(b.day AS VARCHAR) || ' is not named in published_date_reasoning'
FROM bounds AS b
WHERE b.basis <> 'printed' AND b.col <> 'published_date'
  AND NOT coalesce(contains(b.reasoning, CAST(b.day AS VARCHAR)), FALSE)
UNION ALL
SELECT 'memberships', m._row, 'as_of_date', CAST(m.as_of_date AS VARCHAR),
       m.membership_id || ': as_of_date ' || CAST(m.as_of_date AS VARCHAR) || ' is not a possible publication date of source '
           || m.source_id || ' (' || CAST(s.published_date_min AS VARCHAR) || ' to ' || CAST(s.published_date_max AS VARCHAR) || ')'
FROM memberships AS m
JOIN sources AS s USING (source_id)
WHERE m.as_of_date IS NULL OR NOT (m.as_of_date BETWEEN s.published_date_min AND s.published_date_max)
ORDER BY 1, 2, 3
