"""Rules for place-noun phrases, titled names, institutions and nationality adjectives (invented sentences)."""

from types import SimpleNamespace

import pytest

from marsad.schemas.records import Entity
from marsad.streams.entities import cut_led_by, merge_entities
from marsad.streams.entity_rules import extend_nationality, forces_of_places, rule_spans
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
        ("قال المدرب في المؤتمر الصحفي عقب المباراة إن الفريق قدم أداء جيدا", []),
        ("وصل الفريق أول عبد الفتاح البرهان إلى المدينة", [("عبد الفتاح", "PER")]),
        ("أكد الرئيس الأمريكي أن", []),
        ("وصلوا إلى الساحة في الصباح", []),
        ("وتدفق الماء في وادي السلام", [("وادي السلام", "LOC")]),
        # an adjective describes the place noun, it does not name it
        ("اقتادوا السكان إلى غابة مجاورة", []),
        # the desert of a place named with its own head noun: no name of its own
        ("قصفت الطائرات مضافة بصحراء محافظة الأنبار", []),
        # a settlement placed in its province with بـ
        ("خطف مسلحون 45 شخصا من قرية كايا بولاية زامفارا", [("كايا", "LOC")]),
        ("داهمت القوات بلدة الصور بريف دير الزور", [("الصور", "LOC")]),
        ("تحصن المسلحون في منطقة جبلية وعرة", []),
        ("فر النازحون من معسكر زمزم للنازحين", [("معسكر زمزم", "LOC")]),
        ("استهدف الانفجار مسجد مكي في المدينة", [("مسجد مكي", "LOC")]),
        ("نفذت القوات عملية في صحراء الرطبة وغابة سامبيسا", [("صحراء الرطبة", "LOC"), ("غابة سامبيسا", "LOC")]),
        ("نقل الجرحى إلى مستشفى ميداني قرب البلدة", []),  # an adjective, not a name
        ("نقل الجرحى إلى مستشفى البلدة", []),  # the town's hospital
        ("نقل الجرحى إلى مستشفى ناصر في خان يونس", [("مستشفى ناصر", "LOC")]),
        ("استقبل الرئيس الوفد في قصر بعبدا", [("قصر بعبدا", "LOC")]),
        # a name in -ية after a masculine place noun is no adjective of it
        ("تعرضت دورية لإطلاق نار في محيط معبر جوسية", [("معبر جوسية", "LOC")]),
        ("ضبطت الشحنة في منفذ النويصيب الحدودي", [("منفذ النويصيب", "LOC")]),
        ("أغلقت الشرطة شارع رئيسي في المدينة", []),
        ("أوقفت الدورية سوريين عند معبر غير شرعي قرب النهر", []),  # «غير شرعي» describes it
        ("وأدى القصف إلى دمار واسع", []),  # وأدى ("and it led to") folds like وادي
        # a settlement's name where the text marks it off: quoted, or before التابعة لـ
        ('انفجرت عبوة قرب سوق في قضاء "الحمدانية" جنوبي المدينة', [("الحمدانية", "LOC")]),
        ("قرب منطقة الرشاد التابعة لقضاء الحويجة", [("الرشاد", "LOC")]),
        ("في قرية أم الخير التابعة لناحية الصور", [("أم الخير", "LOC")]),
        ("وصلوا إلى المدينة التابعة للمحافظة", []),
        ("عاد السكان إلى منطقة واسعة من الريف", []),
        # a town or village noun names the word after it, marked off or not; a compound takes two words
        ("وقع الهجوم قرب بلدة ديبولي الحدودية مع السنغال", [("ديبولي", "LOC")]),
        ("هاجم المسلحون قرية تشاي في مقاطعة ماكوميا", [("تشاي", "LOC")]),
        ("خطفوا مدنيين من قرية أم صميمة غرب المدينة", [("أم صميمة", "LOC")]),
        ("قصفت القوات قرية ود النورة", [("ود النورة", "LOC")]),
        # ... not an adjective (feminine, like the noun), a direction, a verb or a place word
        ("قصفت الطائرات قرية حدودية", []),
        ("دخلوا بلدة صغيرة قرب الحدود", []),
        ("وقعت الاشتباكات في قرية قرب الحدود", []),
        ("تقع البلدة في بلدة تقع على النهر", []),
    ],
)
def test_rule_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال ضابط في وزارة الدفاع، إن", [("وزارة الدفاع", "ORG")]),
        ("ستنعقد جلسة لمجلس الوزراء ظهر اليوم", [("مجلس الوزراء", "ORG")]),
        # a ministry's or an agency's name may join its fields with و; another body after و is not one
        ("وقالت وزارة الصحة والسكان إن", [("وزارة الصحة والسكان", "ORG")]),
        ("أعلنت وزارة التجارة وتنمية الصادرات أن", [("وزارة التجارة وتنمية الصادرات", "ORG")]),
        ("قالت هيئة الزكاة والضريبة والجمارك إن", [("هيئة الزكاة والضريبة والجمارك", "ORG")]),
        ("وصلت فرق جهاز الإسعاف والطوارئ إلى", [("جهاز الإسعاف والطوارئ", "ORG")]),
        ("اتفاق بين وزارة الصحة والمنظمة الدولية للهجرة", [("وزارة الصحة", "ORG"), ("المنظمة الدولية للهجرة", "ORG")]),
        ("اشتباكات بين جهاز الأمن الداخلي والفرقة الرابعة", [("جهاز الأمن الداخلي", "ORG"), ("الفرقة الرابعة", "ORG")]),
        # after a preposition, a directorate or municipality with a rare name is a district (Yemen, Algeria)
        ("قتل مدنيان بقصف في مديرية قطابر الحدودية", [("قطابر", "LOC")]),
        ("اندلعت مواجهات بمديرية القبيطة", [("القبيطة", "LOC")]),
        ("نقل الجرحى إلى مستشفى في مديرية الصحة", [("مديرية الصحة", "ORG")]),  # a field: the directorate
        ("وأعلنت مديرية القبيطة أن", [("مديرية القبيطة", "ORG")]),  # the district's authority speaks
        # a party's name may join two nouns
        ("فاز حزب العدالة والتنمية بالمرتبة الأولى", [("حزب العدالة والتنمية", "ORG")]),
        ("أصيب عنصران من فوج مكافحة الشغب في المدينة", [("فوج مكافحة الشغب", "ORG")]),
        ("أعلن مجلس محافظة نينوى المحلي أن", [("مجلس محافظة نينوى المحلي", "ORG")]),
        ("نقلت وكالة الأنباء الأردنية الرسمية عن", [("وكالة الأنباء الأردنية", "ORG")]),
        ("دعت منظمة العفو الدولية إلى", [("منظمة العفو الدولية", "ORG")]),
        ("قال جهاز الأمن الوطني إن", [("جهاز الأمن الوطني", "ORG")]),
        # a definite head named by its adjectives
        ("أعلن المجلس الرئاسي الليبي أن", [("المجلس الرئاسي الليبي", "ORG")]),
        ("قال البنك المركزي المصري إن", [("البنك المركزي المصري", "ORG")]),
        ("وقالت الشركة النفطية الوطنية إن", []),  # not a listed definite head
        # a company's classifier before its name is left to the tagger
        ("أعلنت شركة بلتون المالية أرباحها", []),
        ("وقالت شركة النفط الوطنية إن", [("شركة النفط الوطنية", "ORG")]),
        # commands: قيادة before what it commands; the definite one with its adjectives and what it is of
        ("أعلنت قيادة عمليات الأنبار أن", [("قيادة عمليات الأنبار", "ORG")]),
        ("وقالت القيادة العامة للقوات المسلحة إن", [("القيادة العامة للقوات المسلحة", "ORG")]),
        ("قالت الهيئة العامة للأرصاد الجوية إن", [("الهيئة العامة للأرصاد الجوية", "ORG")]),
        # security bodies named by a common noun and the adjective that makes them one
        ("قال الدفاع المدني إن", [("الدفاع المدني", "ORG")]),
        ("وأعلن الأمن الداخلي أن", [("الأمن الداخلي", "ORG")]),
        ("أعلن الحرس الثوري أن", [("الحرس الثوري", "ORG")]),
        ("وقالت النيابة العامة إن", [("النيابة العامة", "ORG")]),
        ("قالت الشرطة الصومالية إن", [("الشرطة الصومالية", "ORG")]),
        ("وقال نادي الأسير الفلسطيني إن", [("نادي الأسير الفلسطيني", "ORG")]),
        # gendarmeries, border and coast guards
        ("وأوقف الدرك الوطني 31 شخصا", [("الدرك الوطني", "ORG")]),
        ("أحبطت وحدات حرس الحدود محاولة تهريب", [("حرس الحدود", "ORG")]),
        ("وأعلنت قوات حرس الحدود أن", [("قوات حرس الحدود", "ORG")]),
        ("أنقذ خفر السواحل عشرات المهاجرين", [("خفر السواحل", "ORG")]),
        ("وأحبطت وحدات الحرس البحري أربع عمليات", [("الحرس البحري", "ORG")]),
        # bodies named by what they are for (لل / ل + a noun and what it governs)
        ("وقالت المديرية العامة للأمن الوطني إن", [("المديرية العامة للأمن الوطني", "ORG")]),
        ("أعلنت الإدارة العامة لمكافحة المخدرات أن", [("الإدارة العامة لمكافحة المخدرات", "ORG")]),
        ("حذرت المنظمة الدولية للهجرة من", [("المنظمة الدولية للهجرة", "ORG")]),
        ("دعا الاتحاد العام التونسي للشغل إلى", [("الاتحاد العام التونسي للشغل", "ORG")]),
        ("وأحال المكتب المركزي للأبحاث القضائية المشتبه بهم", [("المكتب المركزي للأبحاث القضائية", "ORG")]),
        ("أعلنت المنطقة العسكرية الشرقية أن", [("المنطقة العسكرية الشرقية", "ORG")]),
        # departments, administrations and sectors of security bodies
        ("وأعلنت إدارة مكافحة المخدرات أن", [("إدارة مكافحة المخدرات", "ORG")]),
        ("وقالت دائرة المخابرات العامة إن", [("دائرة المخابرات العامة", "ORG")]),
        ("وأعلن قطاع الأمن العام أن", [("قطاع الأمن العام", "ORG")]),
        ("وقالت قيادة الأمن الداخلي إن", [("قيادة الأمن الداخلي", "ORG")]),
    ],
)
def test_institutions(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "أسس رجل الأعمال مؤسسة للسلام في المدينة",  # "a foundation for peace"
        "اجتمع مجلس الإدارة أمس",  # a company's board
        "عطل في جهاز الكمبيوتر",
        "انعقد المجلس في المساء",  # no construct: the head is definite
        "شكلت الحكومة لجنة من الخبراء",
        "التحالف الدولي بقيادة الولايات المتحدة",  # بقيادة is "led by"
        "استقبل رئيس مجلس الوزراء الضيف",  # a person's title
        "وقالت الوزارة المعنية إن",  # "the ministry concerned"
        "التحالف الدولي بقيادة الولايات المتحدة",  # "led by"
        "ناقش المؤتمر تعزيز الأمن الغذائي في البلاد",  # food security is no body
        "وقالت الشرطة المحلية إن",  # the local police of no country named
        "قاتلوا تحت قيادة الجنرال",  # "under the command of"
        "أبلغت قيادة الفرقة الجنود",  # the command of a unit: no name of its own
        "وتحدثت المنظمة الدولية عن المخاطر",  # no purpose: a description
        "نقل إلى المركز الطبي في البلدة",
        "أمطار غزيرة على المنطقة الشرقية",  # a region, not a military command
        "انتقدت إدارة ترامب القرار",  # an administration of a person
        "وضع الملف في دائرة الضوء",  # a figure of speech
        "قصفت الطائرات قطاع غزة",  # a territory
        "تألق حراس المرمى في المباراة",  # goalkeepers
    ],
)
def test_no_institution(text: str) -> None:
    assert [s for s in spans(text) if s[1] == "ORG"] == []


