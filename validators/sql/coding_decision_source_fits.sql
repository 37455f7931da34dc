-- rule: coding-decision-source-fits
-- description: A coding decision about a row that cites one source (a figure, statement, membership, exclusion, event_actors or event_sources row, whose key holds its source) or about a source itself is that source's decision: its source_id is the row's source, or one of a discrepancy's two. Decisions about shared rows (actors, places, events) may be any source's; a removed row has no source left to compare.
-- protects: a coding decision moved to another article (its source_id changed), which detaches the record of why a row is as it is from the article whose coding it decided
WITH subject_sources AS (
    SELECT 'sources' AS t, source_id AS k, source_id AS s FROM sources
    UNION ALL SELECT 'figures', figure_id, source_id FROM figures
    UNION ALL SELECT 'statements', statement_id, source_id FROM statements
    UNION ALL SELECT 'memberships', membership_id, source_id FROM memberships
    UNION ALL SELECT 'exclusions', exclusion_id, source_id FROM exclusions
    UNION ALL SELECT 'event_actors', event_id || '/' || actor_id || '/' || role || '/' || source_id, source_id FROM event_actors
    UNION ALL SELECT 'event_sources', event_id || '/' || source_id || '/' || CAST(char_start AS VARCHAR), source_id FROM event_sources
    UNION ALL SELECT 'discrepancies', discrepancy_id, claim_a_source_id FROM discrepancies
    UNION ALL SELECT 'discrepancies', discrepancy_id, claim_b_source_id FROM discrepancies
)
SELECT
    'coding_decisions' AS "table",
    c._row AS "row",
    'source_id' AS "column",
    c.source_id AS "value",
    c.decision_id || ' is a decision of source ' || c.source_id || ' about ' || c.subject_table || ' ' || c.subject_id
        || ', whose source is ' || (SELECT string_agg(DISTINCT x.s, ' or ' ORDER BY x.s) FROM subject_sources AS x
                                    WHERE x.t = c.subject_table AND x.k = c.subject_id) AS detail
FROM coding_decisions AS c
WHERE c.subject_id IS NOT NULL AND c.source_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM subject_sources AS x WHERE x.t = c.subject_table AND x.k = c.subject_id)
  AND NOT EXISTS (SELECT 1 FROM subject_sources AS x
                  WHERE x.t = c.subject_table AND x.k = c.subject_id AND x.s = c.source_id)
ORDER BY 2
