"""Which time dates a merged event: its own, not the date of the statement that reports it."""

from __future__ import annotations

from marsad.streams.events import find_events

from .test_events import SY_TOWN, make_context


def test_the_date_of_a_statement_does_not_date_the_operation_it_reports() -> None:
    body = "أصدر الجيش، الجمعة، بيانا أعلن فيه تفكيك خلية إرهابية. وفككت القوات الخلية ليلة أمس في البلدة."
    found = {e.type: e.time.text for e in find_events(make_context(body, {"الجيش": "ORG"}))}
    assert found["statement"] == "الجمعة"
    assert found["security_operation"] == "ليلة أمس"


def test_a_reported_event_with_no_other_date_keeps_the_statement_date() -> None:
    body = "أعلن الجيش، الجمعة، تفكيك خلية إرهابية في البلدة."
    found = {e.type: e.time.text for e in find_events(make_context(body, {"الجيش": "ORG"}))}
    assert found["security_operation"] == "الجمعة"


def test_a_quoted_report_after_a_colon_dates_the_event_it_repeats() -> None:
    body = 'وأصدر الجيش، الجمعة، بيانا أعلن فيه تفكيك الخلية جاء فيه: "فككت قواتنا ليلة أمس خلية إرهابية في البلدة".'
    found = [e for e in find_events(make_context(body, {"الجيش": "ORG"})) if e.type == "security_operation"]
    assert [e.time.text for e in found] == ["ليلة أمس"]


def test_an_arrest_told_after_an_operation_takes_the_operation_s_own_date() -> None:
    body = (
        'أصدر الجيش، الجمعة، بيانا أعلن فيه تفكيك خلية جاء فيه: "فككت قواتنا ليلة أمس خلية إرهابية في الصالحية". '
        "وأضاف البيان أن القوات ألقت القبض على ثلاثة مسلحين."
    )
    context = make_context(body, {"الجيش": "ORG", "الصالحية": "LOC"}, {"الصالحية": SY_TOWN})
    found = {e.type: e.time.text for e in find_events(context)}
    assert found["security_operation"] == "ليلة أمس"
    assert found["arrest"] == "ليلة أمس"


def test_a_dated_summary_dates_the_incidents_it_sums_up() -> None:
    body = (
        "قتل ثلاثة جنود، اليوم الجمعة، في تفجيرات منفصلة شهدتها البلاد. "
        "وانفجرت عبوة ناسفة على دورية للجيش قرب الصالحية. "
        "وفي حادث منفصل، انفجرت عبوة ثانية قرب سوق شعبي في الميادين، مما أسفر عن مقتل مدني."
    )
    places = {"الصالحية": SY_TOWN, "الميادين": {**SY_TOWN, "admin1": "02"}}
    context = make_context(body, {"الصالحية": "LOC", "الميادين": "LOC"}, places)
    bombings = [e for e in find_events(context) if e.type == "bombing"]
    assert len(bombings) == 2
    assert {e.time.text for e in bombings} == {"اليوم الجمعة"}


def test_an_incident_with_its_own_date_keeps_it() -> None:
    body = "قتل ثلاثة جنود، اليوم الجمعة، في تفجيرات منفصلة. وكانت عبوة ناسفة قد انفجرت أمس قرب سوق شعبي."
    times = sorted(e.time.text or "" for e in find_events(make_context(body)) if e.type == "bombing")
    assert "أمس" in times


def test_the_event_s_own_time_beats_the_report_date_in_its_sentence() -> None:
    body = (
        "أعلنت وزارة الداخلية، الأحد، أن مسلحين مجهولين خطفوا مدير إدارة المصارف في الوزارة، سامي الخطيب، "
        "من أمام منزله في منطقة الروضة جنوبي العاصمة مساء الجمعة."
    )
    found = {e.type: e.time.text for e in find_events(make_context(body, {"وزارة الداخلية": "ORG"}))}
    assert found["abduction"] == "مساء الجمعة"


def test_the_cause_of_casualties_reported_now_is_no_background() -> None:
    body = "أصيب ثلاثة جنود بجروح إثر انفجار عبوة ناسفة استهدفت دوريتهم في البلدة."
    [bombing] = [e for e in find_events(make_context(body)) if e.type == "bombing"]
    assert not bombing.background


def test_an_event_after_which_something_else_happened_is_background() -> None:
    body = "أعلنت الحكومة حالة الطوارئ بعد هجوم استهدف حاجزا للجيش."
    [attack] = [e for e in find_events(make_context(body)) if e.type == "attack"]
    assert attack.background
