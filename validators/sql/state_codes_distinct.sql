-- rule: state-codes-distinct
-- description: The codes that identify a state identify one each: no two rows of country_codes share an ISO 3166-1 numeric code, a Gleditsch-Ward number or a Gleditsch-Ward code (missing values aside). COW codes are left out: COW gives Yugoslavia and Serbia one number, 345.
-- protects: a country given another country's numbers (Kyrgyzstan's COW and Gleditsch-Ward 703 set to Tajikistan's 702), which every range and pattern still accepts
SELECT
    'country_codes' AS "table",
    c._row AS "row",
    x.col AS "column",
    x.val AS "value",
    c.country_code || ' has the ' || x.col || ' ' || x.val || ' of ' || o.country_code || ': a state code names one state' AS detail
FROM country_codes AS c
CROSS JOIN LATERAL (VALUES ('iso_numeric', CAST(c.iso_numeric AS VARCHAR)), ('gw_numeric', CAST(c.gw_numeric AS VARCHAR)),
                           ('gw_alpha', CAST(c.gw_alpha AS VARCHAR))) AS x(col, val)
JOIN country_codes AS o
  ON o._row < c._row
 AND x.val = CASE x.col WHEN 'iso_numeric' THEN CAST(o.iso_numeric AS VARCHAR)
                        WHEN 'gw_numeric' THEN CAST(o.gw_numeric AS VARCHAR)
                        ELSE CAST(o.gw_alpha AS VARCHAR) END
WHERE x.val IS NOT NULL
ORDER BY 2, 3
