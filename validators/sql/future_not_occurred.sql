-- rule: future-not-occurred
-- description: An event dated by a forward-looking expression of its source ('minggu depan', 'pekan depan', 'bulan depan', 'tahun depan', 'ke depan', 'besok', 'lusa', 'mendatang'; its date_reasoning names the words it was resolved from) was in the future of its report: its status is 'planned' or 'announced', never 'occurred' or 'claimed'.
-- protects: a planned or announced event turned 'occurred' (on its article's publication day, say), which event-after-publication cannot see since the date is no later than the article
SELECT
    'events' AS "table",
    e._row AS "row",
    'status' AS "column",
    e.status AS "value",
    e.event_id || ' is ' || e.status || ', but its date is resolved from ''' ||
        regexp_extract(lower(e.date_reasoning), '(minggu depan|pekan depan|bulan depan|tahun depan|ke depan|besok|lusa|mendatang)')
        || ''', the future of its report' AS detail
FROM events AS e
WHERE e.status IN ('occurred', 'claimed')
  AND regexp_matches(lower(e.date_reasoning), '(^|[^a-z])(minggu depan|pekan depan|bulan depan|tahun depan|ke depan|besok|lusa|mendatang)([^a-z]|$)')
ORDER BY 2
