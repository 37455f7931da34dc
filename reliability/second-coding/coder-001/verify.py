import csv, re, glob, os, hashlib
P='/work/blind/packet'; T=open(f'{P}/articles/001_6c07733fbeed0c7f.txt',encoding='utf-8',newline='').read()
def rows(t): return list(csv.DictReader(open(f'{t}.csv',encoding='utf-8',newline='')))
ok=True
for f in glob.glob(f'{P}/templates/*.csv'):
    t=os.path.basename(f)[:-4]
    h1=next(csv.reader(open(f,encoding='utf-8'))); h2=next(csv.reader(open(f'{t}.csv',encoding='utf-8')))
    if h1!=h2: print('HEADER',t); ok=False
def chk(tab,s,e,q,label):
    global ok
    if s=='' and q=='': return
    if T[int(s):int(e)]!=q: print('MISMATCH',tab,label,s,e,q[:40]); ok=False
for t,qf in [('event_sources','quote'),('figures','quote'),('statements','quote'),('memberships','quote')]:
    for r in rows(t): chk(t,r['char_start'],r['char_end'],r[qf],r.get('figure_id') or r.get('statement_id') or r.get('event_id'))
for r in rows('figures'):
    chk('figures.num',r['number_char_start'],r['number_char_end'],r['number_as_written'],r['figure_id'])
    assert int(r['char_start'])<=int(r['number_char_start'])<int(r['number_char_end'])<=int(r['char_end'])
for r in rows('exclusions'): chk('exclusions',r['char_start'],r['char_end'],r['text'],r['exclusion_id'])
for r in rows('discrepancies'):
    chk('disc.a',r['claim_a_char_start'],r['claim_a_char_end'],r['claim_a_quote'],r['discrepancy_id'])
    chk('disc.b',r['claim_b_char_start'],r['claim_b_char_end'],r['claim_b_quote'],r['discrepancy_id'])
src=rows('sources')[0]
raw=open(f"{P}/{src['path']}",'rb').read()
assert int(src['bytes'])==len(raw) and src['sha256']==hashlib.sha256(raw).hexdigest()
# name forms verbatim
A={r['actor_id']:r for r in rows('actors')}; PL={r['place_id']:r for r in rows('places')}
for d in list(A.values())+list(PL.values()):
    for nf in d['name_forms'].split('|'):
        if nf not in T: print('NAMEFORM missing',nf); ok=False
# FKs
E={r['event_id'] for r in rows('events')}
for r in rows('event_actors'):
    assert r['event_id'] in E and r['actor_id'] in A, r
for r in rows('events'):
    assert r['place_id']=='' or r['place_id'] in PL
for r in rows('figures'):
    for k in ('actor_id','asserted_by_id'): assert r[k]=='' or r[k] in A
    assert r['event_id']=='' or r['event_id'] in E; assert r['place_id']=='' or r['place_id'] in PL
for r in rows('statements'):
    assert r['speaker_id'] in A and (r['event_id']=='' or r['event_id'] in E) and (r['intermediary_id']=='' or r['intermediary_id'] in A)
for r in A.values(): assert r['affiliation_id']=='' or r['affiliation_id'] in A
assert src['outlet_actor_id'] in A and src['original_outlet_actor_id'] in A
# every event has a source passage; every event_actor's event quoted
es={r['event_id'] for r in rows('event_sources')}; assert es==E
# mention_context consistency
ref=set()
for r in rows('event_actors'): ref.add(r['actor_id'])
for r in rows('statements'): ref|={r['speaker_id'],r['intermediary_id']}
for r in rows('figures'): ref|={r['actor_id'],r['asserted_by_id']}
for r in A.values(): ref.add(r['affiliation_id'])
ref|={src['outlet_actor_id'],src['original_outlet_actor_id']}
for r in rows('discrepancies'):
    if r['subject_table']=='actors': ref.add(r['subject_id'])
for a,r in A.items():
    exp='curated_row' if a in ref else r['mention_context']
    if r['mention_context']=='curated_row' and a not in ref: print('CTX not referenced',a); ok=False
    if r['mention_context']!='curated_row' and a in ref: print('CTX referenced but',r['mention_context'],a)
pref={r['place_id'] for r in rows('events')}|{r['place_id'] for r in rows('figures')}
for p,r in PL.items():
    if (r['mention_context']=='curated_row')!=(p in pref): print('PLACE CTX',p,r['mention_context'])
# relative words in event quotes
rel=['hari ini','tahun lalu','minggu depan','kemarin','besok','sekarang','Rabu','Kamis','Jumat','beberapa hari terakhir']
Ev={r['event_id']:r for r in rows('events')}
for r in rows('event_sources'):
    for w in rel:
        if w in r['quote'] and w not in Ev[r['event_id']]['date_reasoning'] and w not in src['published_date_reasoning']:
            print('REL',r['event_id'],w); ok=False
# coverage: capitalised words and number-like tokens
cov=[]
for r in rows('exclusions'): cov.append((int(r['char_start']),int(r['char_end'])))
for r in rows('figures'): cov.append((int(r['number_char_start']),int(r['number_char_end'])))
forms=set()
for d in list(A.values())+list(PL.values()): forms|=set(d['name_forms'].split('|'))
for nf in forms:
    for m in re.finditer(re.escape(nf),T): cov.append((m.start(),m.end()))
def covered(s,e): return any(a<=s and e<=b for a,b in cov)
dates=['Maret 2021','7 Januari','2010','tahun lalu','minggu depan','hari ini','Januari','Maret','2021']
for d in dates:
    for m in re.finditer(d,T):
        # only dates inside event quotes
        if any(int(r['char_start'])<=m.start() and m.end()<=int(r['char_end']) for r in rows('event_sources')): cov.append((m.start(),m.end()))
numw=r'\b(\d[\d.,]*|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belasan|puluhan|ratusan|ribuan|sejumlah|beberapa|banyak|berbagai|sebagian|mayoritas|pertama|kedua|ketiga|keempat|kelima|semua|seluruh|para)\b'
for m in re.finditer(numw,T,flags=re.I):
    if not covered(m.start(),m.end()): print('NUM uncovered',m.start(),repr(T[max(0,m.start()-20):m.end()+20]))
for m in re.finditer(r"(?<![.?!\n]\s)(?<!^)\b[A-Z][\w-]*",T):
    s=m.start()
    prev=T[:s].rstrip(' \u00a0“"')
    if not prev or prev[-1] in '.?!\n:|': continue
    if not covered(s,m.end()): print('CAP uncovered',s,repr(T[max(0,s-20):m.end()+10]))
print('OK' if ok else 'FAIL')
