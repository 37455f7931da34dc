-- rule: force-after-deployment
-- description: An event in which a force deployed to the country takes part (participant or perpetrator, the event occurred or claimed) does not begin before that force's earliest deployment there (date_start >= the deployment's date_start; a military_deployment's participants are the forces it deploys, country from places.country_code).
-- protects: an act of the deployed force dated before it arrived (calm restored 'with the help of the CSTO forces' moved to the first day of the protests, before they were sent), a timeline no article allows
WITH located AS (
    SELECT e._row, e.event_id, e.event_type, e.date_start, e.status, p.country_code
    FROM events AS e
    LEFT JOIN places AS p USING (place_id)
),
arrival AS MATERIALIZED (
    SELECT a.actor_id, d.country_code, coalesce(d.country_code, '') AS country_key, min(d.date_start) AS arrived,
           arg_min(d.event_id, d.date_start) AS deployment
    FROM located AS d
    JOIN event_actors AS a USING (event_id)
    WHERE d.event_type = 'military_deployment' AND CAST(a.role AS VARCHAR) = 'participant' AND d.date_start IS NOT NULL
    GROUP BY a.actor_id, d.country_code
),
-- the links of the forces first (a few per package), then their events; materialised, or the planner joins
-- events to arrivals on the country alone first (a million-row package: every event in one country)
acts AS MATERIALIZED (
    SELECT a.event_id, a.actor_id, r.country_key, r.arrived, r.deployment, r.country_code
    FROM event_actors AS a
    JOIN arrival AS r USING (actor_id)
    WHERE CAST(a.role AS VARCHAR) IN ('participant', 'perpetrator')
)
SELECT DISTINCT
    'events' AS "table",
    e._row AS "row",
    'date_start' AS "column",
    CAST(e.date_start AS VARCHAR) AS "value",
    e.event_id || ': ' || x.actor_id || ' takes part from ' || CAST(e.date_start AS VARCHAR) || ', before its deployment '
        || x.deployment || ' to ' || x.country_code || ' began (' || CAST(x.arrived AS VARCHAR) || ')' AS detail
FROM acts AS x
JOIN located AS e USING (event_id)
WHERE x.country_key = coalesce(e.country_code, '')
  AND e.event_type <> 'military_deployment'
  AND CAST(e.status AS VARCHAR) IN ('occurred', 'claimed')
  AND e.date_start < x.arrived
ORDER BY 2
