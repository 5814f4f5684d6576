"""Numbers and counts in Arabic news text: digits, number words, duals and vague quantities, with units.

Rules worth knowing:

- A dual noun counts 2: any word in -تين/-تان (إداريتين، سيارتين) except a short stop list (بوتين، لاتين)
  and -ستان names; a word in -ين/-ان only when its stem is in ``DUAL_STEMS``, nouns with a broken plural
  (شخص/أشخاص), because for the others (مدنيين، مسلحين) -ين is the sound masculine plural.
- واحد/اثنين and a dual followed by اثنين count the noun *before* them (جنديين اثنين = one mention, 2).
- Ordinals (الأول، الثانية) and definite number words (الثلاثة، الاثنين = Monday) are not counts.
- ``unit`` marks measures that are not head counts: km, m, hour, day, week, month, year, percent, money,
  kg, times, clock (الساعة 10، 10:30) and date (23 نوفمبر); a bare 1900-2099 integer is a year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .folding import FoldedText, fold, folded_text
from .number_words import (
    DUAL_STEMS,
    DUAL_UNITS,
    MULTIPLIERS,
    NOT_DUAL,
    SCALES,
    STARTERS,
    TEEN_FIRST,
    UNIT_WORDS,
    UNITS,
    VAGUE_WORDS,
    next_word,
    read_number_words,
    word_trie,
)
from .timex_patterns import MONTHS

__all__ = ["NumberMention", "find_numbers", "nearest_count"]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number or quantity: its span in the original text, its value and what it counts or measures."""

    text: str
    start: int
    end: int
    value: int | float | None  # None for vague quantities
    vague: bool
    unit: str | None
    noun: str | None  # folded head noun it counts (the dual noun itself for a dual)


_TWO = frozenset({"اثنين", "اثنان", "اثنتين", "اثنتان"})
_ONE_TWO = frozenset(w for w, v in UNITS.items() if v <= 2)
# Nouns whose -ين form is also their plural (مدنيين: civilians) are duals only in -ان (مدنيان).
_DUAL_AN_ONLY = (
    "مدني", "مواطن", "مسلح", "صحفي", "مقاتل", "متظاهر", "مسعف", "شرطي", "عسكري", "مدرس", "سائق", "عامل", "موظف",
    "ناشط", "مهرب", "مزارع", "صياد", "مستوطن", "معتقل", "منتسب", "مسؤول", "لاجئ", "نازح", "مرافق",
)  # fmt: skip
_DUAL_FORMS = [
    *(stem + ending for stem in DUAL_STEMS for ending in ("ين", "ان")),
    *(stem + "ان" for stem in _DUAL_AN_ONLY),
    *DUAL_UNITS,
]
_KINDS: dict[str, str] = {
    **dict.fromkeys((f"{article}{w}" for w in _DUAL_FORMS for article in ("", "ال")), "dual"),
    **dict.fromkeys(VAGUE_WORDS, "vague"),
    **dict.fromkeys([*STARTERS, *TEEN_FIRST], "word"),
}
_CLITICS = frozenset("وفبلك")
# Two scans: digits and lexicon words (with an attached clitic); then the -تين/-تان ending of a dual, which
# starts with a literal letter so that ``re`` skips to it quickly (one combined scan is slower than both).
_CANDIDATE = re.compile(
    r"(?<!\w)(?:(?:ال|[وفبلك])?(?P<num>\d+(?:[.,]\d+)*)"
    rf"|(?P<word>{word_trie(c + w for c in ('', *_CLITICS) for w in _KINDS)})(?!\w))"
)
_DUAL_ENDING = re.compile(r"ت(?<=\w\wت)[يا]ن(?!\w)")
_CLITICS_BEFORE_ARTICLE = re.compile("[وف]?[بلك]?(?=ال)|[وف](?=لل)")
_FATHA = "\u064e"
_ARABIC_WORD = "\u0621-\u064a\u0640\u064b-\u0652\u0670"
# A word ending in fatha + ي (+ ن), sukun allowed: the written dual, nominative aside (مخالفَين، مستقبلَي).
_MARKED_DUAL = re.compile(
    f"(?<![{_ARABIC_WORD}])(?P<stem>[{_ARABIC_WORD}]+?)\u064e\u0652?\u064a\u0652?(?P<nun>\u0646)?\u0650?(?![{_ARABIC_WORD}])"
)
_PARTITIVE = frozenset({"من", "منهم", "منهن", "منها", "منكم"})
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?!\d)")
_NUMERIC_DATE = re.compile(r"\d{1,4}([/.-])\d{1,2}\1\d{1,4}(?!\d)")
_YEAR_WORDS = frozenset({"عام", "العام", "سنه", "السنه", "عامي", "منذ", "مطلع", "منتصف", "اواخر", "نهايه"})
_MONTH_FIRST_WORDS = frozenset(name.split()[0] for name in MONTHS)


