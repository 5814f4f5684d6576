"""The words around a name settle its type: settlements before a name, outlets cited or spoken to."""

from __future__ import annotations

import pytest

from marsad.schemas.records import Entity
from marsad.streams.entities import ModelSpan
from marsad.streams.entity_context import (
    cited_outlets,
    complete_facility_names,
    complete_family_names,
    complete_given_names,
    complete_role_names,
    cut_before_names,
    drop_described_places,
    drop_generic_nouns,
    front_line_names,
    join_patronymics,
    names_after_roles,
    region_with_its_word,
    retype_by_context,
    short_names,
    source_mentions,
    spokesperson_names,
    token_cues,
)
from marsad.streams.linking import EntityLinker
from marsad.streams.quotes import SPEECH_VERBS
from marsad.streams.tokenize import tokenize


def pipeline_entities(body: str, source: str | None = None) -> set[tuple[str, str]]:
    """The (text, type) of the entities the whole pipeline finds in ``body``, from ``source``."""
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    raw = RawArticle(id="t", body=body, source=source, published_at="2026-03-01T00:00:00Z")
    return {(e.text, e.type) for e in Pipeline.load().process(raw).entities}


def span(body: str, text: str, type_: str) -> ModelSpan:
    start = body.index(text)
    return ModelSpan(text, type_, start, start + len(text))


@pytest.mark.parametrize(
    ("body", "name", "expected"),
    [
        ("داهمت القوات منزلا في بلدة الصالحية ليلا.", "الصالحية", "LOC"),
        ("وقعت اشتباكات في قرية خالد صباح اليوم.", "خالد", "LOC"),
        ("اندلعت مواجهات في العبيد بريف حلب الشمالي.", "العبيد", "LOC"),
        ("اندلعت مواجهات في العبيد شرق المدينة.", "العبيد", "LOC"),
        # after a facility noun, and a "person" opened by one: a place, a body
        ("استهدفت مسيرة مسجد عقابا الكبير فجرا.", "عقابا الكبير", "LOC"),
        ("وأعلنت قوة الرضوان أن عناصرها قصفوا الموقع.", "قوة الرضوان", "ORG"),
        # no settlement noun, no countryside phrase: the tagger's PER stands
        ("التقى الوزير خالد العبيد في المدينة.", "خالد العبيد", "PER"),
        ("قال خالد إن الوضع هادئ.", "خالد", "PER"),
    ],
)
def test_a_person_name_after_a_settlement_noun_is_a_place(body: str, name: str, expected: str) -> None:
    [found] = retype_by_context([span(body, name, "PER")], tokenize(body))
    assert (found.text, found.type) == (name, expected)


@pytest.mark.parametrize(
    ("body", "name", "expected"),
    [
        ("التقى الرئيس سامي الخطيب نظيره منير حداد في العاصمة.", "سامي الخطيب نظيره", "سامي الخطيب"),
        ("وصل منير حداد وزير الخارجية إلى العاصمة.", "منير حداد وزير", "منير حداد"),
        ("وصل منير حداد إلى العاصمة.", "منير حداد", "منير حداد"),
        ("قال الرئيس الأوكراني منير حداد إن", "الأوكراني منير حداد", "منير حداد"),
    ],
)
def test_a_person_ends_before_a_role_noun(body: str, name: str, expected: str) -> None:
    [found] = retype_by_context([span(body, name, "PER")], tokenize(body))
    assert found.text == expected == body[found.start : found.end]


