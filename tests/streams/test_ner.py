"""Tests for the shipped NER tagger: labels, spans with offsets into the original text, edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from marsad.streams.conll import read_conll
from marsad.streams.ner import DEFAULT_MODEL, ENTITY_TYPES, EntitySpan, EntityTagger, conll_tokens
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
    text = "التقى الرئيس إيمانويل ماكرون في بغداد وزير الخارجية."
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
