-- rule: request-before-deployment
-- description: A request_for_assistance made in 2022 comes before the deployment it leads to: no 2022 military_deployment to the requesting country begins before the request (date_start <=).
-- protects: a timeline in which the intervention precedes the request that justified it
WITH located AS (
    SELECT e._row, e.event_id, e.event_type, e.date_start, p.country_code
    FROM events AS e
    LEFT JOIN places AS p USING (place_id)
    WHERE year(e.date_start) = 2022
)
SELECT
    'events' AS "table",
    r._row AS "row",
    'date_start' AS "column",
    CAST(r.date_start AS VARCHAR) AS "value",
    r.event_id || ' (request for assistance, ' || r.country_code || ') starts ' || CAST(r.date_start AS VARCHAR)
        || ', after deployment ' || d.event_id || ' began (' || CAST(d.date_start AS VARCHAR) || ')' AS detail
FROM located AS r
JOIN located AS d
  ON d.event_type = 'military_deployment' AND d.country_code = r.country_code AND d.date_start < r.date_start
WHERE r.event_type = 'request_for_assistance'
ORDER BY 2, d.event_id