@pytest.mark.parametrize(
    ("body", "name", "type_", "kept"),
    [
        ("أسقطت الدفاعات طائرة من طراز (إم كيو 9) فوق المدينة.", "إم كيو", "ORG", False),
        ("أطلقوا صاروخا من طراز «ذو الفقار» على المطار.", "ذو الفقار", "PER", False),
        ("صادرت الشرطة سيارة من نوع تويوتا في الحي.", "تويوتا", "ORG", False),
        # a maker named as the subject, not after a type word, stays
        ("أعلنت تويوتا زيادة مبيعاتها.", "تويوتا", "ORG", True),
        # a weapon named after its designer is no person, with or without the weapon noun in the span
        ("ضبطت القوات بنادق كلاشينكوف وذخيرة.", "كلاشينكوف", "PER", False),
        ("ضبطت القوات بنادق كلاشينكوف وذخيرة.", "بنادق كلاشينكوف", "PER", False),
        ("وضبطت معها طلقات كلاشينكوف عدد 600.", "كلاشينكوف", "PER", False),
        # an organisation owning the rockets stays
        ("أطلقت صواريخ الجماعة على المدينة.", "الجماعة", "ORG", True),
    ],
)
def test_a_name_after_a_type_word_is_a_model_not_an_entity(body: str, name: str, type_: str, kept: bool) -> None:
    found = retype_by_context([span(body, name, type_)], tokenize(body))
    assert [s.text for s in found] == ([name] if kept else [])


@pytest.mark.parametrize(
    ("body", "found", "expected"),
    [
        # the tagger stopped at a second name that is also a title: the name set off after the role is whole
        ("وقال الخبير في شؤون الجماعات، مصطفى أمين لـ“أخبار الآن” إن التنظيم ضعيف.", "مصطفى", "مصطفى أمين"),
        ("وأكدت الباحثة في المركز، سارة محمد حسن لوكالة الأنباء أن الوضع خطير.", "سارة", "سارة محمد حسن"),
        # no speech verb before the role, or the name is already whole: unchanged
        ("وصل الخبير في الشؤون العسكرية، مصطفى أمين إلى المدينة.", "مصطفى", "مصطفى"),
        ("وقال الخبير، مصطفى أمين إن التنظيم ضعيف.", "مصطفى أمين", "مصطفى أمين"),
    ],
)
def test_a_partial_name_after_a_speakers_role_is_completed(body: str, found: str, expected: str) -> None:
    [span_out] = complete_role_names(body, [span(body, found, "PER")], tokenize(body), SPEECH_VERBS)
    assert span_out.text == expected
    assert body[span_out.start : span_out.end] == expected


@pytest.fixture(scope="module")
def link() -> object:
    return EntityLinker.load().link


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("لم يصدر تعليق رسمي، بحسب “الأناضول”.", ["الأناضول"]),
        ("وقال المتحدث للأناضول إن الهجوم فشل.", ["للأناضول"]),
        ("ذكرت المصادر، وفقا لـ«الجزيرة»، أن القصف استمر.", ["الجزيرة"]),
        # a name of two words, and an outlet after «مراسل»
        ("وقال مصدر مطلع لـ«الشرق الأوسط» إن المحادثات مستمرة.", ["الشرق الأوسط"]),
        ("شل الإضراب حركة النقل، وفق مراسل الأناضول.", ["الأناضول"]),
        # national papers: names that are also words are outlets only where cited
        ("وقال مصدر أمني لـ«الخبر» إن المفارز تقدمت.", ["الخبر"]),
        ("وأفاد دفاع المتهمين، في تصريح لهسبريس، بأنه سيستأنف.", ["لهسبريس"]),
        # the region, not cited: no outlet
        ("تقع المدينة في شرق الأناضول.", []),
        ("تشهد منطقة الشرق الأوسط تصعيدا.", []),
    ],
)
def test_an_outlet_cited_or_spoken_to_is_an_organisation(body: str, expected: list[str], link: object) -> None:
    tokens = tokenize(body)
    found = cited_outlets(body, tokens, token_cues(tokens), link, ModelSpan)
    assert [s.text for s in found] == expected
    assert all(s.type == "ORG" for s in found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقال المتحدث العسكري باسم الجماعة، صالح سريع، إن الطائرة أسقطت.", ["صالح سريع"]),
        ("وأوضح الناطق الرسمي، أحمد بن علي، أن القوات تقدمت.", ["أحمد بن علي"]),
        # what follows the comma is not a name: a definite noun, or a clause running on
        ("وقال المتحدث، الذي رفض ذكر اسمه، إن الوضع هادئ.", []),
        ("وقال المتحدث، إن القوات تقدمت نحو المدينة.", []),
        # where he said it, set off after his name
        ("وقال المتحدث باسم الجيش العميد نبيل عبدالله، في بيان، إن القوات تقدمت.", []),
    ],
)
def test_the_name_in_apposition_to_a_spokesperson_is_a_person(body: str, expected: list[str]) -> None:
    tokens = tokenize(body)
    found = spokesperson_names(body, tokens, token_cues(tokens), ModelSpan)
    assert [s.text for s in found] == expected
    assert all(s.type == "PER" and body[s.start : s.end] == s.text for s in found)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("الريف", False),
        ("بالمنطقة", False),
        ("طراز", False),
        ("كنيسا", False),  # the word as written, not ك + نيسا
        ("الريف الشرقي", True),  # more than one word: a name may be headed by the noun
        ("الرقة", True),
        ("داعش", True),
    ],
)
def test_a_one_word_common_noun_is_not_a_name(text: str, kept: bool) -> None:
    spans = [ModelSpan(text, "LOC", 0, len(text))]
    assert bool(drop_generic_nouns(spans)) is kept


