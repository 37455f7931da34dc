-- rule: coding-decision-source-fits
-- description: A coding decision about a row that cites one source (a figure, statement, membership, exclusion, event_actors or event_sources row, whose key holds its source) or about a source itself is that source's decision: its source_id is the row's source, or one of a discrepancy's two. Decisions about shared rows (actors, places, events) may be any source's; a removed row has no source left to compare.
-- protects: a coding decision moved to another article (its source_id changed), which detaches the record of why a row is as it is from the article whose coding it decided
WITH d AS (
    SELECT _row, decision_id, source_id, subject_table AS t, subject_id AS k
    FROM coding_decisions
    WHERE subject_id IS NOT NULL AND source_id IS NOT NULL
),
-- the subject's own sources, each table joined on its key (link-table keys split, never rebuilt row by row)
owner AS (
    SELECT d._row, s.source_id AS s FROM d JOIN sources AS s ON d.t = 'sources' AND s.source_id = d.k
    UNION ALL SELECT d._row, f.source_id FROM d JOIN figures AS f ON d.t = 'figures' AND f.figure_id = d.k
    UNION ALL SELECT d._row, x.source_id FROM d JOIN statements AS x ON d.t = 'statements' AND x.statement_id = d.k
    UNION ALL SELECT d._row, m.source_id FROM d JOIN memberships AS m ON d.t = 'memberships' AND m.membership_id = d.k
    UNION ALL SELECT d._row, e.source_id FROM d JOIN exclusions AS e ON d.t = 'exclusions' AND e.exclusion_id = d.k
    UNION ALL SELECT d._row, ea.source_id FROM d JOIN event_actors AS ea
        ON d.t = 'event_actors' AND ea.event_id = split_part(d.k, '/', 1) AND ea.actor_id = split_part(d.k, '/', 2)
       AND ea.role = split_part(d.k, '/', 3) AND ea.source_id = split_part(d.k, '/', 4)
    UNION ALL SELECT d._row, es.source_id FROM d JOIN event_sources AS es
        ON d.t = 'event_sources' AND es.event_id = split_part(d.k, '/', 1) AND es.source_id = split_part(d.k, '/', 2)
       AND CAST(es.char_start AS VARCHAR) = split_part(d.k, '/', 3)
    UNION ALL SELECT d._row, x.claim_a_source_id FROM d JOIN discrepancies AS x ON d.t = 'discrepancies' AND x.discrepancy_id = d.k
    UNION ALL SELECT d._row, x.claim_b_source_id FROM d JOIN discrepancies AS x ON d.t = 'discrepancies' AND x.discrepancy_id = d.k
)
SELECT
    'coding_decisions' AS "table",
    d._row AS "row",
    'source_id' AS "column",
    d.source_id AS "value",
    d.decision_id || ' is a decision of source ' || d.source_id || ' about ' || d.t || ' ' || d.k
        || ', whose source is ' || string_agg(DISTINCT o.s, ' or ' ORDER BY o.s) AS detail
FROM d JOIN owner AS o USING (_row)
GROUP BY d._row, d.decision_id, d.source_id, d.t, d.k
HAVING NOT bool_or(o.s = d.source_id)
ORDER BY 2
