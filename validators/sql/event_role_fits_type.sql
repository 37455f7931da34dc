-- rule: event-role-fits-type
-- description: Every event_actors role fits its event's type, as validators/roles.toml defines the roles (a victim of an attack, riot, clash or operation; a requester of a request for assistance; a provider or host of a deployment or withdrawal; ...).
-- protects: a role typed or moved onto an event where it means nothing (a requester of a riot, a victim of an election, a provider of a protest), or an event retyped under its actors
SELECT
    'event_actors' AS "table",
    ea._row AS "row",
    'role' AS "column",
    ea.role AS "value",
    ea.event_id || ' is a ' || e.event_type || ', which has no ' || ea.role
        || coalesce(' (a ' || ea.role || ' fits: ' || (SELECT string_agg(r.event_type, ', ' ORDER BY r.event_type)
                                                       FROM role_event_types AS r WHERE r.role = ea.role) || ')',
                    ' (validators/roles.toml does not define the role)') AS detail
FROM event_actors AS ea
JOIN events AS e USING (event_id)
WHERE NOT EXISTS (
    SELECT 1 FROM role_event_types AS r
    WHERE r.role = ea.role AND (r.event_type = '*' OR r.event_type = e.event_type)
)
ORDER BY 2