@pytest.mark.parametrize(
    ("body", "name", "kept"),
    [
        ("نصبت مجموعة كمينا بمنطقة غابية معزولة بإقليم الميلية.", "غابية معزولة", False),
        ("هاجم مسلحون موقعاً في منطقة نائية.", "نائية", False),
        ("هاجم مسلحون موقعاً في منطقة غوتيه غرب البلاد.", "غوتيه", True),  # a name in -ية
    ],
)
def test_a_description_of_an_area_is_no_place(body: str, name: str, kept: bool) -> None:
    start = body.index(name)
    spans = [ModelSpan(name, "LOC", start, start + len(name))]
    assert bool(drop_described_places(spans, tokenize(body))) is kept


@pytest.mark.parametrize(
    ("body", "org", "short", "expected"),
    [
        ("وأفادت وكالة الأنباء الوطنية الرسمية (وطن) بأن القصف توقف.", "وكالة الأنباء الوطنية", "وطن", "ORG"),
        ("وأعلنت جبهة التحرير (الجبهة) مسؤوليتها.", "جبهة التحرير", "الجبهة", "ORG"),
        # a weekday in parentheses dates the statement: no short name
        ("وقال الجيش الوطني (الخميس) إن قواته تقدمت.", "الجيش الوطني", "الخميس", None),
    ],
)
def test_a_name_in_parentheses_after_an_organisation_is_its_short_name(
    body: str, org: str, short: str, expected: str | None
) -> None:
    start = body.index(org)
    at = body.index(short, start + len(org))
    entities = [
        Entity(org, "ORG", start, start + len(org), canonical_id="test:org"),
        Entity(short, "LOC", at, at + len(short)),  # what the tagger had read there
    ]
    found = {e.text: e for e in short_names(tokenize(body), entities)}
    if expected is None:
        assert found[short].type == "LOC"
    else:
        assert (found[short].type, found[short].canonical_id, found[short].source) == (expected, "test:org", "rule")


def test_the_countryside_of_a_place_is_a_place() -> None:
    body = "تصاعدت الهجمات في أرياف دير الزور خلال الأسابيع الماضية."
    [found] = retype_by_context([span(body, "أرياف دير الزور", "ORG")], tokenize(body))
    assert found.type == "LOC"


