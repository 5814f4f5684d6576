"""Targets that are not named entities: the object of an assault, read from the syntax around its trigger."""

from __future__ import annotations

import pytest

from marsad.streams.event_arguments import span_argument
from marsad.streams.events import find_events

from .test_events import SY, SY_CITY, make_context


def targets(body: str, entities: dict[str, str] | None = None, places: dict | None = None) -> dict[str, str | None]:
    found = find_events(make_context(body, entities, places))
    return {e.type: (e.target.text if e.target else None) for e in found}


@pytest.mark.parametrize(
    ("body", "entities", "event_type", "target"),
    [
        # the object of استهدف (a place word and the city named before, with its adjective)
        (
            "شنت الجماعة هجوما صاروخيا استهدف مطار المدينة الدولي، وأسفر عن مقتل شخصين.",
            {"الجماعة": "ORG"},
            "shelling",
            "مطار المدينة الدولي",
        ),
        # على + noun, across the trigger's own noun phrase and a comma
        ("قتل جندي في انفجار عبوة ناسفة، على دوريتهم قرب البلدة.", {}, "bombing", "دوريتهم"),
        # ضد + noun
        ("نفذ مسلحون هجوما ضد حاجز للشرطة.", {}, "attack", "حاجز"),
        # a time between the verb of aim and its object
        (
            "وأضاف أن غارة ثانية استهدفت الثلاثاء مخبأ في الغابة.",
            {},
            "airstrike",
            "مخبأ",
        ),
        # the direct object of a transitive trigger (its verbal noun)
        ("أعلنت الجماعة إسقاط طائرة مسيرة في أجواء المدينة.", {"الجماعة": "ORG"}, "attack", "طائرة مسيرة"),
        # whose positions were hit: the organisation owning the object is part of the target
        (
            "قال الجيش الوطني إن طائراته قصفت مواقع لتنظيم الجماعة في المدينة.",
            {"الجيش الوطني": "ORG", "تنظيم الجماعة": "ORG"},
            "shelling",
            "مواقع لتنظيم الجماعة",
        ),
        # a plural verb takes its object too (هاجموا)
        ("قالت الوزارة إن مسلحين هاجموا مستشفى في المدينة.", {"الوزارة": "ORG"}, "attack", "مستشفى"),
        # verb, named subject, then the object (Arabic puts the subject first)
        (
            "أسقطت قوات الجيش الوطني طائرة مسيرة تابعة للمتمردين.",
            {"الجيش الوطني": "ORG"},
            "attack",
            "طائرة مسيرة تابعة",
        ),
    ],
)
def test_the_phrase_an_assault_was_aimed_at_is_its_target(
    body: str, entities: dict[str, str], event_type: str, target: str
) -> None:
    assert targets(body, entities)[event_type] == target


@pytest.mark.parametrize(
    ("body", "entities", "places", "event_type"),
    [
        # على مقربة من: a distance, not a target; على الفور: "at once"
        ("وقع انفجار عبوة ناسفة على مقربة من سوق شعبي.", {}, {}, "bombing"),
        ("وقع انفجار عبوة ناسفة وهرب المنفذون على الفور.", {}, {}, "bombing"),
        # على مدى يومين: "over two days"
        ("شنت الطائرات غارات جوية على مدى يومين في المنطقة.", {}, {}, "airstrike"),
        # a country or a town after على is where the strikes fell, not what they hit
        ("شنت الطائرات غارات على سوريا.", {"سوريا": "LOC"}, {"سوريا": SY}, "airstrike"),
        ("شنت الطائرات غارات على محافظة حمص.", {"حمص": "LOC"}, {"حمص": SY_CITY}, "airstrike"),
        # the verb whose object is the trigger names its agent, not a target (قصف مدفعي شنته قوات ...)
        ("تعرضت البلدة لقصف مدفعي شنته قوات الجماعة.", {"قوات الجماعة": "ORG"}, {}, "shelling"),
        # a passive verb has no object: what follows is the means (بصاروخ)
        ("قال الجيش إن الطائرة المسيرة أسقطت بصاروخ أرض جو فوق المدينة.", {"الجيش": "ORG"}, {}, "attack"),
    ],
)
def test_no_target_is_guessed_where_the_phrase_names_none(
    body: str, entities: dict[str, str], places: dict, event_type: str
) -> None:
    found = targets(body, entities, places)
    assert event_type in found
    assert found[event_type] is None


