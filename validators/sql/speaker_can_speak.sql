-- rule: speaker-can-speak
-- description: Who speaks can speak: a statement's speaker or a figure's asserter is a person, body, state, organisation or outlet, never a city or region (an actor that is a place other than a country); a group (a crowd, a public) has no words of its own, so it speaks only indirectly and asserts no figure; an intermediary and a source's outlet are media.
-- protects: a statement re-attributed to a place or a crowd, direct words put in the mouth of a public, or an outlet field pointing at a person or a state
SELECT 'statements' AS "table", st._row AS "row", 'speaker_id' AS "column", st.speaker_id AS "value",
       st.statement_id || ': ' || st.speaker_id || CASE
           WHEN a.actor_type = 'group' THEN ' is a group, which has no words of its own, yet is quoted ' || st.speech_mode
           ELSE ' is a ' || p.place_type || ', a place that cannot speak' END AS detail
FROM statements AS st
LEFT JOIN actors AS a ON a.actor_id = st.speaker_id
LEFT JOIN places AS p ON p.place_id = st.speaker_id AND p.place_type NOT IN ('country', 'historical_country')
WHERE (a.actor_type = 'group' AND st.speech_mode <> 'indirect') OR p.place_id IS NOT NULL
UNION ALL
SELECT 'figures', f._row, 'asserted_by_id', f.asserted_by_id,
       f.figure_id || ': ' || f.asserted_by_id || CASE
           WHEN a.actor_type = 'group' THEN ' is a group, which asserts no figure of its own'
           ELSE ' is a ' || p.place_type || ', a place that cannot assert a figure' END
FROM figures AS f
LEFT JOIN actors AS a ON a.actor_id = f.asserted_by_id
LEFT JOIN places AS p ON p.place_id = f.asserted_by_id AND p.place_type NOT IN ('country', 'historical_country')
WHERE f.asserted_by_id IS NOT NULL AND (a.actor_type = 'group' OR p.place_id IS NOT NULL)
UNION ALL
SELECT t."table", t._row, t.col, t.actor_id, t.what || ' ' || t.actor_id || ' is a ' || coalesce(a.actor_type, 'missing actor') || ', not media'
FROM (
    SELECT 'statements' AS "table", _row, 'intermediary_id' AS col, intermediary_id AS actor_id, statement_id || ': the intermediary' AS what FROM statements
    UNION ALL SELECT 'sources', _row, 'outlet_actor_id', outlet_actor_id, source_id || ': the outlet' FROM sources
    UNION ALL SELECT 'sources', _row, 'original_outlet_actor_id', original_outlet_actor_id, source_id || ': the original outlet' FROM sources
) AS t
LEFT JOIN actors AS a ON a.actor_id = t.actor_id
WHERE t.actor_id IS NOT NULL AND a.actor_type IS DISTINCT FROM 'media'
ORDER BY 1, 2, 3
