"""Align the claims of two codings by content, never by id.

For each table, candidate pairs are the units of the two codings that share content in the same
article (overlapping passages, the same number token, a shared name form ...), each with a score.
Pairs are then taken greedily, best score first, one-to-one. What is left over says how the
codings carve the text differently:

* a unit of either coding with no candidate at all is *missing* from the other coding;
* a second-coding unit whose candidates are all taken is part of a *split* (the second coding
  has two claims where the first has one); a first-coding unit whose candidates are all taken is
  part of a *merge* (the second coding has one claim where the first has two).

Every table but sources is aligned article by article; references between tables (an event's
place, a figure's event, a statement's speaker) are compared through the alignment of the table
they point to, so ``place_id`` agrees when the two codings point at places that were aligned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import units as U
from .coding import Coding
from .spans import jaccard, length, shared, word_jaccard

ORDER = ("sources", "actors", "places", "events", "figures", "statements", "memberships",
         "exclusions", "discrepancies", "event_actors")

# Which table a reference column points to.
REFERS = {
    "actor": "actors", "place": "places", "event": "events",
}


@dataclass
class Alignment:
    table: str
    a: list[U.Unit]
    b: list[U.Unit]
    cand_a: dict[int, list[int]] = field(default_factory=dict)   # a index -> b indices
    cand_b: dict[int, list[int]] = field(default_factory=dict)   # b index -> a indices
    pairs: list[tuple[int, int]] = field(default_factory=list)   # one-to-one
    a_to_b: dict[int, int] = field(default_factory=dict)
    b_to_a: dict[int, int] = field(default_factory=dict)

    def status_a(self, i: int) -> str:
        if i in self.a_to_b:
            return "matched"
        return "merged" if self.cand_a.get(i) else "missing"

    def status_b(self, j: int) -> str:
        if j in self.b_to_a:
            return "matched"
        return "split" if self.cand_b.get(j) else "extra"

    def best_other(self, side: str, i: int) -> U.Unit | None:
        """For a split or merged unit, the counterpart it overlaps (first candidate)."""
        if side == "a":
            js = self.cand_a.get(i) or []
            return self.b[js[0]] if js else None
        js = self.cand_b.get(i) or []
        return self.a[js[0]] if js else None


def greedy(table: str, a: list[U.Unit], b: list[U.Unit],
           score: Callable[[U.Unit, U.Unit], tuple | None],
           blocks: Callable[[U.Unit], object] = lambda u: u.source, one_to_one: bool = True) -> Alignment:
    """Candidates are the pairs in the same block with a score; the best are taken one-to-one
    (or, with ``one_to_one=False``, every candidate is a pair)."""
    al = Alignment(table, a, b)
    by_block: dict[object, list[int]] = {}
    for j, ub in enumerate(b):
        for blk in _blocks(blocks(ub)):
            by_block.setdefault(blk, []).append(j)
    scored = []
    for i, ua in enumerate(a):
        seen = set()
        for blk in _blocks(blocks(ua)):
            for j in by_block.get(blk, ()):
                if j in seen:
                    continue
                seen.add(j)
                s = score(ua, b[j])
                if s is None:
                    continue
                scored.append((s, i, j))
    # Best first; ties go to the earliest units so that the result is deterministic.
    scored.sort(key=lambda t: (tuple(-x for x in t[0]), t[1], t[2]))
    for s, i, j in scored:
        al.cand_a.setdefault(i, []).append(j)
        al.cand_b.setdefault(j, []).append(i)
        if not one_to_one:
            al.a_to_b.setdefault(i, j)
            al.b_to_a.setdefault(j, i)
            al.pairs.append((i, j))
        elif i not in al.a_to_b and j not in al.b_to_a:
            al.a_to_b[i], al.b_to_a[j] = j, i
            al.pairs.append((i, j))
    al.pairs.sort()
    return al


def _blocks(value: object) -> list:
    # A discrepancy spanning two articles sits in both blocks.
    if isinstance(value, str) and "|" in value:
        return value.split("|")
    return [value]


class Comparison:
    """All tables of two codings aligned; ``first`` is A, ``second`` is B."""

    def __init__(self, first: Coding, second: Coding):
        self.first, self.second = first, second
        self.alignments: dict[str, Alignment] = {}
        for table in ORDER:
            self.alignments[table] = getattr(self, f"_align_{table}")()

    # -- references ------------------------------------------------------------------------
    def counterpart(self, table: str, b_id: str | None, source: str) -> str | None:
        """The first-coding id the second coding's ``b_id`` of ``table`` was aligned with in
        ``source`` (in any article if it has no unit there); None if it was aligned with none."""
        if b_id is None:
            return None
        al = self.alignments[table]
        fallback = None
        for j, ub in enumerate(al.b):
            if ub.id != b_id or j not in al.b_to_a:
                continue
            a_id = al.a[al.b_to_a[j]].id
            if source in ub.source.split("|"):
                return a_id
            fallback = fallback or a_id
        return fallback

    # -- tables ----------------------------------------------------------------------------
    def _align_sources(self) -> Alignment:
        # The article is the same file in both codings: its row is compared with every row the
        # other coding has for it (a second coding may describe an article twice: its own
        # coder and a cross-article coder).
        a, b = U.sources(self.first), U.sources(self.second)
        return greedy("sources", a, b, lambda x, y: (1.0,) if x.id == y.id else None, one_to_one=False)

    def _named(self, table: str) -> Alignment:
        a, b = U.named(self.first, table), U.named(self.second, table)

        def exact(x: U.Unit, y: U.Unit):
            common = x.forms & y.forms
            return (2.0, len(common) / len(x.forms | y.forms)) if common else None

        al = greedy(table, a, b, exact)
        # A unit with no exact shared form may still be the same name written with a title
        # ("Presiden Kirgistan Sadyr Japarov" / "Sadyr Japarov"): accept containment of whole
        # words covering at least half the longer form, between units left without candidates.
        lone_a = [i for i in range(len(a)) if i not in al.cand_a]
        lone_b = [j for j in range(len(b)) if j not in al.cand_b]
        if lone_a and lone_b:
            sub = greedy(table, [a[i] for i in lone_a], [b[j] for j in lone_b], _contained)
            for i2, js in sub.cand_a.items():
                al.cand_a[lone_a[i2]] = [lone_b[j2] for j2 in js]
            for j2, is_ in sub.cand_b.items():
                al.cand_b[lone_b[j2]] = [lone_a[i2] for i2 in is_]
            for i2, j2 in sub.pairs:
                i, j = lone_a[i2], lone_b[j2]
                al.a_to_b[i], al.b_to_a[j] = j, i
                al.pairs.append((i, j))
            al.pairs.sort()
        return al

    def _align_actors(self) -> Alignment:
        return self._named("actors")

    def _align_places(self) -> Alignment:
        return self._named("places")

    def _align_events(self) -> Alignment:
        a, b = U.events(self.first), U.events(self.second)

        def score(x: U.Unit, y: U.Unit):
            j = jaccard(x.spans, y.spans)
            return (j, word_jaccard(x.row.get("summary_en"), y.row.get("summary_en"))) if j else None

        return greedy("events", a, b, score)

    def _align_figures(self) -> Alignment:
        a, b = U.quoted(self.first, "figures", "figure_id"), U.quoted(self.second, "figures", "figure_id")

        def score(x: U.Unit, y: U.Unit):
            j = jaccard(x.spans, y.spans)
            return (j, jaccard(x.aux_spans, y.aux_spans)) if j else None

        return greedy("figures", a, b, score)

    def _align_statements(self) -> Alignment:
        a = U.quoted(self.first, "statements", "statement_id")
        b = U.quoted(self.second, "statements", "statement_id")

        def score(x: U.Unit, y: U.Unit):
            j = jaccard(x.spans, y.spans)
            if not j:
                return None
            same = self.counterpart("actors", y.row.get("speaker_id"), y.source) == x.row.get("speaker_id")
            return (1.0 if same else 0.0, j)

        return greedy("statements", a, b, score)

    def _align_memberships(self) -> Alignment:
        a = U.quoted(self.first, "memberships", "membership_id")
        b = U.quoted(self.second, "memberships", "membership_id")

        def score(x: U.Unit, y: U.Unit):
            org = self.counterpart("actors", y.row.get("organisation_id"), y.source)
            member = self.counterpart("actors", y.row.get("member_id"), y.source)
            if org != x.row.get("organisation_id") or member != x.row.get("member_id"):
                return None
            return (1.0, jaccard(x.aux_spans, y.aux_spans))

        return greedy("memberships", a, b, score)

    def _align_exclusions(self) -> Alignment:
        a = U.quoted(self.first, "exclusions", "exclusion_id")
        b = U.quoted(self.second, "exclusions", "exclusion_id")
        return greedy("exclusions", a, b, lambda x, y: (j,) if (j := jaccard(x.spans, y.spans)) else None)

    def _align_discrepancies(self) -> Alignment:
        a, b = U.discrepancies(self.first), U.discrepancies(self.second)

        # Two problems are often seen in one passage (a misspelt name and a wrong date in one
        # sentence), and the second claim of a discrepancy is often just the contrasting passage:
        # overlapping passages make the candidates, and among them the discrepancy whose
        # description shares most content words is the same problem (then the larger overlap).
        def score(x: U.Unit, y: U.Unit):
            common = shared(x.spans, y.spans)
            if not common:
                return None
            cover = common / min(length(x.spans), length(y.spans))
            return (word_jaccard(x.row.get("description_en"), y.row.get("description_en")), cover)

        return greedy("discrepancies", a, b, score)

    def _align_event_actors(self) -> Alignment:
        a, b = U.event_actors(self.first), U.event_actors(self.second)

        def score(x: U.Unit, y: U.Unit):
            if (self.counterpart("events", y.row["event_id"], y.source) == x.row["event_id"]
                    and self.counterpart("actors", y.row["actor_id"], y.source) == x.row["actor_id"]):
                return (1.0,)
            return None

        return greedy("event_actors", a, b, score)


def _contained(x: U.Unit, y: U.Unit):
    best = 0.0
    for fx in x.forms:
        for fy in y.forms:
            short, long_ = (fx, fy) if len(fx) <= len(fy) else (fy, fx)
            ws, wl = short.split(), long_.split()
            n = len(ws)
            if any(wl[k:k + n] == ws for k in range(len(wl) - n + 1)):
                best = max(best, n / len(wl))
    return (1.0, best) if best >= 0.5 else None
