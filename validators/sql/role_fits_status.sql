-- rule: role-fits-status
-- description: Every event_actors role fits its event's status, as validators/roles.toml says (a role without statuses fits any): a plain perpetrator states as fact who did an act, so a 'claimed' event, whose act a party only asserts, has alleged perpetrators and instigators, not perpetrators.
-- protects: an alleged perpetrator of a claimed attack or coup made a plain perpetrator, turning a party's accusation into the dataset's finding
SELECT
    'event_actors' AS "table",
    ea._row AS "row",
    'role' AS "column",
    ea.role AS "value",
    ea.event_id || ' is ' || e.status || ', which a ' || ea.role || ' does not fit (it fits: '
        || (SELECT string_agg(r.status, ', ' ORDER BY r.status) FROM role_statuses AS r WHERE r.role = ea.role)
        || '; validators/roles.toml)' AS detail
FROM event_actors AS ea
JOIN events AS e USING (event_id)
WHERE EXISTS (SELECT 1 FROM role_statuses AS r WHERE r.role = ea.role)
  AND NOT EXISTS (
    SELECT 1 FROM role_statuses AS r
    WHERE r.role = ea.role AND (r.status = '*' OR r.status = e.status)
)
ORDER BY 2
