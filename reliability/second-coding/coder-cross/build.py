"""Build the cross-article tables (sources, claims, discrepancies) for coder-cross."""
import csv, hashlib, os, sys
sys.path.insert(0, "/work/blind/packet")
from anchor import find_all

PK = "/work/blind/packet"
OUT = "/work/blind/coder-cross"
FILES = {
    "000": "000_a055521902a9584b",
    "001": "001_6c07733fbeed0c7f",
    "002": "002_295c2baa0c2732ff",
    "003": "003_b2b6a081e216d6a8",
    "004": "004_09fd7b3d2749af1f",
}
TEXT = {k: open(f"{PK}/articles/{v}.txt", encoding="utf-8", newline="").read() for k, v in FILES.items()}


def span(src, quote, nth=0):
    hits = find_all(TEXT[src], quote)
    if not hits:
        raise SystemExit(f"NOT FOUND in {src}: {quote!r}")
    if len(hits) > 1 and nth is None:
        raise SystemExit(f"AMBIGUOUS in {src}: {quote!r} {[(h[0], h[1]) for h in hits]}")
    s, e, t = hits[nth]
    return s, e, t


def header(name):
    with open(f"{PK}/templates/{name}.csv", encoding="utf-8") as fh:
        return next(csv.reader(fh))


