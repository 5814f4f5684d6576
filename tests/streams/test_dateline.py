"""Datelines: the filing city and agency of wire copy are read as such, not as the event's place or actor."""

from __future__ import annotations

import pytest

from marsad.schemas.records import RawArticle
from marsad.streams.dateline import find_dateline, paragraph_datelines
from marsad.streams.pipeline import Pipeline
from marsad.streams.tokenize import tokenize

# as the linker may know them
_AGENCIES = {"أ ف ب", "رويترز", "الأناضول", "سانا", "الشرق الأوسط", "وام", "أ ش أ", "واس", "كونا", "وات", "العربية"}


def dateline(body: str, places: tuple[str, ...] = ()) -> tuple[str, str | None] | None:
    def is_place(start: int, end: int) -> bool:
        return body[start:end] in places

    found = find_dateline(body, tokenize(body), _AGENCIES.__contains__, is_place)
    if found is None:
        return None
    outlet = body[found.outlet[0] : found.outlet[1]] if found.outlet else None
    return body[found.place[0] : found.place[1]], outlet


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("بيروت - أ ف ب | قُتل شخصان في غارة.", ("بيروت", "أ ف ب")),
        ("غزة ـ الأناضول: قال مسؤول إن", ("غزة", "الأناضول")),
        ("دمشق-سانا استشهد ثلاثة عسكريين", ("دمشق", "سانا")),
        ("القاهرة (رويترز) - قال مسؤول إن", ("القاهرة", "رويترز")),
        ("بغداد: «الشرق الأوسط» هددت الحكومة", ("بغداد", "الشرق الأوسط")),
        ("دير الزور - رويترز | قال", ("دير الزور", "رويترز")),
        ("بغداد/ الأناضول\n\nأعلنت قيادة العمليات", ("بغداد", "الأناضول")),
        # a channel's website, its name and «.نت» written together
        ("واغادوغو - العربية.نت\nقُتل عشرات الجنود", ("واغادوغو", "العربية.نت")),
        # after a headline, at the start of the next line
        ("مقتل جنديين في هجوم\nكابل - أ ف ب | قُتل جنديان", ("كابل", "أ ف ب")),
        # a date between the city and the agency, as the state agencies of the Gulf, Egypt and the Maghreb file
        ("أبوظبي في 9 سبتمبر / وام / استقبل سمو", ("أبوظبي", "وام")),
        ("القاهرة في ٢٥ مارس/أ ش أ/ أصدر المتحدث", ("القاهرة", "أ ش أ")),
        ("سيدي بوزيد 8 أفريل 2026 (وات)- دخل أعوان", ("سيدي بوزيد", "وات")),
        ("الكويت - 23 - 9 (كونا) -- أعلنت وزارة", ("الكويت", "كونا")),
        ("الرياض 30 رجب 1447 هـ الموافق 19 يناير 2026 م واس\nصرّح المتحدث", ("الرياض", "واس")),
    ],
)
def test_a_dateline_with_an_agency(body: str, expected: tuple[str, str]) -> None:
    assert dateline(body) == expected


def test_without_an_agency_only_a_known_place_opens_a_dateline() -> None:
    assert dateline("غزة - قُتل ثلاثة فلسطينيين", places=("غزة",)) == ("غزة", None)
    assert dateline("الرئيس: لن نتراجع عن القرار") is None
    assert dateline("الخرطوم: اشتباكات في الأحياء الجنوبية", places=("الخرطوم",)) == ("الخرطوم", None)


@pytest.mark.parametrize(
    "body",
    [
        "قال مسؤول في بيروت - أ ف ب إن",  # not at the start of a line
        "قتل ثلاثة أشخاص في هجوم.",
        "وزارة الدفاع (الخميس) - قالت",  # a weekday in parentheses is no agency
        "موجز أخبار (رويترز) الإقليمية\n\nقتل ثلاثة أشخاص.",  # a headline: no dash closes the agency
        "غزة 5 شهداء في قصف / وام / على المخيم",  # a count, not a date: no month, one number
    ],
)
def test_no_dateline(body: str) -> None:
    assert dateline(body) is None


def _process(body: str):
    return Pipeline.load().process(RawArticle(id="d", body=body, published_at="2026-03-15T10:00:00Z"))


def test_the_event_is_placed_in_its_sentence_not_in_the_filing_city() -> None:
    enriched = _process(
        "بيشاور - رويترز | قُتل خمسة جنود وأصيب ثمانية آخرون في هجوم شنه مسلحون على نقطة تفتيش في إقليم "
        "خيبر بختونخوا، اليوم الأحد."
    )
    (event,) = [e for e in enriched.events if e.type == "attack"]
    assert event.location is not None and "بختونخوا" in event.location.text
    assert (event.killed, event.injured) == (5, 8)


def test_the_filing_city_is_the_place_when_the_sentence_names_no_other() -> None:
    enriched = _process("غزة - الأناضول | قُتل ثلاثة فلسطينيين في غارة إسرائيلية فجر اليوم.")
    (event,) = [e for e in enriched.events if e.type == "airstrike"]
    assert event.location is not None and event.location.text == "غزة"


