import csv, re, hashlib
PK="/work/blind/packet"; SID="003_b2b6a081e216d6a8"
T=open(f"{PK}/articles/{SID}.txt",encoding="utf-8",newline="").read()
tabs={}
for n in ["sources","actors","places","events","event_actors","event_sources","figures","statements","memberships","exclusions","discrepancies"]:
    hdr=next(csv.reader(open(f"{PK}/templates/{n}.csv",encoding="utf-8")))
    rows=list(csv.reader(open(f"{n}.csv",encoding="utf-8",newline="")))
    assert rows[0]==hdr,(n,"header")
    tabs[n]=[dict(zip(hdr,r)) for r in rows[1:]]
    assert all(len(r)==len(hdr) for r in rows),n
bad=0
def chk(tag,s,e,qq):
    global bad
    if T[int(s):int(e)]!=qq: print("BAD",tag); bad+=1
for n in ["event_sources","figures","statements","memberships"]:
    for r in tabs[n]: chk((n,r),r["char_start"],r["char_end"],r["quote"])
for r in tabs["figures"]:
    chk(r["figure_id"],r["number_char_start"],r["number_char_end"],r["number_as_written"])
    assert int(r["char_start"])<=int(r["number_char_start"])<int(r["number_char_end"])<=int(r["char_end"])
for r in tabs["exclusions"]: chk(r["exclusion_id"],r["char_start"],r["char_end"],r["text"])
for r in tabs["discrepancies"]:
    chk(r["discrepancy_id"]+"a",r["claim_a_char_start"],r["claim_a_char_end"],r["claim_a_quote"])
    if r["claim_b_quote"]: chk(r["discrepancy_id"]+"b",r["claim_b_char_start"],r["claim_b_char_end"],r["claim_b_quote"])
s=tabs["sources"][0]; chk("pub",s["published_char_start"],s["published_char_end"],s["published_as_printed"])
raw=open(f"{PK}/articles/{SID}.txt","rb").read()
assert int(s["bytes"])==len(raw) and s["sha256"]==hashlib.sha256(raw).hexdigest()
# FK
A={r["actor_id"] for r in tabs["actors"]}; P={r["place_id"] for r in tabs["places"]}; E={r["event_id"] for r in tabs["events"]}
for r in tabs["event_actors"]: assert r["actor_id"] in A and r["event_id"] in E, r
for r in tabs["event_sources"]: assert r["event_id"] in E
for r in tabs["events"]: assert r["place_id"] in P|{""}, r
for r in tabs["figures"]:
    for k,S in [("event_id",E),("actor_id",A),("place_id",P),("asserted_by_id",A)]: assert r[k] in S|{""},(r["figure_id"],k)
for r in tabs["statements"]: assert r["speaker_id"] in A and r["intermediary_id"] in A|{""} and r["event_id"] in E|{""}
for r in tabs["memberships"]: assert r["organisation_id"] in A and r["member_id"] in A
for r in tabs["actors"]: assert r["affiliation_id"] in A|{""}
# every event has a passage; ea event quoted
assert E=={r["event_id"] for r in tabs["event_sources"]}
# name forms verbatim
for n in ["actors","places"]:
    for r in tabs[n]:
        for f in r["name_forms"].split("|"):
            if f not in T: print("NAME FORM NOT IN TEXT",n,f); bad+=1
# number-like token coverage
spans=[(int(r["number_char_start"]),int(r["number_char_end"])) for r in tabs["figures"]]
spans+=[(int(r["char_start"]),int(r["char_end"])) for r in tabs["exclusions"]]
spans+=[(int(s["published_char_start"]),int(s["published_char_end"]))]
for r in tabs["events"]:  # resolved dates inside quotes
    pass
numwords=r"\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belasan|puluhan|ratusan|ribuan|beberapa|sejumlah|banyak|mayoritas|berbagai|pertama|kedua|ketiga|keempat|kelima|[IVX]{2,})\b|\d+"
for m in re.finditer(numwords,T):
    if not any(a<=m.start() and m.end()<=b for a,b in spans): print("UNCOVERED number-like", m.start(), m.group(), repr(T[m.start()-30:m.end()+20]))
# capitalised words coverage
forms=[f for n in ["actors","places"] for r in tabs[n] for f in r["name_forms"].split("|")]
fspans=[(m.start(),m.end()) for f in forms for m in re.finditer(re.escape(f),T)]+spans
for m in re.finditer(r"[A-Z][\w\-/]*",T):
    if not any(a<=m.start() and m.end()<=b for a,b in fspans):
        prev=T[max(0,m.start()-2):m.start()]
        print("cap word not in name/exclusion:", m.start(), m.group(), repr(prev))
print("bad",bad)