def test_spans_index_the_text_and_skip_a_proclitic() -> None:
    text = "تجمعوا بساحة النصر مساء"
    [span] = rule_spans(text, tokenize(text))
    assert text[span.start : span.end] == span.text == "ساحة النصر"


def test_organisation_takes_the_nationality_adjective_after_it() -> None:
    text = "أعلنت خلية الإعلام الأمني العراقية أمس"
    entity = Entity("خلية الإعلام الأمني", "ORG", 6, 25)
    [extended] = extend_nationality(text, [entity], tokenize(text))
    assert extended.text == "خلية الإعلام الأمني العراقية" == text[extended.start : extended.end]


def test_any_country_adjective_closes_an_organisation() -> None:
    text = "قالت وزارة الدفاع النيجرية إن"
    entity = Entity("وزارة الدفاع", "ORG", 5, 17)
    [extended] = extend_nationality(text, [entity], tokenize(text))
    assert extended.text == "وزارة الدفاع النيجرية"


def test_other_adjectives_and_types_are_left_alone() -> None:
    text = "تنظيم داعش الإرهابي في مدينة الموصل العراقية"
    entities = [Entity("تنظيم داعش", "ORG", 0, 10), Entity("الموصل", "LOC", 29, 35)]
    assert extend_nationality(text, entities, tokenize(text)) == entities


