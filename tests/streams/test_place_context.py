"""A place said to lie in another is looked for in that place's country (invented sentences)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from marsad.schemas.records import Place
from marsad.streams.place_context import anchors, place_within


def mention(body: str, text: str, country: str | None = None) -> Place:
    start = body.index(text)
    return Place(text, start, start + len(text), name=text if country else None, country_code=country)


@pytest.mark.parametrize(
    ("body", "inner", "outer", "linked"),
    [
        ("قصفت الطائرات بلدة الصور بريف دير الزور.", "الصور", "دير الزور", True),
        ("اندلعت اشتباكات في البوكمال شرق دير الزور.", "البوكمال", "دير الزور", True),
        ("وصل الوفد إلى قرية الخير في محافظة حلب.", "الخير", "حلب", True),
        ("داهمت القوة منازل في بلدة بيت جن بريف دمشق.", "بيت جن", "ريف دمشق", True),  # ب + the area's span
        ("وصل الوفد إلى دمشق وبيروت.", "دمشق", "بيروت", False),  # two places side by side
        ("زار الوزير حلب ثم سافر إلى بيروت.", "حلب", "بيروت", False),
    ],
)
def test_anchors(body: str, inner: str, outer: str, linked: bool) -> None:
    places = [mention(body, inner), mention(body, outer)]
    assert anchors(body, places) == ({0: 1} if linked else {})


def test_a_place_found_only_abroad_stays_unresolved() -> None:
    body = "قصفت الطائرات بلدة الصور بريف دير الزور."
    tyre, deir = mention(body, "الصور", "LB"), mention(body, "دير الزور", "SY")

    def nowhere_in_syria(place: Place, countries: Sequence[str]) -> Place:
        return tyre  # the gazetteer's only الصور is in Lebanon

    found = place_within(tyre, deir, nowhere_in_syria)
    assert (found.text, found.start, found.country_code) == ("الصور", tyre.start, None)


def test_a_place_with_a_candidate_in_the_container_s_country_takes_it() -> None:
    body = "قصفت الطائرات بلدة الصور بريف دير الزور."
    foreign, deir = mention(body, "الصور", "LB"), mention(body, "دير الزور", "SY")
    syrian = mention(body, "الصور", "SY")
    found = place_within(foreign, deir, lambda place, countries: syrian if countries == ["SY"] else foreign)
    assert found.country_code == "SY"


def test_an_unresolved_container_changes_nothing() -> None:
    body = "قصفت الطائرات بلدة الصور بريف البلدة."
    tyre, unknown = mention(body, "الصور", "LB"), mention(body, "البلدة")
    assert place_within(tyre, unknown, lambda *_: None) == tyre


def test_in_the_pipeline_the_place_is_not_put_abroad() -> None:
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    body = "قصفت طائرات التحالف مواقع في بلدة الصور بريف دير الزور الشرقي."
    enriched = Pipeline.load().process(RawArticle(id="t", body=body, published_at="2025-04-15T00:00:00Z"))
    countries = {place.text: place.country_code for place in enriched.places}
    assert countries.get("دير الزور") == "SY"
    assert countries.get("الصور") in (None, "SY")


def test_an_event_is_placed_where_it_happened_not_where_the_force_withdrew_to() -> None:
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    body = (
        "دخلت دورية عسكرية فجر الاثنين بلدة بيت جن بريف دمشق واعتقلت ثلاثة رجال قبل أن تنسحب باتجاه "
        "مواقعها في جبل الشيخ."
    )
    enriched = Pipeline.load().process(RawArticle(id="t", body=body, published_at="2025-04-15T00:00:00Z"))
    arrests = [event for event in enriched.events if event.type == "arrest"]
    assert [(event.location.text if event.location else None) for event in arrests] == ["بيت جن"]
    assert {place.text: place.country_code for place in enriched.places}.get("بيت جن") in (None, "SY")


def test_a_sentence_with_no_place_goes_on_where_the_one_before_was_set() -> None:
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    pipeline = Pipeline.load()
    before = "اندلعت مواجهات بين رعاة ومزارعين في بلدة بيت جن بريف دمشق مساء الثلاثاء."
    after = "وأوقفت الشرطة 31 شخصا يشتبه في تورطهم في أعمال العنف."
    for gap, expected in ((" ", "بيت جن"), ("\n\n", None)):  # in the same paragraph only
        body = before + gap + after
        enriched = pipeline.process(RawArticle(id="t", body=body, published_at="2025-04-15T00:00:00Z"))
        arrests = [event for event in enriched.events if event.type == "arrest"]
        assert [(event.location.text if event.location else None) for event in arrests] == [expected]
