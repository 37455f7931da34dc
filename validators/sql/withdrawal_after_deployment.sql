-- rule: withdrawal-after-deployment
-- description: A military_withdrawal from a country does not begin before the earliest military_deployment to the same country (date_start of the withdrawal >= the earliest deployment's date_start; country from places.country_code).
-- protects: a timeline in which troops leave before they arrive (a swapped or mistyped date, a withdrawal filed under the wrong country)
WITH located AS (
    SELECT e._row, e.event_id, e.event_type, e.date_start, p.country_code
    FROM events AS e
    LEFT JOIN places AS p USING (place_id)
),
first_deployment AS (
    SELECT country_code, min(date_start) AS first_start
    FROM located
    WHERE event_type = 'military_deployment'
    GROUP BY country_code
)
SELECT
    'events' AS "table",
    w._row AS "row",
    'date_start' AS "column",
    CAST(w.date_start AS VARCHAR) AS "value",
    CASE
        WHEN d.first_start IS NULL THEN w.event_id || ' withdraws from ' || coalesce(w.country_code, 'an unknown country') || ', where no deployment is recorded'
        ELSE w.event_id || ' withdraws from ' || w.country_code || ' starting ' || CAST(w.date_start AS VARCHAR)
             || ', before the first deployment there (' || CAST(d.first_start AS VARCHAR) || ')'
    END AS detail
FROM located AS w
LEFT JOIN first_deployment AS d ON d.country_code IS NOT DISTINCT FROM w.country_code
WHERE w.event_type = 'military_withdrawal'
  AND (d.first_start IS NULL OR w.date_start < d.first_start)
ORDER BY 2
