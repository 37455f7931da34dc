-- rule: event-after-publication
-- description: No event reported as past (status 'occurred' or 'claimed') begins after the latest possible publication date (published_date_max) of a source that reports it (every event_sources row), nor ends after the latest of them: a report can say only what had happened by the time it was published. An announced event dated by inference (date_basis 'inferred') does not end after the latest of them either: what its articles' context dates is the making public, which they saw; the date of the future action itself comes from words that place it there ('akan berakhir dalam 10 hari ke depan'), with basis 'stated' or 'relative'. A planned event may lie in the future.
-- protects: a date typo that puts a reported event in the future of its own report, or an event's end stretched past every report of it (a few days widened to the whole month), an announced event's included (the news of a decision made to end after the only article that reports it)
SELECT
    'events' AS "table",
    e._row AS "row",
    'date_start' AS "column",
    CAST(e.date_start AS VARCHAR) AS "value",
    e.event_id || ' (' || e.status || ') starts ' || CAST(e.date_start AS VARCHAR) || ', after source ' || s.source_id
        || ' that reports it was published (at the latest ' || CAST(s.published_date_max AS VARCHAR) || ')' AS detail
FROM event_sources AS es
JOIN events AS e USING (event_id)
JOIN sources AS s USING (source_id)
WHERE e.status IN ('occurred', 'claimed') AND e.date_start > s.published_date_max
UNION ALL
SELECT
    'events', e._row, 'date_end', CAST(e.date_end AS VARCHAR),
    e.event_id || ' (' || e.status || ') ends ' || CAST(e.date_end AS VARCHAR) || ', after the last of its sources was '
        || 'published (at the latest ' || CAST(max(s.published_date_max) AS VARCHAR) || ')'
        || CASE WHEN e.status IN ('occurred', 'claimed') THEN ''
                ELSE ', yet it is announced and its date is inferred from their context, not stated or resolved from words of the future' END
FROM event_sources AS es
JOIN events AS e USING (event_id)
JOIN sources AS s USING (source_id)
WHERE e.status IN ('occurred', 'claimed') OR (e.status = 'announced' AND e.date_basis = 'inferred')
GROUP BY e._row, e.event_id, e.status, e.date_end
HAVING e.date_end > max(s.published_date_max)
ORDER BY 2, 5