@pytest.mark.parametrize(
    ("body", "found", "expected"),
    [
        ("حملة تمشيط في القرى المحيطة ببيت عانا أمس.", "ببيت", "بيت عانا"),  # the proclitic is dropped
        ("انفجرت عبوة في ناحية أبي صيدا بمحافظة ديالى.", "صيدا", "أبي صيدا"),  # the first word was missed
        ("قصفت الطائرات بلدة دير البلح.", "دير البلح", "دير البلح"),  # whole already
        ("وصل الوفد إلى بيروت أمس.", "بيروت", "بيروت"),  # no compound
        ("ضبطت القوات المهربين قرب بئر الحكيم فجر اليوم.", "بئر", "بئر الحكيم"),  # Egypt's, the Maghreb's,
        ("اقتحم مسلحون قرية ود الشافعي أمس.", "ود", "ود الشافعي"),  # Sudan's first words too
        ("عاد الهدوء إلى سيدي بوزيد بعد المواجهات.", "سيدي", "سيدي بوزيد"),
        ("صدت القوات هجوماً في منطقة باب غلق شمال الضالع.", "باب", "باب غلق"),  # a gate's, a pass's
        ("ضبط شحنة أسلحة قبالة ذو باب\n\nعدن - سبأنت", "باب", "باب"),  # a line break ends a name
        ("ضبط شحنة أسلحة قبالة ذو باب\n\nعدن - سبأنت", "عدن", "عدن"),
    ],
)
def test_a_compound_village_name_is_completed(body: str, found: str, expected: str) -> None:
    from marsad.streams.entity_context import complete_compound_places

    [place] = complete_compound_places(body, [span(body, found, "LOC")], tokenize(body))
    assert place.text == expected == body[place.start : place.end]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("غير أن المتحدث العسكري باسمها يحيى سريع كان قد حذر.", ["يحيى سريع"]),
        ("والتقت المبعوثة الأممية إلى ليبيا هانا تيتيه، الاثنين، رئيس المجلس.", ["هانا تيتيه"]),
        ("وعقد رئيس نادي الاتحاد منصور الغامدي اجتماعا.", ["منصور الغامدي"]),
        ("واستقبل الوزير وفدا برئاسة خليل الحية.", ["خليل الحية"]),
        ("وقال المتحدث باسم الشرطة عبد الفتاح آدم حسن للصحفيين إن", ["عبد الفتاح آدم حسن"]),
        # a verb or a common word after the role is no name
        ("وقال وزير الخارجية زار المدينة أمس.", []),
        ("وقال رئيس الوزراء إن الحكومة ستعمل.", []),
    ],
)
def test_a_name_right_after_a_role_is_a_person(body: str, expected: list[str]) -> None:
    found = names_after_roles(body, tokenize(body), [], ModelSpan)
    assert [s.text for s in found] == expected
    assert all(s.type == "PER" and body[s.start : s.end] == s.text for s in found)


def test_a_model_span_run_into_a_role_name_is_cut_before_it() -> None:
    body = "وعقد رئيس نادي الاتحاد منصور الغامدي اجتماعا."
    at = body.index("الاتحاد")
    run_on = ModelSpan("الاتحاد منصور الغامدي", "ORG", at, at + len("الاتحاد منصور الغامدي"))
    names = names_after_roles(body, tokenize(body), [run_on], ModelSpan)
    assert [s.text for s in names] == ["منصور الغامدي"]
    assert [s.text for s in cut_before_names(body, [run_on], names)] == ["الاتحاد"]


def test_the_spokespersons_name_before_the_comma_is_not_taken_after_it() -> None:
    body = "والمتحدث باسم الحركة لورانس كانيوكا، متهمة إياهما بتأجيج النزاع."
    tokens = tokenize(body)
    assert spokesperson_names(body, tokens, token_cues(tokens), ModelSpan) == []


@pytest.mark.parametrize(
    ("body", "source", "expected"),
    [
        ('وقال الوالي لـ"سودان تربيون" إن الوضع هادئ.', "سودان تربيون", ["سودان تربيون"]),
        ("وأكد المتحدث لموزاييك أف أم أن القطار توقف.", "موزاييك أف أم", ["موزاييك أف أم"]),  # past لـ
        ('وقال مصدر لـ"الخبر" إن الجيش أوقف المهربين.', "الخبر", ["الخبر"]),  # one word, set off
        ("وتناقل الناس الخبر بسرعة في المدينة.", "الخبر", []),  # "the news", not the outlet
        ("وقال الوالي إن الوضع هادئ.", None, []),
        ("وقال الوالي إن الوضع هادئ.", "Reuters", []),
    ],
)
def test_the_articles_own_outlet_named_in_its_text(body: str, source: str | None, expected: list[str]) -> None:
    found = source_mentions(body, tokenize(body), source, ModelSpan)
    assert [(m.text, m.type) for m in found] == [(text, "ORG") for text in expected]


