-- rule: event-figure-dated
-- description: A figure tied to an event whose quote lies in (overlaps) a passage of that event in the same source (event_sources) has reference dates (both): it refers to the event's interval or to the day it is stated (docs/curation.md). A figure that measures a length of time (its unit is days, weeks, months, years or decades: 'tiga hari setelah', 'beberapa dekade') may have none, and so may a habitual claim outside the event's passages ('terkenal dengan banyak revolusinya').
-- protects: a figure's reference interval emptied (as if a habitual claim), which switches off every date rule on figures (the 3,000 troops of E024 losing 2022-01-06..10)
SELECT
    'figures' AS "table",
    f._row AS "row",
    CASE WHEN f.ref_date_start IS NULL THEN 'ref_date_start' ELSE 'ref_date_end' END AS "column",
    NULL AS "value",
    'figure ' || f.figure_id || ' counts ' || CAST(f.unit AS VARCHAR) || ' of event ' || f.event_id
        || ' and its quote lies in that event''s passage in source ' || f.source_id
        || ', but its reference dates are empty: it refers to the event''s interval or to the day it is stated' AS detail
FROM figures AS f
WHERE f.event_id IS NOT NULL
  AND (f.ref_date_start IS NULL OR f.ref_date_end IS NULL)
  AND lower(trim(coalesce(f.unit, ''))) NOT IN ('hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries',
                                               'hour', 'day', 'week', 'month', 'year', 'decade', 'century')
  AND EXISTS (SELECT 1 FROM event_sources AS x
              WHERE x.event_id = f.event_id AND x.source_id = f.source_id
                AND x.char_start < f.char_end AND f.char_start < x.char_end)
ORDER BY 2
