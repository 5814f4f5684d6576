"""Tests for the shipped NER tagger: labels, spans with offsets into the original text, edge cases."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from marsad.streams.conll import bio_spans, read_conll
from marsad.streams.ner import DEFAULT_MODEL, ENTITY_TYPES, EntitySpan, EntityTagger, conll_tokens
from marsad.streams.ner_consistency import propagate
from marsad.streams.ner_features import Lexicon, sentence_features
from marsad.streams.ner_scorer import Doc, viterbi
from marsad.streams.tokenize import tokenize

SHARED = Path(__file__).parents[2].parent / "shared"
pytestmark = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="NER model not trained")


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    return EntityTagger.load()


def test_load_is_cached() -> None:
    assert EntityTagger.load() is EntityTagger.load()


def test_load_missing_model_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        EntityTagger.load(tmp_path / "absent.crfsuite")


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "،،، ...", "123 456"])
def test_no_entities(tagger: EntityTagger, text: str) -> None:
    assert tagger.entities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بغداد يوم الأحد.", {("LOC", "بغداد"), ("PER", "إيمانويل ماكرون")}),
        ("قال وزير الخارجية محمد علي إن القوات انسحبت من مدينة الموصل.", {("LOC", "الموصل")}),
        ("وأعلنت وزارة الدفاع في القاهرة أن الاجتماع سيعقد في دمشق.", {("LOC", "القاهرة"), ("LOC", "دمشق")}),
    ],
)
def test_entities_found(tagger: EntityTagger, text: str, expected: set[tuple[str, str]]) -> None:
    found = {(span.type, span.text) for span in tagger.entities(text)}
    assert expected <= found


@pytest.mark.parametrize(
    "text",
    [
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى بغداد.\n\nوفي دمشق، التقى وزير الخارجية بنظيره.",
        "  \u200fزار الأمين العام للأمم المتحدة مدينة حلب   ",  # leading spaces and a bidi mark
        "أعلنت الشرطة في عمّان اعتقال ثلاثة أشخاص",  # shadda inside a place name
        "قال المتحدث باسم حزب الله إن الحزب لن يشارك",
    ],
)
def test_spans_point_into_original_text(tagger: EntityTagger, text: str) -> None:
    spans = tagger.entities(text)
    for span in spans:
        assert isinstance(span, EntitySpan)
        assert span.text == text[span.start : span.end]
        assert span.type in ENTITY_TYPES
        assert 0.0 <= span.score <= 1.0
    assert [s.start for s in spans] == sorted(s.start for s in spans)


def test_city_and_person_offsets(tagger: EntityTagger) -> None:
    text = "التقى الرئيس الفرنسي إيمانويل ماكرون في بغداد وزير الخارجية."
    spans = {span.text: span for span in tagger.entities(text)}
    city = spans["بغداد"]
    assert (city.type, city.start, city.end) == ("LOC", text.index("بغداد"), text.index("بغداد") + 5)
    person = [s for s in spans.values() if s.type == "PER"]
    assert person and person[0].text in text and "ماكرون" in person[0].text


def test_tag_tokens_labels_and_shapes(tagger: EntityTagger) -> None:
    sentences = [tokenize("زار الرئيس محمد علي مدينة بغداد."), [], tokenize("ثم عاد إلى بغداد")]
    labels = tagger.tag_tokens(sentences)
    assert [len(s) for s in labels] == [len(s) for s in sentences]
    allowed = {"O"} | {f"{p}-{t}" for p in "BI" for t in ENTITY_TYPES}
    assert {label for sent in labels for label in sent} <= allowed
    assert labels[0][-2] == "B-LOC"


def test_tag_conll_keeps_tokens_as_given(tagger: EntityTagger) -> None:
    words = [["\u200fبغداد", "عاصمة", "العراق"], ["و", "دمشق"]]
    labels = tagger.tag_conll(words)
    assert [len(s) for s in labels] == [3, 2]
    assert [t.text for t in conll_tokens(words[0])] == words[0]


@pytest.mark.skipif(not (SHARED / "data" / "anercorp" / "train.conll").is_file(), reason="no shared data")
def test_dev_slice_sanity(tagger: EntityTagger) -> None:
    sentences = read_conll(SHARED / "data" / "anercorp" / "train.conll")
    dev = sentences[int(len(sentences) * 0.9) :][:40]
    labels = tagger.tag_conll([s.tokens for s in dev])
    assert [len(s) for s in labels] == [len(s.tokens) for s in dev]


@pytest.mark.parametrize(
    ("keys", "labels", "expected"),
    [
        # a surname alone after the full name inherits PER
        (
            [["قال", "محمد", "العبدالله"], ["واكد", "العبدالله", "ذلك"]],
            [["O", "B-PERS", "I-PERS"], ["O", "O", "O"]],
            [["O", "B-PERS", "I-PERS"], ["O", "B-PERS", "O"]],
        ),
        # an organisation tagged once is tagged where it recurs, clitic and all
        (
            [["حركه", "النهضه", "فازت"], ["وقالت", "وحركه", "النهضه", "انها"]],
            [["B-ORG", "I-ORG", "O"], ["O", "O", "O", "O"]],
            [["B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG", "O"]],
        ),
        # places are left to the CRF; tagged spans are never cut or retyped
        (
            [["في", "بغداد"], ["بغداد", "محمد", "العبدالله"], ["العبدالله"]],
            [["O", "B-LOC"], ["O", "B-PERS", "I-PERS"], ["B-ORG"]],
            [["O", "B-LOC"], ["O", "B-PERS", "I-PERS"], ["B-ORG"]],
        ),
        ([["في"], []], [["O"], []], [["O"], []]),
    ],
)
def test_propagate(keys: list[list[str]], labels: list[list[str]], expected: list[list[str]]) -> None:
    assert propagate(keys, labels) == expected


@pytest.mark.parametrize(
    ("lines", "keys", "expected"),
    [
        (["LOC\tدير الزور", "LOC\tدير"], ["في", "دير", "الزور", "و", "دير"], [(1, 2), (4, 1)]),
        (["PER\tعلي"], ["وعلي", "علي"], [(0, 1), (1, 1)]),  # a proclitic on the first word is allowed
        (["ORG\tالامم المتحده"], ["الامم", "الافريقيه"], []),
    ],
)
def test_lexicon_match_spans(lines: list[str], keys: list[str], expected: list[tuple[int, int]]) -> None:
    lexicon = Lexicon.from_lines(lines)
    starts = [i for i, key in enumerate(keys) if lexicon.can_start(key)]
    assert [(first, length) for first, length, _ in lexicon.match_spans(keys, starts)] == expected
    tags = lexicon.match(keys)
    assert [i for i, tag in enumerate(tags) if tag and tag[0].endswith("-B")] == [first for first, _ in expected]


def test_fast_scorer_matches_crfsuite(tagger: EntityTagger) -> None:
    """The array scorer gives crfsuite's own Viterbi labels (before document propagation)."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    sentences = [
        tokenize("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بغداد يوم الأحد."),
        tokenize("وأعلنت وزارة الدفاع في القاهرة أن الاجتماع سيعقد في دمشق مع وفد من الأمم المتحدة."),
        tokenize("بغداد"),
    ]
    keys = [[token.norm for token in sent] for sent in sentences]
    reference = pycrfsuite.Tagger()
    reference.open(str(DEFAULT_MODEL))
    expected = [reference.tag(sentence_features(k, tagger._lexicon)) for k in keys]
    tables = tagger._tables
    doc = Doc(tables, keys, tagger._lexicon)
    found = viterbi(doc.scores[:, : tables.size], doc.lengths, tables.trans[0])
    assert [[tables.labels[y] for y in sent.tolist()] for sent in doc.split(found)] == expected


