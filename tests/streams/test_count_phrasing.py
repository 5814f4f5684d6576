"""Counts, and who claimed an attack, told in the words of communiqués and reports (invented sentences)."""

from __future__ import annotations

from functools import cache

import pytest

from marsad.schemas.records import EnrichedEvent, RawArticle
from marsad.streams.pipeline import Pipeline


@cache
def _pipeline() -> Pipeline:
    return Pipeline.load()


def events(body: str, type_: str) -> list[EnrichedEvent]:
    article = _pipeline().process(RawArticle(id="t", body=body, published_at="2026-02-01T08:00:00Z"))
    return [event for event in article.events if event.type == type_]


@pytest.mark.parametrize(
    ("body", "killed"),
    [
        ("قضت مفرزة من الجيش الوطني الشعبي، ليلة السبت، على مهربين اثنين إثر اشتباك مسلح بالمنطقة الحدودية.", 2),
        ("تمكنت القوات من القضاء على 27 عنصرا من المسلحين في اشتباك مسلح جنوب البلاد.", 27),
    ],
)
def test_put_an_end_to_is_killed(body: str, killed: int) -> None:
    assert [event.killed for event in events(body, "armed_clash")] == [killed]


@pytest.mark.parametrize(
    ("body", "arrested"),
    [
        ("أسفرت المداهمة عن توقيف المشتبه فيهم الخمسة في حي شعبي بالمدينة.", 5),
        ("أعلنت الشرطة تحرير الطالب المخطوف واعتقال خاطفيه الثلاثة بعد عملية أمنية.", 3),
    ],
)
def test_a_definite_number_after_the_people_it_counts(body: str, arrested: int) -> None:
    assert [event.arrested for event in events(body, "arrest")] == [arrested]


def test_a_definite_number_after_a_span_of_time_counts_no_one() -> None:
    found = events("اعتقلت الشرطة خلال الأيام الثلاثة الماضية عددا من المطلوبين في المدينة.", "arrest")
    assert [event.arrested for event in found] == [None]


def test_a_claim_of_responsibility_is_the_attack_told_before() -> None:
    body = (
        "لقي سبعة أشخاص مصرعهم صباح اليوم الاثنين إثر انفجار سيارة مفخخة عند نقطة تفتيش في مدينة بيدوا. "
        "وتبنت حركة الشباب الهجوم، فيما قال حاكم إقليم باي في مؤتمر صحفي عقده عصر اليوم إن قوات الأمن أحبطت "
        "محاولة الانتحاري الوصول إلى وسط المدينة."
    )
    (bombing,) = events(body, "bombing")
    assert bombing.killed == 7
    assert bombing.actor is not None and bombing.actor.text == "حركة الشباب"


def test_a_singular_casualty_noun_counts_one_and_leaves_the_next_number_to_its_noun() -> None:
    clashes = events("قتيل وثلاثة جرحى في اشتباكات ليلية بين مجموعتين مسلحتين في الزاوية.", "armed_clash")
    assert [(event.killed, event.injured) for event in clashes] == [(1, 3)]


def test_a_person_and_a_coordinated_group_are_added() -> None:
    bombings = events("أصيب ضابط وثلاثة جنود من الجيش بانفجار عبوة ناسفة استهدفت دوريتهم في منطقة زراعية.", "bombing")
    assert [event.injured for event in bombings] == [4]


@pytest.mark.parametrize(
    ("body", "killed"),
    [
        # a dual and a singular person after it: one more
        ("قُتل سائقان وجندي من عناصر المرافقة صباح السبت في هجوم مسلح استهدف قافلة على الطريق.", 3),
        # but the number before a pair of accusative nouns counts both
        ("قُتل نحو 50 جندياً وعنصراً من المتطوعين في هجوم واسع شنه مسلحون على موقع للجيش.", 50),
    ],
)
def test_a_dual_and_a_coordinated_person(body: str, killed: int) -> None:
    assert [event.killed for event in events(body, "attack")] == [killed]


def test_a_dual_before_a_casualty_verb_counts_its_own_noun() -> None:
    bombings = events("قُتل جنديان وأصيب ثلاثة آخرون بانفجار عبوة ناسفة استهدفت دورية للجيش.", "bombing")
    assert [(event.killed, event.injured) for event in bombings] == [(2, 3)]


