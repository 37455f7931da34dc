-- rule: orphan-actors
-- description: An actor is referenced by a curated row (event_actors, statements as speaker or intermediary, figures as subject or asserter, memberships, sources as outlet, the affiliation of a curated actor, or a discrepancy's subject) exactly when its mention_context is 'curated_row'; actors named only in a photo credit or in background say so.
-- protects: actors left behind when the rows that cited them were deleted, typed in but never linked, or linked while marked as background
WITH referenced AS (
    SELECT actor_id AS id FROM event_actors
    UNION SELECT speaker_id FROM statements
    UNION SELECT intermediary_id FROM statements
    UNION SELECT actor_id FROM figures
    UNION SELECT asserted_by_id FROM figures
    UNION SELECT organisation_id FROM memberships
    UNION SELECT member_id FROM memberships
    UNION SELECT outlet_actor_id FROM sources
    UNION SELECT original_outlet_actor_id FROM sources
    UNION SELECT affiliation_id FROM actors WHERE mention_context = 'curated_row'
    UNION SELECT subject_id FROM discrepancies WHERE subject_table = 'actors'
)
SELECT
    'actors' AS "table",
    a._row AS "row",
    'actor_id' AS "column",
    a.actor_id AS "value",
    CASE WHEN a.mention_context = 'curated_row'
         THEN 'actor ' || a.actor_id || ' is marked curated_row but no curated row refers to it'
         ELSE 'actor ' || a.actor_id || ' is marked ' || a.mention_context || ' but a curated row refers to it'
    END AS detail
FROM actors AS a
WHERE (a.mention_context = 'curated_row') <> EXISTS (SELECT 1 FROM referenced AS r WHERE r.id = a.actor_id)
ORDER BY 2
