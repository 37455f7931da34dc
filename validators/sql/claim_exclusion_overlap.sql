-- rule: claim-exclusion-overlap
-- description: An exclusion never overlaps a curated claim (a span of kind claim, any table) of the same article when its reason says the words are not the article's text (page_furniture, advertising, spam_byline), no exclusion of any reason takes in a whole claim, and no exclusion overlaps a figure's number (a span of kind number): a number counted by a figure is not also excluded. A word inside a claim may still be excluded as what it is (an idiom, not a count, part of a name).
-- protects: a claim's number or words hidden as page furniture (a figure deleted and its number re-excluded), a curated passage excluded whole, or a figure's own number excluded as not a count
SELECT
    x."table" AS "table",
    x._row AS "row",
    x.text_column AS "column",
    x.text AS "value",
    'the exclusion [' || x.char_start || ':' || x.char_end || '] of ' || x.source_id
        || CASE WHEN c.kind = 'number' THEN ' (' || e.reason || ') overlaps the number counted by '
                WHEN x.char_start <= c.char_start AND c.char_end <= x.char_end THEN ' takes in the whole quote of '
                ELSE ' (' || e.reason || ': not the article''s text) overlaps the quote of ' END
        || c."table" || ' row ' || c._row || ' [' || c.char_start || ':' || c.char_end || ']' AS detail
FROM spans AS x
JOIN exclusions AS e ON e._row = x._row
JOIN spans AS c
  ON c.source_id = x.source_id AND c.kind IN ('claim', 'number')
 AND c.char_start < x.char_end AND x.char_start < c.char_end
WHERE x.kind = 'exclusion' AND x."table" = 'exclusions'
  AND (c.kind = 'number'
       OR CAST(e.reason AS VARCHAR) IN ('page_furniture', 'advertising', 'spam_byline')
       OR (x.char_start <= c.char_start AND c.char_end <= x.char_end))
ORDER BY 1, 2, 3, detail
