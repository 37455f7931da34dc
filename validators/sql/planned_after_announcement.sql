-- rule: planned-after-announcement
-- description: A 'planned' event (expected in the future of its report) does not begin before the earliest possible publication date (published_date_min) of any source that reports it, and a 'planned' or 'announced' event does not begin before the earliest day of a statement that announces it (statements.event_id).
-- protects: a future event dated before it was announced (a date typo, or an event that happened filed as planned), which puts an announcement after the thing it announces
WITH announcements AS (
    SELECT es.event_id, 'source ' || s.source_id || ' (published ' || CAST(s.published_date_min AS VARCHAR) || ' at the earliest)' AS what,
           s.published_date_min AS day
    FROM event_sources AS es JOIN sources AS s USING (source_id)
    UNION ALL
    SELECT st.event_id, 'statement ' || st.statement_id || ' (made ' || CAST(st.date_start AS VARCHAR) || ' at the earliest)', st.date_start
    FROM statements AS st
    WHERE st.event_id IS NOT NULL
)
SELECT
    'events' AS "table",
    e._row AS "row",
    'date_start' AS "column",
    CAST(e.date_start AS VARCHAR) AS "value",
    e.event_id || ' (' || e.status || ') starts ' || CAST(e.date_start AS VARCHAR) || ', before its announcement by ' || a.what AS detail
FROM events AS e
JOIN announcements AS a USING (event_id)
WHERE e.date_start < a.day
  AND (e.status = 'planned' OR (e.status = 'announced' AND a.what LIKE 'statement %'))
ORDER BY 2, a.what
