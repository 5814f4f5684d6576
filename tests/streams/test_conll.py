"""Tests for CoNLL reading, writing and exact-match entity scoring."""

from __future__ import annotations

import io

import pytest

from marsad.streams.conll import ConllSentence, bio_spans, read_conll, score_entities, write_predictions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "زار\tO\nبغداد\tB-LOC\n\nقال\tO\nمحمد\tB-PERS\nعلي\tI-PERS\n",
            [(("زار", "بغداد"), ("O", "B-LOC")), (("قال", "محمد", "علي"), ("O", "B-PERS", "I-PERS"))],
        ),
        # spaces instead of a tab, trailing spaces, several blank lines, CRLF
        ("وزارة  B-ORG \r\nالدفاع I-ORG\r\n\r\n\r\n", [(("وزارة", "الدفاع"), ("B-ORG", "I-ORG"))]),
        # a token with an embedded right-to-left mark is kept exactly as given
        ("\u200fعمان\tB-LOC\n", [(("\u200fعمان",), ("B-LOC",))]),
        # a line without a tag is a token tagged O
        ("كلمة\n", [(("كلمة",), ("O",))]),
        ("", []),
        ("\n\n", []),
    ],
)
def test_read_conll(text: str, expected: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
    sentences = read_conll(io.StringIO(text))
    assert [(s.tokens, s.tags) for s in sentences] == expected


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "B-LOC", "O"], [("LOC", 1, 2)]),
        (["B-PER", "I-PER", "B-PER"], [("PER", 0, 2), ("PER", 2, 3)]),
        (["I-ORG", "I-ORG", "O"], [("ORG", 0, 2)]),  # conlleval: a stray I- opens an entity
        (["B-PER", "I-LOC"], [("PER", 0, 1), ("LOC", 1, 2)]),
        (["B-LOC", "I-LOC"], [("LOC", 0, 2)]),
        ([], []),
    ],
)
def test_bio_spans(tags: list[str], spans: list[tuple[str, int, int]]) -> None:
    assert bio_spans(tags) == spans


@pytest.mark.parametrize(
    ("gold", "predicted", "correct", "n_pred"),
    [
        (["B-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"], 1, 1),  # exact
        (["B-PER", "I-PER", "O"], ["B-PER", "O", "O"], 0, 1),  # partial span is a miss
        (["B-PER", "O", "O"], ["B-PER", "I-PER", "O"], 0, 1),  # too long is a miss
        (["B-PER", "I-PER", "O"], ["B-ORG", "I-ORG", "O"], 0, 1),  # type mismatch is a miss
        (["B-LOC", "B-LOC", "O"], ["B-LOC", "I-LOC", "O"], 0, 1),  # two entities merged is a miss
        (["O", "O", "O"], ["O", "B-LOC", "O"], 0, 1),
    ],
)
def test_score_exact_match(gold: list[str], predicted: list[str], correct: int, n_pred: int) -> None:
    scores = score_entities([gold], [predicted], types=("PER", "ORG", "LOC"))
    assert scores.micro.correct == correct
    assert scores.micro.predicted == n_pred


def test_score_per_type_and_micro() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    predicted = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "B-LOC"]]
    scores = score_entities(gold, predicted, types=("PER", "ORG", "LOC"))
    assert scores.per_type["PER"].f1 == 1.0
    assert scores.per_type["LOC"].recall == 0.0
    assert scores.per_type["ORG"].precision == 0.5
    assert (scores.micro.gold, scores.micro.predicted, scores.micro.correct) == (3, 4, 2)
    assert scores.micro.precision == pytest.approx(0.5)
    assert scores.micro.recall == pytest.approx(2 / 3)
    assert scores.micro.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_score_ignores_unrequested_types_and_handles_no_entities() -> None:
    scores = score_entities([["B-MISC", "O"]], [["B-MISC", "O"]], types=("PER",))
    assert scores.micro.f1 == 0.0
    assert scores.micro.gold == 0


def test_score_rejects_length_mismatch() -> None:
    with pytest.raises(ValueError):
        score_entities([["O", "O"]], [["O"]])


def test_write_predictions_keeps_tokens_as_given() -> None:
    sentences = [ConllSentence(("\u200fعمان", "،"), ("B-LOC", "O")), ConllSentence(("زار",), ("O",))]
    out = io.StringIO()
    write_predictions(out, sentences, [["B-LOC", "O"], ["O"]])
    assert out.getvalue() == "\u200fعمان\tB-LOC\tB-LOC\n،\tO\tO\n\nزار\tO\tO\n\n"
