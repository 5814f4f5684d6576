"""Entity linking: canonical actors (armed groups, forces, institutions, media, leaders) and their aliases.

``data/actors.json`` is hand-curated. Aliases safe to spot in running text feed a longest-match scanner;
aliases that are also ordinary words (القاعدة "the base", الجزيرة "the island") link only a span that a
tagger has already called an entity. Blocked phrases (مجلس الأمن القومي) stop a shorter alias matching inside.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from .gazetteer import PhraseMatcher, phrase_key
from .tokenize import Token, tokenize

__all__ = ["Canonical", "EntityLinker", "LinkedMention"]

# A span may run past its alias by adjectives that name nothing (تنظيم داعش الإرهابي): at most this many.
_MAX_TRAILING_ADJECTIVES = 2
_MAX_LINKS = 100_000


@dataclass(frozen=True, slots=True)
class Canonical:
    """A canonical entity: a stable Marsad id, a Wikidata QID only when certain, names, type and kind."""

    id: str
    wikidata: str | None
    name: str
    name_en: str
    type: str
    kind: str | None
    country: str | None


class LinkedMention(NamedTuple):
    """An alias found in text (``text == body[start:end]``, proclitic excluded) and what it denotes.

    A named tuple (like :class:`~marsad.streams.tokenize.Token`): articles make hundreds, and it is built
    several times faster than a frozen dataclass.
    """

    text: str
    start: int
    end: int
    canonical: Canonical


class EntityLinker:
    """Alias lookup and text scan over the canonical actors; load once with ``EntityLinker.load()``."""

    def __init__(
        self,
        aliases: Mapping[str, Canonical],
        link_aliases: Mapping[str, Canonical] | None = None,
        blocked: tuple[str, ...] = (),
    ) -> None:
        self._scan: PhraseMatcher[Canonical | None] = PhraseMatcher({**dict(aliases), **dict.fromkeys(blocked, None)})
        self._all: PhraseMatcher[Canonical | None] = PhraseMatcher(
            {**dict(aliases), **dict(link_aliases or {}), **dict.fromkeys(blocked, None)}
        )
        self._entities = {c.id: c for c in (*aliases.values(), *(link_aliases or {}).values())}
        self._links: dict[tuple[str, str | None], Canonical | None] = {}

    @classmethod
    def load(cls) -> EntityLinker:
        return _load_default()

    @classmethod
    def from_json(cls, data: Mapping) -> EntityLinker:
        aliases: dict[str, Canonical] = {}
        link_aliases: dict[str, Canonical] = {}
        for entry in data["actors"]:
            canonical = Canonical(
                id=entry["id"],
                wikidata=entry.get("wikidata"),
                name=entry["name"],
                name_en=entry["name_en"],
                type=entry["type"],
                kind=entry.get("kind"),
                country=entry.get("country"),
            )
            for alias in (entry["name"], *entry["aliases"]):
                aliases.setdefault(phrase_key(alias), canonical)
            for alias in entry.get("link_aliases", ()):
                link_aliases.setdefault(phrase_key(alias), canonical)
        for key in aliases:
            link_aliases.pop(key, None)
        return cls(aliases, link_aliases, tuple(phrase_key(b) for b in data.get("blocked", ())))

    def __len__(self) -> int:
        return len(self._entities)

    def get(self, entity_id: str) -> Canonical | None:
        return self._entities.get(entity_id)

    def link(self, surface: str, type_hint: str | None = None) -> Canonical | None:
        """Link one entity span (clitics, a missing or extra ال, trailing adjectives allowed).

        Args:
            surface: the span as written.
            type_hint: "PER", "ORG" or "LOC" from the tagger; an entity of another type is not returned.
        """
        key = (surface, type_hint)  # names recur within and across articles: remembered
        try:
            return self._links[key]
        except KeyError:
            if len(self._links) > _MAX_LINKS:
                self._links.clear()
            found = self._links[key] = self._link(surface, type_hint)
            return found

    def _link(self, surface: str, type_hint: str | None) -> Canonical | None:
        tokens = [t for t in tokenize(surface) if t.norm.strip()]
        if not tokens:
            return None
        for variant in _article_variants(tokens):
            found = self._all.match_at(variant, 0)
            if found is None:
                continue
            match, n = found
            if match.value is None or not _only_adjectives(variant[n:]):
                return None
            if type_hint and match.value.type != type_hint:
                return None
            return match.value
        return None

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[LinkedMention]:
        """Every safe alias in ``text``, longest match first, with offsets into ``text``.

        Pass the text's ``tokens`` when they are at hand (the extract stage has them) to skip tokenising.
        """
        matches = self._scan.match_tokens(tokens if tokens is not None else tokenize(text))
        return [LinkedMention(text[m.start : m.end], m.start, m.end, m.value) for m in matches if m.value is not None]


def _article_variants(tokens: list[Token]) -> list[list[Token]]:
    """The span as written, then with ال added to or removed from its first word (حوثيين -> الحوثيين)."""
    first = tokens[0]
    norm = first.norm
    other = norm[2:] if norm.startswith("ال") and len(norm) > 4 else "ال" + norm
    return [tokens, [Token(first.text, first.start, first.end, other), *tokens[1:]]]


def _only_adjectives(rest: list[Token]) -> bool:
    return len(rest) <= _MAX_TRAILING_ADJECTIVES and all(t.norm.startswith("ال") for t in rest)


@cache
def _load_default() -> EntityLinker:
    text = resources.files("marsad.streams").joinpath("data/actors.json").read_text(encoding="utf-8")
    return EntityLinker.from_json(json.loads(text))
