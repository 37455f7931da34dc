"""The kinds of damage the mutation tests apply, and the layer and rules that must catch each.

Test metadata: it lives with the tests (tests/validate/test_validate_mutations.py applies each
kind; tests/docs checks the rules page lists them), never in the package.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Damage:
    """A kind of damage the mutation tests apply, and who must catch it."""

    kind: str
    description: str
    layer: str
    rules: tuple[str, ...]


DAMAGE: tuple[Damage, ...] = (
    Damage("duplicate-primary-key", "a row of a random table appended again", "frictionless", ("primary-key", "unique")),
    Damage("dangling-foreign-key", "a foreign key cell set to an id that exists nowhere", "frictionless", ("foreign-key",)),
    Damage("state-number-of-another", "a country given another country's Gleditsch-Ward number or code (with the COW one) "
           "or ISO numeric code", "consistency", ("state-codes-distinct",)),
    Damage("wrong-type", "an integer, number or date cell set to text that does not parse", "frictionless", ("type",)),
    Damage("out-of-range", "a value set below its minimum or above its maximum", "frictionless", ("minimum", "maximum")),
    Damage("unknown-category", "an enum cell set to a value outside the enum", "frictionless", ("enum",)),
    Damage("required-emptied", "a required cell emptied", "frictionless", ("required",)),
    Damage("lookalike-in-id", "a Latin letter of an id replaced by its Cyrillic lookalike", "frictionless",
           ("pattern", "foreign-key", "unique", "primary-key")),
    Damage("bom-or-bad-byte", "a byte order mark prepended, or a byte that is not UTF-8 inserted", "frictionless", ("encoding",)),
    Damage("unstamped-edit", "a free-text cell edited without re-stamping the descriptor", "frictionless", ("sha256", "bytes")),
    Damage("swapped-dates", "a start and an end date swapped (events, statements, figures, sources)", "pandera", ("date-order",)),
    Damage("figure-range-broken", "a figure's value_low raised above its value", "pandera", ("value-range",)),
    Damage("unit-scaled", "a figure's unit given a multiplier ('thousand persons' beside the value 20000)", "pandera",
           ("unit-is-a-unit",)),
    Damage("point-dropped", "a place with a GeoNames id stripped of its coordinates, its precision set to 'none'", "pandera",
           ("geonames-point-given",)),
    Damage("place-code-emptied", "a region's ISO 3166-2 subdivision_code or a city point's GeoNames id emptied, which "
           "switches off the rules that check them", "pandera", ("region-coded", "city-point-identified")),
    Damage("translation-dropped", "the English translation of a discrepancy's second claim emptied", "pandera",
           ("translation-pair", "span-complete")),
    Damage("quote-one-character", "one character of a quote changed", "consistency", ("quote-verbatim",)),
    Damage("lookalike-in-quote", "a Latin letter of a quote replaced by its Cyrillic lookalike", "consistency",
           ("quote-verbatim",)),
    Damage("offsets-shifted", "a span's start and end offsets both shifted by the same amount", "consistency",
           ("quote-verbatim", "figure-number-verbatim")),
    Damage("figure-number-changed", "a figure's value changed", "consistency", ("figure-number-reading", "csto-member-figures")),
    Damage("csto-member-changed", "a CSTO member state removed from, or added to, memberships", "consistency",
           ("csto-six-members",)),
    Damage("link-row-deleted", "an event's only event_sources row, or an actor's only event_actors row, deleted", "consistency",
           ("event-has-source", "orphan-actors", "source-contributes")),
    Damage("event-after-publication", "an occurred event moved after the publication of its sources", "consistency",
           ("event-after-publication",)),
    Damage("article-tampered", "one character of an article copy changed (descriptor re-stamped)", "consistency",
           ("article-hash",)),
    Damage("version-bumped", "the descriptor's version changed without a CHANGELOG entry", "consistency", ("versions-agree",)),
    # issue 11: time, roles and types, rules that data cannot switch off
    Damage("precision-width-broken", "an event's or statement's interval made wider or narrower than its date_precision "
           "(a day spanning days, a month or a year that is not one calendar month or year, a one-day range)", "pandera",
           ("precision-width",)),
    Damage("statement-after-publication", "a statement redated after the latest publication date of its source", "consistency",
           ("statement-after-publication",)),
    Damage("event-redated", "an event whose passage prints its date ('7 Januari', '2010', 'Maret 2021') moved by years or "
           "months, precision kept", "consistency", ("printed-date-agrees",)),
    Damage("planned-before-announcement", "a planned or announced event moved to start before the source or statement "
           "that announces it", "consistency", ("planned-after-announcement",)),
    Damage("dissolved-state-acts", "a statement, an event role or a membership re-attributed to a former state (the USSR), "
           "or a state given the code of a former country, acting after that country ceased", "consistency", ("actor-exists",)),
    Damage("source-date-moved", "a source's publication bound (min, best or max) moved away from its printed date or its "
           "reasoning, or a membership's as_of_date moved off its source's publication", "consistency",
           ("source-dates-plausible",)),
    Damage("role-misfit", "an event_actors role changed to one that does not fit the event's type", "consistency",
           ("event-role-fits-type",)),
    Damage("claim-made-fact", "an alleged perpetrator or instigator of a claimed event (an attack or a coup only a party "
           "asserts) made a plain perpetrator", "consistency", ("role-fits-status",)),
    Damage("role-actor-misfit", "an event_actors actor replaced by one whose type cannot fill the role", "consistency",
           ("role-fits-actor-type",)),
    Damage("membership-ends-wrong", "a membership's organisation and member swapped, or either replaced by an actor of "
           "the wrong type", "consistency", ("membership-types", "csto-six-members")),
    Damage("speaker-cannot-speak", "a crowd quoted directly, a crowd asserting a figure, or an outlet or intermediary that "
           "is not media", "consistency", ("speaker-can-speak",)),
    Damage("affiliation-self", "an actor made its own affiliation", "pandera", ("affiliation-not-self",)),
    Damage("affiliation-cycle", "an actor's affiliation chain bent back into a loop through two or more actors", "consistency",
           ("affiliation-acyclic",)),
    Damage("state-link-moved", "an event_actors row's state moved to another state the article names, but none of the "
           "event's passages from that source (Armenia's withdrawal given to Belarus)", "consistency",
           ("state-named-in-passage",)),
    Damage("figure-actor-unnamed", "a figure counting a state or an organisation its quote names given another one the quote "
           "does not name ('3.000 tentaranya' of Russia given to the CSTO)", "consistency", ("state-named-in-passage",)),
    Damage("event-type-renamed", "an event type renamed in event_types and everywhere that names it (events, the crosswalks), "
           "so that no role rule knows the new name", "consistency", ("event-type-has-roles",)),
    Damage("summary-of-another-city", "an event's English summary replaced by that of an event in a city "
           "elsewhere (the looting in Taldykorgan's summary on the riot in Almaty)", "consistency", ("event-place-named",)),
    Damage("description-copied", "an event's summary_en, an event type's description or a discrepancy's description_en "
           "copied from another row of its table", "consistency", ("near-duplicate",)),
    Damage("reasoning-year-rewritten", "a year-precision event's date_reasoning made to write another year ('pada 2010' as "
           "'pada 2011') while its dates stay", "consistency", ("reasoning-names-date",)),
    Damage("speaker-named-after-pronoun", "a statement whose words refer to their speaker with a pronoun ('Ia menyatakan, "
           "jika Presiden Tokayev merasa ...') given as speaker the person its words then name", "consistency",
           ("quote-names-speaker",)),
    Damage("mention-context-swapped", "an actor the articles name in their own words marked as named only in a photo credit, "
           "or one named only in credits marked as background", "consistency", ("mention-context-fits",)),
    Damage("affiliation-to-person", "an actor affiliated to a person or a group (a minister to a spokesperson)", "consistency",
           ("affiliation-is-organisation",)),
    Damage("actors-swapped", "two actors of one type swapped consistently in every table that names them", "consistency",
           ("actor-named", "actor-country-agrees")),
    Damage("event-end-stretched", "an occurred or claimed event's end moved past the latest publication of every source "
           "that reports it (a few days widened to the month)", "consistency", ("event-after-publication",)),
    Damage("statement-before-its-date", "a statement whose words print a date ('pemilu pada 2019') moved to end before that "
           "date begins, its words not about the future", "consistency", ("printed-date-agrees",)),
    Damage("stated-date-unprinted", "an event whose passages print its year or month ('pada 1991') narrowed to a day of it "
           "with date_basis still 'stated', or a date no passage prints relabelled 'stated'", "consistency",
           ("stated-date-printed",)),
    Damage("planned-turned-occurred", "an event dated by a forward-looking expression (planned or announced) turned "
           "'occurred' or 'claimed', perhaps on its article's publication day", "consistency", ("future-not-occurred",)),
    Damage("measure-drifted", "a figure's measure code mistyped or renamed away from the code the rules compare, or "
           "given another unit", "consistency", ("measure-codes-consistent",)),
    Damage("distribution-shift", "every event relabelled 'claimed'", "great_expectations",
           ("distribution (expect_column_values_to_be_in_set)",)),
    # --- codes and places, text hygiene, provenance (branch places-text) ---------------------
    Damage("unknown-country-code", "a country code set to three capitals that are no ISO 3166 code (XXK)", "consistency",
           ("country-code-known",)),
    Damage("historic-code-misplaced", "a current country's code swapped for a former country's (SUN, YUG), or the reverse",
           "consistency", ("country-code-known",)),
    Damage("subdivision-of-another-country", "a subdivision code set to one of another country, or to none that exists",
           "consistency", ("subdivision-code-fits",)),
    Damage("geonames-id-swapped", "a place's GeoNames id swapped with another place's, or set to a city elsewhere",
           "consistency", ("geonames-id-fits",)),
    Damage("coordinates-moved", "a place's latitude and longitude swapped, a sign flipped, or the point moved away",
           "consistency", ("coordinates-fit",)),
    Damage("control-character", "a control or invisible format character inserted into a text cell", "consistency",
           ("text-clean",)),
    Damage("outer-whitespace", "a space, tab or non-breaking space added before or after a text cell", "consistency",
           ("text-clean",)),
    Damage("decomposed-accent", "a letter of a text cell written with a combining accent (not NFC)", "consistency",
           ("text-clean",)),
    Damage("mixed-script-word", "a Latin letter of a name, translation or note replaced by a Cyrillic or Greek lookalike",
           "consistency", ("mixed-script",)),
    Damage("near-duplicate-row", "an entity row copied under a new id, its name's case or spacing changed", "consistency",
           ("near-duplicate",)),
    Damage("exclusion-over-claim", "an exclusion added as page furniture, advertising or spam over part of a curated quote",
           "consistency", ("claim-exclusion-overlap",)),
    Damage("name-part-misreasoned", "a word inside a printed multi-word name of an actor or place ('Uni' of 'Uni Soviet', "
           "'24' of 'National News Network 24') excluded as furniture, an idiom, not a count or not a name",
           "consistency", ("exclusion-reason-fits",)),
    Damage("figure-reexcluded", "a figure deleted and its number excluded instead (as furniture, a caption, an idiom, a name or a unit)",
           "consistency", ("claim-exclusion-overlap", "exclusion-reason-fits")),
    Damage("event-moved-place", "an event whose passages name its city or region moved to another city or region", "consistency",
           ("event-place-named",)),
    Damage("event-moved-inside-name", "an event whose passages name its region ('di provinsi Almaty') moved to the place "
           "whose name they print only inside that name (the city Almaty)", "consistency", ("event-place-named",)),
    Damage("event-unplaced", "an event whose passages name its city or region ('di kota barat Aktobe') left with no place, "
           "which would switch the place rules off for it", "consistency", ("event-place-named",)),
    Damage("figure-event-relinked", "a figure linked to another event of its source, whose passages there do not hold the "
           "figure and whose type its quote does not name", "consistency", ("quote-supports-event",)),
    Damage("statement-event-relinked", "a statement linked to another event, one its source does not report and whose "
           "type its quote does not name", "consistency", ("quote-supports-event",)),
    Damage("link-to-unnamed", "an event's participant, a figure's actor, asserter or place, a membership's organisation or "
           "an event's place moved to another actor or place that exists but that the row's source never names",
           "consistency", ("named-by-source",)),
    Damage("title-retyped", "a word of a source's title or printed byline changed (another country's name, other "
           "capitals, a letter added)", "consistency", ("source-printed",)),
    Damage("decision-moved-source", "a coding decision about a figure, statement, membership, exclusion or link row of one "
           "source given to another article", "consistency", ("coding-decision-source-fits",)),
    Damage("discrepancy-reattached", "a discrepancy moved to another actor, place, event, figure or statement that its claims "
           "neither name nor lie beside", "consistency", ("discrepancy-subject-fits",)),
    Damage("outlet-renamed", "a source's outlet or original outlet written as another outlet while its actor is kept, or "
           "linked to another outlet actor while its name is kept", "consistency", ("written-name-fits-actor",)),
    Damage("misspelling-claim-moved", "a misspelling discrepancy's first claim moved to another sentence of its article that "
           "does not have the misspelt word", "consistency", ("misspelling-quoted",)),
    Damage("name-recased", "one letter of an actor's or place's English name changed in case where the name is one of "
           "its name forms ('Nikol pashinyan')", "consistency", ("name-spelled-as-written",)),
    Damage("actor-typed-state", "a person, body, group or outlet with a country code typed as a state", "consistency",
           ("state-name-fits-code",)),
    Damage("intermediary-replaced", "a statement's intermediary replaced by another outlet while its article still cites the "
           "first ('dikutip dari Reuters')", "consistency", ("intermediary-cited",)),
    Damage("figure-number-excluded", "an exclusion (of any reason) added over a figure's own number, the figure kept",
           "consistency", ("claim-exclusion-overlap",)),
    Damage("quote-later-occurrence", "a repeated quote's offsets moved to a later copy of the same words", "consistency",
           ("quote-first-occurrence",)),
    Damage("event-quote-swapped", "an event's quote replaced by another event's verbatim passage (offsets too)",
           "consistency", ("quote-supports-event",)),
    Damage("translation-copied", "a span's translation replaced by another span's translation", "consistency",
           ("translation-unique",)),
    # --- found by a blind probe of the validator (2026-12-02): meaning changed, every layer silent ---
    Damage("statement-ends-after-publication", "a statement's interval made to end after its source was published "
           "(its start kept)", "consistency", ("statement-after-publication",)),
    Damage("iso-numeric-swapped", "a country's ISO 3166 numeric code replaced by another country's", "consistency",
           ("country-numeric-fits",)),
    Damage("inner-space", "a no-break space, a thin space, a tab-free second space put between two words of a "
           "curated text cell", "consistency", ("text-clean",)),
    Damage("redated-against-reasoning", "a day-, month- or range-precision event moved to another day, month or "
           "stretch while its date reasoning still writes the old one", "consistency", ("reasoning-names-date",)),
    Damage("month-narrowed-to-day", "a month-precision event whose reasoning writes its month ('Pada Maret 2021') narrowed "
           "to one of its days, precision day", "consistency", ("reasoning-names-date",)),
    Damage("publication-offset-changed", "a publication timestamp's UTC offset changed with its clock time kept "
           "(local time relabelled UTC or another zone)", "consistency", ("published-at-offset",)),
    Damage("speech-turned-direct", "reported speech without quotation marks recorded as direct or partial speech",
           "consistency", ("speech-mode-fits",)),
    Damage("spelling-variant", "a value that several rows share retyped in one of them with other capitals or spacing, or "
           "an English plural 's' dropped or added ('Persons' or 'person' beside 'persons')", "consistency", ("spelling-consistent",)),
    Damage("subdivision-of-another-place", "a region given its country's city code (Almaty city for the Almaty Region) or "
           "another region's code", "consistency", ("subdivision-code-fits",)),
    Damage("status-against-tense", "an event whose every passage speaks of it in the future ('akan', 'minggu depan') "
           "turned 'occurred' with its dates kept, or one whose passages never do turned 'planned' or 'announced'",
           "consistency", ("status-fits-tense",)),
    Damage("subdivision-renamed", "a region, or a city named after a subdivision, given another valid subdivision code of "
           "its own country (the Jambyl Region given Zhetisu's KZ-33, Aktobe Almaty's)", "consistency",
           ("subdivision-code-fits",)),
    Damage("hedge-ignored", "a figure whose number follows a hedge ('sekitar', 'hingga', 'dibawah') recorded as exact or "
           "with another bound", "consistency", ("qualifier-fits-words",)),
    Damage("translation-number-changed", "a number of a translation mistyped (a digit dropped, added or changed) while "
           "the quote keeps it", "consistency", ("translation-keeps-numbers",)),
    Damage("translation-number-scaled", "a number of a translation given another magnitude ('20 thousand' as '20 million', "
           "'500' as '500 thousand') while the quote keeps its own ('20rb', '500')", "consistency", ("translation-keeps-numbers",)),
    Damage("translation-person-renamed", "a person the text names by name ('Antony Blinken', 'Putin') given another "
           "person's name, of no one in the package ('Mike Pompeo'), in the translation", "consistency",
           ("translation-keeps-names",)),
    Damage("translation-number-word-changed", "a number word of a translation changed ('six member states' to 'seven') "
           "while the quote keeps its own ('enam')", "consistency", ("translation-keeps-numbers",)),
    Damage("translation-magnitude-changed", "a vague quantity's order of magnitude inflated in a translation ('Puluhan "
           "orang' as 'Hundreds of people', 'ratusan' as 'thousands') while the text keeps its word",
           "consistency", ("translation-keeps-numbers",)),
    Damage("translation-aspect-finished", "a translation that finishes what its text has under way ('tengah meninggalkan "
           "negara itu', are leaving the country, as 'have left the country'; 'sedang berlangsung', under way, as "
           "'complete') or drops its 'masih' (still)", "consistency", ("translation-keeps-aspect",)),
    Damage("translation-negation-flipped", "a 'not' added to a translation whose text negates nothing, or every negation "
           "dropped from one whose text negates, or its verb's negation dropped and a 'without' added ('asked not to send "
           "soldiers' as 'asked to send soldiers without delay')", "consistency", ("translation-keeps-negation",)),
    Damage("speaker-replaced", "a statement given to another actor of its speaker's type (a person, a state, a body), or a "
           "figure to another asserter, while the words of attribution still name the real one", "consistency",
           ("quote-names-speaker", "actor-named")),
    Damage("measure-replaced", "a figure's measure replaced by another figure's or by a common count (deaths, injured, "
           "arrested, troops_deployed) that its quote does not count", "consistency", ("measure-fits-quote",)),
    Damage("unit-replaced", "a figure's unit replaced by another whose word its quote does not hold ('tiga hari' counted "
           "in weeks, a count of soldiers in cities)", "consistency", ("measure-fits-quote",)),
    Damage("figure-redated", "a figure's reference start moved after the publication of its source, or before the start "
           "of the event it counts", "consistency", ("figure-dates-fit",)),
    Damage("figure-end-redated", "the end of a figure's reference interval moved after its source's publication, its "
           "event neither planned nor announced", "consistency", ("figure-dates-fit",)),
    Damage("publication-time-moved", "a source's publication timestamp moved by hours within its day, or to another day at "
           "the same clock time", "consistency", ("published-at-printed",)),
    Damage("speech-turned-indirect", "a statement whose quote opens with the speaker's words between quotation marks "
           "recorded as indirect speech", "consistency", ("speech-mode-fits",)),
    Damage("statement-quote-replaced", "a statement's quote and offsets replaced by another sentence of its article that "
           "reports no one's words (narration, a caption)", "consistency", ("quote-reports-speech",)),
    Damage("actor-moved-country", "an actor whose English name or role names its country (or a city of it: 'think tank in "
           "London') given another country's code, "
           "its affiliation moved to that country's state where it had a state's", "consistency", ("actor-country-named",)),
    Damage("roles-swapped", "the roles of a perpetrator (or alleged one) and its victim or target, a requester and its "
           "addressee, a critic and its subject, a provider and its host, swapped within one event and source whose passage "
           "names both, in the active or the passive voice ('dikutuk oleh OSCE')", "consistency", ("roles-in-word-order",)),
    Damage("point-nudged", "a city's or region's latitude or longitude moved by 1 to 20 km, away from the GeoNames point "
           "its coordinates_reference says it copies", "consistency", ("coordinates-fit",)),
    Damage("range-narrowed-to-day", "an event dated to a range whose reasoning leaves it undated or places it between two "
           "dates narrowed to its first or last day", "consistency", ("reasoning-fits-precision",)),
    Damage("bound-dropped", "the bound a figure's qualifier sets emptied (value_high of 'at_most' or 'less_than', value_low "
           "of 'at_least' or 'more_than')", "pandera", ("upper-bound-given", "lower-bound-given")),
    Damage("weekday-contradicted", "a one-day event or statement whose quote names the day of the week moved by one to "
           "six days", "consistency", ("weekday-agrees",)),
    Damage("statement-before-event", "a statement about an event that occurred or is claimed, its words not of the future, "
           "redated to end before that event began (days to decades earlier)", "consistency", ("statement-after-event",)),
    Damage("event-moved-country", "an event whose passages name places of some country (the country, its cities or regions) "
           "moved to a country none of them is in, or to a wider region (Central Asia) they do not name", "consistency",
           ("event-place-named",)),
    Damage("figure-moved-place", "a figure of an event given a place that is not its event's nor lies in it (another city, "
           "another country)", "consistency", ("figure-place-fits-event",)),
    Damage("figure-moved-actor", "a figure of an event given an actor with no part in that event, neither belonging to one "
           "of its actors nor having one belong to it", "consistency", ("figure-actor-in-event",)),
    Damage("fact-made-claim", "an event its passages state as fact (no quotation, no word of saying, no hedge) and with no "
           "claimant or alleged actor relabelled 'claimed'", "consistency", ("claimed-is-attributed", "role-fits-status")),
    Damage("translation-names-foreign-country", "a name in a translation (an actor's or place's English name or name form) "
           "replaced by a country the package holds no row of ('the United States and Britain' as 'the United States and "
           "France'), which its quote does not name in English or Indonesian", "consistency", ("translation-keeps-names",)),
    Damage("translation-name-replaced", "a name in a translation (an actor's or place's English name or name form) replaced "
           "by the English name of another actor or place its text does not name ('CSTO' by 'NATO', 'Russia' by "
           "'Belarus')", "consistency", ("translation-keeps-names",)),
    Damage("translation-name-moved", "a name in a translation replaced by the English name of another actor or place its "
           "quote names elsewhere ('asked for help from the CSTO' as 'from Russia' where the quote names Russia later): a "
           "name of the quote dropped, another named once more than the quote names it", "consistency",
           ("translation-keeps-names",)),
    Damage("figure-asserter-dropped", "a figure whose number lies in the words a statement reports (the police chief's "
           "'500 warga sipil') made the article's own claim: asserted_by_id emptied", "consistency",
           ("figure-attribution-fits",)),
    Damage("figure-asserter-invented", "a figure the article states in its own voice given to an actor (a person, a state, "
           "a body) that no statement holding its number has as speaker and that its quote does not name beside a word "
           "of saying ('ada 20rb orang tidak dikenal' given to Tokayev)", "consistency", ("figure-attribution-fits",)),
    Damage("language-code-unknown", "a source's language set to two letters that are no current ISO 639-1 code (the "
           "withdrawn 'in' for Indonesian, 'iw', 'ji', or any unassigned pair)", "consistency", ("language-code-known",)),
    Damage("compatibility-character", "a letter or digit of a curated text cell written as its fullwidth form, or 'fi'/'fl' "
           "as a ligature ('ＣＳＴＯ', 'conﬁrms')", "consistency", ("text-clean",)),
    Damage("name-look-alike", "an actor's or place's English name that is one of its name forms retyped with a look-alike: "
           "a hyphen as an en dash, an 'i' as a dotless 'ı', a letter given an accent ('Kassym–Jomart', 'Bıshkek')",
           "consistency", ("name-spelled-as-written",)),
    Damage("hearsay-made-fact", "an event every passage of which is a hedged report ('Ada laporan bahwa') relabelled "
           "'occurred'", "consistency", ("hedged-is-claimed",)),
    Damage("translation-hedge-changed", "a translation's hedges dropped where its text hedges ('reportedly killed' as "
           "'killed', 'apparently stood' as 'stood'), or a hedge ('reportedly', 'allegedly') added where it does not",
           "consistency", ("translation-keeps-hedges",)),
    Damage("translation-date-changed", "a day of the week or a month in a translation changed to another ('On Wednesday' "
           "as 'On Thursday', '13 January' as '13 February') while the text keeps its own", "consistency",
           ("translation-keeps-dates",)),
    Damage("decision-moved-row", "a coding decision that kept, took or revised one field's value moved to another row of "
           "the same table whose field holds something else", "consistency", ("coding-decision-outcome-fits",)),
    Damage("link-decision-flipped", "a coding decision about a link's key column (an event_actors role) turned from "
           "'take_second' to 'keep_first' or back, while the link keeps the value the decision no longer decides",
           "consistency", ("coding-decision-outcome-fits",)),
    Damage("original-outlet-dropped", "a translation's or a repost's original outlet emptied (its actor kept or emptied too), "
           "or its actor alone, so that it counts as an independent source", "pandera",
           ("genre-fits-original-outlet", "original-outlet-linked")),
    Damage("genre-relabelled", "a state broadcaster's article relabelled news_report or opinion while its outlet's evidence "
           "still names the state broadcaster, or a commercial outlet's own article labelled state_affiliated_media",
           "pandera", ("genre-fits-outlet-evidence",)),
    Damage("basis-against-reasoning", "an event's date basis turned against what its reasoning opens with ('Stated: ...' "
           "relabelled relative, inferred or reference; 'Not dated by the source' relabelled stated or relative), or a "
           "source's publication-date basis against 'Printed: ...' or 'No date is printed'", "pandera",
           ("basis-fits-reasoning",)),
    Damage("misspelling-claims-swapped", "a misspelling discrepancy's two claims swapped, so that claim A (the misspelt "
           "spelling) holds the right one ('Nikol Pashinyan' for 'Nikol Pasyinyan')", "consistency", ("misspelling-quoted",)),
    Damage("name-excluded-as-nothing", "an exclusion of a name form of the package, or of a word of one ('Nursultan', "
           "ambiguous between the capital and Nazarbayev), given the reason not_a_name", "consistency",
           ("exclusion-reason-fits",)),
    Damage("reasoning-without-grounds", "an event's date_reasoning or a source's published_date_reasoning replaced by words "
           "that neither quote the article nor write a date ('See source.', 'Inferred from context.')", "pandera",
           ("reasoning-gives-grounds",)),
    Damage("decision-made-convention", "a coding decision that revised or took the second value of a field relabelled a "
           "'convention' with its adopted value emptied, so that it records the first value the row no longer holds",
           "consistency", ("coding-decision-outcome-fits",)),
    Damage("outlet-basis-misfit", "a source's outlet filled in while its basis stays 'unknown', or emptied while it says "
           "'stated' or 'inferred'", "pandera", ("outlet-basis-fits",)),
    Damage("outlet-called-stated", "a source's outlet basis set to 'stated' (its outlet filled with another source's where "
           "empty) though its article never names that outlet", "consistency", ("source-printed",)),
    Damage("host-misplaced", "an actor of another country, or of none, made the host of a deployment, withdrawal or clash "
           "placed in a country (the CSTO hosting its own deployment in Almaty)", "consistency", ("host-fits-place",)),
    Damage("figure-asserter-moved", "a figure whose words lie inside a statement given another asserter than that "
           "statement's speaker or intermediary", "consistency", ("figure-asserter-fits-statement",)),
    Damage("affiliation-off-name", "an actor whose English name names a state or organisation ('CSTO Collective "
           "Peacekeeping Forces', 'Government of Kazakhstan') affiliated to another one, whose chain never reaches it",
           "consistency", ("affiliation-named",)),
    Damage("affiliation-off-body-name", "an actor whose English name names a government body, a security force, a "
           "media outlet or a think tank ('BBC Monitoring') affiliated to another organisation whose chain never reaches "
           "it (BBC Monitoring to Reuters)", "consistency", ("affiliation-named",)),
    Damage("added-row-actor-moved", "a statement or figure that a coding decision added as one actor's ('kyrgyz-public, "
           "indirect, ...') given to another actor (ST43 to the state kyrgyzstan)", "consistency",
           ("coding-decision-outcome-fits",)),
    Damage("relative-date-moved", "an event dated from a relative expression of one meaning ('tahun lalu', 'minggu depan', "
           "'hari ini') moved off where it points, basis and reasoning kept", "consistency", ("relative-date-agrees",)),
    Damage("occurred-translated-future", "the translation of a passage of an occurred or claimed event, with no word of the "
           "future, put into the future ('approved' as 'will have approved', 'was' as 'will be')", "consistency",
           ("translation-keeps-future",)),
    Damage("weekday-day-widened", "a statement whose reporter's words name one weekday ('ucap Putin pada Senin (10/1)'), or a "
           "relative event whose passages do ('Pada hari Rabu'), widened from its day to a range", "consistency",
           ("weekday-agrees",)),
    Damage("weekday-week-moved", "an event or statement dated to a weekday its quote names with no date beside it ('Pada "
           "hari Rabu' in an article of Thursday 6 January: 5 January) moved by whole weeks, still that weekday, its "
           "reasoning's date rewritten to match", "consistency", ("weekday-agrees",)),
    Damage("role-given-counterpart", "an event_actors row of an actor another source gives the same role in the event "
           "given the counterpart's role instead (the requester made the addressee, the provider the host, the "
           "perpetrator the victim), the new role fitting the event and actor types", "consistency", ("roles-agree",)),
    Damage("group-linked-unnamed", "a group its source's article never describes (no name form of it there) linked to an "
           "event in a role other than participant of a protest or riot, or made a figure's actor ('aktivis' as the stormers of an akimat in "
           "an article that names no activists)", "consistency", ("named-by-source",)),
    Damage("person-link-moved", "an event's person, body, force, organisation or outlet moved to another of its type that the "
           "article names elsewhere, while every passage of the event from that source names another of the type and not "
           "the new one (the proposer of 'usulan Presiden Sadyr Japarov' made Tokayev)", "consistency",
           ("actor-named-in-passage",)),
    Damage("relative-basis-switched", "an event dated from a relative expression given another basis than 'relative' "
           "('inferred', 'reference') and moved off where the expression points", "consistency", ("relative-date-agrees",)),
    Damage("relative-date-widened", "an event dated from a relative expression widened past what it says ('minggu depan' "
           "to the month), still meeting it, basis kept", "consistency", ("relative-date-agrees",)),
    Damage("speaker-replaced-across-kinds", "a statement or figure whose words of attribution name a body or person of "
           "another kind than the new speaker given to it (the government's statement to the president), the new one "
           "neither belonging to the named one nor having it belong to it", "consistency", ("quote-names-speaker", "actor-named")),
    Damage("translation-size-flipped", "a large vague quantity of a translation made small ('large numbers of people' as "
           "'a handful of people', 'many' as 'a few') while the text keeps 'sejumlah besar' or 'banyak'", "consistency",
           ("translation-keeps-numbers",)),
    Damage("membership-role-swapped", "a membership's role changed to another whose words its quote does not hold (a member "
           "listed among 'enam negara anggota' made chair, the 'ketua' made a member)", "consistency",
           ("membership-role-worded",)),
    Damage("city-given-subdivision", "a city, country or wider region given an ISO 3166-2 subdivision code (a region's, "
           "or any of its country's)", "pandera", ("subdivision-on-regions",)),
    Damage("original-outlet-moved", "the outlet a repost reproduces (or a stated outlet) moved to another outlet actor, its "
           "written name changed with it, that the article names nowhere", "consistency", ("named-by-source",)),
    Damage("bare-number-hedged", "an exact figure whose number is printed bare ('lima negara', '3.000 tentaranya') given a "
           "hedging qualifier (approximately, at least, more than, at most, less than) with the bound it needs",
           "consistency", ("qualifier-fits-words",)),
    Damage("translation-future-dropped", "a translation's words of the future dropped ('will end' as 'end', 'promised to' "
           "as 'to') while its text keeps 'akan' or 'ke depan'", "consistency", ("translation-keeps-future",)),
    Damage("translation-all-inserted", "'all' put into a translation whose text says no 'semua' or 'seluruh' ('the officials' "
           "as 'all the officials'), or dropped from one whose text does", "consistency", ("translation-keeps-numbers",)),
    Damage("precision-off-type", "a place's coordinate precision changed to one of another kind of place (a country's "
           "centroid called a city_point, a region's centre a city_point, a city's point a country_centroid)", "pandera",
           ("precision-fits-place-type",)),
    Damage("phonetic-or-ignorable", "a letter of a curated text cell replaced by its phonetic look-alike ('Almɑty', 'ɡ', "
           "'ɪ'), or a default-ignorable character (a variation selector, a combining grapheme joiner) put after one",
           "consistency", ("text-clean",)),
    Damage("intermediary-dropped", "a statement whose own words cite an outlet ('dikutip dari Reuters') left without an "
           "intermediary", "consistency", ("intermediary-cited",)),
    Damage("figure-place-off-quote", "a figure whose quote names places of some country ('di negara tetangga Kirgistan') "
           "moved to a place its quote does not name, nor a country of one it names", "consistency", ("event-place-named",)),
    Damage("discrepancy-kind-misfit", "a discrepancy relabelled with a kind its claims contradict: two articles' claims called "
           "'within_source', one article's 'between_sources', one with no reference 'public_record'", "pandera",
           ("discrepancy-kind-fits",)),
    Damage("vague-count-not-counted", "a figure whose number a word of measure follows deleted, and its number excluded as "
           "the numbering of the author's points, or (a vague quantity: 'menjarah ratusan bisnis') as not a count",
           "consistency", ("exclusion-reason-fits",)),
    Damage("discrepancy-kind-one-text", "a discrepancy of two articles' claims relabelled a sequence, one whose description sets "
           "two articles side by side relabelled an ambiguity, or an ambiguity read with another article's support relabelled "
           "between_sources", "consistency", ("discrepancy-kind-sources",)),
    Damage("discrepancy-claim-off-subject", "one claim of a discrepancy replaced by another verbatim sentence of its article, "
           "far from every passage of the subject and of the rows linked to it, naming none of its actors and without its "
           "number, the other claim kept", "consistency", ("discrepancy-subject-fits",)),
    Damage("resolution-value-changed", "the number a discrepancy's resolution gives its figure ('F003 keeps 3,000', "
           "'(figure F004 value 6)', 'Read as six') changed, the figure kept", "consistency", ("resolution-names-value",)),
    Damage("organisation-given-country", "an international organisation given the country code of a state (the Russia-led "
           "CSTO coded RUS), or a state's country code emptied", "pandera", ("country-fits-actor-type",)),
    Damage("claim-relabelled-occurred", "an event known only as a claim (every passage reports someone's words or lies in a statement's quote; a claimant and "
           "whom it accuses recorded) relabelled 'occurred', its alleged perpetrator made a perpetrator with it or not", "consistency",
           ("hedged-is-claimed",)),
    Damage("done-statement-reaches-back", "a statement whose words say its event is done ('telah meninggalkan') given a "
           "start before the event began, its end kept", "consistency", ("statement-after-event",)),
    Damage("speaker-made-intermediary", "a statement given to the outlet the article cites for it (its intermediary)",
           "pandera", ("speaker-not-intermediary",)),
    Damage("translation-done-made-future", "a translation whose text says a thing is done ('telah meninggalkan') put in the "
           "future ('have left' as 'will have left')", "consistency", ("translation-keeps-future",)),
    Damage("description-city-moved", "an actor's role_en, or an event's location_detail or summary_en, made to name a city "
           "of its own country that no article names ('Police chief of Shymkent')", "consistency", ("english-places-sourced",)),
    Damage("centroid-moved", "a country's centroid that its coordinates_reference says is countryinfo's moved one to five "
           "degrees, inside its country or out of it", "consistency", ("coordinates-fit",)),
    Damage("affiliation-emptied", "an actor whose English name names a state or organisation ('Ministry of Internal "
           "Affairs of Kazakhstan'), or a person whose role names its own state, left with no affiliation, which had "
           "switched affiliation-named off for it", "consistency", ("affiliation-named",)),
    Damage("statement-event-emptied", "a statement whose words overlap the passage of one event of its source (or of "
           "several, one of which its speaker holds a role in) left with no event_id, which switches off the rules "
           "comparing a statement with its event", "consistency",
           ("statement-event-linked",)),
    Damage("actor-code-emptied", "a person, state body or force of a state (Tokayev, Blinken, the Russian Armed Forces) "
           "left with no country_code, which had switched off the rules comparing an actor's country with its name, role "
           "and affiliation", "consistency", ("actor-country-agrees", "actor-country-named")),
    Damage("speaker-made-own-state", "a statement whose words of attribution name its speaker, a person or a body of a "
           "state ('Departemen Luar Negeri AS mengatakan', 'ucap Putin'), given to that state", "consistency",
           ("quote-names-speaker",)),
    Damage("host-made-provider", "the host of a deployment or withdrawal (the state it is placed in) made its provider, "
           "as if the country had sent forces into itself", "consistency", ("actor-country-agrees",)),
    Damage("statement-requoted", "a statement added again under a new id for its own words or a part of them, so one "
           "utterance counts twice", "consistency", ("statement-words-once",)),
    Damage("event-recorded-twice", "an event copied under a new id with its passages and roles, so it counts twice",
           "consistency", ("event-not-repeated",)),
    Damage("office-affiliated-abroad", "a person whose role names its own state ('United States Secretary of State') "
           "affiliated to an organisation, or another state's body, whose chain never reaches that state (Blinken to "
           "NATO)", "consistency", ("affiliation-named",)),
    Damage("speaker-made-its-body", "a statement or figure whose words of attribution name a person given to a body, "
           "state or organisation the person belongs to ('Kate Mallinson, pakar ... Chatham House' to Chatham House; "
           "the city's police chief to the security forces)", "consistency", ("quote-names-speaker",)),
    Damage("window-miscounted", "an event or figure whose passage measures a window ('dalam 30 tahun', 'dalam 10 hari ke "
           "depan') given an interval some units longer or shorter: the start moved for a window back, the end for one "
           "ahead", "consistency", ("duration-fits-interval",)),
    Damage("unmarked-figure-redated", "a dated figure with no event whose quote has no word of the past and no date "
           "('mayoritas rakyat Kazakhstan justru menginginkan', 'Hampir semua sektor ... bekerjasama') redated to an earlier "
           "year or days before its article", "consistency", ("present-figure-dated",)),
    Damage("tally-cut-short", "a tally of an event the article itself gives as standing ('Sekitar 8.000 orang sudah "
           "ditahan', 'dikabarkan tewas') made to end days before its article", "consistency", ("present-figure-dated",)),
    Damage("present-figure-redated", "a figure with no event whose quote speaks in the present ('saat ini', 'masih') "
           "redated to an earlier year or days before its article, or its reference dates emptied", "consistency",
           ("present-figure-dated",)),
    Damage("actor-figure-undated", "a figure with no event that names its actor and whose quote has no word of the past "
           "and no date ('mayoritas rakyat Kazakhstan justru menginginkan', 'CSTO ... saat ini terdiri dari enam negara') "
           "made undated, as if a habitual claim", "consistency", ("present-figure-dated",)),
    Damage("reasoning-word-invented", "an event's date_reasoning made to resolve a relative date word of one meaning "
           "('kemarin', 'hari ini', 'minggu depan', 'tahun lalu') that none of its passages holds", "consistency",
           ("reasoning-words-in-passage",)),
    Damage("reasoning-source-misdated", "a date reasoning's or a resolution's day for a source ('source 002, written on "
           "Thursday 2022-01-06', 'source 003 (2022-01-16)', 'source 001 is dated 2022-01-07') moved off that source's "
           "publication window", "consistency",
           ("reasoning-source-dated",)),
    Damage("reference-without-record", "an event whose date_reasoning names no public record ('Not dated by the source; "
           "before the publication of source 002') relabelled basis reference", "pandera", ("basis-fits-reasoning",)),
    Damage("reference-record-elsewhere", "an event bounded by its sources whose reasoning adds that the public record "
           "dates something else ('By public record the government resigned on 5 January 2022') relabelled basis "
           "reference", "consistency", ("reasoning-names-date",)),
    Damage("translation-term-swapped", "an office, deed or manner of a translation swapped for another ('harshly' as "
           "'peacefully', 'Prime Minister' as 'President', 'arrested' as 'released', a withdrawal as a deployment) while "
           "its text keeps its own", "consistency", ("translation-keeps-terms",)),
    Damage("counted-term-swapped", "what a figure's counted_en says it counts swapped for another deed or office ('Businesses "
           "looted' as 'Businesses burned', 'killed' as 'injured') that its quote does not name", "consistency",
           ("counted-terms-quoted",)),
    Damage("translation-person-changed", "a translation's pronoun moved to another person ('why they need help' as 'why we "
           "need help', 'we' as 'they') while its text keeps its own ('mereka', 'kami')", "consistency",
           ("translation-keeps-person",)),
    Damage("crosswalk-code-misread", "a date or place precision code of a crosswalk changed to another code of the same "
           "scheme whose definition does not fit the row (GED's 'only the week' for 2-6 day ranges, ACLED's 'near a town' "
           "for a region's admin centre)", "consistency", ("crosswalk-pair-date-band", "crosswalk-pair-place-point")),
    Damage("crosswalk-code-swapped", "an event or actor type crosswalk's target changed to another valid code of its "
           "scheme (a riot to CAMEO 141 'Demonstrate or rally', a protest to ACLED's Violent demonstration, one-sided "
           "violence to GED's state-based conflict, another PLOVER mode or ACLED inter code) while its basis still quotes "
           "the old entry", "consistency", ("crosswalk-basis-names-target",)),
    Damage("city-point-unanchored", "a city's GeoNames id removed and its point moved tens of kilometres within its "
           "country (the reference kept)", "consistency", ("coordinates-fit",)),
    Damage("actor-retyped-against-role", "an actor with a proper name whose role_en says its kind ('Foreign-affairs think "
           "tank in London', 'President of Russia', 'News agency cited by source 004') given another type", "consistency",
           ("actor-type-fits-name",)),
    Damage("actor-retyped-against-name", "an actor whose name says its kind ('Organisasi untuk Keamanan ...', 'Ministry of "
           "Defence', 'pasukan Rusia', 'Protesters in Kazakhstan') given another type", "consistency", ("actor-type-fits-name",)),
    Damage("language-relabelled", "a source's language changed to another real ISO 639-1 code (English, Malay, Javanese ...) "
           "while its article stays Indonesian", "consistency", ("language-fits-text",)),
    Damage("role-against-words", "an actor named beside words that give it its part ('menyerang warga sipil', 'memadamkan "
           "pendemo', 'tentang Ukraina', 'jadi korban') given a role those words do not give (a victim made a perpetrator, "
           "a target a participant)", "consistency", ("role-worded",)),
    Damage("pronoun-speaker-unpersoned", "a statement whose words refer to its speaker as 'ia', 'dia' or 'beliau' (a person) "
           "given to a state, a body, an organisation or a group", "consistency", ("quote-names-speaker",)),
    Damage("unit-off-reading", "a figure's unit changed to one of another kind of number: an ordinal ('hari kelima') given "
           "a count's unit ('days'), a count made 'ordinal', a share ('mayoritas') given a count's unit", "consistency",
           ("unit-fits-reading",)),
    Damage("unit-unread", "a figure's unit renamed to one whose words no list knows ('outposts', 'vehicles' for 'cities' or "
           "'persons'), which would leave the quote unread for it", "consistency", ("measure-fits-quote",)),
    Damage("window-made-exact", "a figure whose number bounds a window ahead ('akan berakhir dalam 10 hari ke depan', at most) "
           "made exact, its upper bound emptied or not", "consistency", ("qualifier-fits-words",)),
    Damage("printed-date-made-reference", "an event whose passage prints its date ('pada 2019', '7 Januari') relabelled "
           "'reference', perhaps narrowed to a public-record day inside the printed one, its reasoning rewritten",
           "consistency", ("reference-where-unprinted",)),
    Damage("state-number-unpaired", "a country's Gleditsch-Ward or COW number or abbreviation changed to another state's "
           "(one the package may not hold: Kazakhstan's GW 705 made Uzbekistan's 704) while the other list's is kept",
           "consistency", ("gw-fits-cow",)),
    Damage("force-acts-before-arrival", "an event in which a deployed force takes part (calm restored with the CSTO forces' "
           "help, their withdrawal) made to begin before the force's deployment to that country began", "consistency",
           ("force-after-deployment", "withdrawal-after-deployment")),
    Damage("state-retyped", "a state, named as its country ('United Kingdom', 'Russia'), typed a group, a body or an "
           "organisation", "consistency", ("state-name-fits-code",)),
    Damage("author-not-in-byline", "a source's author set to a person the article quotes or names (an analyst, an official) "
           "while its byline, printed or not, does not name them", "pandera", ("author-in-byline",)),
    Damage("speech-mode-swapped", "a statement of partial speech (the reporter's sentence quoting some words) recorded as "
           "direct, or one of direct speech (opening with the speaker's words in quotation marks) as partial", "consistency",
           ("speech-mode-fits",)),
    Damage("exclusion-made-prose", "an exclusion of words that stand on a line of their own (a counter under a dateline, "
           "an advertisement marker, a site's name) relabelled an idiom, not a count, not a name or the numbering of the "
           "author's points", "consistency", ("exclusion-reason-fits",)),
    Damage("exclusion-called-advertising", "an exclusion of words in the article's own sentences (an idiom, a word that is "
           "not a count) relabelled advertising or a spam byline", "consistency", ("exclusion-reason-fits",)),
    Damage("channel-swapped", "a statement whose words name its channel ('pidato yang disiarkan televisi', 'pernyataan di "
           "Facebook') given another channel of the package, or none", "consistency", ("channel-worded",)),
    Damage("figure-number-repointed", "a figure moved to another number of its quote that counts something else ('tiga "
           "presiden ... dalam 30 tahun' read as 30 presidents), its written form, offsets and value with it", "consistency",
           ("measure-fits-quote",)),
    Damage("measure-unread", "a figure's measure renamed to words no list knows ('victims', 'toll' for 'deaths'), which would "
           "leave the quote unread for it", "consistency", ("measure-fits-quote",)),
    Damage("measure-split", "a figure's measure, which another figure shares, recoded with a synonym ('fatalities' for "
           "'deaths', 'csto_member_countries' for 'csto_member_states', 'soldiers' for 'troops'), so that the two no longer "
           "compare", "consistency", ("measure-coded-once",)),
    Damage("measure-off-codebook", "a figure's measure, even one no other figure uses, recoded with a code the measures "
           "table does not list (a synonym, 'fatalities_reported' for 'deaths', 'arrested' for 'detained', or any other "
           "code), so that it no longer compares with the figures of its measure", "frictionless", ("foreign-key",)),
    Damage("unit-off-codebook", "a figure's unit, even one whose measure no other figure uses, set to another unit ('people' "
           "for 'persons', 'troops' for 'soldiers', the unit of another measure)", "consistency",
           ("measure-codes-consistent",)),
    # blind probe 15: time
    Damage("source-published-date-moved", "a source's publication date moved off the day its reasoning concludes (inside "
           "its own bounds where they allow: 2022-01-06 to the 7th, its latest possible day), or a bound moved off the day "
           "its reasoning writes as that bound ('at the latest 2022-01-07')", "consistency", ("reasoning-names-date",)),
    Damage("event-end-after-sources", "an announced event dated by inference (the news of a decision) made to end after the "
           "latest publication of every source that reports it", "consistency", ("event-after-publication",)),
    # blind probe 15: rules switched off by data
    Damage("figure-untied-from-passage-event", "a figure whose quote lies in a passage of its event untied from it (event_id "
           "emptied: the 8,000 detained of the arrests), which switches off every rule that reads the figure's event",
           "consistency", ("figure-in-event-passage",)),
    Damage("event-figure-undated", "a figure of an event, quoted in that event's passage, with its reference dates emptied "
           "(both or one: the 3,000 troops of E024 as if a habitual claim), which switches off the date rules on figures",
           "consistency", ("event-figure-dated",)),
    # blind probe 16: codes and places
    Damage("region-point-elsewhere", "a region's point and its coordinates_reference moved together to another real city "
           "of its country that is not in the region (Jambyl Region drawn at Shymkent, a city that is a subdivision of its "
           "own, or at another region's centre), the reference naming it by name and GeoNames id or by name alone",
           "consistency", ("coordinates-source-fits",)),
    Damage("point-source-mismatched", "a coordinates_reference naming a GeoNames id whose city is not the one it names "
           "('point of Taraz ... (GeoNames 1518980)', Shymkent's), or a city's naming another city's id, the point moved "
           "to that city", "consistency", ("coordinates-source-fits",)),
    Damage("exclusion-reason-off-line", "an exclusion relabelled page furniture deep in a sentence ('tanpa banyak bobot'), "
           "or a photo credit or caption on a line that names no photo", "consistency", ("exclusion-reason-fits",)),
    # blind probe 17: time
    Damage("reasoning-bound-broken", "an event moved past a bound its date_reasoning writes in words (the arrival 'after "
           "the start of the deployment (2022-01-06)' made to start on the 5th; an end past 'before the withdrawal began "
           "on 2022-01-13' or 'at the latest in the early hours of 2022-01-06')", "consistency", ("reasoning-bound-holds",)),
    Damage("statement-off-occasion", "a statement made through a channel that names its source's occasion (the virtual "
           "meeting of CSTO leaders, E034 on 2022-01-10) redated out of that occasion's interval, whatever event it is "
           "about", "consistency", ("statement-after-event",)),
    Damage("reference-beside-record", "an event whose reasoning concludes its date from the articles and names the public "
           "record only in an aside that adds nothing ('minggu depan' ...: the week of 2022-01-10 (by public record the "
           "talks began on 2022-01-10)) relabelled basis reference", "consistency", ("reasoning-names-date",)),
    # blind probe 17: codes, places and sources
    Damage("crosswalk-precision-swapped", "a date or place precision code of an ACLED or GED crosswalk changed to another "
           "code of its scheme, even one that fits the row (a city's point from ACLED geo_precision 1 to 2), while its basis "
           "still quotes the old code's passage", "consistency", ("crosswalk-basis-names-target",)),
    Damage("figure-place-narrowed", "a figure of an event moved to a city or a region of its event's country that its quote "
           "does not name (the 8,000 detained nationwide placed in Almaty)", "consistency", ("event-place-named",)),
    Damage("source-genre-relabelled", "a news report relabelled opinion while its article credits what it reports to other "
           "outlets ('dikutip dari Reuters'), or an opinion piece that says it is one relabelled news_report",
           "consistency", ("genre-fits-words",)),
    # blind probe 17: provenance, roles and rules switched off by data
    Damage("translation-opposite", "a translation turned into its opposite while its text keeps its word ('gagal' given as "
           "'succeeded' for 'failed', a rise as a fall, the opposed as supported, 'continued' as 'stopped')", "consistency",
           ("translation-keeps-terms",)),
    Damage("discrepancy-claim-next-paragraph", "a discrepancy's claim moved to the first clause of the paragraph after its "
           "subject's passage (D009's claim B made 'Pada tanggal 7 Januari, parlemen Kirgistan menyetujui', after the request "
           "E022), which names none of the subject's actors: only a paragraph break lies between them", "consistency",
           ("discrepancy-subject-fits",)),
    Damage("accusation-occurred", "a claimed event that records only who is said to have done it (an alleged perpetrator or "
           "instigator, no perpetrator or participant) relabelled occurred (E031, the officials' alleged disinformation)",
           "consistency", ("hedged-is-claimed",)),
    Damage("record-relabelled-ambiguity", "a public_record discrepancy (an article against the record: D033's toll "
           "'puluhan' against the official counts) relabelled an ambiguity, which no claim's source tells apart",
           "consistency", ("discrepancy-kind-sources",)),
    Damage("disagreement-relabelled-misspelling", "a discrepancy of another kind (an office misstated against the record, "
           "two articles disagreeing, a figure read two ways) relabelled a misspelling, which the misspelling rule then "
           "read nothing in", "consistency", ("misspelling-quoted",)),
    Damage("claim-given-to-silent", "an event's claimant or announcer replaced by an actor that speaks nowhere in that "
           "source (E030's claim given to the United States, whom Karin's words accuse)", "consistency",
           ("speaking-role-speaks",)),
    Damage("outlet-replaced", "a source's outlet replaced by another outlet's name (Pars Today given as Sputnik) while "
           "its outlet_evidence still argues for the first", "consistency", ("outlet-in-evidence",)),
    Damage("counts-said-changed", "the prose of reasons made to say a figure counts something else ('F018 counts "
           "cities' for the regions it counts; 'F020 counts the soldiers')", "consistency", ("counts-said-fit",)),
    Damage("chair-given-to-state", "a chair its quote gives to a person ('dipimpin oleh presiden Armenia Nikol Pasyinyan') "
           "moved to the person's state (M010: Armenia), which the quote names too", "consistency", ("role-holder-named",)),
)
