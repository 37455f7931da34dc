-- rule: outlet-in-evidence
-- description: A source's outlet is borne out by its outlet_evidence: the evidence writes the outlet's name (the outlet as recorded, without a trailing parenthesis such as '(Indonesian service)'; any case), and an outlet is never recorded without evidence.
-- protects: an outlet replaced by another (Pars Today, which the dateline and links identify, given as Sputnik) while the evidence still argues for the first, or an outlet added with no evidence at all
WITH named AS (
    SELECT _row, source_id, outlet, coalesce(outlet_evidence, '') AS evidence,
           trim(regexp_replace(outlet, '\s*\([^)]*\)\s*$', '')) AS name
    FROM sources
    WHERE outlet IS NOT NULL AND trim(outlet) <> ''
)
SELECT
    'sources' AS "table",
    _row AS "row",
    'outlet' AS "column",
    outlet AS "value",
    source_id || ': the outlet is ' || outlet || CASE
        WHEN trim(evidence) = '' THEN ', but no outlet_evidence says why'
        ELSE ', but its outlet_evidence never names ' || name END AS detail
FROM named
WHERE trim(evidence) = '' OR name = '' OR NOT contains(lower(evidence), lower(name))
ORDER BY 2
