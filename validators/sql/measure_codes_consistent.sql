-- rule: measure-codes-consistent
-- description: The values the rules key on cannot drift out of their sight: a measure code has one unit in every figure, the unit the measures table gives it; no two measure codes are a typo apart (at most two edits); a count of states that names the CSTO in counted_en carries a CSTO measure (csto_member_states or csto_member_states_excluding_russia, which csto-member-figures compares with the memberships); the actor 'csto' and the event types the timeline rules read (request_for_assistance, military_deployment, military_withdrawal) exist.
-- protects: a measure renamed or mistyped (csto_member_states to csto_members) or an id the rules name renamed, which silently switches off csto-member-figures, csto-six-members, request-before-deployment or withdrawal-after-deployment instead of failing
WITH used AS (
    SELECT measure, count(DISTINCT unit) AS units, string_agg(DISTINCT unit, ', ' ORDER BY unit) AS unit_list
    FROM figures
    WHERE measure IS NOT NULL
    GROUP BY measure
),
typos AS (  -- over the distinct codes (a few dozen), not the rows
    SELECT a.measure, min(b.measure) AS near
    FROM used AS a
    JOIN used AS b ON b.measure <> a.measure AND levenshtein(a.measure, b.measure) <= 2
    GROUP BY a.measure
)
SELECT 'figures' AS "table", f._row AS "row", 'unit' AS "column", f.unit AS "value",
       f.figure_id || ': the measure ' || f.measure || ' is counted in ' || m.units || ' units across the figures (' || m.unit_list || ')' AS detail
FROM figures AS f
JOIN used AS m USING (measure)
WHERE m.units > 1
UNION ALL
SELECT 'figures', f._row, 'unit', f.unit,
       f.figure_id || ': the measure ' || f.measure || ' is counted in ' || c.unit || ' (measures table), not ' || f.unit
FROM figures AS f
JOIN measures AS c USING (measure)
WHERE f.unit IS DISTINCT FROM c.unit AND f.unit IS NOT NULL
UNION ALL
SELECT 'figures', f._row, 'measure', f.measure,
       f.figure_id || ': the measure ' || f.measure || ' is a typo away from ' || t.near
FROM figures AS f
JOIN typos AS t USING (measure)
UNION ALL
SELECT 'figures', f._row, 'measure', f.measure,
       f.figure_id || ' counts ' || f.counted_en || ' (' || f.unit || ') but its measure is ' || f.measure || ', not a CSTO measure'
FROM figures AS f
WHERE f.unit = 'states' AND contains(f.counted_en, 'CSTO')
  AND f.measure NOT IN ('csto_member_states', 'csto_member_states_excluding_russia')
UNION ALL
SELECT 'actors', NULL::BIGINT, 'actor_id', 'csto', 'no international_organisation actor ''csto'': the CSTO rules would check nothing'
WHERE NOT EXISTS (SELECT 1 FROM actors WHERE actor_id = 'csto' AND actor_type = 'international_organisation')
UNION ALL
SELECT 'event_types', NULL::BIGINT, 'event_type', t.name, 'no event type ' || t.name || ': the timeline rules would check nothing'
FROM (VALUES ('request_for_assistance'), ('military_deployment'), ('military_withdrawal')) AS t(name)
WHERE t.name NOT IN (SELECT event_type FROM event_types)
ORDER BY 1, 2
