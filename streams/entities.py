"""Merge the NER model's spans with the gazetteer's linked mentions into one list of entities."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from marsad.schemas.records import Entity

from .arabic import fold_cached as fold
from .arabic import listed
from .entity_rules import POLICE_DISTRICTS
from .geocode import FACILITY_WORDS
from .tokenize import Token

__all__ = ["ModelSpan", "merge_entities", "overlaps", "spans_from_labels", "trim_proclitic", "trim_qualifier"]

_PROCLITICS = "وفبلك"
_ENTITY_TYPES = frozenset(("PER", "ORG", "LOC"))
# Words that introduce a place name without being part of it (محافظة ذي قار is the place ذي قار).
_QUALIFIERS = frozenset(
    ["محافظه", "ولايه", "مدينه", "بلده", "قريه", "منطقه", "مدن", "بلدات", "قري", "اقليم", "ارياف", "ناحيه", "قضاء"]
)
_DIRECTION_ADJECTIVES = frozenset(
    f"ال{side}{ending}" for side in ("شرقي", "غربي", "شمالي", "جنوبي", "اوسط", "ادني", "اقصي") for ending in ("", "ه")
)
_LED_BY = re.compile(r"\s+(?:و|ف)?ب(?:قياد|زعام)[ةه](?!\w)")
_TRAILING_WORDS = frozenset(["ان", "في", "من", "علي", "الي", "عن", "مع", "الذي", "التي", "او", "و", "رئيس", "هاتريك"])
# Words a name does not begin with: honorifics (سعادة، معالي) and a match's loanword (هاتريك)
_LEADING_WORDS = frozenset(["هاتريك", "الهاتريك", "سعاده", "معالي", "فخامه", "سمو", "التاجر"])
_TRAILING = " \t\n.,،؛:;!?؟\"'«»“”()[]-–—"


class ModelSpan(NamedTuple):
    """An entity span read off the tagger's BIO labels.

    A named tuple (like :class:`~marsad.streams.tokenize.Token`): articles make hundreds, and it is built
    several times faster than a frozen dataclass.
    """

    text: str
    type: str
    start: int
    end: int


def spans_from_labels(
    body: str, sentences: Sequence[Sequence[Token]], labels: Sequence[Sequence[str]]
) -> list[ModelSpan]:
    """Turn BIO labels into spans; an ``I-`` without a matching ``B-`` opens a span, as conlleval does."""
    spans: list[ModelSpan] = []
    for tokens, tags in zip(sentences, labels, strict=True):
        kind = ""
        start = end = -1
        for token, tag in zip(tokens, tags, strict=True):
            if tag == "O":
                if kind:
                    spans.append(ModelSpan(body[start:end], kind, start, end))
                    kind = ""
                continue
            label = tag[2:]
            if tag[0] == "I" and kind == label:
                end = token.end
                continue
            if kind:
                spans.append(ModelSpan(body[start:end], kind, start, end))
            kind = label if label in _ENTITY_TYPES else ""
            start, end = token.start, token.end
        if kind:
            spans.append(ModelSpan(body[start:end], kind, start, end))
    return spans


def merge_entities(
    body: str,
    model_spans: Sequence[object],
    linked: Sequence[object],
    link: Callable[[str, str | None], object | None],
    known: Callable[[str], object] = lambda _: False,
    places: Sequence[object] = (),
    rules: Sequence[object] = (),
) -> list[Entity]:
    """One entity per stretch of text, sorted by offset.

    Known actors come first, then gazetteer places they do not overlap (``سوريا`` inside ``قوات سوريا
    الديمقراطية`` is not a place). A gazetteer mention wins over a model span it overlaps, unless the model span
    strictly contains it (``وزارة الداخلية العراقية`` over ``وزارة الداخلية``): then the longer span stays and
    is linked as a whole when it can be. Model spans are linked by their surface form.

    Args:
        body: the article text every span indexes.
        model_spans: ``EntitySpan``-like objects (text, type, start, end).
        linked: ``LinkedMention``-like objects (text, start, end, canonical).
        places: spans (text, start, end) of gazetteer place names.
        rules: spans (text, type, start, end) of :mod:`marsad.streams.entity_rules`, placed after places.
        link: ``EntityLinker.link``.
        known: what a folded surface form denotes as a known name (falsy: nothing); used to trim و/ب/ل.
    """
    chosen: list[Entity] = []
    for mention in linked:
        canonical = mention.canonical
        start, end = trim_proclitic(body, mention.start, mention.end, known)
        chosen.append(_entity(body, start, end, canonical.type, canonical, "gazetteer"))
    for place in places:
        if not overlaps(chosen, place.start, place.end):
            start, end = trim_qualifier(body, *trim_proclitic(body, place.start, place.end, known))
            chosen.append(_entity(body, start, end, "LOC", None, "gazetteer"))
    for rule in rules:
        if overlaps(chosen, rule.start, rule.end):
            if not _names_places_within(chosen, rule):
                continue
            chosen = [e for e in chosen if not (e.start < rule.end and rule.start < e.end)]
        chosen.append(_entity(body, rule.start, rule.end, rule.type, link(rule.text, rule.type), "rule"))
    for span in _split_joined_places(body, model_spans, known):
        first = trim_function_words(body, *cut_led_by(body, span.start, span.end))
        start, end = trim_proclitic(body, *first, known)
        if start > first[0] and body[first[0]] in "كف" and not body.startswith(("ال", "ٱل"), start):
            continue  # كنيس -> نيس (Nice), كميناً -> مينا: a word cut behind ك or ف, which news hardly puts before names
        start = skip_leading_words(body, start, end)
        if start >= end:
            continue  # «هاتريك» alone: a loanword of the match, no one's name
        if span.type == "LOC":
            start, end = trim_direction(body, *trim_countryside(body, *trim_qualifier(body, start, end)))
        overlapping = [e for e in chosen if e.start < end and start < e.end]
        if span.type == "PER" and _places_joined(body, start, end, overlapping):
            continue  # غوما وبوكافو، كادقلي والدلنج: two towns the tagger read as one person
        if overlapping:  # kept only when it strictly contains every span it overlaps
            if not all(start <= e.start and e.end <= end and (e.end - e.start) < (end - start) for e in overlapping):
                continue
            if any(_district_town(body, e) for e in overlapping):
                continue  # بدائرة مركز نجع حمادي: the district's town, which «مركز» and what follows do not make an ORG
            chosen = [e for e in chosen if not (e.start < end and start < e.end)]
        canonical = link(body[start:end], span.type)
        chosen.append(_entity(body, start, end, span.type, canonical, "model"))
    return sorted(chosen, key=lambda e: (e.start, e.end))


def _district_town(body: str, entity: Entity) -> bool:
    """Whether a place follows «دائرة مركز» / «دائرة قسم» (Egypt's police districts, as the rules read them)."""
    if entity.type != "LOC":
        return False
    words = fold(body[max(0, entity.start - 16) : entity.start]).split()
    return len(words) >= 2 and words[-1] in POLICE_DISTRICTS and words[-2].endswith("دائره")


def _split_joined_places(body: str, spans: Sequence[Any], known: Callable[[str], object]) -> list[Any]:
    """A place the tagger ran over «و» into a second (تمنراست وإليزي) is two places, where both are known
    and the pair is not (ترينيداد وتوباغو is one country)."""
    out: list[Any] = []
    for span in spans:
        text = body[span.start : span.end]
        head, _, tail = text.partition(" ")
        joined = span.type == "LOC" and tail.startswith("و") and " " not in tail
        if joined and known(fold(head)) and known(fold(tail[1:])) and not known(fold(text)):
            second = span.end - len(tail) + 1
            out.append(ModelSpan(head, "LOC", span.start, span.start + len(head)))
            out.append(ModelSpan(tail[1:], "LOC", second, span.end))
        else:
            out.append(span)
    return out


def _places_joined(body: str, start: int, end: int, inside: Sequence[Entity]) -> bool:
    """Whether a span is places joined by و: a place inside it and a word after the first starting with و."""
    return any(e.type == "LOC" for e in inside) and " و" in body[start:end]


_WATERS = ("بحيرة", "نهر")  # a lake or a river named for a place is a place of its own


def _facility(text: str) -> bool:
    """A facility named for its town is a place of its own (مطار دمشق الدولي، ومستشفى الخليل الحكومي): the
    geocoder places it at the town, approximately."""
    return listed(fold(text.partition(" ")[0]), FACILITY_WORDS)


def _names_places_within(chosen: Sequence[Entity], rule: Any) -> bool:
    """Whether an institution or person found by rule holds every place it overlaps: مجلس محافظة البصرة is
    one ORG, فلاديمير ميدينسكي one person (not Vladimir, the Russian town).

    Linked actors are left alone, so a rule never trades an actor's canonical id for a longer, unlinked span,
    unless the actor is only what the institution is for (القيادة العامة للقوات المسلحة الأردنية: the
    command, not the armed forces).
    """
    inside = [e for e in chosen if e.start < rule.end and rule.start < e.end]
    if rule.text.startswith("مديرية") and any(e.end == rule.end and _one_word_before(rule, e) for e in inside):
        return False  # مديرية القطن is a district of Yemen, not a directorate
    if rule.type == "LOC" and (rule.text.startswith(_WATERS) or _facility(rule.text) or getattr(rule, "placed", False)):
        return all(rule.start <= e.start and e.end <= rule.end and e.type == "LOC" for e in inside)  # بحيرة تشاد
    return rule.type in ("ORG", "PER") and all(
        rule.start <= e.start
        and e.end <= rule.end
        and e.end - e.start < rule.end - rule.start
        and (e.type == "LOC" or (rule.type == "ORG" and e.start > rule.start and e.text.startswith("ل")))
        for e in inside
    )


def trim_direction(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing direction adjective from a place (دير الزور الشرقي is دير الزور, its east)."""
    cut = _without_last_word(body, start, end, _DIRECTION_ADJECTIVES)
    return start, end if cut is None else cut


def _one_word_before(rule: Any, place: Entity) -> bool:
    return " " not in rule.text[: place.start - rule.start].strip()


def cut_led_by(body: str, start: int, end: int) -> tuple[int, int]:
    """End a span before «بقيادة» / «بزعامة» the tagger ran on into: التحالف الدولي | بقيادة الولايات المتحدة."""
    found = _LED_BY.search(body, start, end)
    return (start, found.start()) if found is not None and found.start() > start else (start, end)


def trim_function_words(body: str, start: int, end: int) -> tuple[int, int]:
    """Cut the function words the tagger left at the end of a span (الوكالة الوطنية للإعلام إن)."""
    while (cut := _without_last_word(body, start, end, _TRAILING_WORDS)) is not None:
        end = cut
    return start, end


def skip_leading_words(body: str, start: int, end: int) -> int:
    """Where a span starts past the honorifics and loanwords the tagger took into a name (سعادة سالم المري،
    هاتريك حسام سليم): ``end`` when nothing else is left."""
    while start < end:
        space = body.find(" ", start, end)
        word = fold(body[start:end] if space < 0 else body[start:space])
        if word not in _LEADING_WORDS:
            return start
        start = end if space < 0 else space + 1
    return start


def _without_last_word(body: str, start: int, end: int, words: frozenset[str]) -> int | None:
    """The end of a span without its last word when that word (folded) is one of ``words``, with the
    punctuation before it; None when it is not, or when the span is one word (spans start at a word)."""
    space = body.rfind(" ", start, end)
    if space <= start or fold(body[space + 1 : end]) not in words:
        return None
    while space > start and body[space - 1] in _TRAILING:
        space -= 1
    return space


def overlaps(chosen: Sequence[Any], start: int, end: int) -> bool:
    """Whether any span of ``chosen`` (anything with ``start``/``end``) shares a character with [start, end)."""
    for entity in chosen:  # noqa: SIM110 - a loop: any() over a generator is twice as slow, and this is hot
        if entity.start < end and start < entity.end:
            return True
    return False


def trim_proclitic(body: str, start: int, end: int, known: Callable[[str], object]) -> tuple[int, int]:
    """Move ``start`` past an attached و ف ب ل ك when what follows is ``ال...`` or a known name, unless the
    whole word is a known name of its own (``known`` gives what a name denotes; falsy: nothing).

    ``لل`` (ل + ال) is left whole: no span of the text spells the ``ال`` form, and the matching key
    (:func:`marsad.streams.arabic.strip_clitics`) already restores it.
    """
    while end > start and body[end - 1] in _TRAILING:
        end -= 1
    if end - start < 4 or body[start] not in _PROCLITICS or body.startswith("لل", start):
        return start, end
    rest = body[start + 1 : end]
    if rest.startswith(("ال", "ٱل")):
        return start + 1, end
    denoted = known(fold(rest))
    if denoted:
        whole = known(fold(body[start:end]))  # وبغداد denotes what بغداد does; لبنان is not ل + بنان (a village)
        if not whole or whole == denoted:
            return start + 1, end
    return start, end


def trim_qualifier(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading محافظة / مدينة / بلدة ... from a place span when a name follows it."""
    found = _first_word(body, start, end)
    if found is None:
        return start, end
    first, rest = found
    if first in _QUALIFIERS or (first[:1] in _PROCLITICS and first[1:] in _QUALIFIERS):
        return rest, end
    return start, end


def trim_countryside(body: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading ريف from a span the tagger found (بريف دير الزور is دير الزور, as the gazetteer has it),
    but not from ريف دمشق, a province of that name."""
    found = _first_word(body, start, end)
    if found is None:
        return start, end
    first, rest = found
    if first != "ريف" and not (first[:1] in _PROCLITICS and first[1:] == "ريف"):
        return start, end
    return (start, end) if fold(body[rest:end]).startswith("دمشق") else (rest, end)


def _first_word(body: str, start: int, end: int) -> tuple[str, int] | None:
    """The folded first word of a span of several, and where the rest begins; None for a one-word span."""
    space = body.find(" ", start, end)
    if space < 0:
        return None
    rest = space
    while rest < end and body[rest].isspace():
        rest += 1
    return (fold(body[start:space]), rest) if rest < end else None


def _entity(body: str, start: int, end: int, type_: str, canonical: object | None, source: str) -> Entity:
    return Entity(
        text=body[start:end],
        type=type_,
        start=start,
        end=end,
        canonical_id=getattr(canonical, "id", None),
        canonical_name=getattr(canonical, "name", None),
        wikidata=getattr(canonical, "wikidata", None),
        source=source,
    )
