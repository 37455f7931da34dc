-- rule: figure-in-event-passage
-- description: A figure whose quote overlaps a passage of an event in the same source (event_sources) counts something of that event, so it is tied to one of those events; or it is a standing fact about an actor the passage names (the CSTO's member states, Tokayev as the second president): it names its actor and refers to the day it is stated (its reference dates lie in its source's publication window).
-- protects: a figure of an event untied from it (event_id emptied: the 8,000 detained of the arrests event, the 3,000 troops of the deployment), which every key and date rule then lets pass
-- Why the actor exception reads the dates: a count of the event (troops sent, people detained) refers to
-- the event's interval, which starts before the article; a standing fact is stated of the publication day.
SELECT
    'figures' AS "table",
    f._row AS "row",
    'event_id' AS "column",
    f.event_id AS "value",
    'figure ' || f.figure_id || ' has no event, but its quote lies in the passage of '
        || string_agg(DISTINCT x.event_id, ', ' ORDER BY x.event_id) || ' in source ' || f.source_id
        || ' (event_sources): a count of an event is tied to it; only a standing fact about an actor (actor_id, dated within the publication window '
        || CAST(s.published_date_min AS VARCHAR) || '..' || CAST(s.published_date_max AS VARCHAR) || ') stands alone' AS detail
FROM figures AS f
JOIN event_sources AS x
  ON x.source_id = f.source_id AND x.char_start < f.char_end AND f.char_start < x.char_end
LEFT JOIN sources AS s ON s.source_id = f.source_id
WHERE f.event_id IS NULL
  -- coalesce: an empty date or window is no standing fact (NULL would let the row pass)
  AND NOT coalesce(f.actor_id IS NOT NULL
                   AND f.ref_date_start >= s.published_date_min AND f.ref_date_end <= s.published_date_max, false)
GROUP BY f._row, f.figure_id, f.source_id, f.event_id, s.published_date_min, s.published_date_max
ORDER BY 2
