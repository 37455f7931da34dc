-- rule: figure-dates-fit
-- description: A figure's reference interval starts no later than the latest possible publication date (published_date_max) of the source that prints it, and not before the start of the event it counts (a count of an event refers to the event or to a time after it began, as a tally of a day of the protests does); it ends no later than that publication date either, unless the event it counts is planned or announced (a projection: 'within the next 10 days').
-- protects: a figure redated into the future of its article, or back before the event it belongs to (a year or month typo in ref_date_start or ref_date_end, a reference date copied from another row)
SELECT
    'figures' AS "table",
    f._row AS "row",
    'ref_date_start' AS "column",
    CAST(f.ref_date_start AS VARCHAR) AS "value",
    f.figure_id || ' refers to ' || CAST(f.ref_date_start AS VARCHAR) || ', after source ' || f.source_id
        || ' that prints it was published (at the latest ' || CAST(s.published_date_max AS VARCHAR) || ')' AS detail
FROM figures AS f
JOIN sources AS s USING (source_id)
WHERE f.ref_date_start > s.published_date_max
UNION ALL
SELECT
    'figures', f._row, 'ref_date_start', CAST(f.ref_date_start AS VARCHAR),
    f.figure_id || ' refers to ' || CAST(f.ref_date_start AS VARCHAR) || ', before its event ' || f.event_id
        || ' begins (' || CAST(e.date_start AS VARCHAR) || ')'
FROM figures AS f
JOIN events AS e USING (event_id)
WHERE f.ref_date_start < e.date_start
UNION ALL
SELECT
    'figures', f._row, 'ref_date_end', CAST(f.ref_date_end AS VARCHAR),
    f.figure_id || ' refers to a time up to ' || CAST(f.ref_date_end AS VARCHAR) || ', after source ' || f.source_id
        || ' that prints it was published (at the latest ' || CAST(s.published_date_max AS VARCHAR) || ')'
        || CASE WHEN e.event_id IS NULL THEN '' ELSE ', and its event ' || e.event_id || ' is ' || e.status || ', not planned or announced' END
FROM figures AS f
JOIN sources AS s USING (source_id)
LEFT JOIN events AS e ON e.event_id = f.event_id
WHERE f.ref_date_end > s.published_date_max
  AND (e.status IS NULL OR CAST(e.status AS VARCHAR) NOT IN ('planned', 'announced'))
ORDER BY 2, 3
