-- rule: event-not-repeated
-- description: An event is recorded once: no two events of the same type, status, interval and place rest on the same passage (the same source and offsets in event_sources).
-- protects: an event copied under a new id with its passage (the Kyrgyz parliament's vote counted twice), which every key and vocabulary allows
WITH passages AS (  -- each passage with the event it reports and what the event is
    SELECT x.source_id, x.char_start, x.char_end, e._row, e.event_id,
           hash(e.event_type, e.status, e.date_start, e.date_end, e.place_id) AS what
    FROM event_sources AS x
    JOIN events AS e ON e.event_id = x.event_id
),
twice AS (  -- the passages that report two events of one description
    SELECT source_id, char_start, char_end, what, min(_row) AS first_row
    FROM passages
    GROUP BY source_id, char_start, char_end, what
    HAVING count(DISTINCT event_id) > 1
)
SELECT DISTINCT
    'events' AS "table",
    p._row AS "row",
    'event_id' AS "column",
    p.event_id AS "value",
    'event ' || p.event_id || ' repeats an event of the same type, status, dates and place on the same passage of '
        || p.source_id || ' (' || p.char_start || '..' || p.char_end || ')' AS detail
FROM passages AS p
JOIN twice AS t USING (source_id, char_start, char_end, what)
WHERE p._row > t.first_row
ORDER BY 2