@pytest.mark.parametrize(
    ("body", "entities", "target"),
    [
        # على after the trigger: the people taken, a plural noun
        ("ألقت الشرطة القبض على مطلوبين في الحي.", {"الشرطة": "ORG"}, "مطلوبين"),
        # a dual noun is its own count
        ("ألقت الشرطة القبض على شخصين في المدينة أمس.", {"الشرطة": "ORG"}, "شخصين"),
        # the object past the subject: a count and its noun
        ("وأوقفت قوات الأمن ثلاثة شبان في البلدة.", {}, "ثلاثة شبان"),
        # a person named right after the verb's subject is who was taken, not a second subject
        ("واعتقلت الشرطة سامر الخطيب في المدينة.", {"الشرطة": "ORG", "سامر الخطيب": "PER"}, "سامر الخطيب"),
        # a band of them
        ("فككت الشرطة خلية إرهابية واعتقلت أفرادها.", {"الشرطة": "ORG"}, "أفرادها"),
        # past «during it», and the suspects with what they are suspected of
        ("وداهمت الشرطة الحي واعتقلت خلالها 4 مشتبه بهم.", {"الشرطة": "ORG"}, "4 مشتبه بهم"),
        ("وقالت إن الشرطة اعتقلت خلال العملية ستة مشتبه بهم.", {"الشرطة": "ORG"}, "ستة مشتبه بهم"),
    ],
)
def test_an_arrest_with_no_group_takes_the_people_arrested(body: str, entities: dict, target: str) -> None:
    assert targets(body, entities)["arrest"] == target


@pytest.mark.parametrize(
    ("body", "entities"),
    [
        # a count of what was not people, a time, a reason: no one named
        ("واعتقلت الشرطة خمسة وضبطت أسلحة في المدينة.", {"الشرطة": "ORG"}),
        ("وألقت الشرطة القبض مساء أمس في المدينة.", {"الشرطة": "ORG"}),
        ("واعتقلت الشرطة بتهمة السرقة في المدينة.", {"الشرطة": "ORG"}),
    ],
)
def test_an_arrest_names_no_one_when_no_people_follow(body: str, entities: dict) -> None:
    assert targets(body, entities).get("arrest") is None


def test_the_group_the_people_arrested_belong_to_is_the_target() -> None:
    found = targets(
        "واعتقلت الشرطة شخصين يشتبه بانتمائهما إلى تنظيم الجماعة في المدينة.",
        {"الشرطة": "ORG", "تنظيم الجماعة": "ORG"},
    )
    assert found["arrest"] == "تنظيم الجماعة"


@pytest.mark.parametrize(
    ("body", "entities", "event_type", "target"),
    [
        # a membership word a few tokens before the group, past its quotation marks
        (
            'اعتقلت الشرطة شخصين يشتبه بانتمائهما إلى تنظيم "الجماعة" في المدينة.',
            {"الشرطة": "ORG", "الجماعة": "ORG"},
            "arrest",
            "الجماعة",
        ),
        # a cell of the group, named after the operation's actor and its apposition
        (
            "فككت قوات الأمن، التابعة لوزارة الداخلية، خلية تابعة لتنظيم الجماعة في ريف المدينة.",
            {"قوات الأمن": "ORG", "وزارة الداخلية": "ORG", "تنظيم الجماعة": "ORG"},
            "security_operation",
            "تنظيم الجماعة",
        ),
        # the actor's own apposition (التابعة لـ) names no target
        (
            "فككت قوات الأمن، التابعة لوزارة الداخلية، شبكة لتهريب السلاح في المدينة.",
            {"قوات الأمن": "ORG", "وزارة الداخلية": "ORG"},
            "security_operation",
            None,
        ),
    ],
)
def test_the_group_an_operation_or_arrest_was_aimed_at(
    body: str, entities: dict[str, str], event_type: str, target: str | None
) -> None:
    assert targets(body, entities)[event_type] == target


def test_an_arrest_told_after_an_operation_takes_its_target() -> None:
    body = "فككت قوات الأمن خلية تابعة لتنظيم الجماعة في المدينة. واعتقلت القوات ثلاثة من عناصرها."
    found = targets(body, {"قوات الأمن": "ORG", "تنظيم الجماعة": "ORG"})
    assert found["security_operation"] == "تنظيم الجماعة"
    assert found["arrest"] == "تنظيم الجماعة"


