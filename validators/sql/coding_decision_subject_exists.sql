-- rule: coding-decision-subject-exists
-- description: Every coding decision's subject (subject_table, subject_id) is a row that exists in that table, unless the decision removed it; a removed row is gone. Link-table keys are their values joined by '/'.
-- protects: a decision that points to a row renamed, renumbered or deleted after adjudication (the record of why a row is as it is, detached from the row), or a removal that did not happen
WITH subject_keys AS (
    SELECT 'sources' AS t, source_id AS k FROM sources
    UNION ALL SELECT 'actors', actor_id FROM actors
    UNION ALL SELECT 'places', place_id FROM places
    UNION ALL SELECT 'events', event_id FROM events
    UNION ALL SELECT 'event_actors', event_id || '/' || actor_id || '/' || role || '/' || source_id FROM event_actors
    UNION ALL SELECT 'event_sources', event_id || '/' || source_id || '/' || CAST(char_start AS VARCHAR) FROM event_sources
    UNION ALL SELECT 'figures', figure_id FROM figures
    UNION ALL SELECT 'statements', statement_id FROM statements
    UNION ALL SELECT 'memberships', membership_id FROM memberships
    UNION ALL SELECT 'exclusions', exclusion_id FROM exclusions
    UNION ALL SELECT 'discrepancies', discrepancy_id FROM discrepancies
)
SELECT
    'coding_decisions' AS "table",
    c._row AS "row",
    'subject_id' AS "column",
    c.subject_id AS "value",
    CASE WHEN c.decision = 'remove_row'
         THEN c.subject_table || ' still has the row ' || c.subject_id || ' that this decision removed'
         ELSE 'no ' || c.subject_table || ' row has the key ' || c.subject_id
    END AS detail
FROM coding_decisions AS c
WHERE c.subject_id IS NOT NULL
  AND (c.decision = 'remove_row') = EXISTS (
        SELECT 1 FROM subject_keys AS s WHERE s.t = c.subject_table AND s.k = c.subject_id)
ORDER BY 2
