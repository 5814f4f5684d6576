"""Geocoding of place names: an offline Arabic gazetteer (GeoNames + Marsad's additions) and disambiguation.

The table ``data/places.tsv`` is built by ``scripts/build_places.py``; nothing is downloaded or derived at
run time. A name that cannot be placed with confidence stays unresolved: a wrong point on a map is worse
than none.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .gazetteer import first_word_variants, phrase_key

__all__ = ["FACILITY_ADJECTIVES", "FACILITY_WORDS", "GeoMatch", "Geocoder", "Place"]

# Words that qualify a place without being part of its name: "محافظة ديالى", "ريف دير الزور".
# Administrative qualifiers ask for the region rather than a town of the same name.
_ADMIN_QUALIFIERS = frozenset(phrase_key(w) for w in ("محافظة", "ولاية", "ريف", "إقليم", "قضاء", "ناحية"))
_PLACE_QUALIFIERS = frozenset(
    phrase_key(w)
    for w in (
        "مدينة", "بلدة", "قرية", "منطقة", "مخيم", "حي", "ضواحي", "أطراف", "محيط", "شمال", "جنوب", "شرق",
        "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "جنوب شرق", "جنوب غرب", "شمال شرق", "شمال غرب",
        "جنوب شرقي", "جنوب غربي", "شمال شرقي", "شمال غربي", "بادية", "مركز",
    )
)  # fmt: skip
_TRAILING_ADJECTIVES = frozenset(
    phrase_key(w) for w in ("الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الغربية", "الشمالية", "الجنوبية")
)
# Facilities (folded) and the adjectives their names may end in (مستشفى الثورة العام، مطار معيتيقة الدولي):
# one list for the entity layer, which completes their names, and for the geocoder, which places a facility
# named after its town (مطار دمشق الدولي، ميناء الحديدة) at the town, approximately. Only a town of some size
# is taken, so that «مستشفى الأمل» finds no village named الأمل.
FACILITY_WORDS = frozenset(["مستشفي", "مطار", "ميناء", "ملعب", "ستاد", "مصفاه", "محطه", "مرفا", "مجمع"])
FACILITY_ADJECTIVES = frozenset(
    ["الدولي", "الدوليه", "العام", "العامه", "التعليمي", "الحكومي", "المركزي", "الجامعي", "التخصصي", "الميداني",
     "الاولمبي", "البلدي", "القروي", "الوطني", "العسكري", "الاسلامي", "الطبي", "الغازيه", "النفطيه", "الحراريه",
     "الجديد"]
)  # fmt: skip
_FACILITY_TOWN = 10_000
_PUNCT_RE = re.compile(r"[\"'()\[\]«»<>.,:;!?]")
# A candidate must outweigh the next one this many times to be chosen without any context.
_DOMINANCE = 10
_BIG_CITY = 100_000
_SAME_PLACE_KM = 50.0
_MISSING = object()
_MAX_MEMO = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: GeoNames id (None for Marsad's own additions), names, admin codes and a point."""

    geonames_id: int | None
    name: str
    name_ar: str | None
    country_code: str | None
    admin1: str | None
    feature_class: str | None
    feature_code: str | None
    lat: float | None
    lon: float | None
    population: int | None


@dataclass(frozen=True, slots=True)
class GeoMatch:
    """A resolved name: ``approximate`` when only its head name matched (ريف X, شمال X, محافظة X)."""

    place: Place
    key: str
    approximate: bool


