-- rule: figure-number-reading
-- description: Every figure's value agrees with its number_as_written read as Indonesian (thousands '.', 'rb' = thousand, number words, ordinals, vague words with their ranges); words that imply a range or qualifier (puluhan = 10 [10, 99], vague; sebagian besar and mayoritas = 50 [50, 100], more_than; berbagai = no value, at least 2, vague) are recorded with it.
-- protects: a value mistyped or misread (3.000 recorded as 3, 'ratusan' recorded without its range, a vague word given a precise value)
SELECT
    'figures' AS "table",
    f._row AS "row",
    CASE
        WHEN NOT r.readable OR f.value IS DISTINCT FROM r.value THEN 'value'
        WHEN r.low IS NOT NULL AND f.value_low IS DISTINCT FROM r.low THEN 'value_low'
        WHEN r.high IS NOT NULL AND f.value_high IS DISTINCT FROM r.high THEN 'value_high'
        ELSE 'qualifier'
    END AS "column",
    CASE
        WHEN NOT r.readable OR f.value IS DISTINCT FROM r.value THEN CAST(f.value AS VARCHAR)
        WHEN r.low IS NOT NULL AND f.value_low IS DISTINCT FROM r.low THEN CAST(f.value_low AS VARCHAR)
        WHEN r.high IS NOT NULL AND f.value_high IS DISTINCT FROM r.high THEN CAST(f.value_high AS VARCHAR)
        ELSE f.qualifier
    END AS "value",
    CASE
        WHEN NOT r.readable THEN '''' || f.number_as_written || ''' is not a number the Indonesian reader knows'
        ELSE '''' || f.number_as_written || ''' reads as value ' || coalesce(CAST(r.value AS VARCHAR), 'none')
             || coalesce(', low ' || r.low, '') || coalesce(', high ' || r.high, '') || coalesce(', ' || r.qualifier, '')
             || '; recorded value ' || coalesce(CAST(f.value AS VARCHAR), 'none')
             || ', low ' || coalesce(CAST(f.value_low AS VARCHAR), 'none') || ', high ' || coalesce(CAST(f.value_high AS VARCHAR), 'none')
             || ', ' || coalesce(f.qualifier, 'no qualifier')
    END AS detail
FROM figures AS f
JOIN number_readings AS r USING (number_as_written)
WHERE NOT r.readable
   OR f.value IS DISTINCT FROM r.value
   OR (r.low IS NOT NULL AND f.value_low IS DISTINCT FROM r.low)
   OR (r.high IS NOT NULL AND f.value_high IS DISTINCT FROM r.high)
   OR (r.qualifier IS NOT NULL AND f.qualifier IS DISTINCT FROM r.qualifier)
ORDER BY 2