@pytest.mark.parametrize(
    ("body", "entities", "actor"),
    [
        # a person named after a reporting verb reports the bombing, he did not set it off
        ('وأعلن "سامي الخطيب" عن انفجار عبوة ناسفة قرب السوق.', {"سامي الخطيب": "PER"}, None),
        # an organisation announcing its own act is its actor
        ("أعلنت الجماعة إسقاط طائرة مسيرة فوق المدينة.", {"الجماعة": "ORG"}, "الجماعة"),
        # ... but not an event it reports in a clause of its own (إن + another subject)
        ("قالت وزارة الصحة إن غارة جوية على المخيم أسفرت عن مقتل 4 أشخاص.", {"وزارة الصحة": "ORG"}, None),
        ("أعلنت الوزارة أن مسلحين خطفوا موظفا في المدينة.", {"الوزارة": "ORG"}, "مسلحين"),
        # ... unless that subject is its own forces (إن طائراته)
        (
            "قال الجيش الوطني إن طائراته قصفت مواقع للجماعة في المدينة.",
            {"الجيش الوطني": "ORG", "الجماعة": "ORG"},
            "الجيش الوطني",
        ),
        # ... also far from the trigger, past «في بيان» and a time (أن طائراته ... شنت غارات)
        (
            "أعلن الجيش الوطني، في بيان صدر صباح اليوم، أن طائراته الحربية شنت غارات على مواقع في المدينة.",
            {"الجيش الوطني": "ORG"},
            "الجيش الوطني",
        ),
        # ... or when the clause tells its own act (إنه قصف)
        (
            "وقال الجيش الوطني في بيان مقتضب إنه قصف تجمعات للمسلحين قرب المدينة.",
            {"الجيش الوطني": "ORG"},
            "الجيش الوطني",
        ),
        # a person's «his forces» are not the person's act
        (
            "وقال سامي الخطيب في مؤتمر صحفي اليوم إن قواته قصفت مواقع المسلحين.",
            {"سامي الخطيب": "PER"},
            None,
        ),
        # an organisation after the verb's object owns the object; it is not the subject
        ("قصفت مواقع للجماعة في المدينة.", {"الجماعة": "ORG"}, None),
        # a subject behind its head noun
        ("هاجم مسلحو الجماعة حاجزا للجيش.", {"الجماعة": "ORG"}, "الجماعة"),
        # ... a unit of it, maybe described (مفارز مشتركة للجيش)
        ("أوقفت مفارز مشتركة لتنظيم الحرس ثلاثة عناصر في المدينة.", {"تنظيم الحرس": "ORG"}, "تنظيم الحرس"),
        # forces named by common nouns: security services, a sniper and his side, unknown men
        ("وأعادت الأجهزة الأمنية القبض على 11 منهم.", {}, "الأجهزة الأمنية"),
        ("وكان قناص حوثي قد قتل امرأة في الحي.", {}, "قناص حوثي"),
        # an act أعلن governs is the announcer's, named or referred to by its head noun
        (
            "وأعلنت إدارة أمن المدينة، في وقت لاحق، القبض على ثلاثة من المشاركين.",
            {"إدارة أمن المدينة": "ORG"},
            "إدارة أمن المدينة",
        ),
        # the group the people counted belong to did not act; gunmen of a group did
        ("أسفرت العملية عن القبض على ٥ عناصر من عصابات الجماعة، وضبط ١٢ عبوة ناسفة.", {"الجماعة": "ORG"}, None),
        ("قال سكان إن مسلحين من قوات الجماعة خطفوا 27 مدنيا.", {"قوات الجماعة": "ORG"}, "قوات الجماعة"),
        # whose hand killed, past the toll and the means
        ("قتل عنصر في الأمن العام إثر استهداف سيارته بالرصاص من قبل مجهولين على الطريق.", {}, "مجهولين"),
    ],
)
def test_a_person_reporting_an_event_is_not_its_actor(body: str, entities: dict[str, str], actor: str | None) -> None:
    [event] = [e for e in find_events(make_context(body, entities)) if e.type != "statement"]
    assert (event.actor.text if event.actor else None) == actor