def test_an_institution_found_by_rule_holds_the_place_in_its_name() -> None:
    text = "أعلن مجلس محافظة البصرة أن"
    at = text.index("البصرة")
    place = SimpleNamespace(text="البصرة", start=at, end=at + len("البصرة"))
    merged = merge_entities(text, [], [], lambda *_: None, places=[place], rules=rule_spans(text, tokenize(text)))
    assert [(e.text, e.type, e.source) for e in merged] == [("مجلس محافظة البصرة", "ORG", "rule")]


def test_a_rule_never_replaces_a_linked_actor() -> None:
    text = "قال مجلس الأمن الدولي إن"
    actor = SimpleNamespace(id="x:unsc", name="مجلس الأمن", type="ORG", wikidata=None)
    at = text.index("مجلس الأمن")
    mention = SimpleNamespace(text="مجلس الأمن", start=at, end=at + len("مجلس الأمن"), canonical=actor)
    merged = merge_entities(text, [], [mention], lambda *_: None, rules=rule_spans(text, tokenize(text)))
    assert [(e.text, e.canonical_id) for e in merged] == [("مجلس الأمن", "x:unsc")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("زار الوفد لبنان", "لبنان"),  # Lebanon, not ل + بنان (a village)
        ("زار الوفد وبغداد", "بغداد"),  # و + Baghdad: the same place either way
        ("زار الوفد وقرية", "وقرية"),  # nothing known: left as it is
    ],
)
def test_a_proclitic_is_trimmed_only_off_a_name_that_is_not_one_itself(text: str, kept: str) -> None:
    denotes = {"لبنان": ("LB",), "بنان": ("SY-village",), "بغداد": ("IQ",), "وبغداد": ("IQ",)}
    at = text.index(kept)
    word = text.split()[-1]
    start = text.index(word)
    span = SimpleNamespace(text=word, type="LOC", start=start, end=start + len(word))
    [entity] = merge_entities(text, [span], [], lambda *_: None, known=lambda key: denotes.get(key, ()))
    assert entity.text == kept and entity.start == at


