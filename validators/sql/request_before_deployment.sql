-- rule: request-before-deployment
-- description: A request_for_assistance comes before the deployment it leads to: no military_deployment to the requesting country (places.country_code) by a provider the request was addressed to (event_actors: the deployment's provider is the request's addressee) begins before the request (date_start <=). The pairing is by country and by who was asked, never by a year, so no date can move a pair out of the rule's sight.
-- protects: a timeline in which the intervention precedes the request that justified it
WITH located AS (
    SELECT e._row, e.event_id, e.event_type, e.date_start, p.country_code
    FROM events AS e
    LEFT JOIN places AS p USING (place_id)
),
answered AS (
    SELECT DISTINCT r.event_id AS request_id, d.event_id AS deployment_id
    FROM event_actors AS r
    JOIN event_actors AS d ON d.actor_id = r.actor_id AND d.role = 'provider'
    WHERE r.role = 'addressee'
)
SELECT
    'events' AS "table",
    r._row AS "row",
    'date_start' AS "column",
    CAST(r.date_start AS VARCHAR) AS "value",
    r.event_id || ' (request for assistance, ' || r.country_code || ') starts ' || CAST(r.date_start AS VARCHAR)
        || ', after deployment ' || d.event_id || ' by an actor it asked began (' || CAST(d.date_start AS VARCHAR) || ')' AS detail
FROM located AS r
JOIN answered AS a ON a.request_id = r.event_id
JOIN located AS d
  ON d.event_id = a.deployment_id AND d.event_type = 'military_deployment' AND d.country_code = r.country_code
 AND d.date_start < r.date_start
WHERE r.event_type = 'request_for_assistance'
ORDER BY 2, d.event_id