def write(name, rows, hdr=None):
    hdr = hdr or header(name)
    with open(f"{OUT}/{name}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(hdr)
        for r in rows:
            assert set(r) <= set(hdr), (name, set(r) - set(hdr))
            w.writerow(["" if r.get(c) is None else r.get(c) for c in hdr])


# ---------------------------------------------------------------- sources
def src_row(k, **kw):
    path = f"articles/{FILES[k]}.txt"
    raw = open(f"{PK}/{path}", "rb").read()
    row = dict(source_id=FILES[k], path=path, bytes=len(raw), sha256=hashlib.sha256(raw).hexdigest(), language="id")
    pap = kw.get("published_as_printed")
    if pap:
        s, e, t = span(k, pap, 0)
        row.update(published_char_start=s, published_char_end=e)
        kw["published_as_printed"] = t
    row.update(kw)
    return row


sources = [
    src_row(
        "000",
        title="Dilema Kazakhstan",
        title_en="Kazakhstan's Dilemma",
        outlet="",
        outlet_basis="unknown",
        outlet_evidence="No outlet name, URL or logo in the copy. The page furniture (date line 'Senin, 10 Januari 2022 | 12:13 WIB' followed by two bare counters '0' and '158', presumably comments and views) is generic for Indonesian news/portal templates and not enough to identify the site.",
        genre="opinion",
        original_outlet="",
        author="",
        byline_as_printed="",
        published_as_printed="Senin, 10 Januari 2022 | 12:13 WIB",
        published_at="2022-01-10T12:13:00+07:00",
        published_timezone="Asia/Jakarta",
        published_date="2022-01-10",
        published_date_min="2022-01-10",
        published_date_max="2022-01-10",
        published_date_basis="printed",
        published_date_reasoning="Printed under the lede: 'Senin, 10 Januari 2022 | 12:13 WIB' (Monday 10 January 2022, 12:13 Western Indonesia Time, UTC+7). Consistent with the text: unrest 'beberapa hari lalu' and 'saat ini sudah terkendali'.",
    ),
    src_row(
        "001",
        title="Pemandangan Dari Kirgistan – Diplomat",
        title_en="The View From Kyrgyzstan – Diplomat",
        outlet="",
        outlet_basis="unknown",
        outlet_evidence="The copy is a machine-style Indonesian translation of a The Diplomat article reposted on an unidentified site: the header line 'Cross Load' may be the site's name or a garbled rendering of The Diplomat's 'Crossroads Asia' blog, and the byline 'Posted By : togel hkg 2021 hari ini' is a gambling-spam byline. The site that published this copy cannot be identified.",
        genre="translation",
        original_outlet="The Diplomat",
        original_outlet_actor_id="the-diplomat",
        author="",
        byline_as_printed="Posted By : togel hkg 2021 hari ini",
        published_as_printed="",
        published_date="2022-01-07",
        published_date_min="2022-01-07",
        published_date_max="2022-01-14",
        published_date_basis="inferred",
        published_date_reasoning="No date printed. The text says 'Ini adalah hari kelima sejak protes dimulai di Kazakhstan' (protests began on 2 January 2022, so the fifth day is 6 January) but also reports 'Pada tanggal 7 Januari, parlemen Kirgistan menyetujui usulan Presiden Sadyr Japarov', so the original cannot predate 7 January 2022; it still speaks of 'intervensi CSTO hari ini' and of 'pembicaraan tentang Ukraina minggu depan dengan para pemimpin Barat' (the US-Russia/NATO/OSCE talks of 10-13 January 2022), so the original was written in the week before 10 January. Best estimate 2022-01-07 (the original's date); the repost on a spam site may be later, so the upper bound is a soft one-week bound (2022-01-14).",
    ),
    src_row(
        "002",
        title="Pemerintah Kazakhstan Meminta Bantuan Rusia untuk Mestabilkan Situasi",
        title_en="Kazakhstan's Government Asks Russia for Help to Stabilise [sic: 'Mestabilkan'] the Situation",
        outlet="Berita Baru (beritabaru.co)",
        outlet_actor_id="berita-baru",
        outlet_basis="stated",
        outlet_evidence="Site header 'Beritabaru.co Dapatkan aplikasi di Play Store' and the dateline 'Berita Baru, Internasional –'.",
        genre="translation",
        original_outlet="BBC",
        original_outlet_actor_id="bbc",
        author="",
        byline_as_printed="",
        published_as_printed="",
        published_date="2022-01-06",
        published_date_min="2022-01-06",
        published_date_max="2022-01-07",
        published_date_basis="inferred",
        published_date_reasoning="No date printed. 'Seperti dilansir dari BBC' and the whole structure follow the BBC's report of 6 January 2022 on the CSTO decision; the text reports Pashinyan's confirmation 'Pada hari Rabu' (Wednesday 5 January) and Tokayev's address 'pada Kamis dini hari' (early Thursday 6 January), the dismissal of Nazarbayev 'Pada hari Rabu' and the government's resignation, while the CSTO troops are still only 'akan dikerahkan' (to be deployed; the first units landed on 6 January). Hence 6 January 2022, at the latest 7 January.",
    ),
    src_row(
        "003",
        title="Mencermati Perkembangan Politik dan Keamanan di Kazakhstan",
        title_en="Examining the Political and Security Developments in Kazakhstan",
        outlet="Pars Today (Indonesian service of IRIB, Iran)",
        outlet_basis="inferred",
        outlet_evidence="Not named in the copy. The double timestamp '(last modified Sun, 16 Jan 2022 01:40:22 GMT )' + 'Jan 16, 2022 08:40 Asia/Jakarta', the 'Baca juga:' cross-links and the editorial line (US and UK behind the unrest, US refusal to leave Japan after WWII) match the Indonesian service of Pars Today, the Iranian state broadcaster IRIB's foreign-language site.",
        genre="state_affiliated_media",
        original_outlet="",
        author="",
        byline_as_printed="",
        published_as_printed="Jan 16, 2022 08:40 Asia/Jakarta",
        published_at="2022-01-16T08:40:00+07:00",
        published_timezone="Asia/Jakarta",
        published_date="2022-01-16",
        published_date_min="2022-01-16",
        published_date_max="2022-01-16",
        published_date_basis="printed",
        published_date_reasoning="Printed: 'Jan 16, 2022 08:40 Asia/Jakarta', consistent with '(last modified Sun, 16 Jan 2022 01:40:22 GMT )' (01:40 GMT = 08:40 WIB). Consistent with the text: withdrawal 'dimulai pada 13 Januari' and under way.",
    ),
    src_row(
        "004",
        title="Janji Vladimir Putin: Koalisi Militer Akan Cegah Percobaan Kudeta di Kazakhstan",
        title_en="Vladimir Putin's Promise: Military Coalition Will Prevent Coup Attempts in Kazakhstan",
        outlet="kumparan (kumparanNEWS)",
        outlet_basis="inferred",
        outlet_evidence="Not named in the copy. The page furniture is kumparan.com's: 'waktu baca 3 menit', icon names scraped as text ('sosmed-whatsapp-white', 'copy-link-circle', 'more-vertical', 'zoom-in-whitePerbesar'), repeated 'ADVERTISEMENT' slots and photo captions in the form 'Foto: .../Handout via REUTERS'.",
        genre="news_report",
        original_outlet="",
        author="",
        byline_as_printed="",
        published_as_printed="10 Januari 2022 18:27 WIB",
        published_at="2022-01-10T18:27:00+07:00",
        published_timezone="Asia/Jakarta",
        published_date="2022-01-10",
        published_date_min="2022-01-10",
        published_date_max="2022-01-10",
        published_date_basis="printed",
        published_date_reasoning="Printed under the title: '10 Januari 2022 18:27 WIB'. Consistent with Putin's remarks 'pada Senin (10/1)' at the CSTO video summit. The article compiles Reuters, AFP and BBC quotes but is the outlet's own write-up, so no single original outlet is given.",
    ),
]
write("sources", sources)

# ---------------------------------------------------------------- claims
# (topic, source, quote, nth, quote_en)
C = [
    # Kazakhstan/Tokayev asked for outside help
    ("assistance-requested", "000", "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.", 0,
     "Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there."),
    ("assistance-requested", "001", "Kazakh Namun, Presiden Kassym-Jomart Tokayev mengajukan permintaannya untuk intervensi CSTO dengan mengklaim bahwa negara itu tidak hanya mengalami kerusuhan sosial domestik tetapi juga tindakan agresi oleh “teroris asing.”", 0,
     "[Kazakh] However, President Kassym-Jomart Tokayev submitted his request for a CSTO intervention by claiming that the country was experiencing not only domestic social unrest but also an act of aggression by \"foreign terrorists.\""),
    ("assistance-requested", "002", "Pemerintah Kazakhstan Meminta Bantuan Rusia untuk Mestabilkan Situasi", 0,
     "Kazakhstan's Government Asks Russia for Help to Stabilise the Situation (headline)"),
    ("assistance-requested", "002", "Presiden Kazakhstan, Kassym-Jomart Tokayev, meminta bantuan dari Organisasi Perjanjian Keamanan Kolektif (CSTO) untuk menangani gelombang protes anti-pemerintah negara itu yang semakin meningkat.", 0,
     "Kazakhstan's President, Kassym-Jomart Tokayev, asked the Collective Security Treaty Organization (CSTO) for help in dealing with the country's growing wave of anti-government protests."),
    ("assistance-requested", "002", "Kemudian dalam pidato yang disiarkan televisi pada Kamis dini hari, Yokayev mengatakan dia telah meminta bantuan dari CSTO – aliansi militer yang terdiri dari Rusia dan lima negara bekas Soviet untuk membantu menstabilkan negara itu.", 0,
     "Then, in a televised speech in the early hours of Thursday, Yokayev [sic] said he had asked for help from the CSTO – a military alliance made up of Russia and five former Soviet states – to help stabilise the country."),
    ("assistance-requested", "003", "Pasukan, yang dikerahkan di berbagai kota di negara itu atas permintaan Presiden Kazakhstan, dan sekarang sedang meninggalkan Kazakhstan.", 0,
     "The forces, which were deployed in various cities of the country at the request of Kazakhstan's President, and are now leaving Kazakhstan."),

    # CSTO / Russian-led forces sent to Kazakhstan
    ("csto-deployment", "000", "Rusia mengintervensi Kazakhstan untuk memadamkan pendemo, karena memang Rusia punya aset aset strategis di Kazakhstan.", 0,
     "Russia intervened in Kazakhstan to put down the demonstrators, because Russia does indeed have strategic assets in Kazakhstan."),
    ("csto-deployment", "000", "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.", 0,
     "Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there."),
    ("csto-deployment", "001", "Oleh karena itu, berita bahwa tentara Kirgistan akan berpartisipasi dalam koalisi Organisasi Perjanjian Keamanan Kolektif (CSTO) untuk mendukung pasukan pemerintah Kazakh untuk memerangi apa yang mereka sebut sebagai “teroris asing” segera dikutuk secara luas.", 0,
     "Therefore, the news that Kyrgyz soldiers would take part in the Collective Security Treaty Organization (CSTO) coalition to support Kazakh government forces in fighting what they call \"foreign terrorists\" was immediately and widely condemned."),
    ("csto-deployment", "002", "Seperti dilansir dari BBC, pasukan militer pimpinan Rusia akan dikerahkan untuk membantu “menstabilkan” situasi di Kazakhstan.", 0,
     "As reported by the BBC, Russian-led military forces will be deployed to help \"stabilise\" the situation in Kazakhstan."),
    ("csto-deployment", "002", "Pada hari Rabu ketua CSTO, Perdana Menteri Armenia Nikol Pashinyan, mengkonfirmasi dalam sebuah pernyataan di Facebook bahwa aliansi tersebut akan mengirim pasukan penjaga perdamaian untuk jangka waktu terbatas.", 0,
     "On Wednesday the CSTO chair, Armenian Prime Minister Nikol Pashinyan, confirmed in a Facebook statement that the alliance would send peacekeeping forces for a limited period."),
    ("csto-deployment", "003", "Pasukan, yang dikerahkan di berbagai kota di negara itu atas permintaan Presiden Kazakhstan, dan sekarang sedang meninggalkan Kazakhstan.", 0,
     "The forces, which were deployed in various cities of the country at the request of Kazakhstan's President, and are now leaving Kazakhstan."),
    ("csto-deployment", "004", "Dalam pertemuan virtual antara pemimpin negara anggota CSTO, Putin mengungkapkan, pengerahan pasukan ke Kazakhstan berhasil mencegah aksi kelompok bersenjata dalam merusak kekuatan dasar negara.", 0,
     "In a virtual meeting of the leaders of the CSTO member states, Putin said the deployment of troops to Kazakhstan had succeeded in preventing armed groups' action to undermine the foundations of the state."),
    ("csto-deployment", "004", "“Kontingen pasukan perdamaian CSTO telah dikerahkan ke Kazakhstan – dan saya ingin menekankan, ini hanya untuk waktu singkat,” ungkap Putin.", 0,
     "\"A CSTO peacekeeping contingent has been deployed to Kazakhstan – and I want to stress, this is only for a short time,\" Putin said."),

    # the deployment is for a limited time
    ("csto-deployment-temporary", "002", "Pada hari Rabu ketua CSTO, Perdana Menteri Armenia Nikol Pashinyan, mengkonfirmasi dalam sebuah pernyataan di Facebook bahwa aliansi tersebut akan mengirim pasukan penjaga perdamaian untuk jangka waktu terbatas.", 0,
     "On Wednesday the CSTO chair, Armenian Prime Minister Nikol Pashinyan, confirmed in a Facebook statement that the alliance would send peacekeeping forces for a limited period."),
    ("csto-deployment-temporary", "004", "“Kontingen pasukan perdamaian CSTO telah dikerahkan ke Kazakhstan – dan saya ingin menekankan, ini hanya untuk waktu singkat,” ungkap Putin.", 0,
     "\"A CSTO peacekeeping contingent has been deployed to Kazakhstan – and I want to stress, this is only for a short time,\" Putin said."),

    # Russia leads the CSTO force / the alliance
    ("csto-russia-led", "001", "Mereka melihat CSTO sebagai senjata Presiden Rusia Vladimir Putin, yang dengannya Rusia dapat memerangi perang proksi untuk memperkuat kediktatoran di negara-negara satelit bekas Soviet.", 0,
     "They see the CSTO as a weapon of Russian President Vladimir Putin, with which Russia can fight proxy wars to strengthen dictatorships in former Soviet satellite states."),
    ("csto-russia-led", "002", "Seperti dilansir dari BBC, pasukan militer pimpinan Rusia akan dikerahkan untuk membantu “menstabilkan” situasi di Kazakhstan.", 0,
     "As reported by the BBC, Russian-led military forces will be deployed to help \"stabilise\" the situation in Kazakhstan."),
    ("csto-russia-led", "004", "Presiden Rusia, Vladimir Putin, berjanji akan mencegah adanya percobaan kudeta atau “revolusi warna” terjadi di negara-negara anggota CSTO, koalisi militer pimpinan Rusia.", 0,
     "Russian President Vladimir Putin promised to prevent coup attempts or \"colour revolutions\" from taking place in the member states of the CSTO, the Russian-led military coalition."),

    # Russian troops among the forces in Kazakhstan
    ("russian-troops-in-kazakhstan", "000", "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.", 0,
     "Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there."),
    ("russian-troops-in-kazakhstan", "003", "Mengingat bahwa telah diumumkan tanggal penarikan penuh dari Organisasi Perjanjian Keamanan Kolektif (CSTO)  hingga 10 hari, pasukan Rusia dan Belarusia kemungkinan akan meninggalkan Kazakhstan dalam 10 hari ke depan.", 0,
     "Given that the date of the full withdrawal from the Collective Security Treaty Organization (CSTO) has been announced as up to 10 days, Russian and Belarusian forces are likely to leave Kazakhstan within the next 10 days."),
    ("russian-troops-in-kazakhstan", "004", "Sebelumnya, Amerika Serikat—rival besar Rusia—sempat mempertanyakan kehadiran pasukan Rusia di Kazakhstan, yang saat itu masih panas.", 0,
     "Earlier, the United States – Russia's great rival – had questioned the presence of Russian troops in Kazakhstan, which was still tense at the time."),

    # Kyrgyz contingent
    ("kyrgyz-contingent", "001", "Pada tanggal 7 Januari, parlemen Kirgistan menyetujui usulan Presiden Sadyr Japarov untuk mengirim pasukan Kirgistan sebagai bagian dari koalisi CSTO ke Kazakhstan.", 0,
     "On 7 January, the Kyrgyz parliament approved President Sadyr Japarov's proposal to send Kyrgyz troops to Kazakhstan as part of the CSTO coalition."),
    ("kyrgyz-contingent", "003", "Menurut pernyataan resmi dari pemerintah Tokayev, pasukan dari Armenia, Tajikistan dan Kirgistan telah meninggalkan Kazakhstan setelah menyelesaikan misi.", 0,
     "According to an official statement from Tokayev's government, the troops from Armenia, Tajikistan and Kyrgyzstan have left Kazakhstan after completing the mission."),

    # withdrawal of the CSTO force (promised in 004, under way in 003)
    ("csto-withdrawal", "003", "Penarikan pasukan penjaga perdamaian yang berafiliasi dengan Organisasi Perjanjian Keamanan Kolektif sedang berlangsung setelah penandatanganan kesepakatan dalam hal ini.", 0,
     "The withdrawal of the peacekeeping forces affiliated with the Collective Security Treaty Organization is under way after the signing of an agreement on the matter."),
    ("csto-withdrawal", "003", "\"Penarikan pasukan penjaga perdamaian dari Organisasi Perjanjian Keamanan Kolektif dimulai pada 13 Januari dan akan berakhir dalam 10 hari ke depan.\"", 0,
     "\"The withdrawal of the peacekeeping forces of the Collective Security Treaty Organization began on 13 January and will end within the next 10 days.\""),
    ("csto-withdrawal", "003", "Menurut pernyataan resmi dari pemerintah Tokayev, pasukan dari Armenia, Tajikistan dan Kirgistan telah meninggalkan Kazakhstan setelah menyelesaikan misi.", 0,
     "According to an official statement from Tokayev's government, the troops from Armenia, Tajikistan and Kyrgyzstan have left Kazakhstan after completing the mission."),
    ("csto-withdrawal", "004", "Putin berjanji, pasukan CSTO di Kazakhstan akan segera ditarik kembali begitu misi di Kazakhstan sudah selesai.", 0,
     "Putin promised that the CSTO troops in Kazakhstan will soon be pulled back once the mission in Kazakhstan is finished."),
    ("csto-withdrawal", "004", "Ia menyatakan, jika Presiden Tokayev merasa sudah tidak membutuhkan tenaga pasukan CSTO, kontingen koalisi militer tersebut pasti akan langsung dipanggil kembali.", 0,
     "He stated that if President Tokayev feels he no longer needs the CSTO troops, the military coalition's contingent will certainly be recalled immediately."),

    # CSTO membership
    ("csto-membership", "000", "Di bawah bendera CSTO yang saat ini beranggotakan 6 negara pecahan Soviet dan Rusia itu sendiri.", 0,
     "Under the flag of the CSTO, which currently has as members 6 states that emerged from the Soviet break-up and Russia itself. [ambiguous: six including Russia, or six plus Russia]"),
    ("csto-membership", "002", "Kemudian dalam pidato yang disiarkan televisi pada Kamis dini hari, Yokayev mengatakan dia telah meminta bantuan dari CSTO – aliansi militer yang terdiri dari Rusia dan lima negara bekas Soviet untuk membantu menstabilkan negara itu.", 0,
     "Then, in a televised speech in the early hours of Thursday, Yokayev [sic] said he had asked for help from the CSTO – a military alliance made up of Russia and five former Soviet states – to help stabilise the country."),
    ("csto-membership", "004", "CSTO, atau Collective Security Treaty Organization, adalah koalisi militer yang saat ini terdiri dari enam negara anggota, yaitu Rusia, Armenia, Belarusia, Kazakhstan, Kyrgyzstan, dan Tajikistan.", 0,
     "The CSTO, or Collective Security Treaty Organization, is a military coalition that currently consists of six member states, namely Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan."),

    # Pashinyan chairs the CSTO
    ("csto-chair-pashinyan", "000", "CSTO sendiri saat ini dipimpin oleh presiden Armenia Nikol Pasyinyan.", 0,
     "The CSTO itself is currently led by the president of Armenia, Nikol Pasyinyan [sic]."),
    ("csto-chair-pashinyan", "002", "Pada hari Rabu ketua CSTO, Perdana Menteri Armenia Nikol Pashinyan, mengkonfirmasi dalam sebuah pernyataan di Facebook bahwa aliansi tersebut akan mengirim pasukan penjaga perdamaian untuk jangka waktu terbatas.", 0,
     "On Wednesday the CSTO chair, Armenian Prime Minister Nikol Pashinyan, confirmed in a Facebook statement that the alliance would send peacekeeping forces for a limited period."),

    # CSTO as an anti-Western / anti-NATO body
    ("csto-anti-western", "000", "CSTO sendiri adalah lawannya NATO.", 0,
     "The CSTO itself is NATO's opponent."),
    ("csto-anti-western", "001", "Sampai saat ini, CSTO sebagian besar telah menjadi badan simbolis anti-Barat tanpa banyak bobot di arena internasional.", 0,
     "Until now, the CSTO has largely been a symbolic anti-Western body without much weight in the international arena."),

    # official claim: foreign / terrorist / external forces behind the unrest
    ("unrest-blamed-on-terrorists-external-forces", "001", "Kazakh Namun, Presiden Kassym-Jomart Tokayev mengajukan permintaannya untuk intervensi CSTO dengan mengklaim bahwa negara itu tidak hanya mengalami kerusuhan sosial domestik tetapi juga tindakan agresi oleh “teroris asing.”", 0,
     "[Kazakh] However, President Kassym-Jomart Tokayev submitted his request for a CSTO intervention by claiming that the country was experiencing not only domestic social unrest but also an act of aggression by \"foreign terrorists.\""),
    ("unrest-blamed-on-terrorists-external-forces", "002", "Presiden Tokayev mengklaim kerusuhan itu adalah ulah “geng teroris” yang dilatih di luar negeri.", 0,
     "President Tokayev claimed the unrest was the work of \"terrorist gangs\" trained abroad."),
    ("unrest-blamed-on-terrorists-external-forces", "003", "\"Kami menghadapi serangan teroris gabungan yang ditujukan untuk menciptakan ketidakstabilan dan kudeta,\" ungkap Erlan Karin", 0,
     "\"We faced a combined terrorist attack aimed at creating instability and a coup,\" Erlan Karin said"),
    ("unrest-blamed-on-terrorists-external-forces", "003", "\"Ada konspirasi dari orang-orang di dalam dan di luar Kazakhstan, di mana terlepas dari keterlibatan kelompok-kelompok teroris, ada juga penyalahgunaan informasi.\"", 0,
     "\"There was a conspiracy by people inside and outside Kazakhstan, in which, apart from the involvement of terrorist groups, there was also misuse of information.\""),
    ("unrest-blamed-on-terrorists-external-forces", "003", "Selama protes rakyat di kota-kota besar Kazakhstan, terutama Almaty, para pejabat negara ini menekankan keterlibatan beberapa negara asing dalam merencanakan kudeta.", 0,
     "During the popular protests in Kazakhstan's big cities, especially Almaty, the country's officials stressed the involvement of several foreign countries in planning a coup."),
    ("unrest-blamed-on-terrorists-external-forces", "004", "“Militan bersenjata yang menunggu untuk beraksi di waktu yang tepat, ikut bergabung dalam aksi protes. Tujuan utamanya sudah jelas: Merusak tatanan konstitusi, menghancurkan institusi pemerintahan, dan pengambilan kekuasaan,” tegas Tokayev, sebagaimana dikutip dari AFP.", 0,
     "\"Armed militants who were waiting to act at the right moment joined the protests. Their main goal was clear: to undermine the constitutional order, destroy government institutions and seize power,\" Tokayev stressed, as quoted by AFP."),
    ("unrest-blamed-on-terrorists-external-forces", "004", "“Ancaman terhadap kenegaraan Kazakhstan timbul bukan karena aksi protes spontan dan unjuk rasa karena harga bahan bakar. Ini disebabkan oleh kekuatan internal dan eksternal yang mengambil kesempatan dalam kesempitan,” tegas Putin.", 0,
     "\"The threat to Kazakhstan's statehood arose not because of spontaneous protests and rallies over fuel prices. It was caused by internal and external forces that took advantage of the situation,\" Putin stressed."),

    # officials call the unrest a coup attempt
    ("coup-attempt-claimed", "003", "Dalam hal ini, Menteri Luar Negeri Kazakhstan Erlan Karin menyatakan bahwa tujuan utama dari kerusuhan tersebut adalah kudeta dan penggulingan pemerintahan Tokayev.", 0,
     "In this regard, Kazakhstan's Foreign Minister [sic] Erlan Karin stated that the main aim of the unrest was a coup and the overthrow of Tokayev's government."),
    ("coup-attempt-claimed", "003", "\"Kami menghadapi serangan teroris gabungan yang ditujukan untuk menciptakan ketidakstabilan dan kudeta,\" ungkap Erlan Karin", 0,
     "\"We faced a combined terrorist attack aimed at creating instability and a coup,\" Erlan Karin said"),
    ("coup-attempt-claimed", "003", "Selama protes rakyat di kota-kota besar Kazakhstan, terutama Almaty, para pejabat negara ini menekankan keterlibatan beberapa negara asing dalam merencanakan kudeta.", 0,
     "During the popular protests in Kazakhstan's big cities, especially Almaty, the country's officials stressed the involvement of several foreign countries in planning a coup."),
    ("coup-attempt-claimed", "004", "Presiden Kassym-Jomart Tokayev bahkan melihat aksi ini sebagai percobaan kudeta.", 0,
     "President Kassym-Jomart Tokayev even sees this action as a coup attempt."),
    ("coup-attempt-claimed", "004", "“Itu semua adalah percobaan kudeta,” imbuhnya.", 0,
     "\"All of it was a coup attempt,\" he added."),

    # trigger: fuel (LPG) price rise
    ("fuel-price-trigger", "002", "Protes pertama kali dipicu oleh kenaikan harga bahan bakar, tetapi telah meluas hingga mencakup keluhan politik lainnya.", 0,
     "The protests were first triggered by a rise in fuel prices, but have widened to include other political grievances."),
    ("fuel-price-trigger", "004", "Panasnya situasi di Kazakhstan bermula dari demonstrasi damai soal kenaikan harga LPG, bahan bakar yang sangat krusial bagi warga Kazakhstan.", 0,
     "The heated situation in Kazakhstan began with peaceful demonstrations over a rise in the price of LPG, a fuel that is crucial for Kazakhstan's citizens."),

    # protests turned violent
    ("protests-turn-violent", "001", "Ini adalah hari kelima sejak protes dimulai di Kazakhstan, berubah menjadi kekerasan dalam beberapa hari terakhir sementara pemerintah menutup internet.", 0,
     "This is the fifth day since protests began in Kazakhstan, turning violent in the last few days while the government shut down the internet."),
    ("protests-turn-violent", "002", "Para pengunjuk rasa berkumpul di kantor walikota di Almaty sebelum akhirnya menyerbunya.", 0,
     "The protesters gathered at the mayor's office in Almaty before finally storming it."),
    ("protests-turn-violent", "004", "Namun, demonstrasi berubah anarkis, salah satunya di kota terbesar, Almaty.", 0,
     "However, the demonstrations turned anarchic, among them in the largest city, Almaty."),

    # Almaty as the centre of the unrest
    ("almaty-unrest", "002", "Para pengunjuk rasa berkumpul di kantor walikota di Almaty sebelum akhirnya menyerbunya.", 0,
     "The protesters gathered at the mayor's office in Almaty before finally storming it."),
    ("almaty-unrest", "003", "Selama protes rakyat di kota-kota besar Kazakhstan, terutama Almaty, para pejabat negara ini menekankan keterlibatan beberapa negara asing dalam merencanakan kudeta.", 0,
     "During the popular protests in Kazakhstan's big cities, especially Almaty, the country's officials stressed the involvement of several foreign countries in planning a coup."),
    ("almaty-unrest", "004", "Namun, demonstrasi berubah anarkis, salah satunya di kota terbesar, Almaty.", 0,
     "However, the demonstrations turned anarchic, among them in the largest city, Almaty."),

    # internet shutdown
    ("internet-shutdown", "001", "Ini adalah hari kelima sejak protes dimulai di Kazakhstan, berubah menjadi kekerasan dalam beberapa hari terakhir sementara pemerintah menutup internet.", 0,
     "This is the fifth day since protests began in Kazakhstan, turning violent in the last few days while the government shut down the internet."),
    ("internet-shutdown", "002", "Jaringan internet juga dikabarkan padam secara nasional.", 0,
     "The internet network was also reportedly down nationwide."),

    # security forces siding with protesters (reported in 002; called false information in 003)
    ("security-forces-side-with-protesters", "002", "Ada laporan bahwa pasukan keamanan telah memihak pengunjuk rasa di beberapa tempat.", 0,
     "There are reports that security forces have sided with the protesters in some places."),
    ("security-forces-side-with-protesters", "003", "Sementara itu, bantuan beberapa pejabat pemerintah Tokayev, yang memberikan informasi palsu tentang para pengunjuk rasa dan tentara yang bergabung dengan pengunjuk rasa, menyebabkan sejumlah besar orang tertipu dan turun ke jalan-jalan di kota-kota negara terbesar di Asia Tengah itu.", 0,
     "Meanwhile, the help of some officials of Tokayev's government, who gave false information about the protesters and about soldiers joining the protesters, caused a large number of people to be deceived and take to the streets in the cities of Central Asia's largest country."),

    # casualties
    ("casualties", "002", "Kementerian dalam negeri merilis angka korban yang dilaporkan di antara pasukan keamanan, tetapi tidak ada laporan yang setara tentang cedera atau kematian di antara pengunjuk rasa.", 0,
     "The interior ministry released figures for reported casualties among the security forces, but there was no equivalent report of injuries or deaths among the protesters."),
    ("casualties", "004", "Puluhan orang dikabarkan tewas, dengan belasan aparat keamanan juga jadi korban jiwa.", 0,
     "Dozens of people were reportedly killed, with a dozen or more security personnel also among the dead."),

    # arrests / detentions
    ("detentions", "003", "\"Operasi yang dilakukan pasukan keamanan dan militer Kazakhstan untuk mengidentifikasi dan menahan teroris dan lainnya yang terlibat dalam kerusuhan baru-baru ini di provinsi Almaty dan Jambyl akan terus berlanjut.\"", 0,
     "\"The operations carried out by Kazakhstan's security and military forces to identify and detain terrorists and others involved in the recent unrest in Almaty and Jambyl provinces will continue.\""),
    ("detentions", "004", "Sekitar 8.000 orang sudah ditahan pihak berwajib.", 0,
     "About 8,000 people have been detained by the authorities."),

    # unrest brought under control
    ("unrest-under-control", "000", "Walaupun kerusuhan ini saat ini sudah terkendali, namun kondisi politik di Kazakhstan tetap belum stabil dan kondusif.", 0,
     "Although the unrest is now under control, the political situation in Kazakhstan remains unstable and not conducive."),
    ("unrest-under-control", "003", "Sebenarnya, dengan terciptanya ketenangan di berbagai kota di Kazakhstan, para menteri pertahanan negara-negara anggota CSTO secara resmi mengumumkan penarikan pasukan mereka dari Kazakhstan.", 0,
     "In fact, with calm established in various cities of Kazakhstan, the defence ministers of the CSTO member states officially announced the withdrawal of their forces from Kazakhstan."),
    ("unrest-under-control", "003", "Kerusuhan di Kazakhstan akhirnya berakhir dengan bantuan pasukan negara-negara anggota Organisasi Perjanjian Keamanan Kolektif.", 0,
     "The unrest in Kazakhstan finally ended with the help of the forces of the member states of the Collective Security Treaty Organization."),
    ("unrest-under-control", "004", "Dalam pertemuan virtual antara pemimpin negara anggota CSTO, Putin mengungkapkan, pengerahan pasukan ke Kazakhstan berhasil mencegah aksi kelompok bersenjata dalam merusak kekuatan dasar negara.", 0,
     "In a virtual meeting of the leaders of the CSTO member states, Putin said the deployment of troops to Kazakhstan had succeeded in preventing armed groups' action to undermine the foundations of the state."),

    # Blinken: hard to get Russians to leave
    ("blinken-russians-hard-to-remove", "003", "Penarikan itu terjadi ketika Menteri Luar Negeri AS dengan sinis mengklaim bahwa pasukan Rusia tidak akan meninggalkan negara mana pun setelah memasukinya.", 0,
     "The withdrawal comes as the US Secretary of State cynically claimed that Russian troops will not leave any country after entering it."),
    ("blinken-russians-hard-to-remove", "004", "Menteri Luar Negeri AS Antony Blinken berpendapat, kehadiran Rusia justru berpotensi menyebabkan masalah baru.", 0,
     "US Secretary of State Antony Blinken argued that Russia's presence could in fact cause new problems."),
    ("blinken-russians-hard-to-remove", "004", "\"Satu pelajaran yang terjadi dalam sejarah baru-baru ini, sekali Rusia ada di rumah anda, terkadang sulit untuk meminta mereka pergi,\" ucap Blinken seperti dikutip dari BBC.", 0,
     "\"One lesson from recent history: once Russians are in your house, it is sometimes difficult to ask them to leave,\" Blinken said, as quoted by the BBC."),

    # Tokayev is the second leader since independence
    ("tokayev-second-leader", "000", "Presiden Tokayev yang saat ini memimpin Kazakhstan adalah presiden kedua negara itu sejak negara itu merdeka hasil pecahnya Uni Soviet.", 0,
     "President Tokayev, who currently leads Kazakhstan, is the country's second president since it became independent as a result of the break-up of the Soviet Union."),
    ("tokayev-second-leader", "002", "Presiden Tokayev adalah orang kedua yang memimpin Kazakhstan sejak deklarasi kemerdekaan pada 1991.", 0,
     "President Tokayev is the second person to lead Kazakhstan since the declaration of independence in 1991."),

    # elections not democratic
    ("elections-undemocratic", "000", "Hampir tidak ada pemilihan umum di Kazakhstan yang berjalan adil, transparan dan terbuka.", 0,
     "Almost no election in Kazakhstan has been fair, transparent and open."),
    ("elections-undemocratic", "002", "Pemilihannya, pada 2019, Tokayev dikutuk oleh Organisasi untuk Keamanan dan Kerjasama di Eropa (OSCE) karena tidak hormat terhadap standar demokrasi.", 0,
     "His election, in 2019, Tokayev [sic] was condemned by the Organization for Security and Co-operation in Europe (OSCE) for lack of respect for democratic standards."),

    # Kazakh regime as a dictatorship
    ("kazakh-regime-dictatorship", "000", "Ini negara dengan kediktatoran yang akut.", 0,
     "This is a country with acute dictatorship."),
    ("kazakh-regime-dictatorship", "001", "Mereka meminta presiden dan parlemen untuk tidak mengirim tentara Kirgistan untuk mendukung kediktatoran Kazakh yang korup terhadap rakyatnya.", 0,
     "They asked the president and parliament not to send Kyrgyz soldiers to support the corrupt Kazakh dictatorship against its people."),
]

claims = []
for i, (topic, src, q, nth, en) in enumerate(C, 1):
    s, e, t = span(src, q, nth)
    claims.append(dict(claim_id=f"C{i:03d}", source_id=FILES[src], char_start=s, char_end=e, quote=t, quote_en=en, topic=topic))
# sanity: every topic has >= 2 sources
from collections import defaultdict
tops = defaultdict(set)
for c in claims:
    tops[c["topic"]].add(c["source_id"])
for t, s in tops.items():
    assert len(s) >= 2, t
write("claims", claims, ["claim_id", "source_id", "char_start", "char_end", "quote", "quote_en", "topic"])

# ---------------------------------------------------------------- discrepancies
D = []


def disc(kind, table, sid, desc, a, b, ref, res):
    row = dict(discrepancy_id=f"D{len(D)+1:03d}", kind=kind, subject_table=table, subject_id=sid, description_en=desc,
               reference=ref, resolution_en=res)
    src, q, nth, en = a
    s, e, t = span(src, q, nth)
    row.update(claim_a_source_id=FILES[src], claim_a_char_start=s, claim_a_char_end=e, claim_a_quote=t, claim_a_en=en)
    if b:
        src, q, nth, en = b
        s, e, t = span(src, q, nth)
        row.update(claim_b_source_id=FILES[src], claim_b_char_start=s, claim_b_char_end=e, claim_b_quote=t, claim_b_en=en)
    D.append(row)


Q000_REQ = ("000", "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.", 0,
            "Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there.")
Q002_REQ = ("002", "Presiden Kazakhstan, Kassym-Jomart Tokayev, meminta bantuan dari Organisasi Perjanjian Keamanan Kolektif (CSTO) untuk menangani gelombang protes anti-pemerintah negara itu yang semakin meningkat.", 0,
            "Kazakhstan's President, Kassym-Jomart Tokayev, asked the Collective Security Treaty Organization (CSTO) for help in dealing with the country's growing wave of anti-government protests.")
Q000_CHAIR = ("000", "CSTO sendiri saat ini dipimpin oleh presiden Armenia Nikol Pasyinyan.", 0,
              "The CSTO itself is currently led by the president of Armenia, Nikol Pasyinyan [sic].")
Q002_CHAIR = ("002", "Pada hari Rabu ketua CSTO, Perdana Menteri Armenia Nikol Pashinyan, mengkonfirmasi dalam sebuah pernyataan di Facebook bahwa aliansi tersebut akan mengirim pasukan penjaga perdamaian untuk jangka waktu terbatas.", 0,
              "On Wednesday the CSTO chair, Armenian Prime Minister Nikol Pashinyan, confirmed in a Facebook statement that the alliance would send peacekeeping forces for a limited period.")

disc("between_sources", "events", "tokayev-requests-csto",
     "Addressee of Kazakhstan's request for help: source 000 says Kazakhstan asked Russia, which intervened directly with its own troops; source 002 (body) says President Tokayev asked the CSTO (so do 001 'permintaannya untuk intervensi CSTO' and 002's second passage 'dia telah meminta bantuan dari CSTO'). 002's own headline also says 'Meminta Bantuan Rusia', which is a within-source inconsistency left to the per-article coding.",
     Q000_REQ, Q002_REQ,
     "Tokayev's televised address of 5 January 2022 (Akorda) announcing his appeal to the heads of state of the CSTO; CSTO Collective Security Council decision announced by its chair Nikol Pashinyan on the night of 5-6 January 2022.",
     "The request is coded as addressed to the CSTO (requester Tokayev/Kazakhstan, addressee CSTO) on the record and on 001/002; 000's row keeps 'meminta tolong Rusia' with Russia as addressee in 000's own role link.")
disc("between_sources", "actors", "pashinyan",
     "Office of the CSTO chair Nikol Pashinyan: 000 calls him 'presiden Armenia' (President of Armenia), 002 calls him 'Perdana Menteri Armenia' (Prime Minister of Armenia). Both agree he chairs/leads the CSTO.",
     Q000_CHAIR, Q002_CHAIR,
     "Government of Armenia: Nikol Pashinyan has been Prime Minister since May 2018 (reappointed August 2021); the President of Armenia in January 2022 was Armen Sarkissian. Armenia held the CSTO chairmanship in 2022.",
     "Actor pashinyan: role 'Prime Minister of Armenia; chair of the CSTO Collective Security Council'; 000's wrong title stays in its quote (see the public_record row).")
disc("public_record", "actors", "pashinyan",
     "000 says the CSTO is currently led by 'the president of Armenia Nikol Pasyinyan'. Pashinyan was Armenia's Prime Minister, not its President; he chaired the CSTO (Collective Security Council) as head of Armenia's government.",
     Q000_CHAIR, None,
     "Government of Armenia / CSTO: Nikol Pashinyan, Prime Minister of Armenia since 8 May 2018 (reappointed 2 August 2021); President of Armenia Armen Sarkissian (2018 - resignation announced 23 January 2022). Armenia chaired the CSTO in 2022.",
     "Row keeps 000's wording; the actor is coded as Prime Minister of Armenia and CSTO chair.")
disc("between_sources", "actors", "pashinyan",
     "Name form: 000 spells the CSTO chair 'Nikol Pasyinyan', 002 spells him 'Nikol Pashinyan' (the standard Indonesian/English form). Same person.",
     ("000", "Nikol Pasyinyan", 0, "Nikol Pasyinyan"),
     ("002", "Nikol Pashinyan", 0, "Nikol Pashinyan"),
     "Standard transliteration of Նիկոլ Փաշինյան: Nikol Pashinyan.",
     "Both forms are name forms of actor pashinyan; 'Pasyinyan' is a misspelling in 000.")
disc("between_sources", "memberships", "csto-membership",
     "Number of CSTO members: 000 says the CSTO 'currently has as members 6 states of the Soviet break-up and Russia itself', which reads as six plus Russia (seven) or, charitably, six including Russia; 004 says six member states including Russia and names them (Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan); 002 says 'Russia and five former Soviet states' (six).",
     ("000", "Di bawah bendera CSTO yang saat ini beranggotakan 6 negara pecahan Soviet dan Rusia itu sendiri.", 0,
      "Under the flag of the CSTO, which currently has as members 6 states that emerged from the Soviet break-up and Russia itself."),
     ("004", "CSTO, atau Collective Security Treaty Organization, adalah koalisi militer yang saat ini terdiri dari enam negara anggota, yaitu Rusia, Armenia, Belarusia, Kazakhstan, Kyrgyzstan, dan Tajikistan.", 0,
      "The CSTO, or Collective Security Treaty Organization, is a military coalition that currently consists of six member states, namely Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan."),
     "CSTO membership in January 2022: six states (Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan); Azerbaijan, Georgia and Uzbekistan had left in 1999 and Uzbekistan again in 2012.",
     "Six members (004, 002, record). 000's figure '6' is kept as written; the ambiguity of '6 ... dan Rusia itu sendiri' is recorded here.")
disc("public_record", "figures", "russian-troops-3000",
     "000 says Russia sent 3,000 of its soldiers to Kazakhstan. The CSTO's official figure for the whole collective peacekeeping force (all five contributing states, Russia the largest) was 2,030 servicemen and 250 units of equipment; no official source put the Russian contingent alone at 3,000 (media estimates of the total ranged about 2,000-3,000).",
     ("000", "Kazakhstan meminta tolong Rusia, dan Rusia membantu mengintervensi langsung Kazakhstan dengan mengirimkan 3.000 tentaranya kesana.", 0,
      "Kazakhstan asked Russia for help, and Russia helped by intervening directly in Kazakhstan, sending 3,000 of its soldiers there."),
     None,
     "CSTO Secretary General Stanislav Zas / CSTO statements of 8-11 January 2022: collective peacekeeping forces of 2,030 personnel and 250 pieces of equipment (Russia, Belarus, Armenia, Tajikistan, Kyrgyzstan).",
     "The figure keeps 3,000 as written, asserted in the author's own voice; the official CSTO total (2,030) is the reference for comparison.")
disc("between_sources", "events", "csto-deployment",
     "Purpose of the intervention: 000 says Russia intervened 'to put down the demonstrators' (memadamkan pendemo); 002 (after the BBC) says the Russian-led forces would be deployed to help 'stabilise' the situation, and 001 says the coalition was to support government forces against what they call 'foreign terrorists'; Putin in 004 says the deployment prevented armed groups from undermining the state.",
     ("000", "Rusia mengintervensi Kazakhstan untuk memadamkan pendemo, karena memang Rusia punya aset aset strategis di Kazakhstan.", 0,
      "Russia intervened in Kazakhstan to put down the demonstrators, because Russia does indeed have strategic assets in Kazakhstan."),
     ("002", "Seperti dilansir dari BBC, pasukan militer pimpinan Rusia akan dikerahkan untuk membantu “menstabilkan” situasi di Kazakhstan.", 0,
      "As reported by the BBC, Russian-led military forces will be deployed to help \"stabilise\" the situation in Kazakhstan."),
     "",
     "A difference of characterisation, not of fact: the deployment event is one event; each source's framing stays in its own quote and role links.")
disc("between_sources", "events", "unrest-cause",
     "Cause of the unrest: 003 asserts in its own voice that Karin's statement 'proves the fact' that foreign states, especially the United States and the United Kingdom, played an important role in the protests; 002 quotes Chatham House's Kate Mallinson that the protests show deep anger and resentment at the Kazakh government's failures (a domestic cause).",
     ("003", "Pernyataan Erlan Karin, tiga hari setelah meningkatnya protes rakyat di kota-kota besar Kazakhstan, membuktikan fakta bahwa negara-negara asing, terutama Amerika Serikat dan Inggris, telah memainkan peran penting dalam protes di Kazakhstan.", 0,
      "Erlan Karin's statement, three days after the escalation of the popular protests in Kazakhstan's big cities, proves the fact that foreign countries, especially the United States and Britain, have played an important role in the protests in Kazakhstan."),
     ("002", "Namun, Kate Mallinson, pakar Asia Tengah di lembaga pemikir urusan luar negeri Chatham House di London, mengatakan protes itu menunjukkan kemarahan dan kebencian yang sangat mendalam atas kegagalan pemerintah Kazhak.", 0,
      "However, Kate Mallinson, a Central Asia expert at the London foreign-affairs think tank Chatham House, said the protests showed very deep anger and resentment at the failures of the Kazakh [sic: 'Kazhak'] government."),
     "No evidence of a US or UK role was established; Kazakh officials themselves spoke of unnamed foreign/external forces.",
     "003's assertion is coded as a claim (status claimed), not as an established fact; 002's expert view is coded as a statement.")
disc("between_sources", "events", "unrest-cause",
     "Origin of the rioters: 000 says 20,000 unidentified people rioted and 'it is not known where they came from'; 003 says it is a proven fact that foreign states, especially the US and UK, played an important role.",
     ("000", "Tapi dilain sisi, ada 20rb orang tidak dikenal melakukan kerusuhan di Kazakhstan baru baru ini dan tidak diketahui berasal darimana.", 0,
      "But on the other hand, 20 thousand unidentified people recently rioted in Kazakhstan and it is not known where they came from."),
     ("003", "Pernyataan Erlan Karin, tiga hari setelah meningkatnya protes rakyat di kota-kota besar Kazakhstan, membuktikan fakta bahwa negara-negara asing, terutama Amerika Serikat dan Inggris, telah memainkan peran penting dalam protes di Kazakhstan.", 0,
      "Erlan Karin's statement, three days after the escalation of the popular protests in Kazakhstan's big cities, proves the fact that foreign countries, especially the United States and Britain, have played an important role in the protests in Kazakhstan."),
     "The figure of 20,000 'bandits' who attacked Almaty was Tokayev's own claim (address of 7 January 2022), not an independent count.",
     "Both kept as written; 000's 20,000 is stated in the author's voice although it echoes an official claim; 003's foreign-role assertion is a claim.")
disc("between_sources", "statements", "blinken-russians-hard-to-remove",
     "What Secretary of State Blinken said: 004 quotes him (via the BBC) as saying that once Russians are in your house it is 'sometimes' difficult to get them to leave; 003 (unnamed 'US Foreign Minister') turns this into a categorical claim that Russian troops will not leave any country after entering it, and calls it cynical.",
     ("003", "Penarikan itu terjadi ketika Menteri Luar Negeri AS dengan sinis mengklaim bahwa pasukan Rusia tidak akan meninggalkan negara mana pun setelah memasukinya.", 0,
      "The withdrawal comes as the US Secretary of State cynically claimed that Russian troops will not leave any country after entering it."),
     ("004", "\"Satu pelajaran yang terjadi dalam sejarah baru-baru ini, sekali Rusia ada di rumah anda, terkadang sulit untuk meminta mereka pergi,\" ucap Blinken seperti dikutip dari BBC.", 0,
      "\"One lesson from recent history: once Russians are in your house, it is sometimes difficult to ask them to leave,\" Blinken said, as quoted by the BBC."),
     "US State Department transcript, Secretary Blinken's press availability of 7 January 2022: 'I think one lesson in recent history is that once Russians are in your house, it's sometimes very difficult to get them to leave.'",
     "One statement by Blinken (7 January 2022); 004's wording is faithful, 003's paraphrase overstates it. Both rows keep their wording.")
disc("between_sources", "events", "security-forces-defection",
     "Security forces joining protesters: 002 (after the BBC) reports that there were reports of security forces siding with protesters in some places; 003 says information about soldiers joining the protesters was false information spread by some government officials that deceived people into taking to the streets.",
     ("002", "Ada laporan bahwa pasukan keamanan telah memihak pengunjuk rasa di beberapa tempat.", 0,
      "There are reports that security forces have sided with the protesters in some places."),
     ("003", "Sementara itu, bantuan beberapa pejabat pemerintah Tokayev, yang memberikan informasi palsu tentang para pengunjuk rasa dan tentara yang bergabung dengan pengunjuk rasa, menyebabkan sejumlah besar orang tertipu dan turun ke jalan-jalan di kota-kota negara terbesar di Asia Tengah itu.", 0,
      "Meanwhile, the help of some officials of Tokayev's government, who gave false information about the protesters and about soldiers joining the protesters, caused a large number of people to be deceived and take to the streets in the cities of Central Asia's largest country."),
     "",
     "The defection is coded as claimed (reported, unconfirmed) in 002; 003's denial is kept as its own characterisation.")
disc("public_record", "actors", "erlan-karin",
     "003 calls Erlan Karin 'Menteri Luar Negeri Kazakhstan' (Foreign Minister of Kazakhstan). In January 2022 Karin was State Secretary of Kazakhstan (appointed during the crisis, January 2022; previously presidential aide); the Foreign Minister was Mukhtar Tileuberdi.",
     ("003", "Dalam hal ini, Menteri Luar Negeri Kazakhstan Erlan Karin menyatakan bahwa tujuan utama dari kerusuhan tersebut adalah kudeta dan penggulingan pemerintahan Tokayev.", 0,
      "In this regard, Kazakhstan's Foreign Minister Erlan Karin stated that the main aim of the unrest was a coup and the overthrow of Tokayev's government."),
     None,
     "Akorda (Presidential Administration of Kazakhstan) appointments of January 2022: Erlan Karin, State Secretary; Ministry of Foreign Affairs of Kazakhstan: Mukhtar Tileuberdi, Minister of Foreign Affairs (2019-2023).",
     "Actor erlan-karin coded as State Secretary of Kazakhstan; 003's wrong title stays in the quote.")
disc("public_record", "figures", "deaths-dozens",
     "004 (10 January) says 'dozens' were reportedly killed, with a dozen or more security personnel. By 9 January Kazakh state media, citing the health ministry, had already reported 164 deaths (a figure later partly walked back), and on 15 January the Prosecutor General's Office gave 225 dead (including 19 security personnel); the final official toll was 238. 'Dozens' (value 10-99) understates the record; the security-forces figure ('belasan', 11-19) is consistent with the 16-19 reported.",
     ("004", "Puluhan orang dikabarkan tewas, dengan belasan aparat keamanan juga jadi korban jiwa.", 0,
      "Dozens of people were reportedly killed, with a dozen or more security personnel also among the dead."),
     None,
     "Kazakhstan Prosecutor General's Office, 15 January 2022 (225 dead, of them 19 law-enforcement officers and servicemen); later official total 238; health ministry figure of 164 reported by Khabar 24 on 9 January 2022.",
     "The figure keeps 'Puluhan' (vague, 10-99, hedged 'dikabarkan'); the official tolls are the reference for comparison.")
disc("public_record", "events", "tokayev-requests-csto",
     "Timing and order of the request and the CSTO's answer: 002 puts Pashinyan's confirmation of the deployment on Wednesday and then ('Kemudian') Tokayev's televised address saying he had asked the CSTO in the early hours of Thursday, i.e. the answer before the request. On the record Tokayev announced his appeal to the CSTO in a televised address on the evening of Wednesday 5 January 2022, and Pashinyan's Facebook announcement of the CSTO decision followed later that night (late 5 / early 6 January).",
     ("002", "Kemudian dalam pidato yang disiarkan televisi pada Kamis dini hari, Yokayev mengatakan dia telah meminta bantuan dari CSTO – aliansi militer yang terdiri dari Rusia dan lima negara bekas Soviet untuk membantu menstabilkan negara itu.", 0,
      "Then, in a televised speech in the early hours of Thursday, Yokayev [sic] said he had asked for help from the CSTO – a military alliance made up of Russia and five former Soviet states – to help stabilise the country."),
     None,
     "Akorda / Reuters, 5-6 January 2022: Tokayev's appeal to the CSTO heads of state (evening of 5 January, Kazakhstan time) and Pashinyan's Facebook statement on the CSTO Collective Security Council decision (night of 5-6 January).",
     "Request dated 2022-01-05 (reference), CSTO decision 2022-01-05/06; 002's 'Kamis dini hari' stays in its quote. Moderate confidence on the exact hours (time zones differ: Kazakhstan UTC+6, Armenia UTC+4, BBC in GMT).")

write("discrepancies", D)
print("sources", len(sources), "claims", len(claims), "discrepancies", len(D))