def test_a_directorate_that_is_a_district_stays_a_place() -> None:
    text = "وصلت السيول إلى مديرية القطن شرق المحافظة"
    at = text.index("القطن")
    place = SimpleNamespace(text="القطن", start=at, end=at + len("القطن"))
    merged = merge_entities(text, [], [], lambda *_: None, places=[place], rules=rule_spans(text, tokenize(text)))
    assert [(e.text, e.type) for e in merged] == [("القطن", "LOC")]


def test_a_function_word_at_the_end_of_a_model_span_is_cut() -> None:
    text = "وقالت الوكالة الوطنية للإعلام إن الوضع هادئ"
    start = text.index("الوكالة")
    end = text.index("إن") + 2
    span = SimpleNamespace(text=text[start:end], type="ORG", start=start, end=end)
    [entity] = merge_entities(text, [span], [], lambda *_: None)
    assert entity.text == "الوكالة الوطنية للإعلام"


def test_a_place_span_drops_its_direction_adjective() -> None:
    text = "في ريف دير الزور الشرقي"
    start = text.index("دير")
    span = SimpleNamespace(text=text[start:], type="LOC", start=start, end=len(text))
    [entity] = merge_entities(text, [span], [], lambda *_: None)
    assert entity.text == "دير الزور"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اندلعت اشتباكات بين الجيش وحركة إم 23 قرب غوما", [("حركة إم 23", "ORG")]),
        ("وقعت اشتباكات بين اللواء 444 وجهاز الردع", [("اللواء 444", "ORG"), ("جهاز الردع", "ORG")]),
        ("تقدمت الفرقة 25 نحو المدينة", [("الفرقة 25", "ORG")]),
        ("هاجم مسلحون مقر اللواء الثامن ليلا", [("اللواء الثامن", "ORG")]),
        ("قال قائد اللواء 133 مشاة إن", [("اللواء 133 مشاة", "ORG")]),
        ("أعلنت الفرقة الخامسة مشاة السيطرة", [("الفرقة الخامسة مشاة", "ORG")]),
        ("انتشرت الكتيبة الأولى في", [("الكتيبة الأولى", "ORG")]),
        # without a number the head opens its usual rule: a rank, an institution
        ("قال اللواء سامر خليل إن", [("سامر خليل", "PER")]),
        ("أصيب عنصران من فوج مكافحة الشغب", [("فوج مكافحة الشغب", "ORG")]),
        ("وصلت حركة السير إلى", []),
    ],
)
def test_units_named_by_a_number(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقالت قوات الحزام الأمني إن", [("قوات الحزام الأمني", "ORG")]),
        ("هاجموا نقطة لقوات حرس الحدود قرب", [("قوات حرس الحدود", "ORG")]),
        ("انتشرت قوات إنفاذ القانون في", [("قوات إنفاذ القانون", "ORG")]),
        ("وتبنى جيش العدل الهجوم", [("جيش العدل", "ORG")]),
        ("أعلن جيش التحرير الوطني مسؤوليته", [("جيش التحرير الوطني", "ORG")]),
        # a generic force is a name only with a country's adjective
        ("اعتقلت قوات الدرك التركية ثلاثة", [("قوات الدرك التركية", "ORG")]),
        ("قتل أربعة عناصر من قوات الأمن العام السورية", [("قوات الأمن العام السورية", "ORG")]),
        ("انتشرت قوات الأمن في المدينة", []),
        ("اقتحمت قوات الاحتلال الإسرائيلي المخيم", []),
        ("قصف جيش النظام البلدة", []),
        # an institution after قوات is the name (the institution rule finds it); adjectives describe
        ("انتشرت قوات الاتحاد الأفريقي في", []),
        ("هاجمت قوات مجلس دير الزور العسكري", [("مجلس دير الزور العسكري", "ORG")]),
        ("وصلت قوات كبيرة إلى", []),
        # the armed forces of the country the article is about name it as much as its army does
        ("انسحبت القوات المسلحة من", [("القوات المسلحة", "ORG")]),
        # a commander's title names the force all the same
        ("قال قائد قوات الحزام الأمني إن", [("قوات الحزام الأمني", "ORG")]),
    ],
)
def test_forces_named_after_quwat_or_jaysh(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("وقصف جيش ميانمار قرى", "ميانمار", ("جيش ميانمار", "ORG")),
        ("وتبنى جيش تحرير بلوشستان الهجوم", "بلوشستان", ("جيش تحرير بلوشستان", "ORG")),
        ("أعلنت مديرية أمن بنغازي اعتقال", "بنغازي", ("مديرية أمن بنغازي", "ORG")),
        ("وقالت قوات أمن بونتلاند إنها", "بونتلاند", ("قوات أمن بونتلاند", "ORG")),
        ("وأعلنت قيادة شرطة ديالى أن", "ديالى", ("قيادة شرطة ديالى", "ORG")),
        ("وأكد بيان لجيش لبنان أن", "لبنان", ("جيش لبنان", "ORG")),
        # a district, a country's forces without a security noun, a place after any other noun: places
        ("وفي مديرية مودية قتل", "مودية", ("مودية", "LOC")),
        ("وسيطرت قوات روسيا على", "روسيا", ("روسيا", "LOC")),
        ("وصل وفد أمن بغداد", "بغداد", ("بغداد", "LOC")),
    ],
)
def test_a_place_closing_a_force_name_makes_it_an_organisation(
    text: str, place: str, expected: tuple[str, str]
) -> None:
    at = text.index(place)
    [entity] = forces_of_places(text, [Entity(place, "LOC", at, at + len(place))], tokenize(text))
    assert (entity.text, entity.type) == expected == (text[entity.start : entity.end], entity.type)


