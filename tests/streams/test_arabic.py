"""Tests of the Arabic folding functions."""

import pytest

from marsad.streams.arabic import fold, fold_with_offsets, listed, strip_clitics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أحمد", "احمد"),
        ("إدلب", "ادلب"),
        ("آسيا", "اسيا"),
        ("مصطفى", "مصطفي"),
        ("الديموقراطيّة", "الديموقراطيه"),
        ("بيانـــاً", "بيانا"),
        ("١٢٣ و۴۵", "123 و45"),
        ("«قال»، ثم؟", '"قال", ثم?'),
        ("ﻻ", "لا"),
        ("قو\u200fات", "قوات"),
        ("", ""),
        ("Damascus 2024 😀", "Damascus 2024 😀"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والعراق", "العراق"),
        ("للتنظيم", "التنظيم"),
        ("بالمدينه", "المدينه"),
        ("وقسد", "قسد"),
        ("لدمشق", "دمشق"),
        ("بل", "بل"),
        ("ولا", "لا"),
        ("سوريا", "سوريا"),
    ],
)
def test_strip_clitics(word: str, expected: str) -> None:
    assert strip_clitics(word) == expected


def test_fold_with_offsets_maps_back_to_the_original() -> None:
    text = "قوّاتُ الأمنِ ١٢ـــ"
    folded, index = fold_with_offsets(text)
    assert folded == "قوات الامن 12"
    start = folded.index("الامن")
    end = start + len("الامن")
    assert text[index[start] : index[end - 1] + 1] == "الأمنِ"[:-1]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("بلده", True),  # listed as written, although ب is also a proclitic
        ("وبلده", True),  # and behind a proclitic
        ("لده", False),
        ("مدينه", False),
    ],
)
def test_listed_tries_the_word_as_written_then_without_its_proclitic(word: str, expected: bool) -> None:
    assert listed(word, frozenset({"بلده"})) is expected
