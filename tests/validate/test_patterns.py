"""A hostile ``pattern`` constraint cannot hang the validator (``qantar._regex``, the sandbox).

Frictionless and Great Expectations match patterns with Python's backtracking ``re``; a pattern with
nested or ambiguous repetition takes exponential (or high polynomial) time on an ordinary cell. Such
patterns are refused by every layer, with the table and column, and never run.
"""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hostile import edit_descriptor, json_failures, res, run

import qantar
from qantar._regex import risk

#: Each class of catastrophic backtracking, in several forms.
UNSAFE = {
    "nested repetition": [r"(a+)+", r"(a*)*b", r"((ab)*)*c", r"(x+x+)+y", r"([a-z]+\d?)+", r"(\w+\s?)*", r"(a{1,9}){1,9}"],
    "alternatives that overlap": [r"(a|a)*", r"(aa|a)*", r"(a|a?)+", r"(a|ab|b)*c", r"(ab|a[bc]d)*d", r"(.|\s)*x"],
    "repetition that can match nothing": [r"(.*)*", r"(a?)*", r"(a*|b)+", r"(\b)*x"],
    "ambiguous choices in sequence": [r".*a.*b", r"\d*\d*\d*", r"\w+\w+", r"[a-z]*a?[a-z]*z", r"(a|)(a|)(a|)a", r"a?a?a?aaa", r"a*b?a*"],
    "outside Table Schema's language": [r"(a)\1", r"(?=a)a", r"(?!b)a", r"(?<=a)b", r"(a)?(?(1)b|c)"],
    "not a regular expression": [r"(", r"[z-a]", r"a{2,1}"],
}
#: Patterns people write; each has one way to match any cell. (The test is conservative: some harmless
#: patterns, such as ``([a-z]+-)*[a-z]+``, are refused; ``[a-z]+(-[a-z]+)*`` says the same.)
SAFE = [
    r"^C[0-9]{4}$", r"^[a-z0-9]+(-[a-z0-9]+)*$", r"^ST[0-9]{2,3}$", r"^[A-Z]{2}-[A-Z0-9]{1,3}$",
    r"^articles/[0-9]{3}_[0-9a-f]{16}\.txt$", r"^[a-z_]+$", r".*\.csv", r"[^@]+@[^@.]+\.[a-z]+", r"^(\+|-)?[0-9]+$",
    r"[a-z0-9]+(-[a-z0-9]+)*", r"\d{4}-\d{2}-\d{2}", r"[A-Z][a-z]+( [A-Z][a-z]+)*", r"(https?)://[^ ]+",
]


def test_every_pattern_of_the_real_descriptor_is_safe() -> None:
    patterns = {f.constraints["pattern"] for t in qantar.model.current().tables.values() for f in t.fields
                if "pattern" in f.constraints}
    assert patterns, "the descriptor declares patterns"
    assert {p: risk(p) for p in patterns if risk(p)} == {}


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    assert risk(pattern) is None


@pytest.mark.parametrize(("kind", "pattern"), [(k, p) for k, ps in UNSAFE.items() for p in ps])
def test_catastrophic_patterns_are_refused(kind: str, pattern: str) -> None:
    assert risk(pattern), f"{kind}: {pattern} accepted"


_ATOMS = st.sampled_from(["a", "b", "a?", "[ab]", ".", r"\w", "[a-c]", "x"])


@st.composite
def _patterns(draw: st.DrawFn, depth: int = 0) -> str:
    out = ""
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["atom", "atom", "group", "branch"] if depth < 2 else ["atom"]))
        if kind == "atom":
            part = draw(_ATOMS)
        elif kind == "group":
            part = "(" + draw(_patterns(depth + 1)) + ")"
        else:
            part = "(" + draw(_patterns(depth + 1)) + "|" + draw(_patterns(depth + 1)) + ")"
        out += part + draw(st.sampled_from(["", "", "*", "+", "?", "{1,5}", "{2}"]))
    return out


class _Hung(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _Hung


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_patterns())
def test_no_accepted_pattern_backtracks_catastrophically(pattern: str) -> None:
    """Each accepted pattern rejects adversarial 28-character texts at once. The alarm is a guard, not
    a speed target: an exponential pattern needs about 2**28 steps (minutes) on these texts, a safe
    one microseconds; a ten-second limit tells them apart on any machine."""
    if risk(pattern) is not None:
        return
    compiled = re.compile(f"^(?:{pattern})$")
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for text in ("a" * 28 + "!", "ab" * 14 + "!", "b" * 28 + "!", "aab" * 9 + "!"):
            signal.setitimer(signal.ITIMER_REAL, 10)
            try:
                compiled.match(text)
            except _Hung:
                pytest.fail(f"{pattern!r} was accepted but backtracks catastrophically on {text!r}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_hostile_pattern_is_refused_by_every_layer_and_never_run(real_copy: Path, tmp_path: Path) -> None:
    """Before: Frictionless and Great Expectations spent exponential time on every summary."""
    def hostile(d: dict) -> None:
        field = next(f for f in res(d, "events")["schema"]["fields"] if f["name"] == "summary_en")
        field.setdefault("constraints", {})["pattern"] = r"([A-Za-z ]+)+"

    edit_descriptor(real_copy, hostile)
    done = run(["-m", "qantar", "validate", str(real_copy), "--format", "json"], tmp_path, timeout=600)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert all(layer["error"] is None for layer in report["layers"]), report["layers"]
    refused = [f for f in report["failures"] if f["rule"] == "pattern"]
    assert len(refused) == 1, refused
    assert (refused[0]["table"], refused[0]["row"], refused[0]["column"]) == ("events", None, "summary_en")
    assert "refused" in refused[0]["message"] and "repet" in refused[0]["message"]
    assert set(refused[0]["layers"]) == {"frictionless", "pandera", "great_expectations"}
    assert not [f for f in json_failures(report) if f["rule"] == "pattern" and f["row"] is not None]