@pytest.mark.parametrize(
    ("body", "entities", "sides"),
    [
        (
            "اندلعت اشتباكات عنيفة، ليل السبت، بين الجيش الوطني وقوات الحماية في البلدة.",
            {"الجيش الوطني": "ORG", "قوات الحماية": "ORG"},
            ("الجيش الوطني", "قوات الحماية"),
        ),
        (
            "وقعت اشتباكات بين مسلحين من الجماعة وقوات الأمن في المدينة.",
            {"الجماعة": "ORG", "قوات الأمن": "ORG"},
            ("الجماعة", "قوات الأمن"),
        ),
        # a side named by common nouns (a force phrase)
        (
            "اندلعت اشتباكات بين الجيش الوطني ومسلحين مجهولين.",
            {"الجيش الوطني": "ORG"},
            ("الجيش الوطني", "مسلحين مجهولين"),
        ),
        ("اندلعت اشتباكات بين القوات الحكومية ومسلحين في الشمال.", {}, ("القوات الحكومية", "مسلحين")),
        # "the forces" alone stands for a force named before: no pair is guessed
        ("اندلعت اشتباكات بين القوات وسكان البلدة.", {}, None),
    ],
)
def test_the_two_sides_of_a_clash_are_its_actor_and_target(
    body: str, entities: dict[str, str], sides: tuple[str, str] | None
) -> None:
    [clash] = [e for e in find_events(make_context(body, entities)) if e.type == "armed_clash"]
    found = (clash.actor.text, clash.target.text) if clash.actor and clash.target else None
    assert found == sides


@pytest.mark.parametrize(
    ("body", "entities", "sides"),
    [
        # the subject clashed with the side named after مع
        (
            "اشتبكت قوات الأمن مع مسلحين مجهولين في حي الزهور فجر اليوم.",
            {"قوات الأمن": "ORG"},
            ("قوات الأمن", "مسلحين مجهولين"),
        ),
        (
            "خاضت الجماعة معارك ضارية مع القوات الحكومية في الإقليم.",
            {"الجماعة": "ORG", "القوات الحكومية": "ORG"},
            ("الجماعة", "القوات الحكومية"),
        ),
        # no subject named: the side fought against is still the target
        (
            "قتل ثلاثة عناصر في اشتباكات مع خلايا التنظيم في الريف الشرقي.",
            {"التنظيم": "ORG"},
            (None, "التنظيم"),
        ),
    ],
)
def test_the_side_a_clash_was_fought_with_is_its_target(
    body: str, entities: dict[str, str], sides: tuple[str | None, str]
) -> None:
    [clash] = [e for e in find_events(make_context(body, entities)) if e.type == "armed_clash"]
    assert (clash.actor.text if clash.actor else None, clash.target.text if clash.target else None) == sides


@pytest.mark.parametrize(
    ("body", "entities", "event_type", "target"),
    [
        # the people a bombing killed, named after its casualty word
        ("انفجرت عبوة ناسفة قرب سوق في البلدة، مما أسفر عن مقتل مدنيين اثنين.", {}, "bombing", "مدنيين"),
        # a quantity word before them is skipped
        ("قتل التحالف مجموعة مسلحين كانوا يختبئون في البساتين.", {"التحالف": "ORG"}, "attack", "مسلحين"),
        # people said to be of an organisation: the organisation was hit
        (
            "انفجرت عبوة ناسفة أسفرت عن مقتل ضابط وإصابة 2 آخرين من فوج الحماية في البلدة.",
            {"فوج الحماية": "ORG"},
            "bombing",
            "فوج الحماية",
        ),
        # a bare number names no one
        ("أصيب اثنان بجروح في انفجار عبوة ناسفة في البلدة.", {}, "bombing", None),
        ("قتل 18 مسلحاً في هجوم للجيش.", {}, "attack", "مسلحاً"),
        # a verb's object after a على that names no target
        ("هاجم مسلحون حاجزا للشرطة وفروا على الفور.", {}, "attack", "حاجزا"),
        # a bare force noun right after the verb is its subject, not the object
        ("قصف الجيش مواقع المسلحين بالمدفعية.", {}, "shelling", "مواقع المسلحين"),
        ("أسفر الانفجار عن مقتل ثلاثة أشخاص.", {}, "bombing", None),  # "persons" are counted, not named
        # casualties told before the trigger
        ("قتل ثلاثة مدنيين في قصف مدفعي على السوق.", {}, "shelling", "السوق"),
        ("قتل ثلاثة مدنيين في قصف للجيش.", {}, "shelling", "مدنيين"),
        ("أسفر الهجوم عن مقتل اثنين من الجنود.", {}, "attack", "الجنود"),
        # what the attack was aimed at still comes first
        ("قتل جندي في انفجار عبوة ناسفة، على دوريتهم قرب البلدة.", {}, "bombing", "دوريتهم"),
    ],
)
def test_the_people_an_assault_hit_are_its_target_when_nothing_else_is(
    body: str, entities: dict[str, str], event_type: str, target: str | None
) -> None:
    assert targets(body, entities)[event_type] == target


