-- rule: figure-dates-fit
-- description: A figure's reference interval starts no later than the latest possible publication date (published_date_max) of the source that prints it, and not before the start of the event it counts (a count of an event refers to the event or to a time after it began, as a tally of a day of the protests does).
-- protects: a figure redated into the future of its article, or back before the event it belongs to (a year or month typo in ref_date_start, a reference date copied from another row)
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
ORDER BY 2, 3
