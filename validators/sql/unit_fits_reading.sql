-- rule: unit-fits-reading
-- description: A figure's unit is of the kind its number is: an ordinal word ('kelima', fifth) has the unit 'ordinal' and only an ordinal has it; a share word ('mayoritas', 'sebagian besar', 'semua') has the unit 'percent'.
-- protects: 'hari kelima' (the fifth day) recorded as five days, or 'mayoritas' as a count of persons: the value keeps its reading while its meaning changes, and every rule that reads the unit then reads a count
SELECT
    'figures' AS "table",
    f._row AS "row",
    'unit' AS "column",
    f.unit AS "value",
    f.figure_id || ': ''' || f.number_as_written || ''' reads as ' ||
        CASE r.kind WHEN 'ordinal' THEN 'an ordinal, whose unit is ''ordinal'''
                    WHEN 'share' THEN 'a share, whose unit is ''percent'''
                    ELSE 'a ' || r.kind || ' number, not an ordinal' END ||
        ', not ''' || f.unit || '''' AS detail
FROM figures AS f
JOIN number_readings AS r USING (number_as_written)
WHERE r.readable AND f.unit IS NOT NULL
  AND ((r.kind = 'ordinal') <> (f.unit = 'ordinal')
       OR (r.kind = 'share' AND f.unit <> 'percent'))
ORDER BY 2