def test_in_the_pipeline_the_outlet_is_no_person() -> None:
    body = 'وقال والي الولاية لـ"سودان تربيون" إن الهجوم أسفر عن مقتل ثلاثة مدنيين.'
    entities = pipeline_entities(body, source="سودان تربيون")
    assert ("سودان تربيون", "ORG") in entities
    assert not any("تربيون" in text for text, kind in entities if kind != "ORG")


@pytest.mark.parametrize(
    ("body", "person", "expected"),
    [
        ("وقال مطهر علي المرادي إن الحملة بدأت.", "مطهر علي", "مطهر علي المرادي"),  # a family name left out
        ("وقال الرئيس بشار الأسد السوري إن", "بشار الأسد", "بشار الأسد"),  # a nationality is no family name
        ("زار كورمور الغازي الوفد.", "كورمور", "كورمور"),  # a one-word "person": left alone
        ("وقال مطهر علي، المرادي إن", "مطهر علي", "مطهر علي"),  # past a comma: another phrase
    ],
)
def test_a_person_takes_the_family_name_after_it(body: str, person: str, expected: str) -> None:
    found = complete_family_names(body, [span(body, person, "PER")], tokenize(body))
    assert [s.text for s in found] == [expected]


@pytest.mark.parametrize(
    ("body", "person", "expected"),
    [
        ("وقتل الشاب أيهم قاسم القداح برصاص مجهولين.", "قاسم القداح", "أيهم قاسم القداح"),  # a given name left out
        ("والمعتقلون هم: أنس رائد البدوي، وليث عمر الطيطي.", "عمر الطيطي", "ليث عمر الطيطي"),  # its و stays out
        ("وقال المواطن قاسم القداح إن", "قاسم القداح", "قاسم القداح"),  # a noun before the name: no given name
        ("وأكد أيهم، قاسم القداح إن", "قاسم القداح", "قاسم القداح"),  # past a comma: another phrase
        ("وقال ليث الطيطي إن", "الطيطي", "الطيطي"),  # a one-word "person": left alone
    ],
)
def test_a_person_takes_the_given_name_before_it(body: str, person: str, expected: str) -> None:
    found = complete_given_names(body, [span(body, person, "PER")], tokenize(body))
    assert [s.text for s in found] == [expected]


@pytest.mark.parametrize(
    ("body", "person", "expected"),
    [
        ("وقال والي لعصابة، الداه ولد سيدي اعمر، إن", "سيدي اعمر", "الداه ولد سيدي اعمر"),
        ("وقال المحتج محمد ولد اعل إن المياه", "محمد ولد", "محمد ولد اعل"),
        ("وقالت الوزيرة الناها بنت مكناس إن", "مكناس", "الناها بنت مكناس"),
        ("زار الوزير ولد عبد الله المدينة", "عبد الله", "عبد الله"),  # no given name before ولد
    ],
)
def test_a_mauritanian_name_is_joined_over_its_patronymic(body: str, person: str, expected: str) -> None:
    found = join_patronymics(body, [span(body, person, "PER")], tokenize(body))
    assert [s.text for s in found] == [expected]


def _entity(body: str, text: str, type_: str) -> Entity:
    start = body.index(text)
    return Entity(text, type_, start, start + len(text), source="model")


@pytest.mark.parametrize(
    ("body", "place", "expected"),
    [
        ("نقلت الطفلتان إلى مستشفى الثورة العام لتلقي العلاج.", "مستشفى الثورة", "مستشفى الثورة العام"),
        ("استؤنفت الرحلات من مطار معيتيقة الدولي أمس.", "مطار معيتيقة", "مطار معيتيقة الدولي"),
        ("وصل الوفد إلى طرابلس الغرب أمس.", "طرابلس", "طرابلس"),  # no facility: nothing to take
        ("قصف مستشفى الشفاء الكبير.", "مستشفى الشفاء", "مستشفى الشفاء"),  # not a listed adjective
    ],
)
def test_a_facility_takes_the_adjectives_of_its_name(body: str, place: str, expected: str) -> None:
    found = complete_facility_names(body, [_entity(body, place, "LOC")], tokenize(body))
    assert [e.text for e in found] == [expected]


