"""Proper-noun candidates from an Indonesian part-of-speech tagger.

nlp-id (kumparan) ships its tagged Indonesian news corpus but fetches its trained model from a
model hub at run time, which this project cannot rely on. So we train NLTK's averaged perceptron
on that corpus once and cache the weights, keyed by the corpus hash and the library versions.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as md
import importlib.util
import os
import pickle
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

_INSTALL = 'the names check needs nlp-id and nltk: pip install "qantar[validate]"'
_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def _corpus_bytes() -> bytes:
    # Found without importing nlp_id: its __init__ imports NLTK and SciPy (about 2 s).
    spec = importlib.util.find_spec("nlp_id")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(_INSTALL)
    for folder in spec.submodule_search_locations:
        corpus = Path(folder) / "data" / "dataset_postag.txt"
        if corpus.is_file():
            return corpus.read_bytes()
    raise ImportError(f"nlp-id has no data/dataset_postag.txt; {_INSTALL}")


def _sentences(raw: bytes) -> list[list[tuple[str, str]]]:
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
    return sents


def _corpus() -> tuple[str, list[list[tuple[str, str]]]]:
    raw = _corpus_bytes()
    return hashlib.sha256(raw).hexdigest(), _sentences(raw)


def _cache_dir() -> Path:
    base = os.environ.get("QANTAR_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "qantar"


_START = ["-START-", "-START2-"]
_END = ["-END-", "-END2-"]


def _normalize(word: str) -> str:
    # NLTK's PerceptronTagger.normalize, so the features are those the model was trained on.
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


class Tagger:
    """Averaged-perceptron POS tagger trained on nlp-id's corpus (cached after the first run).

    Training uses NLTK's ``PerceptronTagger``; the cache holds its weights, tag dictionary and
    classes, plus the corpus's common words. Tagging with a cached model needs neither NLTK
    (whose import alone takes about a second) nor a parse of the corpus: ``tag`` is NLTK's
    ``PerceptronTagger.tag`` (same normalisation, features and tie-break), which the tests check
    against NLTK itself.
    """

    ITERATIONS = 3

    def __init__(self) -> None:
        try:
            nltk_version = md.version("nltk")
        except md.PackageNotFoundError as e:
            raise ImportError(_INSTALL) from e
        raw = _corpus_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        key = f"{digest[:16]}-nltk{nltk_version}-it{self.ITERATIONS}"
        path = _cache_dir() / f"postagger-{key}.v2.pickle"
        if path.exists():
            with path.open("rb") as f:
                weights, tagdict, classes, common = pickle.load(f)
        else:
            sents = _sentences(raw)
            try:
                from nltk.tag.perceptron import PerceptronTagger
            except ModuleNotFoundError as e:
                raise ImportError(_INSTALL) from e
            trainer = PerceptronTagger(load=False)
            trainer.train(sents, nr_iter=self.ITERATIONS)
            weights, tagdict, classes = trainer.model.weights, trainer.tagdict, trainer.classes
            # Words the corpus uses in lower case outside proper nouns (presiden, menteri, barat ...):
            # capitalised, they are titles or sentence starts, not names.
            common = {w for s in sents for w, t in s if t != "NNP" and w.islower()}
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                pickle.dump((weights, tagdict, set(classes), common), f)
            tmp.replace(path)
        self.weights: dict[str, dict[str, float]] = weights
        self.tagdict: dict[str, str] = tagdict
        self.classes: set[str] = set(classes)
        self.common: set[str] = common

    def tag(self, tokens: list[str]) -> list[tuple[str, str]]:
        """(word, tag) for each token: NLTK's ``PerceptronTagger.tag`` with the cached model.

        The fourteen features of a token have distinct names, so each counts 1 and its weights
        are added as they are (``1 * w == w``), in NLTK's order: the same sums, the same tags.
        """
        prev, prev2 = _START
        output = []
        context = _START + [_normalize(w) for w in tokens] + _END
        tagdict, weights, classes = self.tagdict, self.weights, self.classes
        for i, word in enumerate(tokens):
            tag = tagdict.get(word)
            if not tag:
                scores: dict[str, float] = defaultdict(float)
                for feature in self._features(i + 2, word, context, prev, prev2):
                    row = weights.get(feature)
                    if row is not None:
                        for label, weight in row.items():
                            scores[label] += weight
                tag = max(classes, key=lambda label: (scores[label], label))
            output.append((word, tag))
            prev2 = prev
            prev = tag
        return output

    @staticmethod
    def _features(i: int, word: str, context: list[str], prev: str, prev2: str) -> tuple[str, ...]:
        """NLTK's ``_get_features`` (``i`` already offset by the two start tokens), in its order."""
        return (
            "bias",
            "i suffix " + word[-3:],
            "i pref1 " + (word[0] if word else ""),
            "i-1 tag " + prev,
            "i-2 tag " + prev2,
            f"i tag+i-2 tag {prev} {prev2}",
            "i word " + context[i],
            f"i-1 tag+i word {prev} {context[i]}",
            "i-1 word " + context[i - 1],
            "i-1 suffix " + context[i - 1][-3:],
            "i-2 word " + context[i - 2],
            "i+1 word " + context[i + 1],
            "i+1 suffix " + context[i + 1][-3:],
            "i+2 word " + context[i + 2],
        )

    def proper_nouns(self, text: str) -> list[Span]:
        """Runs of tokens tagged NNP, line by line, trimmed of common words at their edges."""
        spans: list[Span] = []
        offset = 0
        for line in text.splitlines(keepends=True):
            toks = [(m.start() + offset, m.end() + offset, m.group(0)) for m in _WORD.finditer(line)]
            tags = self.tag([t[2] for t in toks]) if toks else []
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
