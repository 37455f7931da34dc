-- rule: csto-member-figures
-- description: Every figure with measure csto_member_states equals the number of CSTO members in memberships, and every csto_member_states_excluding_russia equals that number minus one.
-- protects: a figure and the membership table telling different stories about the size of the CSTO
WITH member_count AS (
    SELECT count(DISTINCT member_id) AS n
    FROM memberships
    WHERE organisation_id = 'csto' AND role = 'member'
)
SELECT
    'figures' AS "table",
    f._row AS "row",
    'value' AS "column",
    CAST(f.value AS VARCHAR) AS "value",
    f.figure_id || ' (' || f.measure || ') says ' || coalesce(CAST(f.value AS VARCHAR), 'nothing')
        || ' but memberships give ' || c.n || ' CSTO members'
        || CASE WHEN f.measure = 'csto_member_states_excluding_russia' THEN ' (so ' || (c.n - 1) || ' without Russia)' ELSE '' END
        AS detail
FROM figures AS f, member_count AS c
WHERE (f.measure = 'csto_member_states' AND f.value IS DISTINCT FROM c.n)
   OR (f.measure = 'csto_member_states_excluding_russia' AND f.value IS DISTINCT FROM c.n - 1)
ORDER BY f._row
