-- rule: event-after-publication
-- description: No event reported as past (status 'occurred' or 'claimed') begins after the latest possible publication date (published_date_max) of a source that reports it (every event_sources row), nor ends after the latest of them: a report can say only what had happened by the time it was published.
-- protects: a date typo that puts a reported event in the future of its own report, or an event's end stretched past every report of it (a few days widened to the whole month)
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
FROM event_sources AS es
JOIN events AS e USING (event_id)
JOIN sources AS s USING (source_id)
WHERE e.status IN ('occurred', 'claimed')
GROUP BY e._row, e.event_id, e.status, e.date_end
HAVING e.date_end > max(s.published_date_max)
ORDER BY 2, 5