@pytest.mark.parametrize(
    ("body", "place", "expected"),
    [
        ("طال القصف قرى في إقليم كوردستان أمس.", "كوردستان", "إقليم كوردستان"),  # the Kurdistan Region's name
        ("وقالت حكومة بإقليم كردستان العراق إن", "كردستان العراق", "إقليم كردستان العراق"),  # without its clitic
        ("وقعت اشتباكات في إقليم دارفور أمس.", "دارفور", "دارفور"),  # elsewhere إقليم is a place word
    ],
)
def test_the_kurdistan_region_keeps_its_word(body: str, place: str, expected: str) -> None:
    found = region_with_its_word(body, [_entity(body, place, "LOC")], tokenize(body))
    assert [e.text for e in found] == [expected]


def test_a_village_that_shares_a_channels_name_is_a_place() -> None:
    body = "أوقفت الشرطة سمسارين اثنين بقرية الجزيرة الخضراء، وقال مصدر أمني للجزيرة إن الحملة مستمرة."
    entities = pipeline_entities(body)
    assert ("الجزيرة الخضراء", "LOC") in entities
    assert any(kind == "ORG" and text.endswith("جزيرة") for text, kind in entities)  # the channel spoken to


def test_a_lake_or_river_named_for_a_place_is_a_place_of_its_own() -> None:
    body = "هاجم مسلحون جزيرة في بحيرة تشاد قرب نهر لوغون، ثم فروا نحو الحدود."
    entities = pipeline_entities(body)
    assert {("بحيرة تشاد", "LOC"), ("نهر لوغون", "LOC")} <= entities
    assert ("تشاد", "LOC") not in entities


def test_the_articles_outlet_named_like_a_desert_is_the_outlet() -> None:
    body = "باسكنو (صحراء ميديا) – وصل مئات اللاجئين إلى مقاطعة باسكنو فارين من ضربات المسيرات."
    entities = pipeline_entities(body, source="صحراء ميديا")
    assert ("صحراء ميديا", "ORG") in entities and ("صحراء ميديا", "LOC") not in entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أوقفت المفارز بولاية برج باجي مختار 118 شخصا", ("برج باجي مختار", "LOC")),  # a province, no person
        ("احتجز الحرس ناقلتين قرب جزيرة أبو موسى", ("أبو موسى", "LOC")),  # an island's name, no kunya
    ],
)
def test_a_person_the_tagger_read_in_a_province_or_island_is_a_place(text: str, expected: tuple[str, str]) -> None:
    name = expected[0] if expected[0] != "برج باجي مختار" else "بولاية برج باجي مختار"
    start = text.index(name)
    [span] = retype_by_context([ModelSpan(name, "PER", start, start + len(name))], tokenize(text))
    assert (span.text, span.type) == expected


def test_a_name_read_behind_kaf_is_a_word_cut() -> None:
    """كنيس (a synagogue) is not ك + نيس (Nice): news hardly puts ك or ف before a name."""
    found = pipeline_entities("هاجم مسلح كنيس المدينة القديمة في ليون ليل السبت.")
    assert ("نيس", "LOC") not in found and ("كنيس", "LOC") not in found
    assert ("ليون", "LOC") in found


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("قتل شخص بعدما اقتحمت سيارة حشداً من المارة في ساحة سان لامبير وسط مدينة لييج.", "ساحة سان لامبير"),
        ("نفذت الشرطة عملية دهم واسعة في حي لا كاستيلان في مرسيليا.", None),  # «لا» is never the place alone
    ],
)
def test_a_foreign_article_opens_a_place_name(body: str, place: str | None) -> None:
    found = pipeline_entities(body)
    assert ("لا", "LOC") not in found and ("ساحة سان", "LOC") not in found
    if place is not None:
        assert (place, "LOC") in found


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("شنت الأجهزة الأمنية حملة مكبرة بدائرة مركز دار السلام أسفرت عن ضبط 23 متهماً.", "دار السلام"),
        ("قتل شخص في مشاجرة بدائرة مركز نجع حمادي شمال قنا.", "نجع حمادي"),
    ],
)
def test_an_egyptian_police_district_names_its_town(body: str, place: str) -> None:
    """«بدائرة مركز X»: X is the town; «مركز X» is no organisation."""
    found = pipeline_entities(body)
    assert (place, "LOC") in found
    assert not any(text.startswith("مركز") or type_ == "ORG" for text, type_ in found)


