-- rule: affiliation-acyclic
-- description: Following actors.affiliation_id from any actor never comes back to it: no actor is its own affiliation, directly or through others.
-- protects: an affiliation chain bent into a loop (a body affiliated to its own member, two actors swapped into each other's affiliation), which makes 'who does this actor belong to' unanswerable
WITH RECURSIVE chain(start_id, current_id, depth, path) AS (
    SELECT actor_id, affiliation_id, 1, actor_id || ' -> ' || affiliation_id
    FROM actors
    WHERE affiliation_id IS NOT NULL
    UNION ALL
    SELECT c.start_id, a.affiliation_id, c.depth + 1, c.path || ' -> ' || a.affiliation_id
    FROM chain AS c
    JOIN actors AS a ON a.actor_id = c.current_id
    WHERE a.affiliation_id IS NOT NULL AND c.current_id <> c.start_id
      AND c.depth < (SELECT count(*) FROM actors)
)
SELECT 'actors' AS "table", a._row AS "row", 'affiliation_id' AS "column", a.affiliation_id AS "value",
       'the affiliations of ' || a.actor_id || ' come back to it: ' || min(c.path) AS detail
FROM chain AS c
JOIN actors AS a ON a.actor_id = c.start_id
WHERE c.current_id = c.start_id
GROUP BY a._row, a.actor_id, a.affiliation_id
ORDER BY 2