@pytest.mark.parametrize(
    ("body", "entities", "sides"),
    [
        # host first, guest after
        (
            "استقبل الرئيس سامي الخطيب في العاصمة وزير الخارجية منير حداد.",
            {"سامي الخطيب": "PER", "منير حداد": "PER"},
            ("سامي الخطيب", "منير حداد"),
        ),
        # a person is preferred to the organisation of his title
        (
            "التقى رئيس مجلس الوزراء سامي الخطيب نظيره منير حداد.",
            {"مجلس الوزراء": "ORG", "سامي الخطيب": "PER", "منير حداد": "PER"},
            ("سامي الخطيب", "منير حداد"),
        ),
        # مع names the guest; the unnamed host is left empty
        ("اجتمع وزير الخارجية مع رئيس الوزراء منير حداد.", {"منير حداد": "PER"}, (None, "منير حداد")),
    ],
)
def test_the_host_and_guest_of_a_meeting(body: str, entities: dict[str, str], sides: tuple) -> None:
    [meeting] = [e for e in find_events(make_context(body, entities)) if e.type == "meeting"]
    assert (meeting.actor.text if meeting.actor else None, meeting.target.text if meeting.target else None) == sides


@pytest.mark.parametrize(
    ("body", "entities", "actor"),
    [
        # a force named by common nouns does it, as the subject after a verb or before a noun trigger
        ("اقتحمت قوات الاحتلال مدينة نابلس فجر اليوم.", {}, "قوات الاحتلال"),
        ("شنت الطائرات الإسرائيلية غارات على مواقع في الجنوب.", {}, "الطائرات الإسرائيلية"),
        ("اختطف مسلحون مجهولون موظفا في المدينة.", {}, "مسلحون مجهولون"),
        # after برصاص / بنيران, named or not
        ("قتل شاب برصاص قوات الاحتلال قرب المدينة.", {}, "قوات الاحتلال"),
        ("قتل شاب برصاص الجيش الوطني قرب المدينة.", {"الجيش الوطني": "ORG"}, "الجيش الوطني"),
        # a state: the nationality of the assault, or a country as the verb's subject
        ("استشهد ثلاثة فلسطينيين في غارة إسرائيلية على المخيم.", {}, "إسرائيلية"),
        ("قتل أربعة أشخاص في هجوم روسي على المدينة.", {}, "روسي"),
        # "the forces" alone stands for a force named before: no actor is made of it
        ("وداهمت القوات منزلا في البلدة.", {}, None),
        # after the verb of agency (شنه، نفذه)
        ("قتل جنديان بعد هجوم شنه مسلحون على حاجز في البلدة.", {}, "مسلحون"),
        # the owner of the assault noun (هجوم لتنظيم X)
        ("قتل ثلاثة جنود في هجوم للجماعة على حاجز.", {"للجماعة": "ORG"}, "للجماعة"),
        # the casualties' own organisation did not strike
        ("قُتل قيادي في الجماعة بغارة جوية قرب المدينة.", {"الجماعة": "ORG"}, None),
        # whoever condemns it did not do it
        ("أدان رئيس الوزراء سامي الخطيب التفجير الذي وقع في السوق.", {"سامي الخطيب": "PER"}, None),
        # the unit of the casualties did not do it
        ("قتل ثلاثة من عناصر الجيش في هجوم على حاجز.", {}, None),
    ],
)
def test_a_force_named_by_common_nouns_is_the_actor(body: str, entities: dict[str, str], actor: str | None) -> None:
    [event] = [e for e in find_events(make_context(body, entities)) if e.type != "statement"][:1]
    assert (event.actor.text if event.actor else None) == actor


