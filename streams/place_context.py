"""A place said to lie in another (X بريف Y، X شرق Y، X في Y) is looked for in that place's country.

The article's country context decides most ambiguous names, but a small place whose name the gazetteer
knows only abroad is still taken there: in «بلدة الصور بريف دير الزور» the gazetteer's only الصور is Tyre,
in Lebanon. The text itself says where the place lies; when it does, a candidate outside that country is
no answer, and the place stays unresolved rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from marsad.schemas.records import Place

from .arabic import fold, fold_cached, strip_clitics

__all__ = ["anchors", "place_within"]

# Words that may stand between a place and the place it lies in (up to three of them).
_RELATIONS = frozenset(
    fold(word)
    for word in (
        "في ريف ارياف شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط قرب بالقرب من ضواحي محيط التابعة التابع "
        "محافظة مدينة ولاية قضاء منطقة إقليم"
    ).split()
) | {"ب"}  # بيت جن بريف دمشق: the preposition left when the container's span starts at ريف
_MAX_WORDS = 3
_MAX_CHARS = 40  # three relation words and their spaces, with room for diacritics
_WORD = re.compile(r"\w+")


def anchors(body: str, places: Sequence[Place]) -> dict[int, int]:
    """For each place (by index) followed by the place it is said to lie in, that place's index."""
    out: dict[int, int] = {}
    for i in range(len(places) - 1):
        between = body[places[i].end : places[i + 1].start]
        if len(between) > _MAX_CHARS:  # most places are far apart: skip them before folding
            continue
        words = _WORD.findall(fold_cached(between))
        if 0 < len(words) <= _MAX_WORDS and all(w in _RELATIONS or strip_clitics(w) in _RELATIONS for w in words):
            out[i] = i + 1
    return out


def place_within(place: Place, container: Place, resolve: Callable[[Place, Sequence[str]], Place]) -> Place:
    """``place`` resolved inside ``container``'s country, or unresolved when it has no candidate there.

    Args:
        place: the place as first resolved (with the article's context).
        container: the place it is said to lie in, already resolved (or not: then ``place`` is kept).
        resolve: the place record of a mention resolved with a country context (unresolved: no country).
    """
    country = container.country_code
    if not country or place.country_code == country:
        return place
    found = resolve(place, [country])
    if found.country_code == country:
        return found
    return Place(place.text, place.start, place.end)
