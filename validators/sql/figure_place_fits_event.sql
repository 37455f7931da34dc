-- rule: figure-place-fits-event
-- description: A figure tied to an event and a place counts something of that event where it happened: its place is the event's place or lies in it (a place of the event's country, when the event is placed in a country).
-- protects: a figure moved to another city or country than its event's (the civilians attacked in Almaty counted in Aktobe) while the new place is named in its article and every key holds
SELECT
    'figures' AS "table",
    f._row AS "row",
    'place_id' AS "column",
    f.place_id AS "value",
    'figure ' || f.figure_id || ' is placed in ' || f.place_id || ', but its event ' || f.event_id || ' is placed in '
        || e.place_id || ', and ' || f.place_id || ' does not lie in it' AS detail
FROM figures AS f
JOIN events AS e ON e.event_id = f.event_id
JOIN places AS fp ON fp.place_id = f.place_id
JOIN places AS ep ON ep.place_id = e.place_id
WHERE f.place_id <> e.place_id
  AND NOT (ep.place_type = 'country' AND fp.country_code IS NOT NULL AND fp.country_code = ep.country_code)
ORDER BY 2