def test_a_country_as_the_subject_of_a_verb_trigger_is_the_actor() -> None:
    body = "قصفت إسرائيل مواقع في الجنوب فجر اليوم."
    places = {"إسرائيل": {"country_code": "IL", "feature_class": "A"}}
    [event] = find_events(make_context(body, {"إسرائيل": "LOC"}, places))
    assert event.actor is not None and (event.actor.text, event.actor.type) == ("إسرائيل", "LOC")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("فلسطينيين", "فلسطينيين"),  # ف is the word's own: it is more common with it
        ("بلدة", "بلدة"),
        ("والقوات", "القوات"),  # و + the article
        ("بمنزل", "منزل"),  # more common without ب
        ("وحاجز", "حاجز"),
    ],
)
def test_an_argument_keeps_a_first_letter_that_is_its_own(text: str, kept: str) -> None:
    argument = span_argument(text, 0, len(text))
    assert argument.text == kept == text[argument.start : argument.end]


@pytest.mark.parametrize(
    ("body", "entities", "expected"),
    [
        # the verbal noun استهداف launches the missile named at the end of its clause
        (
            "أعلنت الجماعة المسلحة استهداف سفينة تجارية في عرض البحر بصاروخ باليستي.",
            {"الجماعة المسلحة": "ORG"},
            ("shelling", None, "سفينة تجارية"),
        ),
        # who aimed the weapon fired it, not the owner of what was hit
        (
            "استهدف الجيش مواقع المسلحين بقذائف المدفعية.",
            {},
            ("shelling", "الجيش", "مواقع المسلحين"),
        ),
        (
            "استهدفت قوات الحكومة مواقع الجماعة بقذائف الهاون.",
            {"قوات الحكومة": "ORG", "الجماعة": "ORG"},
            ("shelling", "قوات الحكومة", "مواقع"),
        ),
    ],
)
def test_a_weapon_takes_the_subject_and_object_of_the_verb_that_aimed_it(
    body: str, entities: dict[str, str], expected: tuple[str, str | None, str]
) -> None:
    found = [e for e in find_events(make_context(body, entities)) if e.type == expected[0]]
    assert len(found) == 1
    event = found[0]
    actor, target = (event.actor.text if event.actor else None), (event.target.text if event.target else None)
    assert (event.type, actor, target) == expected


@pytest.mark.parametrize(
    ("body", "actor", "target"),
    [
        # a bare word that is also the verb takes its subject after it; the count is what was taken
        ("خطف مسلحون ما لا يقل عن 45 شخصا من قرية نائية.", "مسلحون", "45 شخصا"),
        ("اختطف مسلحون أكثر من 40 طالبا من مدرسة داخلية.", "مسلحون", "40 طالبا"),
        ("اختطف مسلحون مجهولون 12 مزارعا قرب البلدة.", "مسلحون مجهولون", "12 مزارعا"),
    ],
)
def test_an_abduction_takes_its_subject_and_the_people_counted(body: str, actor: str, target: str) -> None:
    (event,) = [e for e in find_events(make_context(body)) if e.type == "abduction"]
    assert (event.actor.text if event.actor else None, event.target.text if event.target else None) == (actor, target)


def test_a_count_of_them_names_no_target() -> None:
    body = "شنت الطائرات الحربية 12 غارة جوية استهدفت 9 منها مواقع في الريف."
    for event in find_events(make_context(body)):
        assert event.target is None or "منها" not in event.target.text


def test_a_drone_named_right_after_the_verb_that_aimed_it() -> None:
    body = "قال الحاكم إن القوات استهدفت بمسيرة سيارة مدنية في البلدة، ما أدى إلى مقتل امرأة."
    (event,) = [e for e in find_events(make_context(body)) if e.type == "airstrike"]
    assert event.target is not None and event.target.text == "سيارة مدنية"


def test_a_missile_that_hit_is_a_strike() -> None:
    body = "تواصل القصف على المدينة. وأصاب صاروخ باليستي مستودعا في الحي الصناعي، ما أسفر عن إصابة أربعة عمال."
    assert "shelling" in {e.type for e in find_events(make_context(body))}


