"""Scoring of extracted entities and events against hand-made gold (the ``../shared/dev`` JSONL format).

Matching, precisely (also documented in docs/quality.md):

* entities: per article, the set of (key, type) of predictions against the set of gold (key, type), where
  key is the folded text (:func:`marsad.streams.arabic.fold`); a prediction whose folded text is not in
  gold is tried again with one proclitic removed from its first word (وبغداد -> بغداد, للإدارة -> الإدارة).
  Micro-averaged over articles.
* event types: per article, the multiset of predicted types against the multiset of gold types
  (correct = sum over types of min(predicted, gold)); micro-averaged.
* location accuracy: predicted and gold events of the same type are paired greedily, best pairs first
  (location agreement counts 2, actor agreement 1); over pairs whose gold location is not null, the share
  whose predicted location agrees: folded texts equal, or one contains the other.
* counts: over every non-null gold ``killed`` / ``injured`` / ``arrested``, the share reproduced exactly by
  the paired prediction (an unpaired gold event counts as missed).
* arguments (``actor``, ``target``, ``when``, ``count_text``): over paired events, the share whose predicted
  argument agrees with gold: both null, or texts that agree as locations do. A stricter view than the
  above: a null predicted where gold names someone is wrong, and so is a guess where gold has null.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from marsad.schemas.records import RawArticle

from .arabic import fold, strip_clitics
from .event_scores import ArticleMisses, EventReport, Ratio, Score

__all__ = [
    "ArticleMisses",
    "EventReport",
    "Ratio",
    "Score",
    "entity_key",
    "evaluate",
    "load_gold",
    "location_agrees",
    "match_events",
    "raw_article",
    "score_article",
]

COUNT_FIELDS = ("killed", "injured", "arrested")
ARGUMENT_FIELDS = ("actor", "target", "when", "count_text")


def load_gold(path: Path | str) -> list[dict[str, Any]]:
    """Read a gold JSONL file (one article with its ``gold`` a line; blank lines skipped)."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def raw_article(line: dict[str, Any]) -> RawArticle:
    """The raw article a gold line stands for (``text`` -> body, ``published`` -> published_at)."""
    return RawArticle(
        id=str(line["id"]),
        body=line.get("text") or line.get("body") or "",
        url=line.get("url"),
        source=line.get("source"),
        published_at=line.get("published") or line.get("published_at"),
    )


def evaluate(lines: Iterable[dict[str, Any]], process: Callable[[RawArticle], Any]) -> EventReport:
    """Run ``process`` on every gold line and score what it returns.

    Args:
        lines: Gold lines (``id``, ``text``, ``published``, ``gold`` with ``entities`` and ``events``).
        process: Any callable from a :class:`RawArticle` to an object (or dict) with ``entities`` and
            ``events`` shaped like :class:`marsad.schemas.records.EnrichedArticle`.
    """
    totals: dict[str, Any] = {
        "entities": Score(),
        "event_types": Score(),
        "location": Ratio(),
        "counts": Ratio(),
        "background": Ratio(),
    }
    entity_types: dict[str, Score] = {}
    event_types: dict[str, Score] = {}
    arguments = dict.fromkeys(ARGUMENT_FIELDS, Ratio())
    misses: list[ArticleMisses] = []
    count = 0
    for line in lines:
        count += 1
        result = score_article(line, process(raw_article(line)))
        for name in totals:
            totals[name] = totals[name] + result[name]
        for kind, score in result["entities_by_type"].items():
            entity_types[kind] = entity_types.get(kind, Score()) + score
        for kind, score in result["event_types_by_type"].items():
            event_types[kind] = event_types.get(kind, Score()) + score
        for name, ratio in result["arguments"].items():
            arguments[name] = arguments[name] + ratio
        misses.append(result["misses"])
    return EventReport(
        articles=count,
        entities=totals["entities"],
        entities_by_type=entity_types,
        event_types=totals["event_types"],
        event_types_by_type=event_types,
        location=totals["location"],
        counts=totals["counts"],
        background=totals["background"],
        misses=misses,
        arguments=arguments,
    )


def entity_key(text: str, gold: set[str] | frozenset[str] = frozenset()) -> str:
    """The matching key of an entity text: folded; with one proclitic off its first word if that matches gold.

    Gold texts are keyed with an empty ``gold`` (they are already clitic-free: فوج stays فوج).
    """
    key = " ".join(fold(text).split())
    if not gold or key in gold:
        return key
    first, _, rest = key.partition(" ")
    stripped = " ".join(part for part in (strip_clitics(first), rest) if part)
    return stripped if stripped in gold else key


