"""The official vocabularies the crosswalks map onto, transcribed from the field's codebooks.

This module is the one hand-typed home of these lists. CAMEO codes and PLOVER event types are not
typed here: build.py parses them from the project's copy of the CAMEO to PLOVER table, so that the
table in ../shared/reference stays the single source for them. Every list names its source by key
(see SOURCES); the crosswalk tables cite the same keys in their `basis` column.
"""

SOURCES = {
    "acled-codebook": {
        "title": "ACLED Codebook (ACLED Knowledge Base, 'ACLED Codebook'; text of the 2024 edition)",
        "path": "https://acleddata.com/knowledge-base/codebook/",
        "note": "Sections: Event types and sub-event types (Table 2), Actor names, types, and Inter codes, "
        "Interaction codes (Table 3), Spatial precision codes, Time precision codes. Since 2024 the "
        "inter1/inter2 columns carry the text value (e.g. 'State forces'); the numbered headings "
        "('1: State Forces' ...) keep the former numeric inter codes.",
    },
    "ucdp-ged-codebook": {
        "title": "UCDP Georeferenced Event Dataset (GED) Codebook (Uppsala Conflict Data Program)",
        "path": "https://ucdp.uu.se/downloads/",
        "note": "Event definition (v22.1, p. 4); date_prec and where_prec value lists. The wording used "
        "here was read in secondary copies that quote the codebook (mapme.biodiversity's UCDP "
        "indicators for where_prec; a GED tutorial for date_prec): check against the current "
        "codebook before release.",
    },
    "ucdp-definitions": {
        "title": "UCDP Definitions (Department of Peace and Conflict Research, Uppsala University)",
        "path": "https://www.pcr.uu.se/research/ucdp/definitions/",
    },
    "plover-manual-0.8": {
        "title": "PLOVER: Political Language Ontology for Verifiable Event Records, DRAFT Version 0.8 "
        "(Open Event Data Alliance, 2021), mode tables",
        "path": "https://github.com/openeventdata/PLOVER/blob/6b85b9a7506bb372bf6828d68bf922f1e92e750a/PLOVER_MANUAL.tex",
        "note": "Read at commit 6b85b9a; ../shared/reference cites commit 5e0c24f of the same "
        "repository, which was not available to read. This draft still names the REQUEST type "
        "DEMAND (modes assist, change, yield, meet, shared with REJECT); the CAMEO to PLOVER "
        "table of the same version (the project's reference) calls it REQUEST.",
        "licenses": ["CC-BY-SA-4.0"],
    },
    "cameo2plover-2021": {
        "title": "CAMEO to PLOVER conversion table, PLOVER manual draft 0.8, 17 September 2021 "
        "(Open Event Data Alliance; openeventdata/PLOVER commit 5e0c24f)",
        "path": "tools/crosswalks/reference/CAMEO2PLOVER-2021.txt",
        "note": "Cited as cameo2plover-2021:LINE with the line quoted.",
        "licenses": ["CC-BY-SA-4.0"],
    },
    "cameo-1.1b3": {
        "title": "CAMEO Conflict and Mediation Event Observations Event and Actor Codebook, version "
        "1.1b3 (Schrodt 2012), event codes as distributed with GDELT (CAMEO.eventcodes.txt)",
        "path": "http://data.gdeltproject.org/documentation/CAMEO.Manual.1.1b3.pdf",
        "note": "Used only for codes that the CAMEO to PLOVER table leaves out (CAMEO 01 and 02).",
    },
    "qantar-reference": {
        "title": "Qantar reference notes: ../shared/reference/README.md and event-codebooks.md",
        "note": "Project notes beside the repository (../shared/reference), not shipped; cited where a mapping follows them.",
    },
}

