-- rule: actor-country-agrees
-- description: Actors, places and roles agree about countries (where both sides have a country_code): an actor and its affiliation belong to the same country, and an actor affiliated to a state or to a state's body or force has that country's code (an empty code would switch this off); a state actor and the place of the same id have the same code; the host of a deployment, withdrawal or meeting and the requester of a request for assistance belong to the country where the event is placed, and the provider of a deployment or withdrawal does not (event_types: 'Foreign or coalition forces sent into a country').
-- protects: two actors swapped consistently in every table (Kazakhstan for Kyrgyzstan, Tokayev for Putin), or a country code moved to the wrong actor, which no key or vocabulary can see
SELECT 'actors' AS "table", a._row AS "row", 'affiliation_id' AS "column", a.affiliation_id AS "value",
       a.actor_id || ' (' || a.country_code || ') is affiliated to ' || a.affiliation_id || ' (' || b.country_code || ')' AS detail
FROM actors AS a
JOIN actors AS b ON b.actor_id = a.affiliation_id
WHERE a.country_code IS NOT NULL AND b.country_code IS NOT NULL AND a.country_code <> b.country_code
UNION ALL
SELECT 'actors', a._row, 'country_code', a.country_code,
       a.actor_id || ' has no country_code, but it is affiliated to ' || b.actor_id || ' (' || b.actor_type || ', '
           || b.country_code || ')'
FROM actors AS a
JOIN actors AS b ON b.actor_id = a.affiliation_id
WHERE a.country_code IS NULL AND b.country_code IS NOT NULL AND b.actor_type IN ('state', 'government_body', 'security_force')
UNION ALL
SELECT 'actors', a._row, 'country_code', a.country_code,
       'the state ' || a.actor_id || ' has the code ' || a.country_code || ' but the place ' || p.place_id || ' has ' || p.country_code
FROM actors AS a
JOIN places AS p ON p.place_id = a.actor_id
WHERE a.actor_type = 'state' AND p.country_code IS NOT NULL AND a.country_code IS DISTINCT FROM p.country_code
UNION ALL
SELECT 'event_actors', ea._row, 'actor_id', ea.actor_id,
       ea.actor_id || ' (' || a.country_code || ') is the ' || ea.role || ' of ' || ea.event_id || ' (' || e.event_type
           || '), which is placed in ' || p.place_id || ' (' || p.country_code || ')'
FROM event_actors AS ea
JOIN actors AS a USING (actor_id)
JOIN events AS e USING (event_id)
JOIN places AS p ON p.place_id = e.place_id
WHERE a.country_code IS NOT NULL AND p.country_code IS NOT NULL AND a.country_code <> p.country_code
  AND ((ea.role = 'host' AND e.event_type IN ('military_deployment', 'military_withdrawal', 'diplomatic_meeting'))
       OR (ea.role = 'requester' AND e.event_type = 'request_for_assistance'))
UNION ALL
SELECT 'event_actors', ea._row, 'actor_id', ea.actor_id,
       ea.actor_id || ' (' || a.country_code || ') is the provider of ' || ea.event_id || ' (' || e.event_type
           || '), which is placed in ' || p.place_id || ' (' || p.country_code || '): the forces of a deployment or withdrawal are foreign'
FROM event_actors AS ea
JOIN actors AS a USING (actor_id)
JOIN events AS e USING (event_id)
JOIN places AS p ON p.place_id = e.place_id
WHERE ea.role = 'provider' AND e.event_type IN ('military_deployment', 'military_withdrawal')
  AND a.country_code IS NOT NULL AND a.country_code = p.country_code
ORDER BY 1, 2, 3
