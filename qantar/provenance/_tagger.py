"""Proper-noun candidates from an Indonesian part-of-speech tagger.

nlp-id (kumparan) ships its tagged Indonesian news corpus but fetches its trained model from a
model hub at run time, which this project cannot rely on. So we train NLTK's averaged perceptron
on that corpus once and cache the weights, keyed by the corpus hash and the library versions.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as md
import importlib.resources as ir
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

_INSTALL = 'the names check needs nlp-id and nltk: pip install "qantar[validate]"'
_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _corpus() -> tuple[str, list[list[tuple[str, str]]]]:
    try:
        raw = (ir.files("nlp_id") / "data" / "dataset_postag.txt").read_bytes()
    except ModuleNotFoundError as e:
        raise ImportError(_INSTALL) from e
    sents, cur = [], []
    for line in raw.decode("utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        word, _, tag = line.rpartition("\t")
        cur.append((word, tag))
    if cur:
        sents.append(cur)
    return hashlib.sha256(raw).hexdigest(), sents


def _cache_dir() -> Path:
    base = os.environ.get("QANTAR_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "qantar"


class Tagger:
    """Averaged-perceptron POS tagger trained on nlp-id's corpus (cached after the first run)."""

    ITERATIONS = 3

    def __init__(self) -> None:
        try:
            from nltk.tag.perceptron import PerceptronTagger
        except ModuleNotFoundError as e:
            raise ImportError(_INSTALL) from e
        digest, sents = _corpus()
        key = f"{digest[:16]}-nltk{md.version('nltk')}-it{self.ITERATIONS}"
        path = _cache_dir() / f"postagger-{key}.pickle"
        self._tagger = PerceptronTagger(load=False)
        if path.exists():
            with path.open("rb") as f:
                weights, tagdict, classes = pickle.load(f)
            self._tagger.model.weights, self._tagger.tagdict = weights, tagdict
            self._tagger.classes = self._tagger.model.classes = set(classes)
        else:
            self._tagger.train(sents, nr_iter=self.ITERATIONS)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as f:
                pickle.dump((self._tagger.model.weights, self._tagger.tagdict, self._tagger.classes), f)
            tmp.replace(path)
        # Words the corpus uses in lower case outside proper nouns (presiden, menteri, barat ...):
        # capitalised, they are titles or sentence starts, not names.
        self.common = {w for s in sents for w, t in s if t != "NNP" and w.islower()}

    def proper_nouns(self, text: str) -> list[Span]:
        """Runs of tokens tagged NNP, line by line, trimmed of common words at their edges."""
        spans: list[Span] = []
        offset = 0
        for line in text.splitlines(keepends=True):
            toks = [(m.start() + offset, m.end() + offset, m.group(0)) for m in _WORD.finditer(line)]
            tags = self._tagger.tag([t[2] for t in toks]) if toks else []
            run: list[tuple[int, int, str]] = []
            for tok, (_, tag) in zip(toks + [(0, 0, "")], tags + [("", "")]):
                if tag == "NNP" and re.match(r"\w", tok[2]):
                    run.append(tok)
                    continue
                while run and run[0][2].lower() in self.common:
                    run.pop(0)
                while run and run[-1][2].lower() in self.common:
                    run.pop()
                if run:
                    spans.append(Span(run[0][0], run[-1][1], text[run[0][0]:run[-1][1]]))
                run = []
            offset += len(line)
        return spans