ACLED = {
    "source": "acled-codebook",
    # Table 2, in the codebook's hierarchical order.
    "event_types": {
        "Battles": ["Government regains territory", "Non-state actor overtakes territory", "Armed clash"],
        "Protests": ["Excessive force against protesters", "Protest with intervention", "Peaceful protest"],
        "Riots": ["Violent demonstration", "Mob violence"],
        "Explosions/Remote violence": [
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
        "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
        "Strategic developments": [
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
    },
    # code: (current text value of inter1/inter2, codebook heading)
    "inter": {
        1: ("State forces", "1: State Forces"),
        2: ("Rebel group", "2: Rebel Groups"),
        3: ("Political militia", "3: Political Militias"),
        4: ("Identity militia", "4: Identity Militias"),
        5: ("Rioters", "5: Rioters"),
        6: ("Protesters", "6: Protesters"),
        7: ("Civilians", "7: Civilians"),
        8: ("External/Other forces", "8: External/Other Forces"),
    },
    "time_precision": {
        1: "The source material includes an actual date of the event.",
        2: "The event happened sometime during a week or a similar period (e.g. a weekend); the middle "
        "of the period is recorded as the event date.",
        3: "The event took place sometime during a month (e.g. 'in the past two or three weeks', 'in "
        "January'); the month midpoint, or the first or last day, is recorded. ACLED does not "
        "include events with less temporal information.",
    },
    "geo_precision": {
        1: "The source names a particular town, and coordinates are available for that town.",
        2: "The activity took place in a small part of a region or near a town; the event is coded to "
        "a town representing that area.",
        3: "Only a larger region is mentioned; the closest natural location noted, or the provincial "
        "capital, represents the region.",
    },
    # What the codebook's precision passages call each code, lower case: a crosswalk row's basis quotes
    # the passage of its own code, which says the code ('Geo-precision code 1', 'a Time precision code
    # of 2') or, where the quotation stops short of it, the case it defines ('the month midpoint', ACLED
    # recording country-level Strategic developments at its least precise code).
    "precision_names": {
        "acled_time_precision": {
            1: ["code of 1", "code 1", "actual date"],
            2: ["code of 2", "code 2", "during the week", "similar period"],
            3: ["code of 3", "code 3", "during a month", "month midpoint"],
        },
        "acled_geo_precision": {
            1: ["code 1", "code of 1", "particular town"],
            2: ["code 2", "code of 2", "small part of a region", "near a town"],
            3: ["code 3", "code of 3", "larger region", "provincial capital", "imprecise to the country level"],
        },
    },
}

UCDP_GED = {
    "type_of_violence": {
        "source": "ucdp-definitions",
        "codes": {
            1: "State-based conflict: a contested incompatibility concerning government and/or territory "
            "where the use of armed force between two parties, of which at least one is the government "
            "of a state, results in at least 25 battle-related deaths in one calendar year.",
            2: "Non-state conflict: the use of armed force between two organised armed groups, neither "
            "of which is the government of a state, resulting in at least 25 battle-related deaths in "
            "a year.",
            3: "One-sided violence: the use of armed force by the government of a state or by a "
            "formally organised group against civilians, resulting in at least 25 deaths in a year.",
        },
        # The names UCDP gives each type (UCDP Definitions): a crosswalk row's basis quotes the definition
        # of its own type under one of them; state-based conflict is defined as 'armed conflict'.
        "names": {1: ["state-based", "armed conflict"], 2: ["non-state conflict"], 3: ["one-sided violence"]},
    },
    "date_prec": {
        "source": "ucdp-ged-codebook",
        "codes": {
            1: "The exact date of the event is known.",
            2: "The date is known only within a 2-6 day range.",
            3: "Only the week of the event is known.",
            4: "The date is known only within an 8-30 day range, or only the month is known.",
            5: "The date is known only within a range longer than one month but not more than one "
            "calendar year.",
        },
    },
    "where_prec": {
        "source": "ucdp-ged-codebook",
        "codes": {
            1: "The location corresponds exactly to the coordinates given.",
            2: "A limited area around a specified location (within about 25 km).",
            3: "A second-order administrative division (ADM2, e.g. a district); GED uses its centroid.",
            4: "A first-order administrative division (ADM1, e.g. a province); GED uses its centroid.",
            5: "A part of a country larger than ADM1 but smaller than the country, a point between two "
            "named locations, a non-independent island, or a vaguely described location.",
            6: "The whole country; GED uses its centroid.",
            7: "International waters or airspace.",
        },
    },
}

# PLOVER modes per event type, from the manual's mode tables. Types whose section says
# "Supplementary fields: None" have no modes. REQUEST's modes are the manual's DEMAND modes.
PLOVER_MODES = {
    "source": "plover-manual-0.8",
    "modes": {
        "AGREE": [],
        "CONSULT": ["visit", "third-party", "multilateral", "phone"],
        "SUPPORT": [],
        "CONCEDE": [],
        "COOPERATE": [],
        "AID": [],
        "RETREAT": ["withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"],
        "REQUEST": ["assist", "change", "yield", "meet"],
        "ACCUSE": ["disapprove", "investigate", "allege"],
        "REJECT": ["assist", "change", "yield", "meet"],
        "THREATEN": ["restrict", "ban", "arrest", "relations", "expel", "territory", "violence"],
        "PROTEST": ["demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"],
        "SANCTION": ["convict", "expel", "withdraw", "discontinue"],
        "MOBILIZE": ["troops", "weapons", "police", "militia"],
        "COERCE": [
            "confiscate",
            "restrict",
            "ban",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
        ],
        "ASSAULT": [
            "abduct",
            "beat",
            "torture",
            "execute",
            "sexual",
            "assassinate",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "heavy-weapons",
            "cleansing",
            "massacre",
            "unconventional",
            "sideAB",
        ],
    },
}

# CAMEO codes the CAMEO to PLOVER table leaves out (CAMEO 01 and 02), as far as the crosswalks use them.
CAMEO_EXTRA = {
    "source": "cameo-1.1b3",
    "codes": {
        "023": "Appeal for aid, not specified below",
    },
}


# What each precision code can stand for in Qantar's terms, read from the definitions above: the
# interval lengths (in days, date_end - date_start + 1) a date code covers, and the kinds of point
# (places.coordinate_precision) a place code describes. build.py writes them as the rules
# crosswalk-pair-date-band and crosswalk-pair-place-point, so that a crosswalk row mapping Qantar's
# 2-6 day ranges to GED's 'only the week' or a region's admin centre to ACLED's 'near a town' fails.
# A band's upper bound None is open. Where the wording is loose the band is the widest reading:
# 'sometime during a month' (ACLED 3) covers ranges of 8 days up to a calendar month's 31; GED's 5
# ('longer than one month') starts at 31, as a month may have 30.
DATE_BANDS = {
    "acled_time_precision": {1: (1, 1), 2: (2, 7), 3: (8, 31)},
    "ucdp_date_prec": {1: (1, 1), 2: (2, 6), 3: (7, 7), 4: (8, 31), 5: (31, 366)},
}
# ACLED 1 and 2 are coded to a town (its point); 3 to the provincial capital, and ACLED's few
# country-level Strategic developments to the country. GED 1-2 are a location (a town's point), 4 a
# first-order division's centroid (Qantar's regions are first-level: their admin centre stands in), 6
# the country's centroid; 3 (ADM2), 5 (an area) and 7 (waters) have no Qantar point.
PLACE_POINTS = {
    "acled_geo_precision": {1: ["city_point"], 2: ["city_point"], 3: ["region_admin_centre", "country_centroid"]},
    "ucdp_where_prec": {1: ["city_point"], 2: ["city_point"], 4: ["region_admin_centre"], 6: ["country_centroid"]},
}
