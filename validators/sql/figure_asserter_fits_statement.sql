-- rule: figure-asserter-fits-statement
-- description: A figure asserted by someone (asserted_by_id) whose passage lies inside a statement's passage of the same source is asserted by that statement's speaker (or by its intermediary): the same words are one person's.
-- protects: a figure re-attributed to another body or person (the KNB's count of cities given to the counter-terrorism headquarters) while the statement that holds the same words still names the real speaker
SELECT
    'figures' AS "table",
    f._row AS "row",
    'asserted_by_id' AS "column",
    f.asserted_by_id AS "value",
    'figure ' || f.figure_id || ' is asserted by ' || f.asserted_by_id || ', but its words lie inside statement '
        || min(s.statement_id) || ', whose speaker is ' || min(s.speaker_id) AS detail
FROM figures AS f
JOIN statements AS s
  ON s.source_id = f.source_id AND s.char_start <= f.char_start AND f.char_end <= s.char_end
WHERE f.asserted_by_id IS NOT NULL
GROUP BY f._row, f.figure_id, f.asserted_by_id
HAVING NOT bool_or(coalesce(s.speaker_id = f.asserted_by_id, false) OR coalesce(s.intermediary_id = f.asserted_by_id, false))
ORDER BY 2