def location_agrees(predicted: str | None, gold: str | None) -> bool:
    """Folded texts equal, or one contains the other (المشاهدة / منطقة المشاهدة)."""
    if not predicted or not gold:
        return False
    a, b = entity_key(predicted, {entity_key(gold)}), entity_key(gold)
    return a == b or a in b or b in a


def match_events(predicted: Sequence[Any], gold: Sequence[dict[str, Any]]) -> list[tuple[Any, dict[str, Any]]]:
    """Greedy one-to-one pairs of same-type events, best location/actor agreement first."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if _get(p, "type") != g.get("type"):
                continue
            score = 2 * location_agrees(_location_text(p), g.get("location"))
            score += location_agrees(_text(_get(p, "actor")), g.get("actor"))
            candidates.append((-score, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


def score_article(line: dict[str, Any], enriched: Any) -> dict[str, Any]:
    """Scores of one article: entity and event-type counts, location, counts and background ratios."""
    gold = line.get("gold", {})
    gold_entities = {(entity_key(e["text"]), e["type"]) for e in gold.get("entities", [])}
    gold_keys = {key for key, _ in gold_entities}
    predicted = {(entity_key(_get(e, "text"), gold_keys), _get(e, "type")) for e in _get(enriched, "entities") or []}
    entities_by_type = {
        kind: _set_score({k for k in gold_entities if k[1] == kind}, {k for k in predicted if k[1] == kind})
        for kind in {k[1] for k in gold_entities | predicted}
    }
    events = list(_get(enriched, "events") or [])
    gold_events = list(gold.get("events", []))
    gold_types, predicted_types = Counter(e["type"] for e in gold_events), Counter(_get(e, "type") for e in events)
    types_by_type = {
        kind: Score(gold_types[kind], predicted_types[kind], min(gold_types[kind], predicted_types[kind]))
        for kind in gold_types | predicted_types
    }
    pairs = match_events(events, gold_events)
    misses = ArticleMisses(
        id=str(line.get("id")),
        missed_entities=sorted(f"{k} {t}" for k, t in gold_entities - predicted),
        spurious_entities=sorted(f"{k} {t}" for k, t in predicted - gold_entities),
        missed_types=sorted((gold_types - predicted_types).elements()),
        spurious_types=sorted((predicted_types - gold_types).elements()),
    )
    location, counts, background = Ratio(), Ratio(), Ratio()
    arguments = dict.fromkeys(ARGUMENT_FIELDS, Ratio())
    for p, g in pairs:
        if g.get("location"):
            agrees = location_agrees(_location_text(p), g["location"])
            location += Ratio(int(agrees), 1)
            if not agrees:
                misses.wrong_locations.append(f"{g['type']}: {_location_text(p)} != {g['location']}")
        for name in COUNT_FIELDS:
            if g.get(name) is not None:
                right = _get(p, name) == g[name]
                counts += Ratio(int(right), 1)
                if not right:
                    misses.wrong_counts.append(f"{g['type']}.{name}: {_get(p, name)} != {g[name]}")
        background += Ratio(int(bool(_get(p, "background")) == bool(g.get("background"))), 1)
        for name in ARGUMENT_FIELDS:
            right = _argument_agrees(_argument_text(p, name), g.get(name))
            arguments[name] += Ratio(int(right), 1)
            if not right:
                misses.wrong_arguments.append(f"{g['type']}.{name}: {_argument_text(p, name)} != {g.get(name)}")
    paired = {id(g) for _, g in pairs}
    for g in gold_events:
        if id(g) not in paired:
            counts += Ratio(0, sum(g.get(name) is not None for name in COUNT_FIELDS))
    return {
        "entities": sum(entities_by_type.values(), Score()),
        "entities_by_type": entities_by_type,
        "event_types": sum(types_by_type.values(), Score()),
        "event_types_by_type": types_by_type,
        "location": location,
        "counts": counts,
        "background": background,
        "arguments": arguments,
        "misses": misses,
    }


def _set_score(gold: set[Any], predicted: set[Any]) -> Score:
    return Score(len(gold), len(predicted), len(gold & predicted))


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _text(obj: Any) -> str | None:
    return None if obj is None else _get(obj, "text")


def _location_text(event: Any) -> str | None:
    return _text(_get(event, "location"))


def _argument_text(event: Any, name: str) -> str | None:
    """The predicted text of a gold argument field (``when`` is the event time's text)."""
    if name == "when":
        return _text(_get(event, "time"))
    value = _get(event, name)
    return value if isinstance(value, str) or value is None else _text(value)


def _argument_agrees(predicted: str | None, gold: str | None) -> bool:
    if not predicted and not gold:
        return True
    return location_agrees(predicted, gold)