def test_a_separatist_epithet_is_not_a_country_adjective() -> None:
    text = "تبنى جيش تحرير بلوشستان الانفصالي الهجوم"
    entity = Entity("جيش تحرير بلوشستان", "ORG", 5, 23)
    assert extend_nationality(text, [entity], tokenize(text)) == [entity]


def test_a_rule_takes_in_the_actor_it_is_for() -> None:
    text = "وقالت القيادة العامة للقوات المسلحة الأردنية إن"
    at = text.index("للقوات")
    actor = SimpleNamespace(id="x:jaf", name="القوات المسلحة الأردنية", type="ORG", wikidata=None)
    linked = [SimpleNamespace(text=text[at : at + 23], start=at, end=at + 23, canonical=actor)]
    merged = merge_entities(text, [], linked, lambda *_: None, rules=rule_spans(text, tokenize(text)))
    assert [(e.text, e.type, e.source) for e in merged] == [("القيادة العامة للقوات المسلحة الأردنية", "ORG", "rule")]


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("أعلنت إدارة أمن شبوة أن", "شبوة", ("إدارة أمن شبوة", "ORG")),
        ("وقالت قوات دفاع شبوة إن", "شبوة", ("قوات دفاع شبوة", "ORG")),
    ],
)
def test_security_administrations_of_a_place(text: str, place: str, expected: tuple[str, str]) -> None:
    at = text.index(place)
    [entity] = forces_of_places(text, [Entity(place, "LOC", at, at + len(place))], tokenize(text))
    assert (entity.text, entity.type) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("قال الجيش الوطني بقيادة خليفة حفتر إن", "الجيش الوطني"),
        ("قال الجيش الوطني وبزعامة خليفة حفتر إن", "الجيش الوطني"),
        ("قال الجيش الوطني إن", "الجيش الوطني"),
    ],
)
def test_a_span_ends_before_led_by(text: str, kept: str) -> None:
    start, end = cut_led_by(text, 4, text.index(" إن"))
    assert text[start:end] == kept


