"""Tests for the character model of common Arabic words (how foreign a word looks to the NER tagger)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from marsad.streams.arabic import fold
from marsad.streams.char_model import CharModel
from marsad.streams.ner_features import CHAR_MODEL_FILE, char_model, type_features, use_word_data

SHIPPED = resources.files("marsad.streams").joinpath("data", CHAR_MODEL_FILE)
# Invented common words: Arabic patterns (ال + root in a common pattern), weighted like frequency buckets.
_WORDS = [
    (fold(w), weight)
    for w, weight in [
        ("الحكومة", 100.0),
        ("الوزارة", 100.0),
        ("المدينة", 10.0),
        ("الجامعة", 10.0),
        ("مكتبة", 10.0),
        ("كتابة", 1.0),
        ("محكمة", 1.0),
        ("المحكمة", 1.0),
    ]
]


def test_arabic_patterns_score_above_transliterations() -> None:
    model = CharModel.train(_WORDS)
    assert model.mean_log_prob(fold("المكتبة")) > model.mean_log_prob(fold("فيلادلفيا"))


def test_written_model_reads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / CHAR_MODEL_FILE
    CharModel.write(path, _WORDS)
    first = path.read_bytes()
    CharModel.write(path, list(reversed(_WORDS)))
    assert path.read_bytes() == first  # sorted: the same words give the same bytes
    read, trained = CharModel.read(path), CharModel.train(_WORDS)
    for word in ("المكتبة", "نيستلروي", "ب"):
        assert read.mean_log_prob(fold(word)) == pytest.approx(trained.mean_log_prob(fold(word)))


def test_letters_feature_is_a_bucket_for_arabic_words_only(tmp_path: Path) -> None:
    CharModel.write(tmp_path / CHAR_MODEL_FILE, _WORDS)
    use_word_data(tmp_path)
    try:
        own = type_features(fold("المكتبة"))[0]
        assert [f for f in own if f.startswith("lm=")] in (["lm=-2"], ["lm=-3"], ["lm=-4"])
        assert not [f for f in type_features("IBM")[0] if f.startswith("lm=")]
        assert not [f for f in type_features("2024")[0] if f.startswith("lm=")]
    finally:
        use_word_data(None)


def test_without_a_model_there_is_no_feature(tmp_path: Path) -> None:
    use_word_data(tmp_path)  # an empty folder: a tagger trained before the character model
    try:
        assert char_model() is None
        assert not [f for f in type_features(fold("المكتبة"))[0] if f.startswith("lm=")]
    finally:
        use_word_data(None)


@pytest.mark.skipif(not SHIPPED.is_file(), reason="character model not built")
@pytest.mark.parametrize(
    ("arabic", "foreign"),
    [("الحكومة", "نيستلروي"), ("اجتماع", "بيللغريني"), ("المدينة", "ديمورا"), ("العربي", "كوناري")],
)
def test_shipped_model_tells_transliterated_names(arabic: str, foreign: str) -> None:
    use_word_data(None)
    model = char_model()
    assert model is not None
    assert model.mean_log_prob(fold(arabic)) > model.mean_log_prob(fold(foreign)) + 0.5
