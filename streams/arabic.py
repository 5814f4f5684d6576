"""Arabic orthographic normalisation: small str-to-str functions and the one place that orders them.

The product never rewrites what the user sent: these functions build *matching keys* (for gazetteers,
the NER model and de-duplication), while every span Marsad emits points into the original body.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_unicode as _camel_normalize_unicode

__all__ = [
    "ascii_digits",
    "definite_nisba",
    "fold",
    "fold_cached",
    "fold_with_offsets",
    "listed",
    "normalize_unicode",
    "remove_diacritics",
    "remove_tatweel",
    "strip_bidi_controls",
    "strip_clitics",
    "unify_alef",
    "unify_alef_maksura",
    "unify_punctuation",
    "unify_teh_marbuta",
]

_TATWEEL = "\u0640"
# Bidi and zero-width controls (Unicode TR9 explicit formatting characters, ZWJ/ZWNJ, BOM):
# invisible in a reader, but they split words for a machine.
_BIDI_CONTROLS_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ALEF_RE = re.compile("[\u0622\u0623\u0625\u0671\u0672\u0673]")  # آ أ إ ٱ ٲ ٳ -> ا
_DIGITS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"  # Arabic-Indic
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",  # Extended (Persian/Urdu)
    "01234567890123456789",
)
_PUNCTUATION = str.maketrans(
    {
        "\u060c": ",",  # ، Arabic comma
        "\u061b": ";",  # ؛ Arabic semicolon
        "\u061f": "?",  # ؟ Arabic question mark
        "\u066a": "%",  # ٪
        "\u066b": ".",  # ٫ decimal separator
        "\u066c": ",",  # ٬ thousands separator
        "\u06d4": ".",  # ۔ full stop
        "\u00ab": '"',
        "\u00bb": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2013": "-",
        "\u2014": "-",
    }
)
# Proclitics that attach to nouns in news text: conjunctions و ف, prepositions ب ل ك.
_CLITIC_PREFIXES = ("وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "و", "ف", "ب", "ل", "ك")


def normalize_unicode(text: str) -> str:
    """Compatibility-decompose presentation forms (ﻻ, ﷲ) so that every later step sees plain letters."""
    return _camel_normalize_unicode(text)


def strip_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS_RE.sub("", text)


def remove_diacritics(text: str) -> str:
    return dediac_ar(text)


def remove_tatweel(text: str) -> str:
    return text.replace(_TATWEEL, "")


def unify_alef(text: str) -> str:
    return _ALEF_RE.sub("\u0627", text)


def unify_alef_maksura(text: str) -> str:
    return text.replace("\u0649", "\u064a")


def unify_teh_marbuta(text: str) -> str:
    return text.replace("\u0629", "\u0647")


def ascii_digits(text: str) -> str:
    return text.translate(_DIGITS)


def unify_punctuation(text: str) -> str:
    return text.translate(_PUNCTUATION)


def fold(text: str) -> str:
    """Return the matching key of ``text``: the order matters (decompose first, then drop marks, then unify)."""
    text = normalize_unicode(text)
    text = strip_bidi_controls(text)
    text = remove_diacritics(text)
    text = remove_tatweel(text)
    text = unify_alef(text)
    text = unify_alef_maksura(text)
    text = unify_teh_marbuta(text)
    text = ascii_digits(text)
    return unify_punctuation(text)


@lru_cache(maxsize=200_000)
def strip_clitics(word: str, min_stem: int = 2) -> str:
    """Remove one attached proclitic (و ف ب ل ك, ``لل`` -> ``ال``) from a folded word.

    A stem shorter than ``min_stem`` letters is left alone, so that short words (بل، لم) survive.
    Callers that match names should try the word itself before the stripped form (بغداد starts with ب).
    """
    for prefix in _CLITIC_PREFIXES:
        if word.startswith(prefix):
            if prefix.endswith("لل"):
                stem = "ال" + word[len(prefix) :]
            elif prefix.endswith("ال"):
                stem = word[len(prefix) - 2 :]
            else:
                stem = word[len(prefix) :]
            if len(stem) >= min_stem + (2 if stem.startswith("ال") else 0):
                return stem
            return word
    return word


def listed(word: str, words: Collection[str]) -> bool:
    """Whether a folded word is one of ``words`` as written or without its proclitic (قال، وقال).

    As written first: a listed word may itself begin with a clitic letter (بلدة، بنادق، بحسب).
    """
    return word in words or strip_clitics(word) in words


def definite_nisba(word: str) -> bool:
    """Whether a folded word looks like a definite relative adjective (الإسرائيلية، المركزي، الحكومية)."""
    return word.startswith("ال") and len(word) >= 5 and word.endswith(("ي", "يه"))


def qualifies_definite(norm: str, before: str) -> bool:
    """Whether a folded word is a relative adjective (الهندية، البورمية) qualifying the definite noun before
    it (القوات الهندية، الحكومة البورمية): the country's adjective, not a place spelt like it (الهندية, a
    town in Iraq). Place names of that shape (اللاذقية، السليمانية) follow an indefinite place word or a
    preposition; names of two words (الضفة الغربية) are matched whole before this applies."""
    return (
        definite_nisba(norm)
        and len(norm) >= 6
        and before.startswith(("ال", "وال"))
        and before.isalpha()
        and strip_clitics(before) not in _DEFINITE_PARTICLES
    )


# Words that begin with the article's letters and are no nouns (إلى، التي): a place may follow them.
_DEFINITE_PARTICLES = frozenset("الي الذي التي الذين اللذين اللتين اللذان اللتان اللاتي اللواتي الا الان".split())


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and return, for every character of the result, the index of its source character.

    Lets pattern matchers (times, numbers, quotes) run on the folded text and still report spans of the
    original: a match ``[a, b)`` of the folded text covers ``[index[a], index[b - 1] + 1)`` of ``text``.
    """
    from .folding import fold_view  # folding builds on fold(): imported here, not at module load

    view = fold_view(text)
    return view.folded, [view.original(i) for i in range(len(view.folded))]


# Words and short names recur across articles: their folded keys are worth remembering.
fold_cached = lru_cache(maxsize=200_000)(fold)
