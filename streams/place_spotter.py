"""Spot place names in text from the gazetteer, where the tagger missed or split them (دير / الزور).

A name is spotted on its own only when it is unlikely to be an ordinary word: a multi-word name, a country,
a first-level division or a city of at least ``_CITY_POPULATION``. Smaller places are spotted only after a
word that announces a place (مدينة، بلدة، قرية، ريف، محافظة ...) or before "countryside of" (X بريف Y), which
is how news introduces them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import compress
from operator import or_
from typing import NamedTuple

from .arabic import listed, qualifies_definite, strip_clitics
from .gazetteer import PhraseMatch, PhraseMatcher
from .geocode import Geocoder, Place
from .ner_features import word_classes, word_zipf
from .tokenize import Token

__all__ = ["PlaceSpotter", "SpottedPlace", "adjective_not_place"]

_CITY_POPULATION = 100_000
_REGIONAL_TOWN = 10_000  # a town of the region spotted alone when its name is rare as a word
_RARE_ZIPF = 2.5
_GIVEN_NAMES = frozenset(["fn1", "fn2"])  # word classes of the 5,000 commonest given names in Arab countries
_CUES = frozenset(
    "مدينه بلده قريه ريف محافظه منطقه ناحيه قضاء مخيم حي ولايه اقليم مديريه مركز جزيره عاصمه معتمديه مقاطعه "
    "بلديه".split()
)
# After a small place's name: X بريف Y / X ريف Y (the countryside of the town or province Y).
_CUES_AFTER = frozenset({"ريف"})
_REGION = frozenset("SY IQ LB JO PS IL EG LY TN DZ MA SD YE SA OM AE QA BH KW SO MR".split())
# Names of places that are far more often ordinary words in news text.
_COMMON_WORDS = frozenset(
    "صور الامل النصر السلام الحريه الوحده الثوره الجزيره الخليج العين البيت الشرق الغرب الشمال الجنوب "
    "المركز الحي الساحل الجبل السد الميناء المطار القصر الرئاسه الدوله اليوم امس الاحد الاثنين الثلاثاء "
    "الاربعاء الخميس الجمعه السبت تحرير معسكر الجديد الجديده سيول السيول حصار سكني عين دشت داخله سلطات "
    "السلطات العاليه "
    # words and given names that are big cities far away (ميدان: Medan; انتبه: Entebbe; سالم: Salem)
    "ميدان بسيط البسيط قصور لاول تاني سالم دوله الام طراز بندر ساره ماري عشاق انتبه اليزابيث جاكسون "
    # ترمز إلى (Termez: "symbolises"), يفتح الباب أمام (Al-Bab, named as «مدينة الباب» when it is the town)
    "ترمز الباب".split()
)

# First words of compound place names (عين الحلوة، تل أبيض، حوش السيد علي): alone before another word they are
# not the place the gazetteer holds under that word.
_COMPOUND_FIRST = frozenset("عين تل دير بيت كفر راس حوش بئر بير خربه ام ابو دار".split())
# Words no place is read behind the و of, though the rest is commoner: وادي (a valley) and وأدى ("and it led")
# both fold to وادي, and neither is و + the village ادي.
_NO_CLITIC_WORDS = frozenset(["وادي", "بحجه"])  # بحجة وجودهم: "on the pretext of", not "in Hajjah"
# A word this frequent (wordfreq Zipf) is read as itself, not as clitic + place; and a name announced once
# is taken alone elsewhere only when rarer than this as a word.
_COMMON_ZIPF = 4
# Country names that are also adjectives (مالي "financial"): a place only where no noun stands before them.
_ADJECTIVE_NAMES = frozenset(["مالي", "عاليه"])  # مبلغ مالي "financial"، دقة عالية "high"
# Words before a place name that are no noun it could describe (في مالي، دولة مالي، شمال مالي).
_BEFORE_PLACES = _CUES | frozenset(
    "في الي من عن مع علي بين داخل خارج حدود دوله جمهوريه حكومه شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي "
    "و او ثم زار يزور وصل غادر".split()
)
# Particles and pronouns that, behind a proclitic, spell a town's name (بأنه: Baneh, وأن: Van).
_PARTICLES = frozenset("ان انه انها انهم انهما انا انت انتم نحن هو هي هم ما من لا لم لن اذا اذ".split())


class SpottedPlace(NamedTuple):
    """A stretch of text naming a gazetteer place (resolution happens later, with the article's context).

    A named tuple (like :class:`~marsad.streams.tokenize.Token`): articles make hundreds, and it is built
    several times faster than a frozen dataclass.
    """

    text: str
    start: int
    end: int


class PlaceSpotter:
    """Longest-match scan of the gazetteer's safe names over an article's tokens."""

    def __init__(self, geocoder: Geocoder) -> None:
        safe: dict[str, bool] = {}
        cued: dict[str, bool] = {}
        for key, places in geocoder.entries():
            if _safe_alone(key, places):
                safe[key] = True
            elif " " not in key or len(key) > 3:
                cued[key] = True
        self._safe = PhraseMatcher(safe)
        self._cued = PhraseMatcher(cued)

    @classmethod
    def load(cls) -> PlaceSpotter:
        return _load_default()

    def find(self, body: str, tokens: Sequence[Token]) -> list[SpottedPlace]:
        """Every spotted place, left to right, without overlaps."""
        norms = [token.norm for token in tokens]
        safe = self._safe.start_flags(norms)
        cued = self._cued.start_flags(norms)
        found: list[SpottedPlace] = []
        unannounced: list[tuple[PhraseMatch[bool], str]] = []  # a usable hit no place word announced, its token
        announced: set[str] = set()
        covered = 0
        for i in compress(range(len(norms)), map(or_, safe, cued)):
            if i < covered:
                continue
            hit = self._safe.match_at(tokens, i) if safe[i] else None
            if hit is None and cued[i]:
                hit = self._cued.match_at(tokens, i)
                if hit is not None and not _announced(norms, i, i + hit[1]):
                    if self._usable(tokens, norms, i, hit):
                        unannounced.append((hit[0], norms[i]))
                    hit = None
                elif hit is not None:
                    announced.add(hit[0].key)
            if hit is not None and not self._usable(tokens, norms, i, hit):
                hit = None
            if hit is not None:
                match, n = hit
                found.append(_spotted(body, match))
                covered = i + n
        # A small place the article once announced (مدينة كادقلي) is that place wherever else it is named.
        again = [match for match, norm in unannounced if match.key in announced and _rare_name(match.key, norm)]
        if not again:
            return found
        taken = [(place.start, place.end) for place in found]
        for match in again:
            if not any(start < match.end and match.start < end for start, end in taken):
                found.append(_spotted(body, match))
                taken.append((match.start, match.end))
        return sorted(found, key=lambda place: place.start)

    @staticmethod
    def _usable(tokens: Sequence[Token], norms: Sequence[str], i: int, hit: tuple[PhraseMatch[bool], int]) -> bool:
        """Whether a gazetteer hit at token ``i`` survives the tests of a word that only looks like a place."""
        if _behind_rare_clitic(tokens[i], hit[0].start):
            return False
        if hit[0].start > tokens[i].start and len(hit[0].key) < 3:
            return False  # بحر الرمال: ب + حر (a town in Iran) is the sea, not a place behind a clitic
        if hit[0].start > tokens[i].start and (_word_whole(norms[i]) or norms[i] in _NO_CLITIC_WORDS):
            return False  # ورقة تفاوض: the whole word is more common than the place behind its و
        if hit[1] == 1 and hit[0].key in _COMPOUND_FIRST and i + 1 < len(tokens) and norms[i + 1].isalpha():
            return False  # مخيم عين الحلوة، بلدة حوش السيد علي: the first word of a name no list holds
        if hit[1] == 1 and i > 0 and qualifies_definite(norms[i], norms[i - 1]):
            return False  # القوات الهندية: India's forces, not الهندية in Iraq
        return not adjective_not_place(tokens, i)  # مبلغ مالي، دعم مالي: "financial", after its noun


def _rare_name(key: str, norm: str) -> bool:
    """Whether a name, and the token it is read in, are rare as words (كادقلي, not القصر or وادي)."""
    return len(key) > 3 and word_zipf(key) < _COMMON_ZIPF and word_zipf(norm) < _COMMON_ZIPF


def adjective_not_place(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a country name used as the adjective it also is (مبلغ مالي: "financial")."""
    return tokens[i].norm in _ADJECTIVE_NAMES and i > 0 and _describable(tokens[i - 1].norm)


def _word_whole(norm: str) -> bool:
    """Whether a token that a place was read behind a proclitic in is a common word as it stands (ورقة).

    Zipf classes from the NER word table: the whole word at Zipf 4 or more, and more frequent than the
    place's spelling without the letter (وبغداد is rarer than بغداد, ورقة far commoner than رقة)."""
    whole, bare = word_zipf(norm), word_zipf(strip_clitics(norm))
    return whole >= _COMMON_ZIPF and whole > bare


def _describable(norm: str) -> bool:
    """An indefinite word that an adjective may follow: not a particle, not a place word, not definite."""
    return norm.isalpha() and not norm.startswith("ال") and norm not in _PARTICLES and not listed(norm, _BEFORE_PLACES)


def _behind_rare_clitic(token: Token, start: int) -> bool:
    """A place read behind ك or ف is almost always a common word cut (كميناً -> مينا، فعالية -> عالية):
    news puts و، ب، ل before place names, ك and ف hardly ever."""
    return start > token.start and token.norm[:1] in ("ك", "ف")


def _announced(norms: Sequence[str], first: int, end: int) -> bool:
    """A place word before the name (بلدة X، وبلدة X), or "countryside of" after it (X بريف دير الزور).

    The word as written is tried before its clitic-stripped form: بلدة itself starts with ب.
    """
    before = first > 0 and listed(norms[first - 1], _CUES)
    return before or (end < len(norms) and listed(norms[end], _CUES_AFTER))


def _safe_alone(key: str, places: Sequence[Place]) -> bool:
    """Whether ``key`` can be taken for a place wherever it stands (see the module docstring)."""
    if key in _COMMON_WORDS or len(key) < 3 or strip_clitics(key) in _PARTICLES:
        return False  # بأنه is «that it», not Baneh
    if " " in key:
        return True
    if any(p.feature_code in ("PCLI", "ADM1") or p.feature_class == "T" for p in places):
        return True
    big = [p for p in places if (p.population or 0) >= _CITY_POPULATION]
    if not big and word_zipf(key) < _RARE_ZIPF and _GIVEN_NAMES.isdisjoint(word_classes().get(key, ())):
        # a town of the region whose name is no word (تمنراست، القصرين، طمون) nor a common given name (خدر،
        # سوران): news names it bare
        big = [p for p in places if p.country_code in _REGION and (p.population or 0) >= _REGIONAL_TOWN]
    # Short words collide with function words and clitic+word forms (وان is Van, ليل is Lille): only big
    # cities of the region Arabic news covers most may be that short.
    if len(key) == 3:
        return any(p.country_code in _REGION for p in big)
    return bool(big)


def _spotted(body: str, match: PhraseMatch[bool]) -> SpottedPlace:
    return SpottedPlace(body[match.start : match.end], match.start, match.end)


@cache
def _load_default() -> PlaceSpotter:
    return PlaceSpotter(Geocoder.load())
