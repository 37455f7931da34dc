"""Merge the five adjudications of issue 12 into the data of the `adjudicate` worktree.

Reads the first coding (the worktree's data/, i.e. 1.0.0 plus the names change), the five folders
/work/scratch/adjudication/<article>/ (decisions.csv, edits.jsonl) and the disagreement list, applies
the lead's settlement (LEAD below: merged duplicates, conventions applied across articles, lead
decisions of its own), gives the new rows their final ids, and writes data/*.csv,
data/coding_decisions.csv and reliability/adjudication/final-ids.csv. Run once, from a clean
worktree: python merge.py /work/wt/adjudicate
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(sys.argv[1])
ADJ = Path("/work/scratch/adjudication")
DIS = Path("/work/scratch/reliability/out/disagreements.csv")
ARTICLES = ["000", "001", "002", "003", "004"]
SID = {a: next((ROOT / "articles").glob(f"{a}_*.txt")).stem for a in ARTICLES}
TEXT = {a: (ROOT / "articles" / f"{SID[a]}.txt").read_text(encoding="utf-8") for a in ARTICLES}
DESC = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
PK = {r["name"]: r["schema"]["primaryKey"] for r in DESC["resources"] if isinstance(r.get("schema"), dict)}
TABLES = [t for t in PK if t not in ("event_types", "coding_decisions")]


def read_table(t):
    with open(ROOT / "data" / f"{t}.csv", encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        return r.fieldnames, list(r)


def write_table(t, fields, rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    (ROOT / "data" / f"{t}.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")


def key(t, row_or_id):
    if isinstance(row_or_id, dict):
        return tuple(str(row_or_id[c]) for c in PK[t])
    return (row_or_id,)


def span(a, quote, near=None):
    """(start, end) of quote in article a, found as `qantar anchor` finds it (spaces and quotes
    typed plainly); the occurrence at `near` when it repeats."""
    from qantar.curate import find_quote

    start, end, _ = find_quote(TEXT[a], quote, near)
    return str(start), str(end)


# --------------------------------------------------------------------------------------------
# The lead's settlement
# --------------------------------------------------------------------------------------------

NAMES_RULE = ("Lead: under the deterministic names rule merged after this adjudication "
              "(qantar/provenance/_names.py; docs/curation.md, Names) ")
QUANTITY_RULE = ("Lead: not a number-like token under the settled reading of quantity words "
                 "(docs/curation.md, Numbers: only words that say how many or what share of a set are quantity words), "
                 "so there is nothing to account for and no exclusion is added (an exclusion must hold a name candidate "
                 "or a number token).")
E011_RULE = ("Lead: moved from E030 to E011, as source 002's 'geng teroris' claim was (decision 002-063): a passage that "
             "names no coup is not linked to the claimed coup E030; the claimed foreign-terrorist aggression is a claim "
             "about who was behind the unrest E011 (docs/curation.md, Events).")
BETWEEN_RULE = ("Lead: settled rule for between_sources (docs/curation.md, Disagreements): a row is registered when two "
                "articles give different answers to the same question about the reported events (what happened, who, how "
                "many, when, where, for what purpose or cause), whether or not both could hold; its resolution says what "
                "the dataset adopts.")

E030_SUMMARY = ("Officials of Kazakhstan describe the unrest as an attempted coup by 'terrorists' and armed militants, "
                "helped by foreign states (source 003 names the United States and the United Kingdom); Russian President "
                "Putin (source 004) attributes it to interference by outside forces and to internal and external forces "
                "that exploited the situation.")

# Decisions folded into another one (the same disagreement decided twice): dropped id -> kept id.
MERGED = {
    "001-008": "000-008", "001-009": "000-009", "001-010": "000-011",  # rows 49, 50, 52: 000's claims
    "000-010": "001-011",  # row 51: 001's own ambiguity
    "003-016": "000-017",  # row 58, coder-cross D009
    "002-127": "003-017",  # row 68, coder-cross D008
    "003-018": "002-132",  # row 71, coder-cross D011
}

# Changes to kept decisions: fields replaced, and "+reason" appended to the reason.
DECISION_PATCH: dict[str, dict[str, str]] = {
    "000-008": {"+reason": "The adjudicator of 001 left this row to 000 (001-008)."},
    "000-009": {"+reason": "The adjudicator of 001 left this row to 000 (001-009)."},
    "000-011": {"+reason": "The adjudicator of 001 left this row to 000 (001-010)."},
    "001-011": {"+reason": "The adjudicator of 000 left this row to 001 (000-010)."},
    "000-017": {"decision": "flag", "subject_table": "discrepancies", "subject_id": "NEW-lead-discrepancies-1",
                "adopted_value": "NEW-lead-discrepancies-1",
                "reason": "coder-cross D009: source 000 says the 20,000 rioters came from no one knows where ('tidak diketahui "
                          "berasal darimana'); source 003 says it is a proven fact that foreign states, especially the United "
                          "States and Britain, played an important role in the protests ('membuktikan fakta'). The adjudicator "
                          "of 000 judged it no contradiction (different subjects); the adjudicator of 003 judged it a real but "
                          "weaker difference and left it to 000 (003-016). " + BETWEEN_RULE + " Both answer who was behind the "
                          "unrest, so the row is registered."},
    "003-017": {"+reason": "The adjudicator of 002 judged the two views compatible and registered nothing (002-127). "
                           + BETWEEN_RULE + " Both answer what drove the protests, so the row stays."},
    "002-132": {"+reason": "The adjudicator of 003 reached the same decision and left the row to 002 (003-018)."},
    "002-064": {"adopted_value": E030_SUMMARY,
                "+reason": "Lead: merged with 004-110, which rewrote the same field for source 004 (Putin never calls it a "
                           "coup); each part of the summary now rests on its own sources."},
    "004-110": {"adopted_value": E030_SUMMARY,
                "+reason": "Lead: merged with 002-064, which dropped 'trained abroad' (source 002's words, whose claim moved "
                           "to E011)."},
    "001-018": {"subject_id": "E011/alleged-terrorists/alleged_perpetrator", "adopted_value": "E011, alleged-terrorists, alleged_perpetrator, 001", "+reason": E011_RULE},
    "001-020": {"subject_id": "E011/kazakhstan/target", "adopted_value": "E011, kazakhstan, target, 001", "+reason": E011_RULE},
    "001-022": {"subject_id": "E011/tokayev/claimant", "adopted_value": "E011, tokayev, claimant, 001", "+reason": E011_RULE},
    "001-041": {"subject_table": "event_sources", "subject_id": "E011/001/2296",
                "adopted_value": "event_sources E011 <- source 001 [2296:2519]", "+reason": E011_RULE},
    "001-102": {"adopted_value": "E011", "+reason": E011_RULE},
    "001-055": {"decision": "remove_row", "adopted_value": "",
                "+reason": NAMES_RULE + "sentence-initial 'Revolusi' is a common word and no candidate; X010 held nothing to "
                           "exclude and was removed with the names change (CHANGELOG, Unreleased, Removed)."},
    "001-056": {"decision": "remove_row", "adopted_value": "",
                "+reason": NAMES_RULE + "sentence-initial 'Krisis' is a common word and no candidate; X013 held nothing to "
                           "exclude and was removed with the names change (CHANGELOG, Unreleased, Removed)."},
    "001-051": {"decision": "take_second", "subject_id": "X039", "adopted_value": "X039 (not_a_name)",
                "+reason": NAMES_RULE + "'Namun' after the stray word 'Kazakh' is a candidate; X039 excludes it."},
    "002-075": {"decision": "take_second", "subject_id": "X041", "adopted_value": "X041 (page_furniture)",
                "+reason": NAMES_RULE + "the dateline's 'Internasional' is a candidate; X041 excludes it as the site's section."},
    "003-089": {"decision": "take_second", "subject_id": "X042", "adopted_value": "X042 (page_furniture)",
                "+reason": NAMES_RULE + "the link's title-case headline holds candidates; X042 excludes the whole link."},
    "003-091": {"decision": "take_second", "subject_id": "X043", "adopted_value": "X043 (page_furniture)",
                "+reason": NAMES_RULE + "the link's title-case headline holds candidates; X043 excludes the whole link."},
    "002-086": {"adopted_value": "idiom: 'semua' [1153:1158]",
                "+reason": "Lead: the reason is idiom, not not_a_count: 'semua lapisan (masyarakat)' is the set phrase 'all "
                           "walks of life', which counts no set (docs/curation.md, Numbers)."},
}
for did, word in [("002-084", "'Mestabilkan' and 'Situasi'"), ("002-085", "'Mestabilkan' and 'Situasi'"),
                  ("002-091", "'Akibatnya'")]:
    DECISION_PATCH[did] = {"decision": "convention", "subject_id": "", "adopted_value": "",
                           "+reason": NAMES_RULE + f"{word} in a title-case headline or at a sentence start are common words "
                                      "and no name candidates, so no exclusion is added (an exclusion must hold a candidate "
                                      "or a number token)."}
for did in ["002-087", "002-088", "002-089", "003-162", "004-065", "004-066", "004-113"]:
    DECISION_PATCH[did] = {"decision": "convention", "subject_id": "", "adopted_value": "", "+reason": QUANTITY_RULE}

# Edits: dropped (by decision), or changed before they are applied.
DROP_EDITS = {"002-084", "002-085", "002-091", "002-087", "002-088", "002-089", "003-162", "004-065", "004-066",
              "004-113"}


def patch_edit(e):
    d = e["decision"]
    if d in ("002-064", "004-110"):
        e["value"] = E030_SUMMARY
    elif d in ("001-018", "001-020", "001-022", "001-041"):
        e["row"]["event_id"] = "E011"
    elif d == "001-102":
        e["value"] = "E011"
    elif d == "002-086":
        e["row"]["reason"] = "idiom"
        e["row"]["note"] = ("'kemarahan masyarakat di semua lapisan' (the anger of the public at every level): the set phrase "
                            "'semua lapisan (masyarakat)', all walks of life; no set is counted.")
    return e


S0, S2, S3 = SID["000"], SID["002"], SID["003"]
a3, b3 = span("003", "Pernyataan Erlan Karin, tiga hari setelah meningkatnya protes rakyat di kota-kota besar Kazakhstan, "
                     "membuktikan fakta bahwa negara-negara asing, terutama Amerika Serikat dan Inggris, telah memainkan "
                     "peran penting dalam protes di Kazakhstan.")
a0, b0 = span("000", "Tapi dilain sisi, ada 20rb orang tidak dikenal melakukan kerusuhan di Kazakhstan baru baru ini dan "
                     "tidak diketahui berasal darimana.")
t2a, t2b = span("002", "Pemerintah Kazakhstan Meminta Bantuan Rusia", near=76)

LEAD_EDITS = [
    {"op": "add", "table": "discrepancies", "decision": "000-017", "row": {
        "discrepancy_id": "NEW-lead-discrepancies-1", "kind": "between_sources", "subject_table": "events",
        "subject_id": "E011",
        "description_en": "Who was behind the rioting: source 000 says 20,000 unidentified people rioted and that it is not "
                          "known where they came from; source 003 says Erlan Karin's statement proves the fact that foreign "
                          "states, especially the United States and Britain, played an important role in the protests.",
        "claim_a_source_id": S0, "claim_a_char_start": a0, "claim_a_char_end": b0,
        "claim_a_quote": TEXT["000"][int(a0):int(b0)],
        "claim_a_en": "But on the other hand, there were 20 thousand unidentified people who rioted in Kazakhstan recently, "
                      "and it is not known where they came from.",
        "claim_b_source_id": S3, "claim_b_char_start": a3, "claim_b_char_end": b3,
        "claim_b_quote": TEXT["003"][int(a3):int(b3)],
        "claim_b_en": "Erlan Karin's statement, three days after the escalation of popular protests in Kazakhstan's large "
                      "cities, proves the fact that foreign countries, especially the United States and Britain, have played "
                      "an important role in the protests in Kazakhstan.",
        "reference": "",
        "resolution_en": "Both kept as their sources say them: source 000's rioters are the group unidentified-rioters "
                         "(perpetrator of E011, figure F002); source 003's assertion stays a claim (E030, the United States "
                         "and the United Kingdom as alleged_instigator on source 003's word; see also the within_source row "
                         "NEW-003-discrepancies-2 on Karin's words). The dataset does not decide who was behind the unrest."}},
    {"op": "set", "table": "discrepancies", "id": "NEW-000-discrepancies-4", "field": "description_en",
     "decision": "LEAD-public-record-title",
     "value": "Source 000 says Kazakhstan asked Russia for help, and so does the title of source 002 ('Pemerintah Kazakhstan "
              "Meminta Bantuan Rusia'). By the public record President Tokayev's appeal of 5 January 2022 was addressed to "
              "the heads of state of the CSTO, whose Collective Security Council then decided to send a Russia-led "
              "collective peacekeeping force."},
    {"op": "set", "table": "discrepancies", "id": "NEW-000-discrepancies-4", "field": "claim_b_source_id",
     "decision": "LEAD-public-record-title", "value": S2},
    {"op": "set", "table": "discrepancies", "id": "NEW-000-discrepancies-4", "field": "claim_b_char_start",
     "decision": "LEAD-public-record-title", "value": t2a},
    {"op": "set", "table": "discrepancies", "id": "NEW-000-discrepancies-4", "field": "claim_b_char_end",
     "decision": "LEAD-public-record-title", "value": t2b},
    {"op": "set", "table": "discrepancies", "id": "NEW-000-discrepancies-4", "field": "claim_b_quote",
     "decision": "LEAD-public-record-title", "value": TEXT["002"][int(t2a):int(t2b)]},
    {"op": "set", "table": "discrepancies", "id": "NEW-000-discrepancies-4", "field": "claim_b_en",
     "decision": "LEAD-public-record-title", "value": "Kazakhstan's Government Asks Russia for Help"},
    {"op": "set", "table": "discrepancies", "id": "NEW-000-discrepancies-4", "field": "resolution_en",
     "decision": "LEAD-public-record-title",
     "value": "E022 keeps Russia as addressee according to sources 000 and 002 (its title) in event_actors, and the CSTO "
              "as addressee according to sources 001 and 002 (its body); see also D009 (between the sources) and D011 "
              "(002's title against its body)."},
    {"op": "set", "table": "actors", "id": "sputnik", "field": "country_code", "decision": "LEAD-sputnik", "value": ""},
]

LEAD_DECISIONS = [
    {"decision_id": "LEAD-public-record-title", "source_id": S2, "subject_table": "discrepancies",
     "subject_id": "NEW-000-discrepancies-4", "field": "claim_b_source_id|claim_b_char_start|claim_b_char_end|claim_b_quote|claim_b_en|description_en|resolution_en",
     "first_value": "", "second_value": "",
     "decision": "revise", "adopted_value": "claim B: source 002's title 'Pemerintah Kazakhstan Meminta Bantuan Rusia'",
     "reason": "Lead: convention of the adjudicator of 000 applied to every article (docs/curation.md, Disagreements): where an "
               "article departs from the public record, a public_record row records the record even when a "
               "between_sources or within_source row exists. Source 002's title makes the same departure as source 000 "
               "(the request went to Russia; by the record it went to the heads of state of the CSTO), so the public_record "
               "row on the addressee gets 002's title as its claim B instead of a second row.",
     "origin": "review", "second_coding_ref": ""},
    {"decision_id": "LEAD-sputnik", "source_id": SID["004"], "subject_table": "actors", "subject_id": "sputnik",
     "field": "country_code", "first_value": "RUS", "second_value": "", "decision": "convention", "adopted_value": "",
     "reason": "Lead: the convention of the adjudicators of 002 and 004 applied to every outlet: country_code is empty "
               "'when no article says' (its definition), as for AFP, Reuters and now the BBC; source 004 names Sputnik "
               "only in a photo credit and says nothing of its country.",
     "origin": "review", "second_coding_ref": ""},
]

# Final ids of new rows (actors get slugs; the rest continue their table's sequence in article order).
SLUGS = {"NEW-001-actors-1": "kyrgyz-activist-lawyers", "NEW-001-actors-2": "ukraine",
         "NEW-004-actors-1": "outside-forces", "NEW-004-actors-2": "internal-and-external-forces"}
ID_FORMAT = {"figures": ("F", 3), "statements": ("ST", 2), "exclusions": ("X", 3), "discrepancies": ("D", 3)}
TEMP = re.compile(r"NEW-(?:\d{3}|lead)-[a-z_]+-\d+")


def main():
    tables = {t: read_table(t) for t in TABLES}
    decisions = {a: list(csv.DictReader(open(ADJ / a / "decisions.csv", encoding="utf-8"))) for a in ARTICLES}
    edits = []
    for a in ARTICLES:
        for line in open(ADJ / a / "edits.jsonl", encoding="utf-8"):
            if line.strip():
                e = json.loads(line)
                if e["decision"] not in DROP_EDITS:
                    edits.append(patch_edit(e))
    edits += LEAD_EDITS

    # --- apply -------------------------------------------------------------------------------
    log = []  # (op, table, key, field, old, new, decision)
    removed = {}
    touched: dict[str, list[tuple[str, dict]]] = {}  # decision -> (table, row) its edits added, changed or removed
    for e in edits:
        t = e["table"]
        fields, rows = tables[t]
        if e["op"] == "add":
            r = {f: e["row"][f] for f in fields}
            assert set(e["row"]) == set(fields), (t, e["decision"])
            assert not any(key(t, x) == key(t, r) for x in rows), ("duplicate", t, key(t, r))
            rows.append(r)
            touched.setdefault(e["decision"], []).append((t, r))
            log.append(("add", t, key(t, r), "", "", "", e["decision"]))
        else:
            k = tuple(str(e["id"][c]) for c in PK[t]) if isinstance(e["id"], dict) else (e["id"],)
            hit = [x for x in rows if key(t, x) == k]
            assert len(hit) == 1, (e, len(hit))
            touched.setdefault(e["decision"], []).append((t, hit[0]))
            if e["op"] == "remove":
                rows.remove(hit[0])
                removed[(t, k)] = hit[0]
                log.append(("remove", t, k, "", "", "", e["decision"]))
            else:
                old = hit[0][e["field"]]
                assert old != e["value"] or e["decision"] in ("002-064", "004-110"), (e, "no change")
                hit[0][e["field"]] = e["value"]
                log.append(("set", t, k, e["field"], old, e["value"], e["decision"]))

    # --- final ids ---------------------------------------------------------------------------
    final = dict(SLUGS)
    for t, (prefix, width) in ID_FORMAT.items():
        fields, rows = tables[t]
        idc = PK[t][0]
        used = [int(r[idc][len(prefix):]) for r in rows if not TEMP.fullmatch(r[idc])]
        if t == "exclusions":
            used += [10, 13, 17, 22]  # retired, never reused
        nxt = max(used) + 1
        new = [r for r in rows if TEMP.fullmatch(r[idc])]
        order = (lambda r: (r["source_id"], int(r["char_start"]))) if t == "exclusions" else \
                (lambda r: (r[idc].split("-")[1].replace("lead", "999"), int(r[idc].rsplit("-", 1)[1])))
        for r in sorted(new, key=order):
            final[r[idc]] = f"{prefix}{nxt:0{width}d}"
            nxt += 1

    def sub(v: str) -> str:
        return TEMP.sub(lambda m: final[m.group(0)], v)

    for t in TABLES:
        fields, rows = tables[t]
        for r in rows:
            for f in fields:
                r[f] = sub(r[f])
        # new rows after the old ones, in id order within their table's sequence
        idc = PK[t]
        if len(idc) == 1 and t in ID_FORMAT:
            rows.sort(key=lambda r: (len(r[idc[0]]), r[idc[0]]))
        write_table(t, fields, rows)

    # --- decisions ---------------------------------------------------------------------------
    dis = list(csv.DictReader(open(DIS, encoding="utf-8")))
    out = []
    all_dec = [(a, d) for a in ARTICLES for d in decisions[a]] + [("lead", d) for d in LEAD_DECISIONS]
    first_rows = {t: {key(t, r) for r in tables[t][1]} for t in TABLES}
    cid = {}
    for a, d in all_dec:
        did = d["decision_id"]
        if did in MERGED:
            continue
        d = dict(d)
        for f, v in DECISION_PATCH.get(did, {}).items():
            if f == "+reason":
                d["reason"] = d["reason"].rstrip() + " " + v
            else:
                d[f] = v
        origin = d["origin"]
        ref = d.get("second_coding_ref", "")
        if not origin.startswith("review") or "coder-cross" in (d.get("second_value") or ""):
            nums = [int(x) for x in re.findall(r"(?:second_coding:|row )(\d+)", origin)]
            if nums:
                r = dis[nums[0] - 1]
                sid = r["second_id"]
                if "/" in sid:  # coder-000:E002/coder-000:kazakhstan
                    ev, act = sid.split("/")
                    sid = ev + "/" + act.split(":", 1)[1]
                elif sid and ":" not in sid:  # a sources row: the coder whose value it is
                    sid = f"{sources_coder(dis, nums[0], a)}:{sid}"
                ref = sid
            m = re.search(r"coder-cross[: ]+(?:discrepancies\.csv )?(D\d{3})", d.get("second_value", "") + " " + origin)
            if not ref and m:
                ref = f"coder-cross:{m.group(1)}"
            origin = "second_coding" if (nums or ref) else "review"
        else:
            origin = "review"
        d["origin"] = origin
        if "|" in d["source_id"]:  # a row shared by two articles: the one whose adjudication decided it
            d["source_id"] = SID[a]
        d["second_coding_ref"] = ref
        removed_rows = [id(r) for r in removed.values()]
        own = sorted(((t, r) for t, r in touched.get(did, []) if t == d["subject_table"]),
                     key=lambda tr: id(tr[1]) in removed_rows)  # a row that still exists first
        if own and d["decision"] not in ("keep_first", "convention"):
            d["subject_id"] = "/".join(key(own[0][0], own[0][1]))  # the row as it is after the edits
        else:
            d["subject_id"] = normalise_subject(d, a, tables, removed, final)
        for f in ("subject_id", "adopted_value", "reason", "first_value", "second_value"):
            d[f] = sub(d[f] or "")
        cid[did] = f"C{len(out) + 1:04d}"
        d["decision_id"] = cid[did]
        d["_adj"] = did
        out.append(d)
    fields = ["decision_id", "source_id", "subject_table", "subject_id", "field", "first_value", "second_value",
              "decision", "adopted_value", "reason", "origin", "second_coding_ref"]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(out)
    (ROOT / "data" / "coding_decisions.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")

    # --- where each adjudicator's id went ------------------------------------------------------
    ids = ROOT / "reliability" / "adjudication" / "final-ids.csv"
    ids.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["adjudication_id", "final_id", "note"])
    for a, d in all_dec:
        did = d["decision_id"]
        if did in MERGED:
            w.writerow([did, cid[MERGED[did]], f"same disagreement as {MERGED[did]}: folded into it"])
        else:
            w.writerow([did, cid[did], ""])
    for tmp, fin in sorted(final.items()):
        w.writerow([tmp, fin, "new row"])
    ids.write_text(buf.getvalue(), encoding="utf-8")

    (Path(__file__).parent / "changes.json").write_text(json.dumps(
        [[op, t, [sub(x) for x in k], f, sub(o), sub(n), cid.get(dd, dd)] for op, t, k, f, o, n, dd in log],
        ensure_ascii=False, indent=0), encoding="utf-8")
    print("decisions", len(out), "edits", len(log), "new ids", len(final))


def sources_coder(dis, n, a):
    """Which second coder's sources row disagreement row n holds: the article's coder or coder-cross
    (the comparison lists the article's coder first when both differ on a field)."""
    r = dis[n - 1]
    field = r["field"].split("..")[0]
    values = {}
    for coder in (f"coder-{a}", "coder-cross"):
        for row in csv.DictReader(open(f"/work/blind/{coder}/sources.csv", encoding="utf-8")):
            if row["source_id"] == r["second_id"]:
                if ".." in r["field"]:  # an interval: published_date_min..max
                    lo, hi = r["field"].split("..")
                    values[coder] = f"{row[lo]}..{row[lo.rsplit('_', 1)[0] + '_' + hi]}"
                else:
                    values[coder] = row.get(field, "")
    hits = [c for c, v in values.items() if v and r["second_value"].startswith(v)]
    if len(hits) == 1:
        return hits[0]
    same = [i for i, x in enumerate(dis, 1) if x["table"] == "sources" and x["second_id"] == r["second_id"]
            and x["field"] == r["field"]]
    return f"coder-{a}" if same.index(n) == 0 else "coder-cross"


def normalise_subject(d, a, tables, removed, final):
    """The final key of the decision's subject row, or '' when it names no row."""
    t, s = d["subject_table"], (d["subject_id"] or "").strip()
    if t not in tables or not s:
        return ""
    s = s.removeprefix("NEW ").strip()
    if t in ("event_actors", "event_sources"):
        parts = re.split(r"[|/]", s)
        sid = d["source_id"]
        if len(parts) < 2:
            return ""  # an event without an actor: a link that was not added
        rows = tables[t][1] + [r for (tt, _), r in removed.items() if tt == t]
        names = ("event_id", "actor_id", "role", "source_id") if t == "event_actors" else ("event_id", "source_id", "char_start")

        def ok(r):
            for n, p in zip(names, parts):
                p = final.get(p, p)
                if (not r[n].startswith(p)) if n == "source_id" else r[n] != p:
                    return False
            return len(parts) > names.index("source_id") or r["source_id"] == sid
        hits = [r for r in rows if ok(r)]
        if len(hits) >= 1 and len({key(t, r) for r in hits}) == 1:
            return "/".join(key(t, hits[0]))
        if len(hits) > 1:
            # several rows fit a partial key: the decision's own source first
            own = [r for r in hits if r["source_id"] == sid]
            if len(own) == 1:
                return "/".join(key(t, own[0]))
            print("AMBIGUOUS", d["decision_id"], t, s, [key(t, r) for r in hits])
            return "/".join(key(t, (own or hits)[0]))
        print("NO ROW", d["decision_id"], d["decision"], t, s)
        return ""
    s = final.get(s, s)
    if TEMP.fullmatch(s):
        return s
    idc = PK[t][0]
    if any(r[idc] == s for r in tables[t][1]) or (t, (s,)) in removed or d["decision"] == "remove_row":
        return s
    print("NOT AN ID", d["decision_id"], t, repr(s))
    return ""


if __name__ == "__main__":
    main()