def test_a_person_and_a_coordinated_counted_dual_are_added() -> None:
    bombings = events(
        "وكان الوادي قد شهد الشهر الماضي مقتل ضابط ومنتسبين اثنين من الجهاز بانفجار عبوة ناسفة.", "bombing"
    )
    assert [event.killed for event in bombings] == [3]


def test_a_person_and_a_coordinated_dual_are_added() -> None:
    attacks = events("قُتل ضابط وجنديان في كمين نصبه مسلحون للتنظيم قرب قرية الزركة.", "attack")
    assert [event.killed for event in attacks] == [3]


def test_a_coordinated_dual_of_things_adds_no_one() -> None:
    attacks = events("قتل مدني وسيارتين في هجوم مسلح على الطريق الدولي.", "attack")
    assert [event.killed for event in attacks] == [1]


def test_two_counted_groups_are_added() -> None:
    attacks = events("مقتل 5 جنود و17 من مسلحي الحركة بهجوم على قاعدة عسكرية وسط البلاد.", "attack")
    assert [event.killed for event in attacks] == [22]


def test_a_group_after_a_dual_of_people_is_added() -> None:
    body = "انفجرت عبوة ناسفة بقافلة عسكرية، ما أدى إلى مقتل جنديين وثلاثة من المتطوعين."
    assert [event.killed for event in events(body, "bombing")] == [5]


def test_took_the_lives_of_is_killed() -> None:
    body = "تبنى التنظيم هجوماً انتحارياً على معسكر للجيش في منطقة المحفد أودى بحياة 16 جندياً."
    assert [event.killed for event in events(body, "bombing")] == [16]


def test_the_arrested_follow_the_on_of_seized_however_long_the_subject() -> None:
    body = "قبضت دوريات الأرض لحرس الحدود في قطاع الربوعة بمنطقة عسير على أربعة مخالفين لنظام أمن الحدود."
    assert [event.arrested for event in events(body, "arrest")] == [4]


def test_a_time_set_off_by_commas_stands_between_the_verb_and_its_count() -> None:
    body = "أفادت المنظمة بأن عناصر من الحرس الثوري اعتقلوا، يوم الاثنين، ناشطَين مدنيين في مدينة بوكان."
    assert [event.arrested for event in events(body, "arrest")] == [2]


def test_a_phrase_set_off_by_commas_stands_between_the_verb_and_its_count() -> None:
    body = "وأضاف المتحدث أن القطعات الأمنية اعتقلت، في عملية منفصلة، متهمَين اثنين بالإرهاب في قضاء الرطبة."
    assert [event.arrested for event in events(body, "arrest")] == [2]


def test_the_two_sides_of_a_battle_are_no_victims() -> None:
    body = "توقف الهجوم عند أطراف المدينة بعد معارك أودت بحياة الآلاف من الطرفين."
    (clash,) = events(body, "armed_clash")
    assert (clash.target, clash.count_text) == (None, "الآلاف")


def test_a_headlines_present_tense_kill_counts_its_dead() -> None:
    body = "الجيش يقتل فلسطينيين اثنين بضربة مسيّرة على بلدة طمون شمال الضفة الغربية."
    assert [event.killed for event in events(body, "airstrike")] == [2]


def test_the_force_after_a_kill_verb_with_its_object_pronoun_killed() -> None:
    body = "هاجم مسلحان مقرا للشرطة بعد التفجير، قبل أن تقتلهما قوات الأمن في تبادل لإطلاق النار استمر نحو ساعة."
    clashes = events(body, "armed_clash")
    assert [event.actor.text for event in clashes if event.actor] == ["قوات الأمن"]


@pytest.mark.parametrize("noun", ["مختار", "راعي"])
def test_a_village_head_or_a_shepherd_counts_one(noun: str) -> None:
    attacks = events(f"قتل {noun} قرية الصبحة برصاص مسلحين مجهولين في ريف المحافظة الشرقي.", "attack")
    assert [event.killed for event in attacks] == [1]


def test_those_the_forces_killed_in_an_operation_are_its_toll() -> None:
    body = "قال الجيش إن قواته قتلت ثمانية من عناصر الحركة خلال عملية عسكرية في ريف المحافظة."
    assert events(body, "attack") == []
    assert [event.killed for event in events(body, "security_operation")] == [8]


def test_a_killing_with_its_agent_named_in_an_operation_stays_an_attack() -> None:
    body = "استشهد شاب برصاص قوات الاحتلال فجر اليوم خلال اقتحام واسع للبلدة."
    assert [event.killed for event in events(body, "attack")] == [1]


