-- rule: discrepancy-kind-sources
-- description: A discrepancy's kind fits the articles its claims come from and its description speaks of: a 'sequence' (one article's impossible order) has both claims from one article; an 'ambiguity' (one passage read two ways) whose claim B comes from another article takes it as support for a reading, and its description speaks of claim A's article only (names no 'source NNN' of claim B's); a 'between_sources' row's description names both claims' articles ('source 000 ...; source 002 ...'). An article is named by its id or the digits before its id's '_'.
-- protects: two articles' disagreement relabelled an ambiguity or a sequence (D009: source 000 says Russia, source 001 the CSTO), or one article's ambiguity read with another's support relabelled a disagreement between sources (D001), which the claims' sources alone (discrepancy-kind-fits) do not show; or an article's departure from the public record relabelled an ambiguity (D033: the toll 'puluhan' against the official counts), which no claim's source shows
WITH d AS (
    SELECT _row, discrepancy_id, kind, coalesce(description_en, '') AS words, claim_a_source_id AS a, claim_b_source_id AS b,
           regexp_extract(claim_a_source_id, '^([0-9]+)_', 1) AS a_no,
           regexp_extract(claim_b_source_id, '^([0-9]+)_', 1) AS b_no
    FROM discrepancies
    WHERE claim_a_source_id IS NOT NULL AND claim_b_source_id IS NOT NULL AND claim_a_source_id <> claim_b_source_id
),
-- the numbers a description gives in a clause that speaks of 'source(s)': each run of digits after the word
-- and before the clause's '.' or ';' (or just after that ';'), not after a ',' ('20,000'); that is, the NNN
-- for which '(?i)\bsources?\b[^.;]*[^0-9.,]NNN([^0-9]|$)' matches. Constant patterns: a pattern built
-- per row (with the row's NNN) is compiled per row, 0.5 s at a million rows.
numbered AS (
    SELECT *,
           regexp_extract_all(array_to_string(regexp_extract_all(words, '(?i)\bsources?\b[^.;]*(?:;[0-9]+)?'), '.'),
                              '[^0-9,]([0-9]+)', 1) AS numbers
    FROM d
),
-- whether the description names each claim's article: its id, or 'source(s) ... NNN' in one clause (not '20,000')
named AS (
    SELECT *,
           contains(words, a) OR (a_no <> '' AND list_contains(numbers, a_no)) AS names_a,
           contains(words, b) OR (b_no <> '' AND list_contains(numbers, b_no)) AS names_b
    FROM numbered
)
SELECT
    'discrepancies' AS "table",
    _row AS "row",
    'kind' AS "column",
    kind AS "value",
    coalesce(discrepancy_id, 'the discrepancy') || CASE
        WHEN kind = 'sequence' THEN ' is a sequence (one article''s impossible order), but its claims come from two articles, '
            || a || ' and ' || b || ': between_sources'
        WHEN kind = 'ambiguity' THEN ' is an ambiguity (one passage read two ways), but its description speaks of claim B''s article '
            || b || ' too, beside ' || a || ': two articles set side by side are between_sources'
        ELSE ' is between_sources, but its description does not name both articles its claims come from ('
            || a || ', ' || b || '): an ambiguity read with another article''s support names only the ambiguous one'
    END AS detail
FROM named
WHERE (kind = 'sequence')
   OR (kind = 'ambiguity' AND names_b)
   OR (kind = 'between_sources' AND NOT (names_a AND names_b))
UNION ALL
-- an ambiguity reads one passage two ways and says how; an article set against the record is a public_record,
-- whatever its claims' sources (one claim, or two of one article)
SELECT
    'discrepancies', _row, 'kind', kind,
    coalesce(discrepancy_id, 'the discrepancy') || CASE
        WHEN regexp_matches(coalesce(description_en, ''), '(?i)\b(public record|by the record|official (claim|count|figure|total|toll|record)s?)\b')
        THEN ' is an ambiguity (one passage read two ways), but its description sets the article against the record: public_record'
        ELSE ' is an ambiguity (one passage read two ways), but neither its description nor its resolution says how the passage '
            || 'reads (''can be read as'', ''Read as'', ''may mean'', ''two different''): public_record, or another kind?'
    END
FROM discrepancies
WHERE kind = 'ambiguity'
  AND (regexp_matches(coalesce(description_en, ''), '(?i)\b(public record|by the record|official (claim|count|figure|total|toll|record)s?)\b')
       OR NOT regexp_matches(coalesce(description_en, '') || ' ' || coalesce(resolution_en, ''),
                             '(?i)\b(read|reads|reading|readings|mean|means|meant|ambiguous|two different|two ways|either)\b'))
ORDER BY 2
