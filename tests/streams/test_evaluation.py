"""The scorer on hand-made gold and a fake extractor: matching rules and the arithmetic of every metric."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.schemas.records import RawArticle
from marsad.streams.evaluation import (
    Score,
    entity_key,
    evaluate,
    location_agrees,
    match_events,
    raw_article,
)

LINE: dict[str, Any] = {
    "id": "t1",
    "url": None,
    "source": "test",
    "published": "2024-03-15",
    "text": "نص تجريبي",
    "gold": {
        "entities": [{"text": "بغداد", "type": "LOC"}, {"text": "الإدارة الذاتية", "type": "ORG"}],
        "events": [
            {"type": "bombing", "actor": None, "location": "المشاهدة", "killed": 1, "injured": 3, "arrested": None},
            {"type": "bombing", "actor": None, "location": "المدائن", "killed": 2, "injured": 9, "arrested": None},
            {"type": "statement", "actor": "وزارة الداخلية", "location": None},
        ],
    },
}


def event(type_: str, location: str | None, **counts: int | None) -> dict[str, Any]:
    return {
        "type": type_,
        "actor": None,
        "location": {"text": location} if location else None,
        "killed": counts.get("killed"),
        "injured": counts.get("injured"),
        "arrested": counts.get("arrested"),
        "background": False,
    }


def fake_process(raw: RawArticle) -> dict[str, Any]:
    assert raw.body == "نص تجريبي" and raw.published_at == "2024-03-15"
    return {
        "entities": [
            {"text": "وبغداد", "type": "LOC"},
            {"text": "للإدارة الذاتية", "type": "ORG"},
            {"text": "الزاملي", "type": "PER"},
        ],
        "events": [
            event("bombing", "قضاء المدائن", killed=2, injured=9),
            event("bombing", "بغداد", killed=1, injured=4),
            event("attack", "بغداد"),
        ],
    }


def test_evaluate_arithmetic() -> None:
    report = evaluate([LINE], fake_process)
    assert report.entities == Score(gold=2, predicted=3, correct=2)
    assert report.event_types == Score(gold=3, predicted=3, correct=2)
    assert (report.location.correct, report.location.total) == (1, 2)
    assert (report.counts.correct, report.counts.total) == (3, 4)
    (misses,) = report.misses
    assert misses.missed_types == ["statement"] and misses.spurious_types == ["attack"]
    assert report.as_dict()["event_types"]["f1"] == pytest.approx(2 / 3, abs=1e-4)


@pytest.mark.parametrize(
    ("predicted", "gold", "key"),
    [
        ("وبغداد", {"بغداد"}, "بغداد"),
        ("بغداد", {"بغداد"}, "بغداد"),  # ب is part of the name
        ("للإدارة الذاتية", {"الاداره الذاتيه"}, "الاداره الذاتيه"),
        ("فوج مكافحة الإرهاب", set(), "فوج مكافحه الارهاب"),  # gold keys keep their letters
    ],
)
def test_entity_key(predicted: str, gold: set[str], key: str) -> None:
    assert entity_key(predicted, gold) == key


@pytest.mark.parametrize(
    ("predicted", "gold", "agrees"),
    [
        ("منطقة المشاهدة", "المشاهدة", True),
        ("مكحول", "جبال مكحول", True),
        ("بغداد", "المدائن", False),
        (None, "المدائن", False),
    ],
)
def test_location_agrees(predicted: str | None, gold: str, agrees: bool) -> None:
    assert location_agrees(predicted, gold) is agrees


def test_match_prefers_location_agreement() -> None:
    gold = LINE["gold"]["events"][:2]
    pairs = match_events([event("bombing", "المدائن"), event("bombing", "المشاهدة")], gold)
    assert [(p["location"]["text"], g["location"]) for p, g in pairs] == [
        ("المدائن", "المدائن"),
        ("المشاهدة", "المشاهدة"),
    ]


def test_raw_article_from_dev_line() -> None:
    raw = raw_article(LINE)
    assert (raw.id, raw.body, raw.source, raw.published_at) == ("t1", "نص تجريبي", "test", "2024-03-15")


def test_argument_agreement_over_paired_events() -> None:
    line = {
        "id": "t2",
        "text": "نص تجريبي",
        "published": "2024-03-15",
        "gold": {
            "entities": [],
            "events": [
                {"type": "arrest", "actor": "الشرطة", "target": "تنظيم داعش", "location": None, "when": "أمس",
                 "count_text": "العشرات"},
                {"type": "protest", "actor": "العسكريين المتقاعدين", "target": None, "location": None, "when": None,
                 "count_text": None},
            ],
        },
    }  # fmt: skip
    predicted = {
        "entities": [],
        "events": [
            {"type": "arrest", "actor": {"text": "الشرطة"}, "target": {"text": "تنظيم داعش الإرهابي"},
             "time": {"text": "اليوم"}, "count_text": "العشرات"},
            {"type": "protest", "actor": {"text": "للعسكريين المتقاعدين"}, "target": None,
             "time": {"text": None}, "count_text": "مئات"},
        ],
    }  # fmt: skip
    report = evaluate([line], lambda raw: predicted)
    got = {name: (ratio.correct, ratio.total) for name, ratio in report.arguments.items()}
    assert got == {"actor": (2, 2), "target": (2, 2), "when": (1, 2), "count_text": (1, 2)}
    (misses,) = report.misses
    assert sorted(misses.wrong_arguments) == ["arrest.when: اليوم != أمس", "protest.count_text: مئات != None"]
