"""Attributed quotes on invented sentences: marks of every kind, speaker, role, outlet, continuations."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.schemas.records import Entity
from marsad.streams.context import ArticleContext
from marsad.streams.quotes import find_quotes
from marsad.streams.tokenize import split_sentences, tokenize


def context(body: str, entities: dict[str, str] | None = None) -> ArticleContext:
    found = []
    for text, type_ in (entities or {}).items():
        at = body.find(text)
        while at >= 0:
            found.append(Entity(text, type_, at, at + len(text), canonical_id=f"test:{text}"))
            at = body.find(text, at + 1)
    return ArticleContext(
        body=body,
        tokens=tokenize(body),
        sentences=split_sentences(body),
        entities=sorted(found, key=lambda e: e.start),
        places=[],
        times=[],
        numbers=[],
        anchor_date=date(2024, 3, 15),
        time_anchor="published",
    )


@pytest.mark.parametrize(("opening", "closing"), [("«", "»"), ("“", "”"), ('"', '"'), ("״", "״")])
def test_quotation_marks(opening: str, closing: str) -> None:
    inner = "الوضع الأمني مستقر في المدينة بشكل كامل"
    body = f"وقال وزير الداخلية سامر خليل إن {opening}{inner}{closing}."
    (quote,) = find_quotes(context(body, {"سامر خليل": "PER"}))
    assert quote.text == inner and body[quote.start : quote.end] == inner
    assert quote.speaker == "سامر خليل" and quote.speaker_id == "test:سامر خليل"


def test_role_and_outlet() -> None:
    body = 'وقال الباحث في الشؤون العسكرية، كريم ناصر لـ "صوت المدينة" إن "المعارك ستطول في الأسابيع المقبلة".'
    (quote,) = find_quotes(context(body, {"كريم ناصر": "PER"}))
    assert quote.speaker == "كريم ناصر"
    assert quote.speaker_role == "الباحث في الشؤون العسكرية"
    assert quote.outlet == "صوت المدينة"
    assert quote.text.startswith("المعارك ستطول")


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ('وأضاف وزير الداخلية سامر خليل: "لن نسمح بعودة الفوضى إلى المدينة".', "وزير الداخلية"),
        ('وقال رئيس الوزراء سامر خليل إن "الحكومة ماضية في الإصلاح".', "رئيس الوزراء"),
    ],
)
def test_a_title_in_construct_is_the_role(body: str, role: str) -> None:
    (quote,) = find_quotes(context(body, {"سامر خليل": "PER"}))
    assert (quote.speaker, quote.speaker_role) == ("سامر خليل", role)


def test_name_missed_by_ner_is_still_the_speaker() -> None:
    body = "وأوضح المحلل السياسي، سليم حداد للأناضول، أن «الاتفاق يحتاج إلى ضمانات دولية واضحة»."
    (quote,) = find_quotes(context(body))
    assert quote.speaker == "سليم حداد"
    assert quote.speaker_role == "المحلل السياسي"
    assert quote.outlet == "الأناضول"


def test_statement_quote_and_continuation() -> None:
    body = (
        "أصدرت وزارة الدفاع بيانا قالت فيه إن «القوات تصدت لهجوم واسع على مواقعها الأمامية»، "
        "مضيفة أن «العمليات ستستمر حتى استعادة السيطرة الكاملة»."
    )
    quotes = find_quotes(context(body, {"وزارة الدفاع": "ORG"}))
    assert [q.speaker for q in quotes] == ["وزارة الدفاع", "وزارة الدفاع"]
    assert quotes[1].text.startswith("العمليات ستستمر")


@pytest.mark.parametrize(
    "body",
    [
        'ونقلت وكالة "الأنباء الوطنية" الخبر.',  # a short scare-quoted name
        "«عبارة طويلة بما يكفي لكنها لا تتبع أي فعل قول في النص».",  # no speech verb before it
        "وقال المتحدث إن الوضع هادئ.",  # no quotation marks
    ],
)
def test_not_quotes(body: str) -> None:
    assert find_quotes(context(body)) == []