def test_a_toll_update_in_a_round_up_is_the_event_told_before_with_the_new_figures() -> None:
    body = (
        "مالي: قُتل 14 جندياً، أمس الإثنين، في كمين نصبه مسلحون لرتل عسكري قرب بلدة ديابالي وسط البلاد.\n\n"
        "ليبيا: خرج مئات المتظاهرين في مدينة مصراتة احتجاجاً على انقطاع الكهرباء.\n\n"
        "مالي (تحديث): ارتفعت حصيلة كمين ديابالي إلى 21 قتيلاً وتسعة جرحى من الجنود، فيما لم يصدر تعليق من "
        "السلطات في باماكو."
    )
    assert [(e.killed, e.injured) for e in events(body, "attack")] == [(21, 9)]


def test_a_count_of_the_dead_updated_for_a_named_strike_updates_that_strike() -> None:
    body = (
        "غزة: استشهد أربعة فلسطينيين في غارة شنها الطيران الإسرائيلي على خيمة في منطقة المواصي، ظهر اليوم.\n\n"
        "جنوب لبنان: أغارت مسيّرة إسرائيلية على دراجة نارية عند أطراف بلدة كفرحمام، ما أدى إلى سقوط شهيدين.\n\n"
        "غزة (تحديث): ارتفع عدد شهداء غارة المواصي إلى ستة بعد وفاة طفلين متأثرين بجراحهما."
    )
    strikes = events(body, "airstrike")
    assert sorted((e.location.text if e.location else "", e.killed) for e in strikes) == [
        ("المواصي", 6),
        ("كفرحمام", 2),
    ]


def test_two_shepherds_are_a_dual() -> None:
    assert [e.injured for e in events("أصيب راعيين في انفجار لغم أرضي بجبل السلوم.", "bombing")] == [2]


def _untimed(body: str) -> list[EnrichedEvent]:
    """Events of an article with no publication date: times count from the ingest time."""
    return list(_pipeline().process(RawArticle(id="t", body=body)).events)


def test_without_a_publication_date_an_event_weeks_ago_is_still_background() -> None:
    body = (
        "قصف مدفعي على حي الشجاعية\n\n"
        "استشهد مواطنان فجر اليوم جراء قصف مدفعي عنيف شنته قوات الاحتلال على حي الشجاعية شرق مدينة غزة.\n\n"
        "من جانبه، قال الناطق باسم جهاز الدفاع المدني في غزة الرائد محمود بصل إن طواقمه تمكنت من انتشال ٦ "
        "جثامين من تحت أنقاض منزل في حي الصبرة، كانت غارة إسرائيلية قد دمرته قبل نحو ثلاثة أسابيع."
    )
    found = {event.type: event for event in _untimed(body)}
    assert found["airstrike"].background and not found["shelling"].background
    # what the spokesman said is dated inside his words; his statement is not three weeks old
    assert not found["statement"].background


def test_fire_opened_and_dealt_with_is_one_clash_with_its_headline_toll() -> None:
    body = (
        "مصرع مهربين اثنين وضبط شحنة أسلحة جنوب شلاتين\n\n"
        "تمكنت قوات حرس الحدود، مساء الأربعاء، من إحباط محاولة لتهريب شحنة أسلحة جنوب مدينة شلاتين.\n\n"
        "وأفاد مصدر أمني بأن عناصر التهريب بادروا بإطلاق النار على القوات لدى محاولة استيقافهم، فتم التعامل "
        "معهم، ما أسفر عن مصرع اثنين منهم والقبض على ثلاثة آخرين."
    )
    found = _pipeline().process(RawArticle(id="t", body=body, published_at="2026-02-01T08:00:00Z")).events
    assert sorted(event.type for event in found) == ["armed_clash", "arrest", "seizure"]
    assert [event.killed for event in found if event.type == "armed_clash"] == [2]


def test_gold_and_drugs_by_the_kilogram_are_seized() -> None:
    body = (
        "ضبطت الأجهزة الأمنية بمحافظة أسوان 14 كيلوغراما من الذهب الخام المهرب و120 كيلوغراما من مخدر البانجو "
        "داخل شاحنة، وألقت القبض على 4 أشخاص."
    )
    assert len(events(body, "seizure")) == 1
