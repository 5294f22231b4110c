"""Learning subjects from text (R-8.1): pure functions, no database.

`train` fits TF-IDF features (words and word pairs, plus character n-grams inside words
for Dutch compounds such as "factuurbedrag") and one logistic regression per subject
(one-vs-rest, so a complaint can have several subjects, R-8.2). What it learned is plain
data — vocabularies, idf weights, coefficients — kept as JSON, never a pickle; `scores`
predicts from that data with numpy. Tokenising reuses scikit-learn's analyzer, built from
the stored options, so training and prediction split text the same way.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

# scikit-learn and SciPy (some 90 MiB resident) are imported where they are used: every
# process imports this module through the URLs, and most (the worker delivering mail, a
# web process serving the public form) never train or tokenise (issue 19: memory).

# Each block of features: its analyzer options (stored with the model) and, for training
# only, how rare a term may be and how many terms are kept.
FEATURE_BLOCKS: tuple[dict[str, Any], ...] = (
    {"analyzer": "word", "ngram_range": [1, 2], "min_df": 2, "max_features": 6000},
    {"analyzer": "char_wb", "ngram_range": [3, 5], "min_df": 2, "max_features": 8000},
)
ANALYZER_OPTIONS = ("analyzer", "ngram_range")
REGULARISATION_C = 10.0
THRESHOLD = 0.3  # a subject is suggested from this probability on
MAX_SUGGESTIONS = 3
DIGITS = 5  # coefficients are stored rounded: the JSON stays small, the scores do not move


@dataclass(frozen=True)
class Block:
    options: dict[str, Any]
    vocabulary: dict[str, int]
    idf: list[float]


@dataclass(frozen=True)
class Parameters:
    """What a model learned; `as_json()` / `from_json()` round-trip it."""

    blocks: list[Block]
    subject_ids: list[int]
    coef: list[list[float]]  # one row per subject, one column per feature of all blocks
    intercept: list[float]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Parameters":
        return cls(
            blocks=[Block(**b) for b in data["blocks"]],
            subject_ids=[int(s) for s in data["subject_ids"]],
            coef=data["coef"],
            intercept=data["intercept"],
        )


@dataclass(frozen=True)
class Evaluation:
    """How the model did on complaints it had not seen (the held-out share)."""

    examples: int
    accuracy: float | None  # share whose first suggestion is one of their subjects
    exact: float | None  # share whose suggestion is exactly their set of subjects
    precision: float | None  # of all suggested subjects, the share that was right
    recall: float | None  # of all true (learned) subjects, the share that was suggested
    per_subject: dict[int, dict[str, float | int | None]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["per_subject"] = {str(k): v for k, v in self.per_subject.items()}
        return data


def _analyzer(options: dict[str, Any]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer=options["analyzer"],
        ngram_range=tuple(options["ngram_range"]),
        lowercase=True,
        strip_accents="unicode",
    ).build_analyzer()


def learnable_subjects(label_sets: Sequence[set[int]], *, min_per_subject: int) -> list[int]:
    """The subjects with at least `min_per_subject` examples, in id order."""
    counts = Counter(s for labels in label_sets for s in labels)
    return sorted(s for s, n in counts.items() if n >= min_per_subject)


def train(
    texts: Sequence[str], label_sets: Sequence[set[int]], *, min_per_subject: int
) -> Parameters | None:
    """Fit one model; None when no subject has enough examples."""
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    subject_ids = learnable_subjects(label_sets, min_per_subject=min_per_subject)
    if not subject_ids or len(texts) < 2:
        return None
    blocks, matrices = [], []
    for spec in FEATURE_BLOCKS:
        options = {k: spec[k] for k in ANALYZER_OPTIONS}
        vectoriser = TfidfVectorizer(
            analyzer=_analyzer(options),
            min_df=min(spec["min_df"], len(texts)),
            max_features=spec["max_features"],
            sublinear_tf=True,
        )
        matrices.append(vectoriser.fit_transform(texts))
        vocabulary = {term: int(i) for term, i in vectoriser.vocabulary_.items()}
        idf = [round(float(w), DIGITS) for w in vectoriser.idf_]
        blocks.append(Block(options=options, vocabulary=vocabulary, idf=idf))
    features = sparse.hstack(matrices).tocsr()
    coef, intercept = [], []
    for subject_id in subject_ids:
        y = np.array([subject_id in labels for labels in label_sets], dtype=int)
        if y.min() == y.max():  # every example has it: always likely
            coef.append([0.0] * features.shape[1])
            intercept.append(5.0)
            continue
        model = LogisticRegression(C=REGULARISATION_C, solver="liblinear")
        model.fit(features, y)
        coef.append([round(float(w), DIGITS) for w in model.coef_[0]])
        intercept.append(round(float(model.intercept_[0]), DIGITS))
    return Parameters(blocks=blocks, subject_ids=subject_ids, coef=coef, intercept=intercept)


def _block_vector(block: Block, text: str) -> np.ndarray:
    """TF-IDF of one text, as TfidfVectorizer(sublinear_tf=True, norm="l2") computes it."""
    vector = np.zeros(len(block.idf))
    counts = Counter(t for t in _analyzer(block.options)(text) if t in block.vocabulary)
    for term, n in counts.items():
        vector[block.vocabulary[term]] = 1.0 + np.log(n)
    vector *= np.asarray(block.idf)
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def scores(parameters: Parameters, text: str) -> dict[int, float]:
    """The probability of each learned subject for `text`."""
    x = np.concatenate([_block_vector(b, text) for b in parameters.blocks])
    z = np.asarray(parameters.coef) @ x + np.asarray(parameters.intercept)
    probabilities = 1.0 / (1.0 + np.exp(-z))
    return {s: float(p) for s, p in zip(parameters.subject_ids, probabilities, strict=True)}


def suggest(
    subject_scores: dict[int, float],
    *,
    allowed: set[int] | None = None,
    threshold: float = THRESHOLD,
    limit: int = MAX_SUGGESTIONS,
) -> list[tuple[int, float]]:
    """The best subjects above the threshold, best first, at most `limit`; only `allowed`
    ones (the subjects in use) when given."""
    ranked = sorted(subject_scores.items(), key=lambda item: (-item[1], item[0]))
    return [(s, p) for s, p in ranked if p >= threshold and (allowed is None or s in allowed)][
        :limit
    ]


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def evaluate(
    parameters: Parameters, texts: Sequence[str], label_sets: Sequence[set[int]]
) -> Evaluation:
    """Suggest for each text and compare with its subjects (only the learned ones count)."""
    learned = set(parameters.subject_ids)
    hits = exact = suggested_total = suggested_right = true_total = 0
    per = {s: {"tp": 0, "fp": 0, "fn": 0} for s in parameters.subject_ids}
    for text, labels in zip(texts, label_sets, strict=True):
        truth = labels & learned
        chosen = [s for s, _ in suggest(scores(parameters, text))]
        hits += bool(chosen) and chosen[0] in truth
        exact += set(chosen) == truth
        suggested_total += len(chosen)
        suggested_right += len(truth.intersection(chosen))
        true_total += len(truth)
        for s in learned:
            key = "tp" if s in truth and s in chosen else "fp" if s in chosen else "fn"
            if s in truth or s in chosen:
                per[s][key] += 1
    return Evaluation(
        examples=len(texts),
        accuracy=_ratio(hits, len(texts)),
        exact=_ratio(exact, len(texts)),
        precision=_ratio(suggested_right, suggested_total),
        recall=_ratio(suggested_right, true_total),
        per_subject={
            s: {
                "precision": _ratio(c["tp"], c["tp"] + c["fp"]),
                "recall": _ratio(c["tp"], c["tp"] + c["fn"]),
                "support": c["tp"] + c["fn"],
            }
            for s, c in per.items()
        },
    )


def held_out_split(count: int, *, share: float = 0.2, seed: int = 8) -> tuple[list, list]:
    """Indexes for training and for the held-out test, the same for the same count."""
    indexes = [int(i) for i in np.random.default_rng(seed).permutation(count)]
    cut = max(1, round(count * share))
    return sorted(indexes[cut:]), sorted(indexes[:cut])
