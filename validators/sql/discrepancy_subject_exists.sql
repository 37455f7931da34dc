-- rule: discrepancy-subject-exists
-- description: Every discrepancy's subject (subject_table, subject_id) is a row that exists in that table.
-- protects: a discrepancy about a row that was renamed or deleted (a reference no foreign key can state, since its table varies)
SELECT
    'discrepancies' AS "table",
    d._row AS "row",
    'subject_id' AS "column",
    d.subject_id AS "value",
    'no ' || d.subject_table || ' row has the id ' || coalesce(d.subject_id, 'NULL') AS detail
FROM discrepancies AS d
WHERE NOT (
       (d.subject_table = 'sources' AND d.subject_id IN (SELECT source_id FROM sources))
    OR (d.subject_table = 'actors' AND d.subject_id IN (SELECT actor_id FROM actors))
    OR (d.subject_table = 'places' AND d.subject_id IN (SELECT place_id FROM places))
    OR (d.subject_table = 'events' AND d.subject_id IN (SELECT event_id FROM events))
    OR (d.subject_table = 'figures' AND d.subject_id IN (SELECT figure_id FROM figures))
    OR (d.subject_table = 'statements' AND d.subject_id IN (SELECT statement_id FROM statements))
    OR (d.subject_table = 'memberships' AND d.subject_id IN (SELECT membership_id FROM memberships))
)
ORDER BY 2
