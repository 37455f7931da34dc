-- rule: statement-words-once
-- description: Two statements never quote the same words (docs/curation.md): no two statements of one source have overlapping passages.
-- protects: a statement added again under a new id for words another statement already quotes (the whole passage or a part of it), which counts one utterance twice
SELECT
    'statements' AS "table",
    b._row AS "row",
    'char_start' AS "column",
    CAST(b.char_start AS VARCHAR) AS "value",
    'statement ' || b.statement_id || ' quotes words of statement ' || a.statement_id || ' (' || b.source_id || ' '
        || a.char_start || '..' || a.char_end || ' and ' || b.char_start || '..' || b.char_end || ')' AS detail
FROM statements AS a
JOIN statements AS b
  ON b.source_id = a.source_id AND a._row < b._row AND a.char_start < b.char_end AND b.char_start < a.char_end
ORDER BY 2
