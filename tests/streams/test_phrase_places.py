"""Places no list knows, found after their place word (في ناحية العظيم), are places of the article too."""

from __future__ import annotations

import pytest

from marsad.schemas.records import EnrichedArticle, RawArticle
from marsad.streams.pipeline import Pipeline


def _enriched(body: str) -> EnrichedArticle:
    return Pipeline.load().process(RawArticle(id="t", body=body, published_at="2026-03-01T00:00:00Z"))


def _locations(body: str) -> set[str]:
    return {e.text for e in _enriched(body).entities if e.type == "LOC"}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a settlement or district word is no part of the name
        ("اندلعت اشتباكات عنيفة في ناحية العظيم شمال ديالى.", "العظيم"),
        ("داهمت القوات منازل في قضاء الدبس.", "الدبس"),
        ("قصفت المدفعية منازل في حي التفاح شرق المدينة.", "التفاح"),
        # a field, a port or a camp keeps its word, and a field its name without «الغازي»
        ("استهدفت طائرة مسيرة حقل كورمور الغازي فجر اليوم.", "حقل كورمور"),
    ],
)
def test_a_place_found_after_its_place_word_is_a_location(body: str, name: str) -> None:
    assert name in _locations(body)


def test_such_a_place_is_listed_unresolved() -> None:
    enriched = _enriched("اندلعت اشتباكات عنيفة في ناحية العظيم شمال ديالى.")
    (place,) = [p for p in enriched.places if p.text == "العظيم"]
    assert place.geonames_id is None and place.lat is None


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("ارتفعت الأسعار في سوق الخضار وسوق المواشي هذا الأسبوع.", ("الخضار", "المواشي")),  # a market's goods
        ("سجل المهاجم هدفه بعد تمريرة داخل منطقة الجزاء.", ("الجزاء",)),  # a penalty area
        ("أعلن مدير مديرية زراعة المحافظة خطة جديدة.", ("زراعة",)),  # a directorate's field
        ("رست السفينة في ميناء بمياه إقليمية.", ("بمياه", "مياه")),  # a preposition, no name
    ],
)
def test_a_place_word_before_a_common_noun_names_no_place(body: str, words: tuple[str, ...]) -> None:
    found = _locations(body)
    assert not any(word in text for text in found for word in words)
