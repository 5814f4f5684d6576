"""The seed article through the whole pipeline: its gold events and quotes must come out."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.schemas.records import EnrichedArticle, RawArticle
from marsad.streams.arabic import fold


@pytest.fixture(scope="module")
def enriched(seed_article: dict[str, Any]) -> EnrichedArticle:
    pipeline_module = pytest.importorskip("marsad.streams.pipeline")
    try:
        pipeline = pipeline_module.Pipeline.load()
    except FileNotFoundError as error:
        pytest.skip(f"pipeline resources missing: {error}")
    return pipeline.process(RawArticle.from_dict(seed_article))


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and fold(a) == fold(b)


def _events(enriched: EnrichedArticle, type_: str) -> list[Any]:
    return [e for e in enriched.events if e.type == type_]


def test_event_types_match_gold(enriched: EnrichedArticle, seed_gold: dict[str, Any]) -> None:
    assert sorted(e.type for e in enriched.events) == sorted(e["type"] for e in seed_gold["events"])


def test_arrest_and_operation_by_sdf_in_deir_ez_zor(enriched: EnrichedArticle) -> None:
    for type_ in ("arrest", "security_operation"):
        (found,) = _events(enriched, type_)
        assert found.actor is not None and "سوريا الديموقراطية" in found.actor.text
        assert found.location is not None and _same(found.location.text, "دير الزور")
        assert not found.background


def test_arrest_target_count_and_operation_time(enriched: EnrichedArticle, seed_gold: dict[str, Any]) -> None:
    gold = {e["type"]: e for e in seed_gold["events"]}
    (arrest,) = _events(enriched, "arrest")
    assert arrest.target is not None and fold(gold["arrest"]["target"]) in fold(arrest.target.text)
    assert arrest.count_text == gold["arrest"]["count_text"]
    assert _same(arrest.time.text, gold["arrest"]["when"])
    (operation,) = _events(enriched, "security_operation")
    assert _same(operation.time.text, gold["security_operation"]["when"])


def test_background_attack_in_hasakah(enriched: EnrichedArticle) -> None:
    (attack,) = _events(enriched, "attack")
    assert attack.background and attack.killed == 2
    assert attack.location is not None and _same(attack.location.text, "الحسكة")
    assert attack.target is not None and _same(attack.target.text, "إداريتين")


def test_statement_and_seizure(enriched: EnrichedArticle) -> None:
    (statement,) = _events(enriched, "statement")
    assert statement.actor is not None and "سوريا الديموقراطية" in statement.actor.text
    assert statement.plover.type is None
    (seizure,) = _events(enriched, "seizure")
    assert seizure.target is not None and _same(seizure.target.text, "الذخيرة")
    assert seizure.count_text == "كمية كبيرة"


def test_quotes(enriched: EnrichedArticle, seed_gold: dict[str, Any]) -> None:
    for gold in seed_gold["quotes"]:
        matches = [q for q in enriched.quotes if q.text.startswith(gold["starts_with"])]
        assert matches, gold["starts_with"]
        quote = matches[0]
        assert _same(quote.speaker, gold["speaker"])
        assert quote.speaker_role == gold["speaker_role"]
        assert quote.outlet == gold["outlet"]


def test_spans_point_into_the_body(enriched: EnrichedArticle, seed_article: dict[str, Any]) -> None:
    body = seed_article["body"]
    for found in enriched.events:
        for span in (found.trigger, found.actor, found.target, found.location):
            if span is not None:
                assert body[span.start : span.end] == span.text
    for quote in enriched.quotes:
        assert body[quote.start : quote.end] == quote.text