@pytest.mark.parametrize(
    ("body", "target"),
    [
        ("فرضت الوزارة عقوبات على ثلاث شركات يمولون الجماعة.", "ثلاث شركات"),
        ("تبنى الاتحاد حزمة جديدة من العقوبات على روسيا تستهدف قطاع الطاقة.", "روسيا"),
    ],
)
def test_sanctions_are_imposed_on_whom_follows_ala(body: str, target: str) -> None:
    places = {"روسيا": {"feature_class": "A", "country_code": "RU"}}
    (event,) = find_events(make_context(body, {"روسيا": "LOC"}, places))
    assert event.type == "sanction" and event.target is not None and event.target.text == target


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        ("وكانت البلدة قد شهدت اشتباكات مماثلة بين العشيرتين أسفرت عن مقتل شخصين.", "العشيرتين"),
        ("اندلعت اشتباكات بين مجموعتين مسلحتين في المدينة أسفرت عن مقتل شخصين.", "مجموعتين مسلحتين"),
        # «the two sides» refers back to sides named before: no actor is made of it
        ("اندلعت اشتباكات بين الطرفين في المدينة أسفرت عن مقتل شخصين.", None),
    ],
)
def test_both_sides_of_a_clash_named_by_one_dual_noun(body: str, actor: str | None) -> None:
    [clash] = [e for e in find_events(make_context(body)) if e.type == "armed_clash"]
    assert (clash.actor.text if clash.actor else None) == actor


@pytest.mark.parametrize(
    ("body", "sides"),
    [
        # the sides come after a weapon and a time set off by commas
        (
            "اندلعت اشتباكات عنيفة بالأسلحة المتوسطة والثقيلة، ليل الأحد، بين مجموعتين مسلحتين في المدينة.",
            ("مجموعتين مسلحتين", None),
        ),
        # a group's name in quotation marks that the tagger did not take for a name
        ("تجددت المعارك، أمس الاثنين، بين «إم 23» والجيش الكونغولي في شمال كيفو.", ("إم 23", "الجيش الكونغولي")),
        # a «بين» behind a relative pronoun places the fighting; it names no side
        ("اندلعت اشتباكات في المنطقة التي تقع بين الجيش والحدود أسفرت عن مقتل شخصين.", (None, None)),
    ],
)
def test_the_sides_of_a_clash_after_bayna(body: str, sides: tuple[str | None, str | None]) -> None:
    [clash] = [e for e in find_events(make_context(body)) if e.type == "armed_clash"]
    assert (clash.actor.text if clash.actor else None, clash.target.text if clash.target else None) == sides


@pytest.mark.parametrize(
    ("body", "actor", "target"),
    [
        # the police's gunfight with the men they came for: the police act
        ("لقي ثلاثة عناصر إجرامية مصرعهم في تبادل لإطلاق النار مع قوات الشرطة في المدينة.", "قوات الشرطة", None),
        # a side of a war is fought against, and whoever fights it is not named here
        ("قتل خمسة في معارك عنيفة مع القوات الحكومية في المدينة.", None, "القوات الحكومية"),
    ],
)
def test_a_clash_with_the_police_is_the_police_s_act(body: str, actor: str | None, target: str | None) -> None:
    [clash] = [e for e in find_events(make_context(body)) if e.type == "armed_clash"]
    assert (clash.actor.text if clash.actor else None) == actor
    assert (clash.target.text if clash.target else None) == target


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        ("قتل ثلاثة مواطنين في هجوم شنته مجموعة مسلحة على قرية في الولاية.", "مجموعة مسلحة"),
        ("وقال المتحدث إن عصابة مسلحة كبيرة اقتحمت القرية وأطلقت النار، ما أدى إلى مقتل رجلين.", "عصابة مسلحة كبيرة"),
    ],
)
def test_an_armed_group_or_gang_named_by_common_nouns_is_the_actor(body: str, actor: str) -> None:
    [attack] = [e for e in find_events(make_context(body)) if e.type == "attack"]
    assert attack.actor is not None and attack.actor.text == actor


def test_a_group_of_people_with_no_qualifier_is_no_force() -> None:
    found = targets("اعتقلت الشرطة مجموعة من الشبان في المدينة.", {"الشرطة": "ORG"})
    assert found["arrest"] is None


def test_a_phrase_of_people_ends_before_a_verb() -> None:
    found = targets("أعلنت الشرطة توقيف شاب هاجم كنيسا يهوديا في المدينة.", {"الشرطة": "ORG"})
    assert found["arrest"] == "شاب"