def test_towns_joined_by_wa_are_not_one_person() -> None:
    text = "سقطت القذائف على غوما وبوكافو أمس"
    places = [SimpleNamespace(text=w, start=text.index(w), end=text.index(w) + len(w)) for w in ("غوما", "بوكافو")]
    at = text.index("غوما")
    person = SimpleNamespace(text="غوما وبوكافو", type="PER", start=at, end=at + len("غوما وبوكافو"))
    merged = merge_entities(text, [person], [], lambda *_: None, places=places)
    assert [(e.text, e.type) for e in merged] == [("غوما", "LOC"), ("بوكافو", "LOC")]


def test_a_command_named_after_a_region_with_its_acronym_is_one_organisation() -> None:
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    body = "وقالت القيادة الأمريكية في أفريقيا (أفريكوم) إنها شنت غارتين جويتين قرب مدينة بوصاصو."
    enriched = Pipeline.load().process(RawArticle(id="t", body=body, published_at="2026-03-01T00:00:00Z"))
    assert ("القيادة الأمريكية في أفريقيا", "ORG") in {(e.text, e.type) for e in enriched.entities}
    assert "أفريقيا" not in {place.text for place in enriched.places}
    strikes = [e for e in enriched.events if e.type == "airstrike"]  # غارتين: a dual gives the context too
    assert [e.location.text if e.location else None for e in strikes] == ["بوصاصو"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقالت القوة الجوية العراقية إنها قصفت", [("القوة الجوية العراقية", "ORG")]),
        ("وأعلن سلاح الجو التركي أن", [("سلاح الجو التركي", "ORG")]),
        ("وأضاف أن العملية نفذها سلاح الجو المسيّر", [("سلاح الجو المسيّر", "ORG")]),
        ("انتشرت وحدات من القوات المسلحة الملكية", [("القوات المسلحة الملكية", "ORG")]),
        ("وقال المتحدث باسم القوات المسلحة إن", [("القوات المسلحة", "ORG")]),
        ("وقال إن طائرات للقوات الجوية الأميرية القطرية حلقت", [("للقوات الجوية الأميرية القطرية", "ORG")]),
        ("وفاز فريق القوة الجوية على الزوراء", [("القوة الجوية", "ORG")]),
        # an arm that names no service alone: the air force of a country named elsewhere, a part of an army
        ("وقال الجيش المالي إن سلاح الجو نفذ ضربات", [("الجيش المالي", "ORG")]),
        ("وقال قائد القوات البرية في الجيش إن", []),
        ("حمل سلاح الصيد", []),
    ],
)
def test_armed_services(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأصدرت قيادة الجيش - مديرية التوجيه بيانا", ("قيادة الجيش", "ORG")),
        ("أعلنت قيادة الجيش اللبناني في بيان", ("قيادة الجيش اللبناني", "ORG")),
    ],
)
def test_the_army_command(text: str, expected: tuple[str, str]) -> None:
    assert expected in spans(text)


