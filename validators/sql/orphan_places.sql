-- rule: orphan-places
-- description: A place is referenced by an event, a figure or a discrepancy's subject exactly when its mention_context is 'curated_row'; places named only in background or comparison say so.
-- protects: places left behind when the rows that cited them were deleted, typed in but never linked, or linked while marked as background
WITH referenced AS (
    SELECT place_id AS id FROM events
    UNION SELECT place_id FROM figures
    UNION SELECT subject_id FROM discrepancies WHERE subject_table = 'places'
)
SELECT
    'places' AS "table",
    p._row AS "row",
    'place_id' AS "column",
    p.place_id AS "value",
    CASE WHEN p.mention_context = 'curated_row'
         THEN 'place ' || p.place_id || ' is marked curated_row but no event, figure or discrepancy refers to it'
         ELSE 'place ' || p.place_id || ' is marked ' || p.mention_context || ' but an event, figure or discrepancy refers to it'
    END AS detail
FROM places AS p
WHERE (p.mention_context = 'curated_row') <> EXISTS (SELECT 1 FROM referenced AS r WHERE r.id = p.place_id)
ORDER BY 2
