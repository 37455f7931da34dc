-- rule: membership-types
-- description: A membership links an organisation to a member, as the vocabulary defines them: organisation_id is an actor of type 'international_organisation'; a 'member' is a state (the role's definition: a member state); a 'chair' is a person or a state; an organisation is never its own member.
-- protects: a membership whose ends were swapped (a state as the organisation, the CSTO as its own member) or that names a person, a group or an outlet as a member state
SELECT 'memberships' AS "table", m._row AS "row", 'organisation_id' AS "column", m.organisation_id AS "value",
       m.membership_id || ': the organisation ' || m.organisation_id || ' is a ' || coalesce(o.actor_type, 'missing actor')
           || ', not an international_organisation' AS detail
FROM memberships AS m
LEFT JOIN actors AS o ON o.actor_id = m.organisation_id
WHERE o.actor_type IS DISTINCT FROM 'international_organisation'
UNION ALL
SELECT 'memberships', m._row, 'member_id', m.member_id,
       m.membership_id || ': a ' || m.role || ' is ' || CASE m.role WHEN 'member' THEN 'a state' ELSE 'a person or a state' END
           || ', but ' || m.member_id || ' is a ' || coalesce(a.actor_type, 'missing actor')
FROM memberships AS m
LEFT JOIN actors AS a ON a.actor_id = m.member_id
WHERE NOT coalesce(CASE m.role WHEN 'member' THEN a.actor_type = 'state'
                               WHEN 'chair' THEN a.actor_type IN ('person', 'state') END, FALSE)
UNION ALL
SELECT 'memberships', m._row, 'member_id', m.member_id, m.membership_id || ': ' || m.member_id || ' is a member of itself'
FROM memberships AS m
WHERE m.member_id = m.organisation_id
ORDER BY 2, 3
