-- rule: figure-actor-in-event
-- description: A figure tied to an event and an actor counts something of one of that event's actors: its actor takes part in the event (event_actors), or belongs to one that does, or one that does belongs to it (affiliation_id, one step: a state's armed forces, a body's state).
-- protects: a figure moved to another actor its article names but who has no part in the event it counts (the Russian troops of the deployment counted as Belarus's)
SELECT
    'figures' AS "table",
    f._row AS "row",
    'actor_id' AS "column",
    f.actor_id AS "value",
    'figure ' || f.figure_id || ' counts ' || f.actor_id || ', which has no part in its event ' || f.event_id
        || ' (event_actors), nor belongs to an actor that has, nor has one belonging to it' AS detail
FROM figures AS f
JOIN events AS e ON e.event_id = f.event_id
LEFT JOIN actors AS a ON a.actor_id = f.actor_id
WHERE f.actor_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM event_actors AS x WHERE x.event_id = f.event_id)
  AND NOT EXISTS (
      SELECT 1
      FROM event_actors AS x
      LEFT JOIN actors AS xa ON xa.actor_id = x.actor_id
      WHERE x.event_id = f.event_id
        AND (x.actor_id = f.actor_id OR x.actor_id = a.affiliation_id OR xa.affiliation_id = f.actor_id)
  )
ORDER BY 2