def test_a_led_by_army_is_no_command() -> None:
    assert spans("انتشرت قوة بقيادة الجيش في المدينة") == []


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("وقالت قيادة عمليات ديالى إن", "ديالى", ("قيادة عمليات ديالى", "ORG")),
        ('أعلنت "كتيبة طمون" أن مقاتليها', "طمون", ("كتيبة طمون", "ORG")),
        ("وقالت وكتيبة جنين إن", "جنين", ("كتيبة جنين", "ORG")),
    ],
)
def test_commands_and_brigades_named_after_a_place(text: str, place: str, expected: tuple[str, str]) -> None:
    at = text.index(place)
    [entity] = forces_of_places(text, [Entity(place, "LOC", at, at + len(place))], tokenize(text))
    assert (entity.text, entity.type) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a settlement's name of up to three words before its province with بـ
        ("داهمت القوات معملا في قرية حوش السيد علي بريف حمص الغربي", [("حوش السيد علي", "LOC")]),
        ("خلال عملية استهدفت منزلا في قرية السبعة وأربعين بريف الشدادي", [("السبعة وأربعين", "LOC")]),
        # an adjective after the name closes it
        ("وقع الهجوم قرب بلدة فصالة الحدودية التابعة لمقاطعة باسكنو", [("فصالة", "LOC")]),
        # but an elative is part of it
        ("هاجموا مزارعين في منطقة الفشقة الصغرى بولاية القضارف", [("الفشقة الصغرى", "LOC")]),
        # a bearing or a second settlement is no part of it
        ("داهمت القوات قرية الإسحاقي جنوبي سامراء بمحافظة صلاح الدين", []),
        ("توغلت القوات في قرية الكرامة وقرية الحمرات بريف الرقة", [("الحمرات", "LOC")]),
    ],
)
def test_settlement_names_before_their_province(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


def test_a_village_placed_in_its_province_wins_over_the_town_it_begins_with() -> None:
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    body = "توغلت قوة إسرائيلية فجر اليوم في قرية صيدا الحانوت بريف القنيطرة الجنوبي، واعتقلت ثلاثة رعاة."
    enriched = Pipeline.load().process(RawArticle(id="t", body=body, published_at="2026-03-01T00:00:00Z"))
    places = [e.text for e in enriched.entities if e.type == "LOC"]
    assert "صيدا الحانوت" in places and "صيدا" not in places  # not Sidon, in Lebanon
    assert {e.type for e in enriched.events} == {"security_operation", "arrest"}


def test_a_facility_named_after_its_town_is_one_place() -> None:
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    body = "دمشق - قصفت الطائرات مطار دمشق الدولي فجر اليوم، ونقل الجرحى إلى مستشفى المواساة الجامعي."
    enriched = Pipeline.load().process(RawArticle(id="t", body=body, published_at="2026-03-01T00:00:00Z"))
    assert ("مطار دمشق الدولي", "LOC") in {(e.text, e.type) for e in enriched.entities}
    (strike,) = enriched.events
    assert strike.location is not None and strike.location.text == "مطار دمشق الدولي"
    assert strike.location.country_code == "SY" and strike.location.lat is not None  # placed at Damascus


def test_a_province_that_shares_a_channels_name_is_a_place() -> None:
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    body = "هاجمت قوات الدعم السريع قرية في ولاية الجزيرة، ونقلت قناة الجزيرة عن شهود أن مصادر محلية للجزيرة أكدت ذلك."
    enriched = Pipeline.load().process(RawArticle(id="t", body=body, published_at="2026-03-01T00:00:00Z"))
    found = [(e.text, e.type) for e in enriched.entities]
    assert found[1] == ("الجزيرة", "LOC")  # ولاية الجزيرة: Gezira State
    assert ("قناة الجزيرة", "ORG") in found


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ("وسجل المهاجم حسام سليم هاتريك في المباراة التي أقيمت على استاد القاهرة.", "حسام سليم"),
        ("وأحرز هاتريك كرار نبيل الفوز لفريقه في الدوري.", "كرار نبيل"),
        ("وقال سعادة سالم حميد المري إن الإطلاق تم بنجاح.", "سالم حميد المري"),
    ],
)
def test_a_name_has_no_honorific_nor_a_match_loanword(body: str, person: str) -> None:
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    enriched = Pipeline.load().process(RawArticle(id="t", body=body, published_at="2026-03-01T00:00:00Z"))
    people = [e.text for e in enriched.entities if e.type == "PER"]
    assert person in people
    assert not any("هاتريك" in e.text or e.text.startswith("سعادة") for e in enriched.entities)