def find_numbers(text: str) -> list[NumberMention]:
    """Find every number, count and vague quantity of ``text``, in text order, spans in the original text."""
    view = folded_text(text)
    folded = view.folded
    found: list[NumberMention] = []
    matches = [*_CANDIDATE.finditer(folded), *_DUAL_ENDING.finditer(folded)]
    _scan(view, sorted(matches, key=lambda m: m.start()), found)
    if _FATHA in text:
        found = _with_marked_duals(text, found)
    return found


def _with_marked_duals(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """Add the duals a writer marked with a fatha (مخالفَين، منتسبَيْن، مستقبلَي الشحنة).

    Unmarked, -ين is read as a dual only for the nouns of ``DUAL_STEMS``: for the others it is as often the
    sound plural (مخالفين: violators). The fatha before the ي settles it, so the mark is trusted whatever the
    noun; short stems are left out (بَين، حسَين، لدَيّ are no duals).
    """
    taken = [(m.start, m.end) for m in found]
    extra: list[NumberMention] = []
    for match in _MARKED_DUAL.finditer(text):
        start, end = match.span()
        if any(lo < end and start < hi for lo, hi in taken):
            continue
        stem = fold(match.group("stem"))
        stem = stem[_clitic_length(stem, longer_than=4) :].removeprefix("ال")
        construct = match.group("nun") is None
        if len(stem) < (4 if construct else 3):
            continue
        two = next((m for m in found if m.start == end + 1 and fold(m.text) in _TWO), None)
        if two is not None:  # مشتبهَين اثنين: one mention, as for unmarked duals
            found = [m for m in found if m is not two]
            end = two.end
        extra.append(NumberMention(text[start:end], start, end, 2, False, None, stem + ("ي" if construct else "ين")))
    return sorted([*found, *extra], key=lambda m: m.start) if extra else found


def _scan(view: FoldedText, matches: list[re.Match[str]], found: list[NumberMention]) -> int:
    """Read the candidates left to right; return how far (folded index) the reading got."""
    consumed = 0
    for match in matches:
        if match.start() < consumed:
            continue
        mention, consumed = _candidate(view, match)
        if mention is not None:
            found.append(mention)
        if consumed < match.end():  # "5،600": an Arabic comma split a digit run; read the rest too
            rest = _scan(view, list(_CANDIDATE.finditer(view.folded, consumed + 1, match.end())), found)
            consumed = max(match.end(), rest)  # what the rest read may run past the run (2023،10:30)
    return consumed


def _candidate(view: FoldedText, match: re.Match[str]) -> tuple[NumberMention | None, int]:
    if match.re is _DUAL_ENDING:
        found = _letters_before(view.folded, max(0, match.start() - 30), match.start())
        start = match.start() if found is None else found
        word = view.folded[start : match.end()]
        cut = _clitic_length(word, longer_than=6)  # وبالسيارتين، وسيارتين (but not وحدتين)
        return _dual(view, start + cut, word[cut:])
    if match.group("num") is not None:
        return _digits(view, match.start("num"))
    start, word, kind = _split_clitic(match.start(), match.group("word"))
    if kind == "word":
        return _words(view, start, word)
    if kind == "vague":
        return _vague(view, start, word)
    if kind == "dual":
        return _dual(view, start, word)
    return None, match.end()


def _clitic_length(word: str, longer_than: int) -> int:
    """How many letters of a dual's word are proclitics: those before its article (وبالسيارتين), else one و ف ب
    ل ك before a word longer than ``longer_than`` (وسيارتين, but not the و of وحدتين)."""
    clitics = _CLITICS_BEFORE_ARTICLE.match(word)
    if clitics:
        return clitics.end()
    return 1 if len(word) > longer_than and word[0] in _CLITICS else 0


def _split_clitic(start: int, token: str) -> tuple[int, str, str | None]:
    """The lexicon word inside ``token``: the whole token (واحد) before token minus a clitic (و + عشرة)."""
    if token in _KINDS:
        return start, token, _KINDS[token]
    word = token[1:]
    if token == "لست":
        return start, token, None  # "I am not", not ل + ست
    return start + 1, word, _KINDS.get(word)


def nearest_count(
    numbers: Sequence[NumberMention], start: int, end: int, max_distance: int = 80, include_vague: bool = True
) -> NumberMention | None:
    """The head count nearest to a trigger span ``[start, end)``, ignoring measures (anything with a unit).

    Distance is in characters between the spans; on a tie the mention after the trigger wins
    ("مقتل 3 أشخاص"). Attaching a count to the right event role is the caller's business.
    """
    best: tuple[int, int, NumberMention] | None = None
    for mention in numbers:
        if mention.unit is not None or (mention.vague and not include_vague):
            continue
        distance = max(start - mention.end, mention.start - end, 0)
        if distance > max_distance:
            continue
        key = (distance, 0 if mention.start >= end else 1)
        if best is None or key < best[:2]:
            best = (*key, mention)
    return best[2] if best else None


def _previous_word(folded: str, position: int) -> str | None:
    r"""The letters before ``position`` (past spaces and "("), within 40 characters: ``([^\W\d_]+)[\s(]*$``."""
    lo = max(0, position - 40)
    end = position
    while end > lo and (folded[end - 1].isspace() or folded[end - 1] == "("):
        end -= 1
    start = _letters_before(folded, lo, end)
    return None if start is None else folded[start:end]


def _letters_before(folded: str, lo: int, end: int) -> int | None:
    r"""Where the letters ending at ``end`` begin (not before ``lo``): ``[^\W\d_]+$`` searched in [lo, end).

    A loop back over a few characters: the regex search retried every start in the window, at a cost
    quadratic in the word's length, and ran for most numbers of an article.
    """
    if end > lo and folded[end - 1] == "\n":  # ``$`` also matches before a final newline
        end -= 1
    start = end
    while start > lo:
        char = folded[start - 1]
        if not char.isalnum() or char.isdecimal():  # ``[^\W\d_]``: a word character, no digit, no "_"
            break
        start -= 1
    return start if start < end else None


def _mention(view: FoldedText, start: int, end: int, value: float | None, unit: str | None, noun: str | None):
    first, last = view.span(start, end)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return NumberMention(view.text[first:last], first, last, value, value is None, unit, noun)


def _digits(view: FoldedText, start: int) -> tuple[NumberMention | None, int]:
    folded = view.folded
    date = _NUMERIC_DATE.match(folded, start)
    if date:
        return None, date.end()  # a numeric date is the time matcher's
    clock = _CLOCK.match(folded, start)
    if clock:
        return _mention(
            view, start, clock.end(), int(folded[start : clock.end()].split(":")[0]), "clock", None
        ), clock.end()
    raw_end = next_word(folded, start)[2]  # type: ignore[index]
    value, end = _parse_digits(view, start, raw_end)
    integral = end == raw_end and folded[start:end].isdigit()
    scaled = False
    after = next_word(folded, end)
    if after and after[0] in MULTIPLIERS:
        value, end, scaled = value * SCALES[after[0]], after[2], True
    unit, end = _unit(view, start, end)
    if unit is None and integral and not scaled and 1900 <= value <= 2099:
        unit = "year"
    return _mention(view, start, end, value, unit, _noun(folded, end) if unit is None else None), end


def _parse_digits(view: FoldedText, start: int, end: int) -> tuple[float, int]:
    """Thousands separators are "," or "٬" before exactly three digits; "،" ends the number; else decimal."""
    text = view.folded[start:end]
    for at, char in enumerate(text):
        if char == "," and view.text[view.original(start + at)] == "\u060c":
            text, end = text[:at], start + at
            break
    parts = re.split(r"[.,]", text)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and ("." not in text or len(parts) > 2):
        return float("".join(parts)), end
    head, _, tail = text.replace(",", ".").partition(".")
    return float(f"{head}.{tail.replace('.', '')}" if tail else head), end


def _unit(view: FoldedText, start: int, end: int) -> tuple[str | None, int]:
    """The measure a number carries, from the word after it (or before it), and where the mention ends."""
    folded = view.folded
    after = next_word(folded, end)
    if after:
        word, _, word_end = after
        if word in UNIT_WORDS:
            return UNIT_WORDS[word], word_end
        pair = next_word(folded, word_end)
        if pair and f"{word} {pair[0]}" in UNIT_WORDS:
            return UNIT_WORDS[f"{word} {pair[0]}"], pair[2]
        if word in _MONTH_FIRST_WORDS and any(folded.startswith(m, after[1]) for m in MONTHS):
            return "date", end
    before = _previous_word(folded, start)
    if before in ("الساعه", "ساعه"):
        return "clock", end
    if before in _YEAR_WORDS or before in _MONTH_FIRST_WORDS:
        return "year", end
    return None, end


def _head(word: str | None) -> str | None:
    """A noun key without an attached conjunction or preposition before its article (والجنود -> الجنود)."""
    if word and len(word) > 4 and word[:3] in ("وال", "بال", "فال", "كال"):
        return word[1:]
    if word and len(word) > 3 and word.startswith("لل"):
        return "ا" + word[1:]
    return word


def _noun(folded: str, end: int) -> str | None:
    after = next_word(folded, end)
    if after and after[0] in _PARTITIVE:
        after = next_word(folded, after[2])
    if after is None or after[0][0].isdigit() or after[0] == "%":
        return None
    return _head(after[0])


def _words(view: FoldedText, start: int, first: str) -> tuple[NumberMention | None, int]:
    folded = view.folded
    value, end = read_number_words(folded, start, first)
    if value is None:
        return None, start + len(first)
    if first in _ONE_TWO and end == start + len(first):
        after = next_word(folded, end)
        if first in ("واحد", "واحده") and after and after[0] in _PARTITIVE:
            return None, end  # "واحد من": one of, not a count
        unit = UNIT_WORDS.get(_previous_word(folded, start) or "")
        noun = _noun(folded, end) if after and after[0] in _PARTITIVE else _head(_previous_word(folded, start))
        return _mention(view, start, end, value, unit, noun), end
    unit, end = _unit(view, start, end)
    return _mention(view, start, end, value, unit, _noun(folded, end) if unit is None else None), end


def _vague(view: FoldedText, start: int, word: str) -> tuple[NumberMention | None, int]:
    """عشرات، المئات، عدة، عدد من، كمية كبيرة: a quantity without a value (the caller keeps its text)."""
    folded = view.folded
    end = start + len(word)
    after = next_word(folded, end)
    complement = VAGUE_WORDS[word]
    if complement is not None:
        if after is None or after[0] not in (complement, "كبير", "كبيرا"):
            return None, end
        end = after[2]
        if after[0] != "من":
            after = next_word(folded, end)
    elif after and after[0] in ("الالاف", "الاف") and word in ("عشرات", "مئات"):
        end = after[2]  # عشرات الآلاف
        after = next_word(folded, end)
    if after and after[0] == "من":
        after = next_word(folded, after[2])
    return _mention(view, start, end, None, None, _head(after[0]) if after else None), end


def _dual(view: FoldedText, start: int, word: str) -> tuple[NumberMention | None, int]:
    """A dual noun counts two (see the module docstring for which words are read as duals)."""
    bare = word.removeprefix("ال") if len(word) > 5 else word
    if word in NOT_DUAL or bare in NOT_DUAL or bare.endswith(("ستان", "ستين")) or word.endswith("ستان"):
        return None, start + len(word)
    end = start + len(word)
    after = next_word(view.folded, end)
    if after and after[0][-2:] == word[-2:] and after[0] not in DUAL_UNITS and len(after[0]) > 4:
        end = after[2]  # an adjective agreeing with the dual: "عبوتين ناسفتين"
        after = next_word(view.folded, end)
    if after and after[0] in _TWO:
        end = after[2]  # "جنديين اثنين": one mention
    return _mention(view, start, end, 2, DUAL_UNITS.get(bare), bare), end