class Geocoder:
    """Arabic place-name lookup with country-context disambiguation; load once with ``Geocoder.load()``."""

    def __init__(self, places: Sequence[Place], keys: dict[str, tuple[Place, ...]]) -> None:
        self._places = tuple(places)
        self._by_key = keys
        self._memo: dict[str, tuple[tuple[Place, ...], str, bool, bool] | None] = {}
        self._matches: dict[tuple[str, tuple[str, ...]], GeoMatch | None] = {}
        self._evidence: dict[str, tuple[str, int] | None] = {}

    @classmethod
    def load(cls) -> Geocoder:
        return _load_default()

    @classmethod
    def from_tsv(cls, text: str) -> Geocoder:
        places: list[Place] = []
        keys: dict[str, list[Place]] = {}
        lines = text.splitlines()
        for line in lines[1:]:
            if not line:
                continue
            place, names = _parse_row(line.split("\t"))
            places.append(place)
            for name in names:
                keys.setdefault(name, []).append(place)
        return cls(places, {k: tuple(v) for k, v in keys.items()})

    def __len__(self) -> int:
        return len(self._places)

    def keys(self) -> Iterable[str]:
        """Every matching key of the gazetteer (for lexicon features and scanners)."""
        return self._by_key.keys()

    def entries(self) -> Iterable[tuple[str, tuple[Place, ...]]]:
        """Every matching key with the places it names, as stored (no clitic or qualifier handling)."""
        return self._by_key.items()

    def candidates(self, name: str) -> list[Place]:
        """All places ``name`` may denote, as written in text (clitics and qualifiers handled)."""
        found = self._lookup(name)
        return list(found[0]) if found else []

    def resolve(self, name: str, country_context: Sequence[str] = ()) -> Place | None:
        match = self.match(name, country_context)
        return match.place if match else None

    def match(self, name: str, country_context: Sequence[str] = ()) -> GeoMatch | None:
        """Resolve ``name`` and say how: the key that matched and whether only a head name did."""
        key = (name, tuple(country_context))  # an article names the same places again and again
        try:
            return self._matches[key]
        except KeyError:
            if len(self._matches) > _MAX_MEMO:
                self._matches.clear()
            match = self._matches[key] = self._match(name, key[1])
            return match

    def _match(self, name: str, country_context: Sequence[str]) -> GeoMatch | None:
        found = self._lookup(name)
        if not found:
            return None
        places, key, approximate, admin = found
        place = _choose(places, country_context, prefer_admin=admin)
        return GeoMatch(place, key, approximate) if place else None

    def country_context(self, names: Iterable[str]) -> list[str]:
        """Country codes of an article, most evidenced first: named countries weigh double, places once.

        A place counts only when all its candidates lie in one country; ties keep first-mention order.
        """
        score: Counter[str] = Counter()
        first: dict[str, int] = {}
        for i, name in enumerate(names):
            evidence = self._evidence.get(name, _MISSING)
            if evidence is _MISSING:
                evidence = self._country_evidence(name)
            if evidence is None:
                continue
            code, weight = evidence
            score[code] += weight
            first.setdefault(code, i)
        return sorted(score, key=lambda c: (-score[c], first[c]))

    def _country_evidence(self, name: str) -> tuple[str, int] | None:
        """The country a name points to and its weight (2 for a country), remembered: names recur."""
        found = self._lookup(name)
        evidence = None
        if found:
            places = found[0]
            countries = {p.country_code for p in places if p.country_code}
            if len(countries) == 1:
                evidence = (countries.pop(), 2 if any(p.feature_code == "PCLI" for p in places) else 1)
        if len(self._evidence) > _MAX_MEMO:
            self._evidence.clear()
        self._evidence[name] = evidence
        return evidence

    def _lookup(self, name: str) -> tuple[tuple[Place, ...], str, bool, bool] | None:
        """:meth:`_find` with a memory: an article names the same places again and again."""
        try:
            return self._memo[name]
        except KeyError:
            if len(self._memo) > _MAX_MEMO:
                self._memo.clear()
            found = self._memo[name] = self._find(name)
            return found

    def _find(self, name: str) -> tuple[tuple[Place, ...], str, bool, bool] | None:
        """Try the name, then without a proclitic, then without qualifiers; stop at the first hit."""
        words = phrase_key(_PUNCT_RE.sub(" ", name)).split()
        if not words:
            return None
        for first in first_word_variants(words[0]):
            variant = [first, *words[1:]]
            key = " ".join(variant)
            if key in self._by_key:
                return self._by_key[key], key, False, False
            town = _facility_town(variant)
            if town is not None and (places := self._by_key.get(town)) and _a_town(places):
                return places, town, True, False
            head = _strip_qualifiers(variant)
            if head is not None:
                head_words, admin = head
                head_key = " ".join(head_words)
                if head_key in self._by_key:
                    return self._by_key[head_key], head_key, True, admin
        return None