def test_a_place_noun_owned_by_a_pronoun_is_no_name() -> None:
    body = "أسفرت العملية عن مقتل تسعة مسلحين وتدمير معسكر لهم."
    assert not [span for span in rule_spans(body, tokenize(body)) if span.type == "LOC"]


@pytest.mark.parametrize(
    ("text", "tagged", "kept"),
    [
        ("في بلدة ذيبان، بريف دير الزور الشرقي", "بريف دير الزور", "دير الزور"),
        ("قصفت الطائرات مواقع في ريف حلب", "ريف حلب", "حلب"),
        ("قصفت الطائرات مواقع في ريف دمشق", "ريف دمشق", "ريف دمشق"),  # a province of that name
    ],
)
def test_the_countryside_word_is_no_part_of_a_place_the_tagger_found(text: str, tagged: str, kept: str) -> None:
    start = text.index(tagged)
    span = SimpleNamespace(text=tagged, type="LOC", start=start, end=start + len(tagged))
    [entity] = merge_entities(text, [span], [], lambda *_: None)
    assert (entity.text, text[entity.start : entity.end]) == (kept, kept)


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        ("نفذت عمليات في تمنراست وإليزي أمس", "تمنراست وإليزي", ["تمنراست", "إليزي"]),
        ("وصل الوفد إلى ترينيداد وتوباغو أمس", "ترينيداد وتوباغو", ["ترينيداد وتوباغو"]),  # one country
        ("نفذت عمليات في تمنراست وضواحيها أمس", "تمنراست وضواحيها", ["تمنراست وضواحيها"]),  # no second place
    ],
)
def test_two_known_places_the_tagger_joined_with_and_are_two(text: str, tagged: str, expected: list[str]) -> None:
    denotes = {
        "تمنراست": ("p:1",),
        "اليزي": ("p:2",),
        "ترينيداد": ("p:3",),
        "توباغو": ("p:5",),
        "ترينيداد وتوباغو": ("p:4",),
    }
    start = text.index(tagged)
    span = SimpleNamespace(text=tagged, type="LOC", start=start, end=start + len(tagged))
    merged = merge_entities(text, [span], [], lambda *_: None, known=lambda key: denotes.get(key, ()))
    assert [(e.text, text[e.start : e.end]) for e in merged] == [(name, name) for name in expected]