def test_the_agency_is_an_organisation_and_no_side_of_the_event() -> None:
    enriched = _process("طرابلس - الأناضول | اندلعت اشتباكات في العاصمة الليبية مساء الاثنين.")
    types = {e.text: e.type for e in enriched.entities}
    assert types.get("الأناضول") == "ORG"
    for event in enriched.events:
        assert event.actor is None or event.actor.text != "الأناضول"
        assert event.target is None or event.target.text != "الأناضول"


def test_a_round_up_files_each_item_from_its_own_dateline() -> None:
    body = (
        "موجز الأخبار\n\nإدلب (أ ف ب) - قُتل ثلاثة مدنيين في غارة.\n\nالرئيس: لا تراجع.\n\n"
        "مقديشو (أ ف ب) - انفجرت سيارة مفخخة قرب نقطة تفتيش."
    )
    tokens = tokenize(body)
    first = find_dateline(body, tokens, _AGENCIES.__contains__)
    later = paragraph_datelines(body, tokens, _AGENCIES.__contains__, first)
    assert first is not None and body[first.place[0] : first.place[1]] == "إدلب"
    assert [body[d.place[0] : d.place[1]] for d in later] == ["مقديشو"]


def test_the_agency_of_a_later_item_is_no_side_of_its_event() -> None:
    enriched = _process(
        "موجز الأخبار\n\nإدلب (أ ف ب) - قُتل ثلاثة مدنيين في غارة على سيارة قرب بلدة سرمين.\n\n"
        "مقديشو (أ ف ب) - انفجرت سيارة مفخخة صباح اليوم قرب نقطة تفتيش، ما أسفر عن مقتل سبعة أشخاص."
    )
    (bombing,) = [e for e in enriched.events if e.type == "bombing"]
    assert bombing.actor is None or bombing.actor.text != "أ ف ب"
    assert bombing.location is not None and bombing.location.text == "مقديشو"


def test_a_dated_dateline_names_the_agency_not_the_place_it_shares_a_name_with() -> None:
    # قنا is also an Egyptian city: after the date and between slashes it is Qatar's agency
    enriched = _process("الدوحة في 22 يوليو /قنا/ أعربت دولة قطر عن إدانتها للهجوم على معسكر في أبين.")
    (agency,) = [e for e in enriched.entities if e.text == "قنا"]
    assert agency.type == "ORG" and agency.canonical_id == "marsad:org/qna"
    assert "قنا" not in {place.text for place in enriched.places}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # after a date, the words slashes close are the agency, known or not
        ("المنامة في 17 أغسطس / وكالة محلية / صرّح", ("المنامة", "وكالة محلية")),
        # an outlet no list knows, where the dateline marks it off: a pipe, or quotes after a colon
        ("طرابلس - بوابة الوسط | اندلعت اشتباكات", ("طرابلس", "بوابة الوسط")),
        ("مأرب: «صحيفة محلية» قتل ثلاثة جنود", ("مأرب", "صحيفة محلية")),
        ("مأرب - «صحيفة محلية» | قتل ثلاثة جنود", ("مأرب", "صحيفة محلية")),
        # ... or by the end of the dateline's line, maybe before «- خاص» (exclusive)
        ("الخرطوم - سودان تربيون\n\nقالت مصادر محلية إن", ("الخرطوم", "سودان تربيون")),
        ("تعز - عدن الغد - خاص\n\nقتل طفل وأصيب ثلاثة", ("تعز", "عدن الغد")),
        # not marked off: the words after the dash are the text
        ("غزة - قُتل ثلاثة فلسطينيين", ("غزة", None)),
        # a headline after the city ends its line too, but it tells an event
        ("غزة - مقتل خمسة أشخاص\n\nقالت مصادر إن", ("غزة", None)),
    ],
)
def test_an_unknown_outlet_marked_off_after_a_known_place(body: str, expected: tuple[str, str | None]) -> None:
    assert dateline(body, places=(expected[0],)) == expected


def test_an_unknown_outlet_is_an_organisation_not_a_place() -> None:
    enriched = _process("مأرب: «الشرق الأوسط» قتل ثلاثة جنود في هجوم شنه مسلحون على موقع عسكري.")
    types = {e.text: e.type for e in enriched.entities}
    assert types.get("الشرق الأوسط") == "ORG"


def test_a_paper_named_like_a_statement_ends_the_dateline_and_makes_no_event() -> None:
    assert dateline("سريناغار - البيان\n\nتساقطت الثلوج بكثافة.", ("سريناغار",)) == ("سريناغار", "البيان")
    assert dateline("غزة - مقتل خمسة أشخاص\n\nقتل خمسة.", ("غزة",)) == ("غزة", None)
    enriched = _process("سريناغار - البيان\n\nتساقطت الثلوج بكثافة على وادي كشمير أمس، وأغلقت الطرق الجبلية.")
    assert ("البيان", "ORG") in {(e.text, e.type) for e in enriched.entities}
    assert enriched.events == []
