-- rule: orphan-actors
-- description: Every actor is used: it appears in event_actors, statements (speaker or intermediary), figures (actor or asserted_by), memberships (organisation or member), or is the subject of a discrepancy.
-- protects: actors left behind when the rows that cited them were deleted, or typed in but never linked
SELECT
    'actors' AS "table",
    a._row AS "row",
    'actor_id' AS "column",
    a.actor_id AS "value",
    'actor ' || a.actor_id || ' is not used by any event, statement, figure, membership or discrepancy' AS detail
FROM actors AS a
WHERE NOT EXISTS (SELECT 1 FROM event_actors AS x WHERE x.actor_id = a.actor_id)
  AND NOT EXISTS (SELECT 1 FROM statements AS x WHERE a.actor_id IN (x.speaker_id, x.intermediary_id))
  AND NOT EXISTS (SELECT 1 FROM figures AS x WHERE a.actor_id IN (x.actor_id, x.asserted_by_id))
  AND NOT EXISTS (SELECT 1 FROM memberships AS x WHERE a.actor_id IN (x.organisation_id, x.member_id))
  AND NOT EXISTS (SELECT 1 FROM discrepancies AS x WHERE x.subject_table = 'actors' AND x.subject_id = a.actor_id)
ORDER BY 2