def _facility_town(words: list[str]) -> str | None:
    """The town a facility is named after: مطار دمشق الدولي -> دمشق (None when no facility word opens it)."""
    if len(words) < 2 or words[0] not in FACILITY_WORDS:
        return None
    rest = words[1:]
    while len(rest) > 1 and rest[-1] in FACILITY_ADJECTIVES:
        rest = rest[:-1]
    return " ".join(rest)


def _a_town(places: Sequence[Place]) -> bool:
    return any(p.feature_code in ("ADM1", "PCLI") or (p.population or 0) >= _FACILITY_TOWN for p in places)


def _strip_qualifiers(words: list[str]) -> tuple[list[str], bool] | None:
    """Drop leading qualifiers (up to two words) and a trailing direction adjective, if any."""
    admin = False
    rest = list(words)
    changed = False
    if len(rest) > 1 and rest[-1] in _TRAILING_ADJECTIVES:
        rest.pop()
        changed = True
    for _ in range(2):
        two = " ".join(rest[:2])
        if len(rest) > 2 and two in _PLACE_QUALIFIERS:
            rest = rest[2:]
        elif len(rest) > 1 and rest[0] in _ADMIN_QUALIFIERS:
            rest, admin = rest[1:], True
        elif len(rest) > 1 and rest[0] in _PLACE_QUALIFIERS:
            rest = rest[1:]
        else:
            break
        changed = True
    return (rest, admin) if changed else None


def _weight(place: Place) -> int:
    return place.population or 0


def _choose(places: Sequence[Place], context: Sequence[str], prefer_admin: bool) -> Place | None:
    if prefer_admin:
        regions = [p for p in places if p.feature_code in ("ADM1", "PCLI")]
        places = regions or places
    by_country: dict[str | None, list[Place]] = {}
    for place in places:
        by_country.setdefault(place.country_code, []).append(place)
    for code in context:
        if code in by_country:
            return _best_in_country(by_country[code])
    nations = [p for p in places if p.feature_code == "PCLI"]
    if len(nations) == 1 and all(_weight(nations[0]) >= _DOMINANCE * _weight(p) for p in places if p is not nations[0]):
        return nations[0]  # كولومبيا is the country, not a US town named after it; عمان stays Oman or Amman
    bests = [b for b in (_best_in_country(group) for group in by_country.values()) if b is not None]
    if len(by_country) == 1:
        return bests[0] if bests else None
    if len(bests) != len(by_country):
        return None
    bests.sort(key=_weight, reverse=True)
    top, second = bests[0], bests[1]
    return top if _weight(top) > 0 and _weight(top) >= _DOMINANCE * _weight(second) else None


def _best_in_country(places: list[Place]) -> Place | None:
    """The country itself, else a seat or big city over its namesake region, else a dominant place."""
    for place in places:
        if place.feature_code == "PCLI":
            return place
    ranked = sorted(places, key=lambda p: (_weight(p), p.feature_class == "P"), reverse=True)
    regions = [p for p in places if p.feature_code == "ADM1"]
    towns = [p for p in ranked if p.feature_class == "P"]
    if regions:
        region = regions[0]
        seat = next((t for t in towns if t.admin1 == region.admin1), None)
        if seat is not None:
            return seat
        return towns[0] if towns and _weight(towns[0]) >= _BIG_CITY else region
    top = ranked[0]
    for other in ranked[1:]:
        if _weight(top) < _DOMINANCE * _weight(other) and _distance_km(top, other) > _SAME_PLACE_KM:
            return None
    return top


def _distance_km(a: Place, b: Place) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _parse_row(cells: list[str]) -> tuple[Place, list[str]]:
    gid, name, name_ar, cc, admin1, fclass, fcode, lat, lon, pop, keys = cells
    place = Place(
        geonames_id=int(gid) if gid else None,
        name=name,
        name_ar=name_ar or None,
        country_code=cc or None,
        admin1=admin1 or None,
        feature_class=fclass or None,
        feature_code=fcode or None,
        lat=float(lat) if lat else None,
        lon=float(lon) if lon else None,
        population=int(pop) if pop else None,
    )
    return place, keys.split("|") if keys else []


@cache
def _load_default() -> Geocoder:
    text = resources.files("marsad.streams").joinpath("data/places.tsv").read_text(encoding="utf-8")
    return Geocoder.from_tsv(text)
