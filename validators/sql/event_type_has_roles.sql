-- rule: event-type-has-roles
-- description: Every event type of event_types is one that validators/roles.toml names for at least one role (a role that fits any type, '*', does not count): the roles that fit an event type are decided, not assumed.
-- protects: an event type renamed in event_types, its events and the crosswalks (request_for_assistance to request_assistance), which every key still accepts while no role rule knows the new name, so that event-role-fits-type refuses every role of its events and says nothing of the type itself
SELECT 'event_types' AS "table", t._row AS "row", 'event_type' AS "column", t.event_type AS "value",
       'event type ' || t.event_type || ' is named by no role of validators/roles.toml: which roles fit it is undecided '
           || '(a type renamed, or one added without its roles)' AS detail
FROM event_types AS t
WHERE t.event_type IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM role_event_types AS r WHERE r.event_type = t.event_type)
ORDER BY 2
