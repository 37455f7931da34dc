-- rule: versions-agree
-- description: The version in datapackage.json, the top released entry of CHANGELOG.md, CITATION.cff and the installed qantar package (when it is the package being validated) are the same.
-- protects: a release whose data, changelog, citation and package disagree about what version they are
SELECT
    v.origin AS "table",
    NULL::BIGINT AS "row",
    'version' AS "column",
    v.version AS "value",
    v.origin || ' says ' || coalesce(v.version, 'nothing') || ', datapackage.json says ' || coalesce(d.version, 'nothing') AS detail
FROM package_versions AS v
CROSS JOIN (SELECT version FROM package_versions WHERE origin = 'datapackage.json') AS d
WHERE v.origin <> 'datapackage.json' AND v.version IS DISTINCT FROM d.version
ORDER BY 1
