-- rule: host-fits-place
-- description: A host is of the country where its event is placed: an actor in the role 'host' has the country_code of the event's place, where both are known; and the host of a force or a clash (a military deployment or withdrawal, an armed clash), which is the state that receives it or where it takes place, has a country at all when the event is placed in one. A meeting may be hosted by an organisation with no country.
-- protects: a host swapped with the force it receives (the CSTO made the host of its own deployment in Almaty), or moved to another country than the event's
SELECT
    'event_actors' AS "table",
    x._row AS "row",
    'role' AS "column",
    x.role AS "value",
    x.actor_id || ' hosts ' || x.event_id || ', which is placed in ' || e.place_id || ' (' || p.country_code || '), but '
        || CASE WHEN a.country_code IS NULL THEN 'has no country' ELSE 'is of ' || a.country_code END AS detail
FROM event_actors AS x
JOIN events AS e ON e.event_id = x.event_id
JOIN places AS p ON p.place_id = e.place_id
JOIN actors AS a ON a.actor_id = x.actor_id
WHERE x.role = 'host'
  AND p.country_code IS NOT NULL
  AND (a.country_code <> p.country_code
       OR (a.country_code IS NULL AND e.event_type IN ('military_deployment', 'military_withdrawal', 'armed_clash')))
ORDER BY 2
