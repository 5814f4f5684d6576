"""Speed shortcuts give exactly what the code they replaced gave: each is checked against that code."""

from __future__ import annotations

import re
import sys
from collections import Counter

import numpy as np
import pytest

from marsad.streams.folding import _fold_each, fold_view
from marsad.streams.gazetteer import PhraseMatcher, first_word_variants
from marsad.streams.geocode import Geocoder
from marsad.streams.ner_scorer import _back_pointers
from marsad.streams.tokenize import _SENTENCE_END_RE, sentence_spans, split_sentences, tokenize

# The sentence-end pattern before it opened with a character class.
_OLD_SENTENCE_END_RE = re.compile(r"(?:(?<![.!?\u061f\u2026])[.!?\u061f\u2026]++[\"'»”)\]]*+(?=\s)|\n\s*\n|\n)")


@pytest.mark.parametrize("seed", range(4))
def test_back_pointers_are_argmax_with_the_first_label_on_ties(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = 9
    best = rng.integers(-3, 3, size=(40, size)).astype(float)  # small integers: many exact ties
    trans = rng.integers(-2, 2, size=(size, size)).astype(float)
    expected = (best[:-1, :, None] + trans).argmax(axis=1)  # (token, label): the lowest previous label wins
    backs = _back_pointers(best, trans)
    assert [
        backs[y * (len(best) - 1) + r] for r in range(len(best) - 1) for y in range(size)
    ] == expected.ravel().tolist()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "جملة. ثانية! ثالثة؟ رابعة… خامسة",
        "قال: «انتهى.» ثم غادر.\n\nفقرة جديدة\nسطر",
        "...بداية. .. نقاط...   نهاية",
        "رقم 3.5 لا يقطع.\u00a0بعد مسافة غير منقسمة",
        "\n\n\n  \n",
        "نهاية بلا مسافة.",
        'اقتباس!" (قوسان.) [معقوفان?] ”نهاية.”\tتبويب',
        "سطر\r\nويندوز\u2028فاصل\u3000مسافة",
    ],
)
def test_sentence_ends_as_before(text: str) -> None:
    assert [m.span() for m in _SENTENCE_END_RE.finditer(text)] == [
        m.span() for m in _OLD_SENTENCE_END_RE.finditer(text)
    ]
    assert sentence_spans(text) == [(s.start, s.end) for s in split_sentences(text)]


def test_str_split_whitespace_is_regex_whitespace() -> None:
    """``token_spans`` cuts chunks with ``str.split``; the tokeniser used ``\\s``: the same characters."""
    space = re.compile(r"\s")
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if bool(space.match(c)) != c.isspace()] == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "أحمد إدلب آسيا مصطفى",
        "الديموقراطيّة بيانـــاً ١٢٣ و۴۵",
        "«قال»، ثم؟ ﻻ ﷲ",
        "قو\u200fات Damascus 2024 😀 ﬁ 𝐀 ㎏ ⑴",
        "\ufefb\ufdf2\ufd3e",
    ],
)
def test_fold_view_replaces_all_at_once_as_one_at_a_time(text: str) -> None:
    fast, slow = fold_view(text), _fold_each(text)
    assert (fast.folded, fast.starts, fast.deltas) == (slow.folded, slow.starts, slow.deltas)


def _reference_match_at(matcher: PhraseMatcher, tokens: list, i: int) -> tuple | None:
    """``PhraseMatcher.match_at`` before its per-first-word shortcut (spans and values only)."""
    first = tokens[i].norm
    second = tokens[i + 1].norm if i + 1 < len(tokens) else None
    for variant in first_word_variants(first):
        lengths = matcher._lengths.get(variant)
        if lengths is None:
            continue
        for n in lengths:
            if i + n > len(tokens) or (n > 1 and second not in matcher._seconds.get(variant, ())):
                continue
            words = (variant, *[t.norm for t in tokens[i + 1 : i + n]])
            if words in matcher._phrases:
                return " ".join(words), matcher._phrases[words], n
    return None


@pytest.mark.parametrize(
    "text",
    [
        "وصلوا إلى دير الزور ثم بحلب وحلب الشهباء",
        "قوات سوريا الديمقراطية وسوريا والحزب الديمقراطي",
        "في حزب الله وحزب الله اللبناني ولحزب",
        "ودير الزور دير",
    ],
)
def test_match_at_shortcut_agrees_with_the_full_search(text: str) -> None:
    matcher = PhraseMatcher(
        {"دير الزور": 1, "حلب": 2, "حلب الشهباء": 3, "سوريا": None, "قوات سوريا الديمقراطية": 4,
         "حزب الله": 5, "حزب": 6, "الحزب الديمقراطي": 7, "دير": 8}
    )  # fmt: skip
    tokens = tokenize(text)
    for i in range(len(tokens)):
        found = matcher.match_at(tokens, i)
        assert (None if found is None else (found[0].key, found[0].value, found[1])) == _reference_match_at(
            matcher, tokens, i
        )


def _reference_country_context(geocoder: Geocoder, names: list[str]) -> list[str]:
    score: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, name in enumerate(names):
        places = geocoder.candidates(name)
        countries = {p.country_code for p in places if p.country_code}
        if len(countries) != 1:
            continue
        code = countries.pop()
        score[code] += 2 if any(p.feature_code == "PCLI" for p in places) else 1
        first.setdefault(code, i)
    return sorted(score, key=lambda c: (-score[c], first[c]))


def test_country_context_remembered_per_name_agrees_with_counting_afresh() -> None:
    geocoder = Geocoder.load()
    names = ["حلب", "سوريا", "بغداد", "العراق", "دمشق", "لا مكان", "طرابلس", "حلب", "الموصل", "لبنان"]
    for _ in range(2):  # the second time every name's evidence comes from memory
        assert geocoder.country_context(names) == _reference_country_context(geocoder, names)
