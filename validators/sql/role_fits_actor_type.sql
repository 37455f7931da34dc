-- rule: role-fits-actor-type
-- description: Every event_actors role is filled by an actor of a type that can fill it, as validators/roles.toml defines the roles (a provider of troops is a state or an organisation; a requester, decision maker or announcer is a person, a state, a government body or an organisation; a crowd claims nothing of its own).
-- protects: two actors swapped between roles, or a role given to the wrong kind of actor (a crowd providing troops, an outlet requesting help)
SELECT
    'event_actors' AS "table",
    ea._row AS "row",
    'actor_id' AS "column",
    ea.actor_id AS "value",
    ea.actor_id || ' is a ' || coalesce(a.actor_type, 'missing actor') || ', which cannot be a ' || ea.role
        || coalesce(' (a ' || ea.role || ' is a ' || (SELECT string_agg(r.actor_type, ', ' ORDER BY r.actor_type)
                                                     FROM role_actor_types AS r WHERE r.role = ea.role) || ')',
                    ' (validators/roles.toml does not define the role)') || ' in ' || ea.event_id AS detail
FROM event_actors AS ea
LEFT JOIN actors AS a USING (actor_id)
WHERE NOT EXISTS (
    SELECT 1 FROM role_actor_types AS r
    WHERE r.role = ea.role AND (r.actor_type = '*' OR r.actor_type = a.actor_type)
)
ORDER BY 2
