import csv, glob, os
T = open("/work/blind/packet/articles/000_a055521902a9584b.txt", encoding="utf-8", newline="").read()
bad = 0
for f in sorted(glob.glob("/work/blind/packet/templates/*.csv")):
    name = os.path.basename(f)
    th = next(csv.reader(open(f, encoding="utf-8")))
    rows = list(csv.reader(open(name, encoding="utf-8", newline="")))
    if rows[0] != th: print("HEADER MISMATCH", name); bad += 1
    for r in (dict(zip(rows[0], x)) for x in rows[1:]):
        for qs, qe, qk in [("char_start","char_end","quote"),("char_start","char_end","text"),
                           ("claim_a_char_start","claim_a_char_end","claim_a_quote"),("claim_b_char_start","claim_b_char_end","claim_b_quote"),
                           ("published_char_start","published_char_end","published_as_printed"),
                           ("number_char_start","number_char_end","number_as_written")]:
            if qk in r and r[qk]:
                s, e = int(r[qs]), int(r[qe])
                if T[s:e] != r[qk]: print("MISMATCH", name, r[qk][:40]); bad += 1
        if "number_char_start" in r and r.get("number_char_start"):
            if not (int(r["char_start"]) <= int(r["number_char_start"]) < int(r["number_char_end"]) <= int(r["char_end"])):
                print("NUMBER OUTSIDE QUOTE", r["figure_id"]); bad += 1
    print(name, len(rows) - 1)
# name forms occur verbatim
for t in ["actors", "places"]:
    for r in csv.DictReader(open(f"{t}.csv", encoding="utf-8")):
        for nf in r["name_forms"].split("|"):
            if nf not in T: print("NAME FORM NOT IN TEXT", nf); bad += 1
print("problems:", bad)
