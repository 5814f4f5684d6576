"""Tests of the token bookkeeping the extract stage does before the finders run."""

from __future__ import annotations

import pytest

from marsad.streams.extract import _tokens_by_sentence
from marsad.streams.gazetteer import PhraseMatcher
from marsad.streams.tokenize import split_sentences, tokenize


def _reference(tokens: list, sentences: list) -> list[list]:
    grouped: list[list] = [[] for _ in sentences]
    index = 0
    for token in tokens:
        while index < len(sentences) - 1 and token.start >= sentences[index].end:
            index += 1
        if grouped:
            grouped[index].append(token)
    return [group for group in grouped if group]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "كلمة",
        "جملة أولى. جملة ثانية!\n\nثالثة؟ رابعة",
        "  ...  \n\n  نص بعد فراغ  ",
        "قال: «اعتقل ٣ أشخاص». ثم غادر.",
    ],
)
def test_tokens_are_grouped_by_the_sentence_they_start_in(text: str) -> None:
    tokens, sentences = tokenize(text), split_sentences(text)
    assert _tokens_by_sentence(tokens, sentences) == _reference(tokens, sentences)
    assert _tokens_by_sentence(tokens, []) == []


def test_start_flags_agree_with_can_start() -> None:
    matcher = PhraseMatcher({"دير الزور": 1, "حلب": 2})
    words = ["في", "دير", "ودير", "حلب", "بحلب", "الزور", "دير"]
    assert matcher.start_flags(words) == [matcher.can_start(w) for w in words] == [
        False, True, True, True, True, False, True
    ]  # fmt: skip
    tokens = tokenize("وصلوا إلى دير الزور ثم بحلب")
    assert [(m.key, m.value) for m in matcher.match_tokens(tokens)] == [("دير الزور", 1), ("حلب", 2)]
