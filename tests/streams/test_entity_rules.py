"""Rules for place-noun phrases, titled names and nationality adjectives (invented sentences)."""

import pytest

from marsad.schemas.records import Entity
from marsad.streams.entity_rules import extend_nationality, rule_spans
from marsad.streams.tokenize import tokenize


def spans(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.type) for s in rule_spans(text, tokenize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تجمع المحتجون في ساحة الشهداء وسط المدينة", [("ساحة الشهداء", "LOC")]),
        ("هبطت الطائرة في مطار بن عباس الدولي", [("مطار بن عباس", "LOC")]),
        ("وقع الانفجار بشارع الجمهورية", [("شارع الجمهورية", "LOC")]),
        ("قال العميد سامر خليل إن القوات تقدمت", [("سامر خليل", "PER")]),
        ("وصرح الدكتور منير في مؤتمر", [("منير", "PER")]),
        ("التقى الشيخ في المسجد", []),
        ("أكد الرئيس الأمريكي أن", []),
        ("وصلوا إلى الساحة في الصباح", []),
    ],
)
def test_rule_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


def test_spans_index_the_text_and_skip_a_proclitic() -> None:
    text = "تجمعوا بساحة النصر مساء"
    [span] = rule_spans(text, tokenize(text))
    assert text[span.start : span.end] == span.text == "ساحة النصر"


def test_organisation_takes_the_nationality_adjective_after_it() -> None:
    text = "أعلنت خلية الإعلام الأمني العراقية أمس"
    entity = Entity("خلية الإعلام الأمني", "ORG", 6, 25)
    [extended] = extend_nationality(text, [entity], tokenize(text))
    assert extended.text == "خلية الإعلام الأمني العراقية" == text[extended.start : extended.end]


def test_other_adjectives_and_types_are_left_alone() -> None:
    text = "تنظيم داعش الإرهابي في مدينة الموصل العراقية"
    entities = [Entity("تنظيم داعش", "ORG", 0, 10), Entity("الموصل", "LOC", 29, 35)]
    assert extend_nationality(text, entities, tokenize(text)) == entities
