"""Whether a descriptor's ``pattern`` constraint is safe to hand to a backtracking regex engine.

Frictionless and Great Expectations match ``pattern`` constraints with Python's ``re``, which
backtracks: a pattern such as ``(a+)+$`` or ``(\\w|\\d)*$`` takes exponential time on a short cell,
and ``^.*a.*b$`` quadratic time on a long one, so a package sent by a stranger could hang the
validator. Table Schema defines ``pattern`` as an XML Schema regular expression, which has neither
backreferences nor lookaround; within that language a pattern backtracks badly only when one part
of a cell can be consumed in more than one way by repeated parts. ``risk`` reads the pattern with
Python's own parser and refuses it when it finds such an ambiguity:

- a backreference, lookaround or conditional group (outside Table Schema's language);
- a repetition inside a repeated group, unless every pass of the outer group must consume a
  character that the inner repetition can never match (``(-[a-z]+)*`` is safe, ``(a+)+`` is not);
- alternatives inside a repeated group that can start with the same character, or be empty;
- an unbounded repetition followed (with nothing obligatory and different in between) by
  something that can start with a character the repetition also matches (``.*a``, ``\\d*\\d*``).

The test errs on the side of refusal: a pattern it refuses may be harmless, but a pattern it passes
has at most one way to match each character, so ``re`` runs in time linear in the cell's length.
The pandera layer matches patterns with polars' linear-time engine and needs no such guard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

try:  # Python 3.11+ keeps the parser here; the old public names are deprecated aliases
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

#: A bounded repetition this long backtracks like an unbounded one.
_LONG = 64
_FORBIDDEN = {
    _c.GROUPREF: "a backreference",
    _c.GROUPREF_EXISTS: "a conditional group",
    _c.ASSERT: "a lookaround",
    _c.ASSERT_NOT: "a lookaround",
}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_CATEGORY = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
#: A character set with more members than this is not enumerated (it is taken to meet any other).
_ENUMERABLE = 4096


@dataclass(frozen=True)
class _Chars:
    """A set of characters: a predicate, and its members when there are few of them."""

    test: tuple  # the parse items (LITERAL / IN / ANY / ...) whose union is the set
    members: frozenset[str] | None  # None: too many to list

    def meets(self, other: _Chars, flags: int) -> bool:
        if self.members is not None and (other.members is None or len(self.members) <= len(other.members)):
            return any(_matches(other.test, ch, flags) for ch in self.members)
        if other.members is not None:
            return any(_matches(self.test, ch, flags) for ch in other.members)
        return True  # two large sets: assume they meet


_NOTHING = _Chars((), frozenset())


def _union(a: _Chars, b: _Chars) -> _Chars:
    members = None if a.members is None or b.members is None else a.members | b.members
    if members is not None and len(members) > _ENUMERABLE:
        members = None
    return _Chars(a.test + b.test, members)


def _matches(items: tuple, ch: str, flags: int) -> bool:
    return any(_item_matches(op, av, ch, flags) for op, av in items)


def _item_matches(op: object, av: object, ch: str, flags: int) -> bool:
    fold = bool(flags & re.IGNORECASE)
    if op is _c.LITERAL:
        return ch == chr(av) or (fold and ch.casefold() == chr(av).casefold())  # type: ignore[arg-type]
    if op is _c.NOT_LITERAL:
        return not _item_matches(_c.LITERAL, av, ch, flags)
    if op is _c.ANY:
        return ch != "\n" or bool(flags & re.DOTALL)
    if op is _c.RANGE:
        lo, hi = av  # type: ignore[misc]
        return lo <= ord(ch) <= hi or (fold and any(lo <= ord(x) <= hi for x in (ch.lower(), ch.upper())))
    if op is _c.CATEGORY:
        return av in _CATEGORY and re.fullmatch(_CATEGORY[av], ch) is not None
    if op is _c.IN:
        items = list(av)  # type: ignore[call-overload]
        negate = bool(items) and items[0][0] is _c.NEGATE
        hit = any(_item_matches(o, a, ch, flags) for o, a in items[negate:])
        return hit != negate
    return True


def _chars_of(op: object, av: object) -> _Chars:
    """The characters one single-character item can match."""
    members: frozenset[str] | None = None
    if op is _c.LITERAL:
        members = frozenset(chr(av))  # type: ignore[arg-type]
    elif op is _c.IN:
        items = list(av)  # type: ignore[call-overload]
        if items and items[0][0] is not _c.NEGATE:
            acc: set[str] = set()
            for o, a in items:
                if o is _c.LITERAL:
                    acc.add(chr(a))
                elif o is _c.RANGE and a[1] - a[0] < _ENUMERABLE and len(acc) < _ENUMERABLE:
                    acc.update(chr(x) for x in range(a[0], a[1] + 1))
                else:
                    acc = set()
                    members = None
                    break
            else:
                members = frozenset(acc) if len(acc) <= _ENUMERABLE else None
    return _Chars(((op, av),), members)


@dataclass(frozen=True)
class _Shape:
    """What a piece of pattern can match: its characters, its first characters, whether it can be empty."""

    chars: _Chars
    first: _Chars
    nullable: bool
    #: single characters every match must consume (the piece's obligatory separators)
    required: tuple[_Chars, ...]
    #: whether it holds a repetition without a (small) upper bound
    unbounded: bool = False


class Unsafe(Exception):
    """A pattern that a backtracking engine may take super-linear time on."""


#: Patterns deeper than this are refused rather than analysed.
_DEPTH = 24


def risk(pattern: object) -> str | None:
    """Why ``pattern`` is unsafe for a backtracking engine, or None when it is safe."""
    if not isinstance(pattern, str):
        return "the pattern is not a string"
    return _risk(pattern)


@lru_cache(maxsize=512)
def _risk(pattern: str) -> str | None:
    try:
        parsed = _p.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"not a valid regular expression ({exc})"
    walk = _Walk(parsed.state.flags)
    try:
        walk.sequence(list(parsed), _NOTHING, 0)
    except Unsafe as exc:
        return str(exc)
    except RecursionError:
        return "the pattern is nested too deeply"
    return None


class _Walk:
    """One analysis of a pattern: each piece learns what can follow it, right to left.

    A choice is ambiguous when both ways can go on with the same character: an optional or
    repeated part whose characters meet what follows it, or alternatives whose first characters
    (or, for one that can be empty, what follows it) meet. An anchored match (Frictionless and
    Great Expectations wrap the pattern in ``^...$``) backtracks through one ambiguous choice in
    linear time when only a bounded part follows it; so one such choice is allowed, and refused
    when another choice or an unbounded repetition follows it (each multiplies the time) or when
    it lies inside a repeated group (where it recurs on every pass).
    """

    def __init__(self, flags: int) -> None:
        self.flags = flags
        self.ambiguous = 0
        self.repeated = 0  # how many repeated groups enclose the current piece
        self.dry = 0  # >0 while only the shape is wanted (a first look at a repeated body)

    def ambiguity(self, what: str, tail: bool) -> None:
        """An ambiguous choice; ``tail``: whether an unbounded repetition can come after it."""
        if self.dry:
            return
        if tail:
            raise Unsafe(f"{what}, and a repetition follows: the time to reject a cell grows with the square of its length")
        if self.repeated:
            raise Unsafe(f"{what} inside a repeated group, so a cell can be divided between its passes in many ways")
        self.ambiguous += 1
        if self.ambiguous > 1:
            raise Unsafe(f"{what}, after another such choice: the time to reject a cell grows with a power of its length")

    def sequence(self, items: list, follow: _Chars, depth: int, tail: bool = False) -> _Shape:
        if depth > _DEPTH:
            raise Unsafe("the pattern is nested too deeply")
        shapes: list[_Shape] = []
        after = follow
        for op, av in reversed(items):
            shape = self.item(op, av, after, depth, tail)
            shapes.append(shape)
            after = _union(shape.first, after) if shape.nullable else shape.first
            tail = tail or shape.unbounded
        chars, first, nullable, required, unbounded = _NOTHING, _NOTHING, True, (), False
        for shape in reversed(shapes):
            chars = _union(chars, shape.chars)
            if nullable:
                first = _union(first, shape.first)
            nullable = nullable and shape.nullable
            required += shape.required
            unbounded = unbounded or shape.unbounded
        return _Shape(chars, first, nullable, required, unbounded)

    def item(self, op: object, av: object, follow: _Chars, depth: int, tail: bool) -> _Shape:
        if op in _FORBIDDEN:
            raise Unsafe(f"{_FORBIDDEN[op]} is not part of Table Schema's pattern language and can take exponential time")
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN, _c.CATEGORY):
            one = _chars_of(op, av)
            return _Shape(one, one, False, (one,))
        if op is _c.AT:
            return _Shape(_NOTHING, _NOTHING, True, ())
        if op is _c.SUBPATTERN:
            return self.sequence(list(av[3]), follow, depth + 1, tail)  # type: ignore[index]
        if hasattr(_c, "ATOMIC_GROUP") and op is _c.ATOMIC_GROUP:
            return self.sequence(list(av), follow, depth + 1, tail)  # type: ignore[arg-type]
        if op is _c.BRANCH:
            return self.branch(av[1], follow, depth, tail)  # type: ignore[index]
        if op in _REPEATS:
            return self.repeat(av, follow, depth, tail)
        raise Unsafe(f"the construct {op} is not supported in a pattern")

    def branch(self, alternatives: list, follow: _Chars, depth: int, tail: bool) -> _Shape:
        shapes = [self.sequence(list(alt), follow, depth + 1, tail) for alt in alternatives]
        starts = [_union(s.first, follow) if s.nullable else s.first for s in shapes]
        if sum(s.nullable for s in shapes) > 1 or any(
            a.meets(b, self.flags) for i, a in enumerate(starts) for b in starts[i + 1 :]
        ):
            self.ambiguity("alternatives can go on with the same character", tail)
        chars, first, nullable = _NOTHING, _NOTHING, False
        for s in shapes:
            chars, first, nullable = _union(chars, s.chars), _union(first, s.first), nullable or s.nullable
        return _Shape(chars, first, nullable, shapes[0].required if len(shapes) == 1 else (),
                      any(s.unbounded for s in shapes))

    def repeat(self, av: object, follow: _Chars, depth: int, tail: bool) -> _Shape:
        low, high, body = av  # type: ignore[misc]
        body = list(body)
        many = high is _c.MAXREPEAT or high > 1
        unbounded = high is _c.MAXREPEAT or high > _LONG
        if many:
            self.dry += 1
            try:
                first_look = self.sequence(body, follow, depth + 1, tail)
            finally:
                self.dry -= 1
            if first_look.nullable:
                self.ambiguity("a repeated part can match nothing", tail)
                raise Unsafe("a repeated part can match nothing, so it can repeat in many ways")
            # inside, a pass can be followed by another pass as well as by what follows the repetition
            self.repeated += 1
            try:
                inner = self.sequence(body, _union(follow, first_look.first), depth + 1, tail or unbounded)
            finally:
                self.repeated -= 1
        else:
            inner = self.sequence(body, follow, depth + 1, tail)
        # stopping and going on are both possible where another pass can start like what follows
        if low != high and (inner.first if many else inner.chars).meets(follow, self.flags):
            self.ambiguity("an optional or repeated part can stop or go on with the same character", tail)
        return _Shape(inner.chars, inner.first, low == 0 or inner.nullable, inner.required if low > 0 else (),
                      unbounded or inner.unbounded)


def _walk(items: list):
    """Every (op, av) below ``items``."""
    for op, av in items:
        yield op, av
        if op is _c.SUBPATTERN:
            yield from _walk(list(av[3]))
        elif hasattr(_c, "ATOMIC_GROUP") and op is _c.ATOMIC_GROUP:
            yield from _walk(list(av))
        elif op is _c.BRANCH:
            for alt in av[1]:
                yield from _walk(list(alt))
        elif op in _REPEATS:
            yield from _walk(list(av[2]))
