-- rule: actor-named
-- description: The actor a quoted row names is named by its source: a membership's member appears (one of its name forms, any case) in the membership's quote; a statement's speaker is named in its quote or earlier in the same article (a pronoun, 'Ia' or 'Mereka', points back to a name already given); a group speaker, which has no name of its own, only described by the article's words, is named somewhere in the article.
-- protects: two actors swapped consistently across the tables (every row still points to an actor that exists, with a role that fits) or a statement re-attributed to someone its article never names before the words
WITH forms AS (
    SELECT a.actor_id, lower(f.form) AS form
    FROM actors AS a, unnest(a.name_forms) AS f(form)
    WHERE f.form IS NOT NULL AND f.form <> ''
)
SELECT 'memberships' AS "table", m._row AS "row", 'member_id' AS "column", m.member_id AS "value",
       m.membership_id || ': the quote names none of ' || m.member_id || '''s name forms' AS detail
FROM memberships AS m
WHERE m.quote IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM forms AS f WHERE f.actor_id = m.member_id AND contains(lower(m.quote), f.form))
UNION ALL
SELECT 'statements', st._row, 'speaker_id', st.speaker_id,
       st.statement_id || ': source ' || st.source_id || ' names ' || st.speaker_id || ' (by any of its name forms) ' || CASE WHEN sp.actor_type = 'group' THEN 'nowhere' ELSE 'neither in the quote nor before it' END
FROM statements AS st
JOIN articles AS ar USING (source_id)
LEFT JOIN actors AS sp ON sp.actor_id = st.speaker_id
WHERE ar.text IS NOT NULL AND st.char_end IS NOT NULL AND st.char_end >= 0
  AND NOT EXISTS (
        SELECT 1 FROM forms AS f
        WHERE f.actor_id = st.speaker_id
          AND contains(lower(CASE WHEN sp.actor_type = 'group' THEN ar.text ELSE substring(ar.text, 1, st.char_end) END), f.form))
ORDER BY 1, 2
