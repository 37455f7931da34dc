import csv
PK="/work/blind/packet"
def text(sid): return open(f"{PK}/articles/{sid}.txt",encoding="utf-8",newline="").read()
def hdr(n): return next(csv.reader(open(f"{PK}/templates/{n}.csv",encoding="utf-8")))
bad=0
for name in ["sources","discrepancies","claims"]:
    rows=list(csv.reader(open(f"{name}.csv",encoding="utf-8",newline="")))
    h=rows[0]
    if name!="claims": assert h==hdr(name),name
    else: assert h==["claim_id","source_id","char_start","char_end","quote","quote_en","topic"]
    recs=[dict(zip(h,r)) for r in rows[1:]]
    for r in recs:
        assert len(r)==len(h)
        if name=="claims":
            t=text(r["source_id"]); ok=t[int(r["char_start"]):int(r["char_end"])]==r["quote"]; bad+=not ok
        if name=="discrepancies":
            for p in "ab":
                sid=r[f"claim_{p}_source_id"]
                if sid:
                    t=text(sid); ok=t[int(r[f"claim_{p}_char_start"]):int(r[f"claim_{p}_char_end"])]==r[f"claim_{p}_quote"]; bad+=not ok
                    if not ok: print("BAD",r["discrepancy_id"],p)
        if name=="sources":
            import hashlib
            raw=open(f"{PK}/{r['path']}","rb").read()
            assert len(raw)==int(r["bytes"]) and hashlib.sha256(raw).hexdigest()==r["sha256"]
            if r["published_as_printed"]:
                t=text(r["source_id"]); ok=t[int(r["published_char_start"]):int(r["published_char_end"])]==r["published_as_printed"]; bad+=not ok
    print(name,len(recs))
print("bad spans:",bad)