@pytest.mark.parametrize(
    ("body", "name", "kept"),
    [
        ("نفذت القوات العملية بدعم بري وجوي من التحالف.", "بري", False),
        ("تعرضت البلدة لقصف جوي وبري عنيف.", "وبري", False),
        ("وقال بري إن المجلس سيجتمع.", "بري", True),  # the speaker of the parliament
    ],
)
def test_land_and_air_are_no_person(body: str, name: str, kept: bool) -> None:
    found = retype_by_context([span(body, name, "PER")], tokenize(body))
    assert [s.text for s in found] == ([name] if kept else [])


def test_a_town_run_on_into_its_countryside_is_two_places() -> None:
    body = "اندلعت اشتباكات في ذيبان بريف دير الزور الشرقي."
    found = retype_by_context([span(body, "ذيبان بريف دير الزور", "LOC")], tokenize(body))
    assert [(s.text, s.type) for s in found] == [("ذيبان", "LOC"), ("دير الزور", "LOC")]
    assert all(body[s.start : s.end] == s.text for s in found)


@pytest.mark.parametrize(
    ("body", "name", "expected"),
    [
        ("أوقفت مفارز الجيش بولاية برج باجي مختار 118 شخصا.", "برج باجي مختار", "LOC"),
        ("تراجعت الصادرات خلال ولاية ترامب الأولى.", "ترامب", "PER"),  # a term of office, not a province
    ],
)
def test_a_person_after_in_the_province_of_is_the_province(body: str, name: str, expected: str) -> None:
    [found] = retype_by_context([span(body, name, "PER")], tokenize(body))
    assert (found.text, found.type) == (name, expected)


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("اندلعت مواجهات عنيفة في جبهة الكدحة غرب المدينة.", ["الكدحة"]),
        ("قتل ثلاثة جنود بجبهة مريس شمالي الضالع.", ["مريس"]),
        # a common word names no front line; a movement's name is no place
        ("تقدمت القوات على جبهة القتال.", []),
        ("قال قيادي في جبهة النصرة إن الهدنة انتهت.", []),
        # no preposition: a front as a body (أعلنت جبهة ...), left to the tagger
        ("أعلنت جبهة الكدحة بيانا.", []),
    ],
)
def test_a_front_line_the_tagger_missed_is_a_place(body: str, names: list[str]) -> None:
    found = front_line_names(body, tokenize(body), [], ModelSpan)
    assert [(s.text, s.type) for s in found] == [(name, "LOC") for name in names]


def test_a_front_line_the_tagger_found_is_not_found_twice() -> None:
    body = "اندلعت مواجهات عنيفة في جبهة الكدحة غرب المدينة."
    assert front_line_names(body, tokenize(body), [span(body, "الكدحة", "LOC")], ModelSpan) == []


@pytest.mark.parametrize(
    ("body", "name", "kept"),
    [
        ("أعلن الجانب الأوكراني أن الهجوم فشل.", "الأوكراني", False),
        ("قتل جندي روسي في القصف.", "روسي", False),
        ("وقال المصري إن الاتفاق صامد.", "المصري", True),  # a surname after a speech verb
    ],
)
def test_a_nationality_adjective_is_no_person(body: str, name: str, kept: bool) -> None:
    found = retype_by_context([span(body, name, "PER")], tokenize(body))
    assert [s.text for s in found] == ([name] if kept else [])


def test_the_two_states_of_is_no_place() -> None:
    body = "وشملت الحملة ولايتي بونتلاند وجوبالاند."
    assert drop_generic_nouns([span(body, "ولايتي", "LOC")]) == []
