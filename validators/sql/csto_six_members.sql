-- rule: csto-six-members
-- description: The CSTO (actor 'csto') has exactly six member states: distinct member_id over memberships rows with role 'member'.
-- protects: a member state dropped from, or invented into, the CSTO's membership
WITH member_rows AS (
    SELECT _row, member_id
    FROM memberships
    WHERE organisation_id = 'csto' AND role = 'member'
),
member_count AS (
    SELECT count(DISTINCT member_id) AS n FROM member_rows
)
SELECT
    'memberships' AS "table",
    m._row AS "row",
    'member_id' AS "column",
    m.member_id AS "value",
    'the CSTO has ' || c.n || ' distinct member states in memberships, not 6' AS detail
FROM member_count AS c
LEFT JOIN member_rows AS m ON true
WHERE c.n <> 6
ORDER BY m._row