@pytest.mark.skipif(not (SHARED / "data" / "anercorp" / "train.conll").is_file(), reason="no shared data")
def test_fast_scorer_matches_crfsuite_on_whole_documents(tagger: EntityTagger) -> None:
    """Documents of many sentences of unequal length (one Viterbi batch each) get crfsuite's labels."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    sentences = read_conll(SHARED / "data" / "anercorp" / "train.conll")[-300:]
    reference = pycrfsuite.Tagger()
    reference.open(str(DEFAULT_MODEL))
    tables = tagger._tables
    for first in range(0, len(sentences), 20):
        keys = [[t.norm for t in conll_tokens(s.tokens)] for s in sentences[first : first + 20] if s.tokens]
        doc = Doc(tables, keys, tagger._lexicon)
        found = viterbi(doc.scores[:, : tables.size], doc.lengths, tables.trans[0])
        expected = [reference.tag(sentence_features(k, tagger._lexicon)) for k in keys]
        assert [[tables.labels[y] for y in sent.tolist()] for sent in doc.split(found)] == expected


@pytest.mark.parametrize("lengths", [[1], [1, 1], [3, 1, 5], [5, 5]])
def test_viterbi_matches_brute_force(lengths: list[int]) -> None:
    """Exhaustive search over every label sequence of small random problems (ties impossible)."""
    import itertools

    import numpy as np

    rng = np.random.default_rng(len(lengths) * 7 + sum(lengths))
    size = 3
    scores = rng.normal(size=(sum(lengths), size))
    trans = rng.normal(size=(size, size))
    expected = []
    at = 0
    for n in lengths:
        emit = scores[at : at + n]
        best = max(
            itertools.product(range(size), repeat=n),
            key=lambda ys: sum(emit[t, y] for t, y in enumerate(ys)) + sum(trans[a, b] for a, b in pairwise(ys)),
        )
        expected.extend(best)
        at += n
    assert viterbi(scores, np.array(lengths), trans).tolist() == expected


@pytest.mark.parametrize(
    "tags",
    [
        [],
        ["O", "O"],
        ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG"],
        ["I-ORG", "B-ORG", "I-PERS", "O", "B-LOC"],
        ["B-MISC", "MISC", "I-MISC", "O", "O", "B-X", "I-X", "I-X"],
        ["B-", "I-", "O", "B-LOC", "O"],
    ],
)
def test_bio_spans_reads_like_a_scan_of_every_tag(tags: list[str]) -> None:
    assert bio_spans(tags) == _every_tag_spans(tags)


def _every_tag_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """conlleval's reading, tag by tag: the reference bio_spans (which skips O tags) must agree with."""
    spans: list[tuple[str, int, int]] = []
    current: str | None = None
    begin = 0
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and kind == current:
            continue
        if current is not None:
            spans.append((current, begin, i))
            current = None
        if prefix in ("B", "I") and kind:
            current, begin = kind, i
    if current is not None:
        spans.append((current, begin, len(tags)))
    return spans


def test_viterbi_ties_go_to_the_first_label_as_in_crfsuite() -> None:
    import numpy as np

    assert viterbi(np.zeros((5, 4)), np.array([3, 2]), np.zeros((4, 4))).tolist() == [0] * 5
