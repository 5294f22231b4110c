"""The pure learning functions: no database."""

import json

import pytest

from klachtenregeling.suggestions import classifier
from tests import complaint_texts


@pytest.fixture(scope="module")
def learned():
    data = complaint_texts.examples(60, subjects=complaint_texts.SUBJECTS[:3])
    ids = {name: i for i, name in enumerate(complaint_texts.SUBJECTS[:3], start=1)}
    texts = [e.text for e in data]
    labels = [{ids[s] for s in e.subjects} for e in data]
    return classifier.train(texts, labels, min_per_subject=5), texts


@pytest.mark.parametrize(
    ("scores", "allowed", "expected"),
    [
        ({1: 0.9, 2: 0.5, 3: 0.1}, None, [(1, 0.9), (2, 0.5)]),  # best first, above 0.3
        ({1: 0.2, 2: 0.1}, None, []),  # nothing likely enough: no suggestion
        ({1: 0.9, 2: 0.8, 3: 0.7, 4: 0.6}, None, [(1, 0.9), (2, 0.8), (3, 0.7)]),  # at most 3
        ({1: 0.9, 2: 0.5}, {2}, [(2, 0.5)]),  # a subject no longer in use is left out
        ({1: 0.5, 2: 0.5}, None, [(1, 0.5), (2, 0.5)]),  # a tie: the lower id first
    ],
)
def test_r8_1_suggest_takes_the_best_subjects_above_the_threshold(scores, allowed, expected):
    assert classifier.suggest(scores, allowed=allowed) == expected


def test_r8_2_a_subject_needs_enough_examples_to_be_learned():
    labels = [{1}] * 5 + [{2}] * 4 + [{1, 3}] * 5
    assert classifier.learnable_subjects(labels, min_per_subject=5) == [1, 3]


def test_r8_1_parameters_survive_json_and_predict_the_same(learned):
    parameters, texts = learned
    again = classifier.Parameters.from_json(json.loads(json.dumps(parameters.as_json())))
    for text in texts[:5]:
        assert classifier.scores(again, text) == classifier.scores(parameters, text)


def test_r8_1_numpy_prediction_matches_what_was_learned(learned):
    """The stored-data prediction agrees with the training labels on the training texts."""
    parameters, texts = learned
    best = [max(classifier.scores(parameters, t).items(), key=lambda i: i[1])[0] for t in texts]
    data = complaint_texts.examples(60, subjects=complaint_texts.SUBJECTS[:3])
    ids = {name: i for i, name in enumerate(complaint_texts.SUBJECTS[:3], start=1)}
    right = sum(b in {ids[s] for s in e.subjects} for b, e in zip(best, data, strict=True))
    assert right / len(texts) > 0.9


def test_held_out_split_is_disjoint_and_repeatable():
    train, test = classifier.held_out_split(50)
    assert len(test) == 10
    assert not set(train) & set(test)
    assert sorted(train + test) == list(range(50))
    assert classifier.held_out_split(50) == (train, test)
