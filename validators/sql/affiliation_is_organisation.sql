-- rule: affiliation-is-organisation
-- description: An actor's affiliation is an organisation or a state, as the field says ('the organisation or state the actor belongs to, works for or is credited through'): a state, an international organisation, a government body, a security force, a media outlet or a think tank, never a person or a group.
-- protects: an actor made to belong to a person (a minister affiliated to a spokesperson) or to a group, which the rules that follow affiliations up to a state (affiliation-named, actor-country-agrees) then read as if it were a body
SELECT 'actors' AS "table", a._row AS "row", 'affiliation_id' AS "column", a.affiliation_id AS "value",
       a.actor_id || ' is affiliated to ' || a.affiliation_id || ', a ' || coalesce(t.actor_type, 'missing actor')
           || ': an affiliation is an organisation or a state' AS detail
FROM actors AS a
LEFT JOIN actors AS t ON t.actor_id = a.affiliation_id
WHERE a.affiliation_id IS NOT NULL
  AND t.actor_type NOT IN ('state', 'international_organisation', 'government_body', 'security_force', 'media', 'think_tank')
ORDER BY 2
