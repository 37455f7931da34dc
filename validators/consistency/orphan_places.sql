-- rule: orphan-places
-- description: Every place is used: by an event, by a figure, or it is a country (place_type 'country' or 'historical_country') whose country_code is an actor's country_code.
-- protects: places left behind when the rows that cited them were deleted, or typed in but never linked
SELECT
    'places' AS "table",
    p._row AS "row",
    'place_id' AS "column",
    p.place_id AS "value",
    'place ' || p.place_id || ' is not used by any event or figure, nor the country of an actor' AS detail
FROM places AS p
WHERE NOT EXISTS (SELECT 1 FROM events AS x WHERE x.place_id = p.place_id)
  AND NOT EXISTS (SELECT 1 FROM figures AS x WHERE x.place_id = p.place_id)
  AND NOT (p.place_type IN ('country', 'historical_country') AND EXISTS (SELECT 1 FROM actors AS x WHERE x.country_code = p.country_code))
ORDER BY 2
