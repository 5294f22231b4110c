"""Benchmark: how well subject suggestion (R-8.1) does on complaints it has not seen.

It generates a varied Dutch data set of a training company (tests/complaint_texts.py:
six subjects, about one complaint in five with two subjects, noise sentences), trains on
80 % with the same pure functions the product uses (klachtenregeling/suggestions/
classifier.py; no database needed) and prints, for the held-out 20 %:

- accuracy: the share of complaints whose first suggestion is one of their subjects
  (a complaint without any suggestion counts as wrong);
- exact: the share whose suggestion is exactly their set of subjects;
- precision / recall over all suggested subjects, and per subject.

Usage (from the project's root):

    .venv/bin/python bench/suggestions.py [--complaints 600] [--seed 8]
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from klachtenregeling.suggestions import classifier  # noqa: E402
from tests import complaint_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=600)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    data = complaint_texts.examples(args.complaints, seed=args.seed)
    ids = {name: i for i, name in enumerate(complaint_texts.SUBJECTS, start=1)}
    texts = [f"{e.text}\n{e.engagement}" for e in data]
    labels = [{ids[s] for s in e.subjects} for e in data]
    train, test = classifier.held_out_split(len(data), seed=args.seed)

    started = time.perf_counter()
    parameters = classifier.train(
        [texts[i] for i in train], [labels[i] for i in train], min_per_subject=5
    )
    trained = time.perf_counter() - started
    if parameters is None:
        raise SystemExit("too few examples per subject to learn anything")
    started = time.perf_counter()
    result = classifier.evaluate(parameters, [texts[i] for i in test], [labels[i] for i in test])
    per_complaint = (time.perf_counter() - started) / len(test) * 1000

    two = sum(len(e.subjects) > 1 for e in data)
    print(
        f"{len(data)} complaints ({two} with two subjects), {len(complaint_texts.SUBJECTS)} "
        f"subjects; trained on {len(train)}, tested on {len(test)} held out"
    )
    features = sum(len(b.idf) for b in parameters.blocks)
    print(f"features: {features}; training {trained:.1f} s; suggesting {per_complaint:.1f} ms")
    print(
        f"accuracy {result.accuracy:.3f}  exact {result.exact:.3f}  "
        f"precision {result.precision:.3f}  recall {result.recall:.3f}"
    )
    names = {i: name for name, i in ids.items()}
    for subject_id, figures in result.per_subject.items():
        print(
            f"  {names[subject_id]:<22} precision {figures['precision']:.3f}  "
            f"recall {figures['recall']:.3f}  ({figures['support']} held out)"
        )


if __name__ == "__main__":
    main()
