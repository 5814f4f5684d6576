"""Typed events on invented sentences: one table per behaviour (types, cues, counts, places, merging)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.schemas.records import EnrichedArticle, Entity, Place
from marsad.streams.context import ArticleContext
from marsad.streams.event_lexicon import CONFLICT_TYPES
from marsad.streams.events import find_events, plover_for
from marsad.streams.numbers import find_numbers
from marsad.streams.timex import find_times
from marsad.streams.tokenize import split_sentences, tokenize

ANCHOR = date(2024, 3, 15)
SY_CITY = {"country_code": "SY", "admin1": "01", "feature_class": "P"}
SY_TOWN = {"country_code": "SY", "admin1": "01", "feature_class": "P"}
IQ_CITY = {"country_code": "IQ", "admin1": "07", "feature_class": "P"}
SY = {"country_code": "SY", "feature_class": "A"}


def make_context(
    body: str,
    entities: dict[str, str] | None = None,
    places: dict[str, dict[str, object]] | None = None,
) -> ArticleContext:
    """Every occurrence of each entity text becomes an Entity; LOC ones also become Places."""
    found: list[Entity] = []
    located: list[Place] = []
    for text, type_ in (entities or {}).items():
        at = body.find(text)
        while at >= 0:
            found.append(Entity(text, type_, at, at + len(text), canonical_id=f"test:{text}"))
            if type_ == "LOC":
                fields = (places or {}).get(text, {})
                located.append(Place(text, at, at + len(text), name=text, **fields))  # type: ignore[arg-type]
            at = body.find(text, at + len(text))
    return ArticleContext(
        body=body,
        tokens=tokenize(body),
        sentences=split_sentences(body),
        entities=sorted(found, key=lambda e: e.start),
        places=sorted(located, key=lambda p: p.start),
        times=find_times(body, ANCHOR, "published"),
        numbers=find_numbers(body),
        anchor_date=ANCHOR,
        time_anchor="published",
    )


def types_of(body: str, entities: dict[str, str] | None = None) -> list[str]:
    return sorted(e.type for e in find_events(make_context(body, entities)))


def _enriched(body: str, published: str = "2026-05-12T09:00:00Z") -> EnrichedArticle:
    """The whole pipeline's output (entity layer, geocoder and all) for ``body``."""
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    return Pipeline.load().process(RawArticle(id="t", body=body, published_at=published))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("اعتقلت قوات الأمن ثلاثة أشخاص في المدينة.", ["arrest"]),
        ("ألقت الشرطة القبض على مطلوب بتهمة السرقة.", ["arrest"]),
        ("انفجرت سيارة مفخخة قرب سوق شعبي.", ["bombing"]),
        ("شن الطيران الحربي غارات جوية على مواقع للمسلحين.", ["airstrike"]),
        ("قصفت طائرات حربية مواقع المسلحين.", ["airstrike"]),
        ("قصفت القوات مواقع المسلحين بالمدفعية الثقيلة.", ["shelling"]),
        ("أطلق المسلحون صاروخا على قاعدة للجيش.", ["shelling"]),
        ("اندلعت اشتباكات عنيفة بين الجيش ومسلحين.", ["armed_clash"]),
        ("اختطف مسلحون مجهولون صحفيا على طريق المطار.", ["abduction"]),
        ("نظم مئات المتظاهرين وقفة احتجاجية أمام مبنى البرلمان.", ["protest"]),
        ("ضبطت الشرطة كمية كبيرة من المخدرات في سيارة.", ["seizure"]),
        ("داهمت قوات الأمن منزلا يتحصن فيه مسلحون.", ["security_operation"]),
        ("تعرض حاجز للجيش لهجوم مسلح.", ["attack"]),
        ("وقع الطرفان اتفاق وقف إطلاق النار برعاية دولية.", ["agreement"]),
        # raids and sieges, reprisal raids in the press's wording, exchanges of fire
        ("اقتحمت قوات الجيش مدينة نابلس فجر اليوم واعتقلت شابا.", ["arrest", "security_operation"]),
        ("تحاصر قوات المعارضة المدينة منذ أسابيع وتقصفها بالمدفعية.", ["security_operation", "shelling"]),
        # those killed during an operation are its toll (security_operation.killed), not an attack
        ("قتل 5 مسلحين خلال عمليات مداهمة في الصحراء.", ["security_operation"]),
        ("شن الطيران الحربي عدواناً جوياً على ريف المدينة.", ["airstrike"]),
        ("شنت الطائرات قصفاً جوياً على مواقع المسلحين.", ["airstrike"]),
        ("اندلع تبادل لإطلاق النار بين الجيش ومسلحين في منطقة جبلية.", ["armed_clash"]),
        ("نفذت القوات عملية إنزال جوي في حي سكني بالمدينة.", ["security_operation"]),
        ("نفذت قوات الجهاز عملية نوعية في ناحية جنوب المدينة.", ["security_operation"]),
        # aimed by aircraft named before the verb: a strike
        ("وكانت مسيرات تابعة للجماعة المسلحة قد استهدفت مستودعات للوقود في المدينة.", ["airstrike"]),
        # ... or right after it (the verb first, as Arabic has it): استهدفت مسيّرة سيارة
        ("استهدفت مسيرة تابعة للجيش، قرابة الظهر، سيارة على طريق البلدة، ما أدى إلى مقتل سائقها.", ["airstrike"]),
        # a drone that kills: مسيّرة تركية تقتل عضوين
        ("مسيرة تركية تقتل عضوين في الحزب بريف المدينة", ["airstrike"]),
        ("مسلحون يقتلون عضوين في الحزب بريف المدينة", ["attack"]),
        # a drone opening a headline, whoever's it is, or assassinating: a strike
        ("مسيرة لـ«الدعم السريع» تقتل 9 مدنيين في سوق بالمدينة", ["airstrike"]),
        ("مسيرة تغتال شابين في البلدة", ["airstrike"]),
        ("أعلن المسلحون إسقاط طائرة مسيرة في أجواء المدينة.", ["attack"]),  # a drone downed: no strike
        # the verbal noun with the drone after it: the drone's strike
        ("رصد المرصد استهداف طائرة مسيرة تابعة للتحالف سيارة على طريق القرية، ما أدى إلى مقتل شخصين.", ["airstrike"]),
        # talks, memoranda, agreements of two sides, expelled ambassadors
        ("عقد الوفدان جولة جديدة من المفاوضات في العاصمة.", ["meeting"]),
        # التقى drops its ى: التقت، التقوا
        ("التقت المبعوثة الأممية رئيس المجلس في العاصمة.", ["meeting"]),
        ("والتقوا في وقت لاحق وزير الخارجية.", ["meeting"]),
        ("وقع وزيرا خارجية البلدين مذكرة تفاهم للتعاون الأمني.", ["agreement"]),
        ("اتفق الطرفان على تبادل الأسرى الأسبوع المقبل.", ["agreement"]),
        ("قررت الحكومة طرد السفير احتجاجا على التصريحات.", ["sanction"]),
        ("وأعلن الطرفان وقف فوري لإطلاق النار في البلاد.", ["agreement"]),  # a ceasefire, not shooting
        # a condemnation by a named party is itself news
        ("أدانت الجامعة العربية الهجوم على المدنيين.", ["statement"]),
    ],
)
def test_trigger_types(body: str, expected: list[str]) -> None:
    assert types_of(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "لم تسجل أي اشتباكات في المنطقة خلال اليوم.",  # negation
        "حذر الجيش من أنه سيرد في حال وقوع هجوم على قواته.",  # conditional
        "هدد المسلحون باستئناف هجماتهم على الطرق.",  # threat
        "تشهد المنطقة غارات شبه يومية منذ أشهر.",  # habitual
        "تعمل الحكومة على ضبط الأسعار في الأسواق.",  # ضبط without a seizable object
        "أطلقت الشركة صاروخا جديدا للفضاء.",  # launch cue, but no conflict context
        "شن الفريق هجوما قويا في المباراة وسجل اللاعب هدفا في الدوري.",  # sport
        "ارتفعت أسعار النفط بعد تراجع المخزونات الأمريكية.",  # economy
        "انفجرت أسعار الطماطم في الأسواق وسط غضب المستهلكين من قوات السوق.",  # a figure of speech
        "قال مسلحون إنهم يستعدون لشن هجمات على المدينة.",  # preparing, not attacking
        "وسمعت أصوات انفجارات عنيفة في أنحاء المدينة التي ينتشر فيها الجيش.",  # sounds of blasts
        "حاصرتها السيول قرب معسكر للجيش.",  # floods besiege no one
        "ضبطت الشرطة عبوات معدة للتفجير في مخبأ.",  # ready to explode, not exploded
        "ويصف رجال الأعمال ما يجري بأنه «انفجار حقيقي» في الطلب على الأراضي.",  # scare quotes
        "ويتحدث الوسطاء عن «هجوم» غير مسبوق من المستثمرين على الأراضي.",
        "ويحذر الخبراء من أن القصف الإعلامي المتواصل يرفع سقف التوقعات لدى المواطنين.",  # media barrage
        "ويروي الفيلم حكاية أسرة تحاصرها الاشتباكات والغارات في حي شعبي خلال الحرب.",  # a film's story
        "وقال الطبيب إن الحملة تحمي الأطفال من فيروس يشن هجوما صامتا على أجسادهم.",  # a virus "attacks"
    ],
)
def test_no_conflict_event(body: str) -> None:
    assert not set(types_of(body)) & CONFLICT_TYPES


def test_a_market_report_has_no_conflict_events_but_keeps_its_meetings() -> None:
    body = (
        "ارتفع المؤشر العام للبورصة بنسبة 2% مع صعود أسهم البنوك وتحسن أسعار النفط.\n\n"
        "والسيولة تنفجر في قاعات التداول بعد عام من الحصار الذي فرضه ارتفاع الفائدة على المستثمرين.\n\n"
        "والتقى وزير المالية ممثلي المستثمرين لبحث خطة الإصلاح."
    )
    assert types_of(body) == ["meeting"]


@pytest.mark.parametrize(
    "body",
    [
        (  # the arts pages
            "وردت الفنانة على الهجوم الذي تتعرض له منذ عرض الحلقة الأخيرة من مسلسلها.\n\n"
            "وقال المخرج إن «ما يحدث قصف متواصل من حسابات وهمية» على الفنانة وعلى المسلسل."
        ),
        (  # business and technology
            "أعلن المصرف إتمام الاستحواذ بعد موافقة المساهمين، وقال إن الكيان الجديد سيشن هجوماً على قطاع التمويل.\n\n"
            "وشهد سهم المصرف انفجاراً في التداول، فيما تشتعل حرب الهواتف بين المنافسين على المستهلكين."
        ),
        (  # a sport other than football
            "الملاكم المصري ينتزع اللقب بعد «معركة» تبادل فيها القصف مع منافسه على الحلبة.\n\n"
            "وقال الملاكم: «انتظرت اللحظة المناسبة للهجوم»، مضيفاً أن اللقب ثمرة عامين من التحضير."
        ),
        (  # health
            "أطلقت وزارة الصحة حملة التلقيح ضد الحصبة بعد أن شن الفيروس هجوماً واسعاً على الأطفال.\n\n"
            "وقال الوزير إن اللقاح متوفر في كل المراكز وإن الوباء في تراجع."
        ),
    ],
)
def test_the_war_words_of_other_pages_make_no_conflict_event(body: str) -> None:
    assert not set(types_of(body)) & CONFLICT_TYPES


def test_a_forecast_has_no_conflict_events_and_a_hospital_receives_no_delegation() -> None:
    body = (
        "سجلت المدينة درجة حرارة بلغت 50 درجة مئوية، وحذرت هيئة الأرصاد من استمرار الموجة.\n\n"
        "وقالت خبيرة في الأرصاد إن البلاد تتعرض لهجوم من كتل هوائية شديدة الحرارة، وإن الطقس سيبقى حارا.\n\n"
        "واستقبل مستشفى المدينة الجامعي 23 حالة إجهاد حراري، فيما انفجرت أسعار أجهزة التكييف."
    )
    assert types_of(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "وكانت الجماعة المسلحة قد أوقفت هجماتها على الملاحة.",  # stopped attacks, arrested no one
        "رفض قائد الجيش مقترحا لهدنة إنسانية.",  # a proposal, no truce
        "نقل المطلوب المسلح بموجب مذكرات قبض صادرة عن القضاء.",  # a warrant, no arrest
        "وتتولى اللجنة مراقبة تطبيق الاتفاق بين الجيش والمسلحين.",  # an agreement made before
        "دعت الأمم المتحدة إلى إيقاف إطلاق النار في المدينة.",  # stopping the fire, not an arrest
        "وقال الوالي إن السلطات استقبلت آلاف النازحين الفارين من القرى.",  # people taken in, no meeting
        "ويرى محللون أن التوقيت لا ينفصل عن تعثر المفاوضات بين الطرفين.",  # stalled talks
        "باتت المدينة على حافة الانفجار مجددا.",  # on the brink
        "وطالبت المنظمة الأطراف بوقف إطلاق النار فورا.",  # a call for a truce, no truce
        "دعا المجلس إلى وقف فوري لإطلاق النار في البلاد.",
        "أعلن المحافظ فرض حظر تجول ليلي في المدينة لمدة أسبوعين.",  # a curfew, no sanction
        "تعاملت فرق الدفاع المدني مع بلاغات عن احتجاز مركبات في مجاري الأودية.",  # vehicles held by floods
        "سيول تجتاح الأودية واحتجاز عشرات المركبات.",  # a quantity between
        "وقال المحلل إن السوق تتعرض للقصف من كل الجهات والمضاربون يشنون هجوما منظما على المراكز.",  # markets
        "وشن المرشح في خطاب أمام أنصاره هجوما حادا على حكومة الرئيس المنتهية ولايته.",  # a verbal attack
        "رصد العلماء أقوى انفجار شمسي منذ عامين.",  # a solar flare
        "تسبب ذوبان الأنهار الجليدية في انفجار بحيرة جليدية قرب القرية.",  # a glacial lake bursting
        "دعا المرشح إلى جبهة عريضة لقطع الطريق على عودة الحرب.",  # to forestall, no road blocked
        "وأعلنت الهيئة أن المستشفيات استقبلت مئات الحالات من ضربات الشمس.",  # cases received, no meeting
        "وقالت الوزيرة إن الأنهار الجليدية تتعرض لهجوم صامت.",  # a silent "attack"
        "تضم المنطقة 33 بحيرة معرضة لخطر الانفجار المفاجئ.",  # a risk, not a blast
        "وأطلقت الصين بنجاح صاروخ الحمل من مركز الإطلاق.",  # a carrier rocket
        "وقال الباحث إن البقعة الشمسية أطلقت سلسلة من الانفجارات خلال الأيام الماضية.",  # the sun's
        "فيلم سوداني يخطف النجمة الذهبية في المهرجان.",  # an award is not abducted
        "وقال أحد التجار إن الأسعار انفجرت هذا العام بسبب الجفاف.",  # prices, before their verb
        "منعت القوات طواقم الإسعاف من الوصول إليهما قبل أن تحتجز جثمانيهما.",  # bodies withheld, no arrest
        "ويترقب المتعاملون اجتماع تحالف أوبك+ المقرر الأحد المقبل.",  # a meeting planned, not held
        "وتوقع المجلس إنتاجا متوسطا بعد هجوم واسع لذبابة ثمار الزيتون في الحقول.",  # pests
        "فيما شن عدد من النواب هجوما على الحكومة بسبب الرسم الجديد.",  # words in parliament
        "وشهد الحي مساء الأحد انفجار محولة كهربائية بسبب الضغط.",  # an accident
        "ويهدف المهرجان إلى إعادة الحياة إلى المدينة التي عانت سنوات من الحرب والقصف.",  # years of it
        "واقتحمت فرق البحث المباني المتضررة مستعينة بالكلاب المدربة خلال المناورة.",  # rescuers
        "وكان زلزالا شباط 2023 قد أسفرا عن مقتل أكثر من 53 ألف شخص في الولايات الجنوبية.",  # an earthquake
        "وقال مزارع إن أسعار المازوت والسماد انفجرت هذا العام.",  # prices, three words before their verb
        "وقال الأستاذ إن العملة تتعرض لهجوم مضاربي منظم منذ أشهر.",  # a speculative «attack»
        "الشرطة يقصف شباك الزوراء برباعية ويعتلي الصدارة",  # a striker «shelling» the net
        "وشن فريق الشرطة هجوما كاسحا منذ صافرة البداية.",  # a team's attack
        "وقال الفلاحون إن موجة البرد ضربت الإنتاج في مقتل، فيما ارتفعت الأسعار.",  # an idiom
        # a sport item closing a round-up of other news
        "رياضة: حسم القادسية قمة الدوري أمام نادي الكويت بهدف قاتل في هجوم منظم.",
    ],
)
def test_no_event(body: str) -> None:
    assert types_of(body) == []


def test_an_arrest_by_awqafa_still_counts() -> None:
    assert types_of("وأوقفت الشرطة ثلاثة أشخاص في المدينة.") == ["arrest"]
    assert types_of("وأوقفت الجمارك سائق الشاحنة ومرافقه.") == ["arrest"]  # the truck's driver
    assert "arrest" not in types_of("قتل تسعة ركاب بعدما أوقف مسلحون حافلة ركاب على الطريق.")  # a bus stopped


def test_the_attack_no_one_claimed_is_the_shelling_told_before_it_in_its_sentence() -> None:
    body = "سقطت ثلاث قذائف هاون على محيط المطار مساء أمس من دون وقوع إصابات، ولم تتبن أي جهة الهجوم حتى الآن."
    assert types_of(body) == ["shelling"]


def test_a_trap_set_in_a_security_operation_is_no_attack() -> None:
    body = "نفذ رجال المكافحة عملية أمنية في المنطقة، حيث نصب للمروجين كمين محكم وضبطا وبحوزتهما الكمية."
    assert "attack" not in types_of(body)
    assert "attack" in types_of("ارتفع عدد القتلى في الكمين الذي تعرضت له دورية للأمن خلال حملة أمنية.")


def test_a_headlines_present_tense_seizure_is_no_bombing() -> None:
    assert "bombing" not in types_of("الأمن الداخلي يفكك خلية في ريف المدينة ويضبط أسلحة وعبوات ناسفة")


def test_a_drone_shot_down_struck_nothing() -> None:
    body = "أعلن الجيش أن الدفاعات الجوية أسقطت، مساء الثلاثاء، طائرة مسيّرة مفخخة كانت تحلق فوق المدينة."
    assert "airstrike" not in types_of(body)
    body = "وأسقطت الدفاعات الجوية، مساء الثلاثاء، طائرة مسيرة كانت تحلق فوق منطقة زراعية قبل استهداف مواقع الجيش."
    assert "airstrike" not in types_of(body)


def test_the_meeting_a_later_sentence_refers_to_is_the_one_told_before() -> None:
    body = (
        "عقد قائد قوات الحدود اجتماعا مع وفد من الجانب الآخر في المنفذ الحدودي أمس. "
        "وقال مسؤول إن الجانبين وقعا خلال الاجتماع مذكرة تفاهم لتبادل المعلومات."
    )
    assert types_of(body).count("meeting") == 1


def test_a_drones_missiles_are_an_airstrike() -> None:
    assert types_of("قال الجيش إن المسيرة أطلقت صاروخين على السيارة قرب البلدة.") == ["airstrike"]
    assert types_of("قال الجيش إن المسلحين أطلقوا صاروخين على البلدة.") == ["shelling"]


@pytest.mark.parametrize(
    "body",
    [
        "قتل شابان بضربة مسيرة على سيارة قرب البلدة.",
        "وأعلن الجيش أن سلاح الجو نفذ ضربات مكثفة على أرتال المهاجمين أثناء فرارهم.",
    ],
)
def test_a_strike_by_an_aircraft_named_next_to_it_is_an_airstrike(body: str) -> None:
    assert types_of(body) == ["airstrike"]


@pytest.mark.parametrize(
    "body",
    [
        "ثم استهدفت مسيّراتها محطة الكهرباء في المدينة، ما أسفر عن مقتل عاملين.",
        "ورداً على الهجوم، نفذ سلاح الجو، فجر أمس الأربعاء، ثلاث ضربات على أوكار التنظيم في الوادي.",
        "وقالت الخلية إن طائرات F-16 نفذت، فجر اليوم، ضربتين جويتين على مضافة للتنظيم.",
    ],
)
def test_a_strike_by_aircraft_named_with_a_pronoun_or_before_a_time(body: str) -> None:
    assert "airstrike" in types_of(body)


def test_a_penalty_kick_is_no_strike() -> None:
    assert types_of("قال المدرب إن ضربة الجزاء حسمت المباراة في الدقيقة الأخيرة.") == []


def test_a_weapon_told_as_the_attacks_instrument_is_no_second_event() -> None:
    body = "هاجمت مجموعة مسلحة الحاجز بالأسلحة الرشاشة والقذائف الصاروخية قبل أن تنسحب."
    assert types_of(body) == ["attack"]
    used = "قتل جنديان في هجوم على الحاجز، وقال شهود إن المهاجمين استخدموا أسلحة رشاشة وقذائف آر بي جي."
    assert types_of(used) == ["attack"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("قتل خمسة أشخاص في هجوم روسي واسع بطائرات مسيرة على المدينة.", "airstrike"),
        ("قتل ثلاثة جنود في هجوم انتحاري نفذه مسلح بحزام ناسف.", "bombing"),
        ("قتل جندي في هجوم على قاعدة جوية قرب المدينة.", "attack"),  # the base is an air base
        ("قتل حارسان في هجوم بطائرتين مسيرتين على الحقل ليل الإثنين.", "airstrike"),  # a dual
        # the drone far in the clause, past the subject, a time and the object; rigged, not a second bombing
        ("هاجم المسلحون، فجر اليوم الثلاثاء، مواقع اللواء الثالث مشاة بطائرة مسيرة مفخخة.", "airstrike"),
    ],
)
def test_an_attack_takes_the_type_of_its_means(body: str, expected: str) -> None:
    assert types_of(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "قتل خمسة أشخاص في تفجير انتحاري في السوق. وتبنت الحركة المرتبطة بالتنظيم الهجوم في بيان.",
        "وأعلنت الحركة، المرتبطة بالتنظيم، مسؤوليتها عن الهجوم في بيان نشرته مؤسسة تابعة لها أمس.",
    ],
)
def test_the_group_a_claimant_belongs_to_is_not_the_claimant(body: str) -> None:
    entities = {"الحركة": "ORG", "بالتنظيم": "ORG"}
    for event in find_events(make_context(body, entities)):
        if event.type == "statement" or event.actor is not None:
            assert event.actor is not None and event.actor.text == "الحركة"


def test_met_their_death_in_an_ambush_set_by_gunmen() -> None:
    body = "لقي أربعة جنود حتفهم في كمين نصبه مسلحون قرب القاعدة العسكرية."
    (event,) = find_events(make_context(body))
    assert (event.type, event.killed, event.actor.text if event.actor else None) == ("attack", 4, "مسلحون")


def test_whose_fire_killed_is_the_actor_though_told_after_the_toll() -> None:
    body = "استُشهد شاب وأصيب ثلاثة آخرون، فجر اليوم الأربعاء، برصاص قوات الاحتلال خلال اقتحامها البلدة."
    (event,) = [e for e in find_events(make_context(body, {"قوات الاحتلال": "ORG"})) if e.type == "attack"]
    assert event.actor is not None and event.actor.text == "قوات الاحتلال"


def test_a_headline_and_its_lead_are_one_event() -> None:
    body = (
        "غارة تقتل شخصين في كفركلا جنوب لبنان\n\n"
        "قُتل شخصان اليوم جراء غارة نفذتها طائرة مسيرة على سيارة عند الطريق العام لبلدة كفركلا."
    )
    places = {"كفركلا": {}, "جنوب لبنان": {}, "بلدة كفركلا": {}}
    strikes = [
        e for e in find_events(make_context(body, dict.fromkeys(places, "LOC"), places)) if e.type == "airstrike"
    ]
    assert len(strikes) == 1


def test_a_country_sanctions_are_aimed_at_is_not_their_actor() -> None:
    body = "فرض الاتحاد عقوبات على روسيا تستهدف قطاع الطاقة."
    places = {"روسيا": {"feature_class": "A", "country_code": "RU"}}
    (event,) = find_events(make_context(body, {"روسيا": "LOC"}, places))
    assert event.type == "sanction" and (event.actor is None or event.actor.text != "روسيا")


def test_a_match_report_has_no_events() -> None:
    body = (
        "فاز فريق الجيش الملكي على ضيفه في مباراة الدوري. وشن لاعبو الفريق هجمات متتالية وسددوا قذيفة "
        "صاروخية، واحتج اللاعب على قرار الحكم. ويلتقي الفريقان في مباراة الإياب على الملعب نفسه."
    )
    assert types_of(body) == []


def test_operation_that_arrests_yields_both_types_with_count() -> None:
    body = "نفذت قوات الأمن حملة أمنية في حي الميدان أسفرت عن اعتقال 12 مطلوبا."
    events = find_events(make_context(body, {"قوات الأمن": "ORG"}))
    by_type = {e.type: e for e in events}
    assert set(by_type) == {"security_operation", "arrest"}
    assert by_type["arrest"].arrested == 12
    assert by_type["security_operation"].actor is not None
    assert by_type["security_operation"].actor.text == "قوات الأمن"
    assert by_type["arrest"].location is not None and by_type["arrest"].location.text == "حي الميدان"


@pytest.mark.parametrize(
    ("body", "killed", "injured"),
    [
        ("قتل جنديان وأصيب خمسة مدنيين في انفجار عبوة ناسفة.", 2, 5),
        ("أسفر انفجار عبوة ناسفة عن استشهاد ضابط وإصابة 3 آخرين.", 1, 3),
        ("أدى الهجوم المسلح إلى مقتل 7 أشخاص وجرح العشرات.", 7, None),
        # counted nouns take the number before them
        ("أسفر الانفجار عن 5 قتلى و12 جريحاً في السوق.", 5, 12),
        # a dual casualty word counts itself
        ("أسفرت الغارة عن سقوط قتيلين في المدينة.", 2, None),
        # "another": one, not the number of the killed
        ("أسفر القصف عن مقتل شخصين وإصابة آخر.", 2, 1),
        ("وأسفر الهجوم عن مقتل ثلاثة أشخاص وإصابة سبعة آخرين.", 3, 7),
        # a nominative dual whose -ين form is a plural; "a third" is one more
        ("استشهد مواطنان وأصيب ثالث بجروح جراء غارة على البلدة.", 2, 1),
        ("قتل مدنيون في قصف على البلدة.", None, None),
        # a bound before the number is no part of the count's reach
        ("قتل ما لا يقل عن 12 شخصا في قصف على البلدة.", 12, None),
        ("أسفر الهجوم عن مقتل ما لا يقل عن عشرين مدنيا في البلدة.", 20, None),
        ("قتل أكثر من 40 شخصا في قصف على البلدة.", 40, None),
        ("قالت المصادر إن 12 مدنيا على الأقل قتلوا وأصيب 30 آخرون في قصف على المخيم.", 12, 30),
        # a part of the toll (بينهم خمسة أطفال) is not the toll
        ("قالت الشبكة إن 12 مدنياً، بينهم خمسة أطفال، قُتلوا في قصف مدفعي على السوق.", 12, None),
    ],
)
def test_casualty_counts(body: str, killed: int | None, injured: int | None) -> None:
    (event,) = find_events(make_context(body))
    assert (event.killed, event.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("body", "entities", "arrested"),
    [
        # the subject's name stands between the verb and the count
        ("أوقفت مفارز لجيش التحرير الوطني الشعبي ثلاثة عناصر دعم.", {"جيش التحرير الوطني الشعبي": "ORG"}, 3),
        ("اعتقلت قوات الدرك التركية أحد عشر شخصاً في المدينة.", {"قوات الدرك التركية": "ORG"}, 11),
        # one citizen, not the 60,000 pills he carried
        ("تمكنت الدوريات من القبض على مواطن لنقله 60 ألف قرص مخدر.", {}, 1),
        # people «seized» (ضبط) or «stopped» (إيقاف) are arrested
        ("أسفرت الحملة الأمنية عن ضبط 11 متهماً في عدد من القرى.", {}, 11),
        ("أسفر تبادل إطلاق النار عن مصرع أربعة منهم وضبط العنصرين الآخرين.", {}, 2),
        ("أعلنت الهيئة إيقاف ثلاثة موظفين في أحد المنافذ الحدودية.", {}, 3),
        # the young men and brokers of an emigration run are «seized» too
        ("تمكنت القوات من ضبط الشباب الـ15 قبل صعودهم إلى القارب.", {}, 15),
        ("تمكن رجال المباحث من ضبط سمسارين اثنين في القرية.", {}, 2),
    ],
)
def test_arrest_counts(body: str, entities: dict[str, str], arrested: int) -> None:
    [event] = [e for e in find_events(make_context(body, entities)) if e.type == "arrest"]
    assert event.arrested == arrested


def test_an_event_dated_in_the_past_days_after_bad_is_news() -> None:
    body = "عاد هدوء حذر إلى العاصمة صباح اليوم بعد اشتباكات عنيفة اندلعت مساء أمس بين الجيش ومسلحين."
    (event,) = [e for e in find_events(make_context(body)) if e.type == "armed_clash"]
    assert not event.background


def test_a_body_found_is_no_seizure() -> None:
    assert "seizure" not in types_of("عثر الأهالي على جثة رجل في الوادي بعد اشتباكات بين الجيش ومسلحين.")


def test_two_incidents_set_against_each_other_in_one_sentence() -> None:
    body = (
        "وقع الانفجار الأول قرب سوق شعبي في ناحية الصافي، وأسفر عن مقتل أربعة مدنيين، فيما استهدف "
        "الانفجار الثاني عجلة عسكرية قرب ناحية المنصور، ما أدى إلى مقتل أحد عناصرها."
    )
    found = [(e.location.text if e.location else None, e.killed) for e in find_events(make_context(body))]
    assert sorted(found, key=str) == sorted([("ناحية الصافي", 4), ("ناحية المنصور", 1)], key=str)


def test_a_date_between_the_verb_and_its_count_is_skipped() -> None:
    body = "قالت الوزارة إن مفارز للجيش أوقفت خلال الفترة الممتدة من 4 إلى 10 من الشهر الجاري 9 عناصر دعم."
    (event,) = find_events(make_context(body))
    assert (event.type, event.arrested) == ("arrest", 9)


@pytest.mark.parametrize(
    "body",
    [
        "استرجعت مفرزة للجيش مسدسا رشاشا وثلاثة مخازن ذخيرة قرب الحدود.",
        "حجزت قوات الأمن كميات من الكوكايين في الميناء.",
        "عثرت القوات داخل مغارة قرب القرية على أسلحة فردية وذخائر جرى ضبطها.",
        "ضبطت مديرية الأمن، بالتعاون مع مصلحة الجمارك في الميناء، شحنة من الحبوب المخدرة.",
        # vehicles, pills and quantities; a smuggling foiled
        "وحجزت مفارز الجيش 19 مركبة و167 مولداً كهربائياً قرب الحدود.",
        "أحبطت الجمارك محاولة تهريب أكثر من مليون قرص عبر المنفذ الحدودي.",
    ],
)
def test_recovered_and_impounded_goods_are_seizures(body: str) -> None:
    assert "seizure" in types_of(body)


def test_an_event_set_in_its_context_is_no_new_event() -> None:
    body = (
        "قتل ثمانية جنود في هجوم على قافلتهم قرب المدينة. "
        "ويأتي الهجوم بعد أقل من شهر على عملية قال الجيش إنها أسفرت عن مقتل 12 مسلحاً."
    )
    assert types_of(body) == ["attack"]


def test_a_smuggling_attempt_is_a_seizure_only_when_foiled() -> None:
    assert types_of("اتهمت النيابة الرجل بمحاولة تهريب أقراص مخدرة.") == []


def test_what_was_seized_is_the_target_not_how_much() -> None:
    body = "تمكنت القوات الأمنية من ضبط كميات كبيرة من الأسلحة والذخائر في المخبأ."
    [event] = [e for e in find_events(make_context(body)) if e.type == "seizure"]
    assert event.target is not None and event.target.text == "الأسلحة"


def test_at_least_n_arrested_by_a_named_force() -> None:
    (event,) = find_events(make_context("اعتقلت الشرطة ما لا يقل عن 12 متظاهرا في المدينة."))
    assert (event.type, event.arrested) == ("arrest", 12)
    assert event.actor is not None and event.actor.text == "الشرطة"


def test_vague_quantity_stays_in_count_text() -> None:
    (event,) = find_events(make_context("اعتقلت الشرطة العشرات من المشتبه بهم في المدينة."))
    assert event.type == "arrest" and event.arrested is None
    assert event.count_text == "العشرات"


def test_kill_word_is_attack_only_without_a_more_specific_trigger() -> None:
    assert types_of("قتل مسلحون شرطيا في كمين قرب القرية.") == ["attack"]
    assert types_of("قتل شرطي في انفجار عبوة ناسفة.") == ["bombing"]


def test_location_is_most_specific_place_of_the_clause() -> None:
    body = "انفجرت عبوة ناسفة في بلدة الصالحية بريف دير الزور شرقي سوريا."
    ctx = make_context(
        body, {"الصالحية": "LOC", "دير الزور": "LOC", "سوريا": "LOC"},
        {"الصالحية": SY_TOWN, "دير الزور": SY_CITY, "سوريا": SY},
    )  # fmt: skip
    (event,) = find_events(ctx)
    assert event.location is not None and event.location.text == "الصالحية"


def test_unresolved_square_is_a_place() -> None:
    (event,) = find_events(make_context("خرجت مسيرة احتجاجية من ساحة الشهداء باتجاه الوزارة."))
    assert event.location is not None and event.location.text == "ساحة الشهداء"


def test_a_described_area_is_no_place() -> None:
    body = "قتل التحالف مسلحين في بساتين بمنطقة الطارمية التي تعد المنطقة الأمنية الأخطر."
    (event,) = find_events(make_context(body, {"الطارمية": "LOC"}, {"الطارمية": IQ_CITY}))
    assert event.location is not None and event.location.text == "الطارمية"


@pytest.mark.parametrize(
    ("body", "location"),
    [
        # «في البلدة» is the town named before with بلدة, not the camp named since
        (
            "اقتحمت قوات الاحتلال بلدة طمون فجر اليوم. واعتقلت القوات شابا من مخيم الفارعة. "
            "وخاض مقاومون اشتباكات مسلحة مع قوات الاحتلال في البلدة.",
            "طمون",
        ),
        # the anaphor itself before a place is no settlement noun of that place: «من البلدة ومخيم الفارعة»
        (
            "اقتحمت قوات الاحتلال بلدة طمون واعتقلت شبانا من البلدة ومخيم الفارعة. "
            "وخاض مقاومون اشتباكات مسلحة مع قوات الاحتلال في البلدة.",
            "طمون",
        ),
        # with no «قرية X» before it, the last town or village named
        ("قال شهود إن مسلحين نهبوا كايا مساء أمس. واندلعت بعدها اشتباكات مع الأهالي في القرية.", "كايا"),
        # «سوق المدينة»: the market of the city named before, not a place named «المدينة»
        (
            "اندلعت اشتباكات في مدينة الزاوية. وقتل قيادي برصاص مجهولين قرب سوق المدينة مساء السبت.",
            "الزاوية",
        ),
        # a described village is another one: the clause's own place stands
        ("تقع بلدة طمون شمالا. واندلعت اشتباكات في القرية المجاورة لمدينة طوباس.", "طوباس"),
    ],
)
def test_a_settlement_noun_refers_back_to_the_town_named_before(body: str, location: str) -> None:
    town = {"country_code": "PS", "admin1": "WE", "feature_class": "P"}
    places = {"طمون": town, "مخيم الفارعة": town, "طوباس": town, "كايا": town, "الزاوية": town}
    ctx = make_context(body, {name: "LOC" for name in places}, places)
    last = max(find_events(ctx), key=lambda event: event.trigger.start)
    assert last.location is not None and last.location.text == location


def test_a_town_of_the_sentence_is_more_specific_than_the_clauses_country() -> None:
    body = "التقت المبعوثة الأممية إلى ليبيا هانا تيتيه، الاثنين، رئيس المجلس الرئاسي في طرابلس."
    places = {
        "ليبيا": {"country_code": "LY", "feature_class": "A"},
        "طرابلس": {"country_code": "LY", "feature_class": "P"},
    }
    (event,) = find_events(make_context(body, {"ليبيا": "LOC", "طرابلس": "LOC"}, places))
    assert event.location is not None and event.location.text == "طرابلس"


def test_a_named_palace_is_more_specific_than_a_town() -> None:
    body = "التقت المبعوثة الرئيس في قصر بعبدا، على أن تلتقي لاحقا مسؤولين في تل أبيب."
    places = {"تل أبيب": {"country_code": "IL", "feature_class": "P"}}
    events = find_events(make_context(body, {"قصر بعبدا": "LOC", "تل أبيب": "LOC"}, places))
    assert [e.location.text for e in events if e.type == "meeting"] == ["قصر بعبدا"]


def test_two_mentions_of_one_incident_merge() -> None:
    body = "انفجرت عبوة ناسفة في مدينة الرمادي أمس. وقالت الشرطة إن الانفجار أسفر عن مقتل شخصين في الرمادي."
    events = find_events(make_context(body, {"الرمادي": "LOC"}, {"الرمادي": IQ_CITY}))
    assert [e.type for e in events] == ["bombing"]
    assert events[0].killed == 2


def test_incidents_in_two_governorates_stay_apart() -> None:
    body = "انفجرت عبوة ناسفة في مدينة الرمادي. وفي حادث آخر انفجرت عبوة ناسفة في مدينة حلب."
    ctx = make_context(body, {"الرمادي": "LOC", "حلب": "LOC"}, {"الرمادي": IQ_CITY, "حلب": SY_CITY})
    assert [e.location.text for e in find_events(ctx) if e.location] == ["الرمادي", "حلب"]


@pytest.mark.parametrize(
    "body",
    [
        "وكان مسلحون قد هاجموا حاجزا للجيش في المنطقة.",
        "جاء ذلك بعد هجوم شنه مسلحون على حاجز للجيش.",
        "وقبل أيام اندلعت اشتباكات بين الطرفين في المدينة.",
    ],
)
def test_background_cues(body: str) -> None:
    events = find_events(make_context(body))
    assert events and all(e.background for e in events)


def test_statement_needs_an_issuer() -> None:
    body = "أصدرت وزارة الداخلية بيانا حول الأوضاع الأمنية."
    (event,) = find_events(make_context(body, {"وزارة الداخلية": "ORG"}))
    assert event.type == "statement" and event.actor is not None
    assert event.actor.text == "وزارة الداخلية"


def test_a_statement_issued_by_a_body_names_it() -> None:
    body = "وأوضح بلاغ صادر عن المكتب المركزي للأبحاث القضائية أن الخلية كانت تعد لهجمات."
    events = find_events(make_context(body, {"المكتب المركزي للأبحاث القضائية": "ORG"}))
    statements = [e for e in events if e.type == "statement"]
    assert [e.actor.text if e.actor else None for e in statements] == ["المكتب المركزي للأبحاث القضائية"]


def test_passive_arrest_takes_the_operation_actor() -> None:
    body = "بدأت قوات الجيش عملية تمشيط في المنطقة. وتم اعتقال خمسة مشتبه بهم."
    events = {e.type: e for e in find_events(make_context(body, {"قوات الجيش": "ORG"}))}
    assert events["arrest"].actor is not None and events["arrest"].actor.text == "قوات الجيش"
    assert events["arrest"].arrested == 5


def test_spans_index_the_original_text() -> None:
    body = "وأعلنت الشرطة ضبط أسلحة وذخائر، واعتقال ٣ أشخاص، في مدينة الموصل."
    ctx = make_context(body, {"الموصل": "LOC"}, {"الموصل": IQ_CITY})
    events = find_events(ctx)
    assert {e.type for e in events} == {"seizure", "arrest"}
    for event in events:
        for span in (event.trigger, event.actor, event.target, event.location):
            if span is not None:
                assert body[span.start : span.end] == span.text
    assert next(e for e in events if e.type == "arrest").arrested == 3


@pytest.mark.parametrize(
    ("type_", "hint", "expected"),
    [
        ("arrest", "اعتقال", ("COERCE", "arrest")),
        ("bombing", "تفجير انتحاري", ("ASSAULT", "suicide")),
        ("bombing", "انفجار", ("ASSAULT", "explosives")),
        ("airstrike", "غارة", ("ASSAULT", "aerial")),
        ("shelling", "صاروخ", ("ASSAULT", "missile")),
        ("shelling", "قذائف", ("ASSAULT", "artillery")),
        ("seizure", None, ("COERCE", "seize")),
        ("protest", "اعتصام", ("PROTEST", "sit-in")),
        ("statement", "بيان", (None, None)),
        ("meeting", None, ("CONSULT", None)),
        ("unknown", None, (None, None)),
    ],
)
def test_plover_for(type_: str, hint: str | None, expected: tuple[str | None, str | None]) -> None:
    assert plover_for(type_, hint) == expected


def test_empty_article() -> None:
    assert find_events(make_context("")) == []


# Round 2: role rules (arrested group, repelled attacks, protest participants), time choice, places.
GROUP = {"جماعة النصر": "ORG"}


@pytest.mark.parametrize(
    ("body", "count_text", "arrested"),
    [
        ("العشرات من جماعة النصر المسلحة اليوم رهن الاعتقال في المدينة.", "العشرات", None),
        ("خمسة من جماعة النصر رهن الاحتجاز منذ الصباح في المدينة.", None, 5),
    ],
)
def test_quantity_of_group_before_arrest_is_its_target(body: str, count_text: str | None, arrested: int | None) -> None:
    (event,) = find_events(make_context(body, GROUP))
    assert event.type == "arrest"
    assert event.target is not None and event.target.text == "جماعة النصر"
    assert (event.count_text, event.arrested) == (count_text, arrested)


def test_membership_names_the_arrested_group() -> None:
    body = "اعتقلت الشرطة ثلاثة أشخاص يشتبه بانتمائهم إلى جماعة النصر في المدينة."
    (event,) = find_events(make_context(body, {"الشرطة": "ORG", **GROUP}))
    assert event.target is not None and event.target.text == "جماعة النصر"
    assert event.actor is not None and event.actor.text == "الشرطة"


def test_a_fronted_after_phrase_leaves_the_main_clause_current() -> None:
    body = (
        "قتل سبعة ركاب اليوم في انفجار عبوة ناسفة استهدف حافلة قرب بلدة سوراب.\n\n"
        "وعقب الهجوم، أطلقت قوات حرس الحدود عملية تمشيط واسعة في محيط سوراب، واعتقلت ثلاثة مشتبه بهم."
    )
    events = {e.type: e for e in _enriched(body).events}
    assert not events["security_operation"].background
    assert not events["arrest"].background


def test_the_bomb_told_again_and_an_unclaimed_attack_are_the_blast_told_before() -> None:
    body = (
        "قتل 7 ركاب وأصيب 21 آخرون اليوم جراء انفجار عبوة ناسفة استهدف حافلة على الطريق بين كويتا وكراتشي.\n\n"
        "وقال مسؤول محلي إن العبوة زرعت على جانب الطريق قرب بلدة سوراب، وانفجرت لحظة مرور الحافلة.\n\n"
        "ولم تتبن أي جهة الهجوم حتى الساعة، غير أن مسلحين كثيرا ما يستهدفون العمال القادمين من إقليم البنجاب."
    )
    (bombing,) = [e for e in _enriched(body).events if e.type in ("bombing", "attack")]
    assert (bombing.type, bombing.killed, bombing.injured) == ("bombing", 7, 21)


def test_the_attack_named_again_in_a_protest_against_it_is_the_attack_told_before() -> None:
    body = (
        "قتل 22 مدنيا اليوم في هجوم شنه مسلحون على سوق أسبوعية في قرية تيلوا غربي النيجر.\n\n"
        "وفي العاصمة نيامي، خرج مئات المتظاهرين في مسيرة دعت إليها منظمات مؤيدة للمجلس العسكري، تنديدا بالهجوم."
    )
    events = _enriched(body).events
    assert len([e for e in events if e.type == "attack"]) == 1
    assert "protest" in {e.type for e in events}


def test_a_second_blast_is_another_event() -> None:
    body = (
        "قتل ثلاثة أشخاص اليوم في انفجار عبوة ناسفة في بلدة سوراب.\n\n"
        "وبعد ساعة، استهدف الانفجار الثاني دورية للشرطة في بلدة قلات."
    )
    assert len([e for e in _enriched(body).events if e.type == "bombing"]) == 2


_AMBUSH = "قتل خمسة جنود اليوم في كمين نصبه مسلحون لدورية عسكرية قرب بلدة دامبوا.\n\n"


@pytest.mark.parametrize(
    "body",
    [
        # a war's toll since it began, no event of the day
        "وتخوض نيجيريا منذ عام 2009 نزاعا مع جماعة بوكو حرام أسفر عن مقتل أكثر من 40 ألف شخص ونزوح الملايين.",
        # strife that broke out, no bomb
        "وتعيش الولاية منذ أشهر على وقع صراع دام بين الفصيلين، تفجر بعد اعتقال زعيم الكارتل في الخارج.",
    ],
)
def test_a_war_toll_and_strife_breaking_out_make_no_event(body: str) -> None:
    assaults = [e for e in _enriched(_AMBUSH + body).events if e.type in ("attack", "bombing")]
    assert [(e.type, e.killed) for e in assaults] == [("attack", 5)]


def test_an_attack_broken_past_the_subject_and_a_time_is_a_clash() -> None:
    body = "كسرت قوات الجيش الوطني، فجر اليوم، هجوماً واسعاً شنته مليشيا الحوثي على مواقعها في جبهة البلق جنوب مأرب."
    assert "armed_clash" in {e.type for e in _enriched(body).events}


def test_missiles_shot_down_after_a_repel_verb_are_no_clash() -> None:
    body = "نفذ العدو عدواناً جوياً على محيط بلدة الكسوة، وقد تصدت وسائط الدفاع الجوي لصواريخ العدوان وأسقطت بعضها."
    assert "armed_clash" not in {e.type for e in _enriched(body).events}


@pytest.mark.parametrize(
    ("body", "types", "arrested"),
    [
        # a cell of people «seized» is arrested, with its count
        ("أعلنت وزارة الداخلية اليوم ضبط خلية تجسسية مكونة من 9 عناصر في العاصمة.", {"arrest"}, 9),
        # what was seized in the suspects' possession is seized, not them
        ("وأشار إلى أن الأجهزة الأمنية ضبطت بحوزة المتهمين أسلحة وذخائر متنوعة.", {"seizure"}, None),
    ],
)
def test_seized_people_and_what_they_held(body: str, types: set[str], arrested: int | None) -> None:
    events = _enriched(body).events
    assert {e.type for e in events} == types
    assert all(e.arrested == arrested for e in events if e.type == "arrest")


def test_a_counter_operation_in_reply_to_the_attack_takes_its_own_toll() -> None:
    body = (
        "قتل مسلحون 14 مدنيا فجر الخميس في هجوم على بلدة كنسكوف جنوب شرقي العاصمة.\n\n"
        "وردا على الهجوم، نفذت الشرطة الوطنية عملية مضادة على طريق كنسكوف أسفرت عن مقتل 5 من أفراد العصابات.\n\n"
        "كما أعلنت الشرطة توقيف عنصرين عند معبر مالباس الحدودي، وضبط نحو 3 آلاف طلقة بحوزتهما."
    )
    events = _enriched(body).events
    assert sorted((e.type, e.killed) for e in events if e.type in ("attack", "security_operation")) == [
        ("attack", 14),
        ("security_operation", 5),
    ]
    assert "seizure" in {e.type for e in events}


def test_an_earlier_dated_strike_told_as_background_is_its_own_event() -> None:
    body = (
        "العدوان الأمريكي يشن 7 غارات على الحديدة وصنعاء\n\n"
        "شن العدوان الأمريكي، فجر اليوم الأربعاء، سلسلة غارات جوية استهدفت محافظة الحديدة.\n\n"
        "وأفاد مراسل المسيرة بأن طيران العدوان شن خمس غارات على ميناء رأس عيسى، ما أدى إلى استشهاد ثلاثة عمال.\n\n"
        "وكان العدوان قد شن يوم الأحد الماضي ثلاث غارات على مطار الحديدة الدولي، ألحقت أضراراً بمدرج المطار."
    )
    strikes = [e for e in _enriched(body, "2026-05-13T09:00:00Z").events if e.type == "airstrike"]
    (earlier,) = [e for e in strikes if e.background]
    assert earlier.killed is None and earlier.time is not None and earlier.time.date.startswith("2026-05-10")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the violators are arrested, and what they smuggled is seized
        ("حرس الحدود بجازان يضبط 4 مخالفين لتهريبهم 350 كيلوغراماً من القات المخدر", {("arrest", 4), ("seizure", None)}),
        (
            "أوضح الدفاع المدني أن مقذوفاً عسكرياً أُطلق من داخل الأراضي اليمنية سقط مساء أمس على قرية الجابري، "
            "ما أسفر عن إصابة مقيمين اثنين. وباشرت فرق الدفاع المدني الحادثة فور تلقي البلاغ.",
            {("shelling", None)},
        ),
        # demining: ordnance removed, nothing fired; a received report is no communiqué
        ("أعلن مشروع مسام انتزاع 1,147 لغماً ومقذوفاً خلال أسبوع في مديريات الساحل الغربي.", set()),
    ],
)
def test_border_violators_projectiles_and_ordnance(body: str, expected: set[tuple[str, int | None]]) -> None:
    events = _enriched(body).events
    assert {(e.type, e.arrested) for e in events if e.type != "statement"} == expected
    assert not any(e.type == "statement" and e.trigger.text == "البلاغ" for e in events)


def test_a_tribal_dispute_is_a_clash_with_its_toll() -> None:
    body = "أفاد مصدر أمني في البصرة اليوم بمقتل ثلاثة أشخاص وإصابة خمسة آخرين بنزاع عشائري اندلع في قضاء القرنة."
    (event,) = [e for e in _enriched(body).events if e.type != "statement"]
    assert (event.type, event.killed, event.injured) == ("armed_clash", 3, 5)


def test_a_book_fair_besieged_by_its_visitors_has_no_siege() -> None:
    body = (
        "شهد اليوم الثالث من معرض أربيل الدولي للكتاب إقبالاً لافتاً، إذ حاصر مئات الزوار أجنحة دور النشر منذ "
        "الصباح. وقال مدير المعرض إن الناس اقتحموا الأجنحة بحثاً عن الكتب الجديدة، وإن القراء الشباب غزوا المعرض."
    )
    assert not {e.type for e in _enriched(body).events} & CONFLICT_TYPES


@pytest.mark.parametrize(
    "body",
    [
        # shells in a depot seized are seized, not fired
        "ضبطت قيادة الأمن الداخلي مستودعاً للأسلحة في قرية الهوشرية شرقي منبج، يضم 40 صاروخاً وعشرات قذائف الهاون.",
        # a morsel of bread (لقمة عيش) is no summit
        "وقال شقيق أحد المخطوفين إن أخاه خرج ليؤمّن لقمة عيش أطفاله، ولا يعرف عنه شيئاً منذ خطفه.",
    ],
)
def test_seized_shells_and_a_morsel_of_bread_make_no_shelling_or_meeting(body: str) -> None:
    assert not {e.type for e in _enriched(body).events} & {"shelling", "meeting"}


@pytest.mark.parametrize(
    "body",
    [
        "وجدد البيان التأكيد على أن العمليات لن تتوقف إلا بوقف العدوان ورفع الحصار عن قطاع غزة.",
        "ويطالب سكان القرى الحدودية منذ سنوات الحكومة بالتدخل لوقف العمليات العسكرية في المنطقة.",
    ],
)
def test_a_demand_to_lift_a_siege_or_stop_operations_is_no_operation(body: str) -> None:
    assert "security_operation" not in {e.type for e in _enriched(body).events}


def test_shots_fired_into_the_air_are_no_attack() -> None:
    body = "وانتشرت قوات الأمن في الساحة وعمدت إلى تفريق المحتجين بإطلاق النار في الهواء، واعتقلت عدداً من الشبان."
    assert "attack" not in {e.type for e in _enriched(body).events}


@pytest.mark.parametrize(
    ("body", "type_", "actor", "target"),
    [
        # an attack fought back is a clash between the two sides
        ("أعلنت قوات الجيش في بيان أنها صدت هجوما على مواقعها قرب الحدود.", "armed_clash", None, "قوات الجيش"),
        ("تصدت قوات الجيش لهجوم شنه مسلحو جماعة النصر على مواقعها.", "armed_clash", "جماعة النصر", "قوات الجيش"),
        # a foiled attack never came to fighting; «صد الهجوم» is the attack told before
        ("أحبطت قوات الجيش هجوما مسلحا على نقطة تفتيش.", "attack", None, "قوات الجيش"),
        ("قال مسؤول إن قوات الجيش تمكنت من صد الهجوم على مواقعها.", "attack", None, "قوات الجيش"),
    ],
)
def test_repelling_side_is_the_target(body: str, type_: str, actor: str | None, target: str) -> None:
    events = [e for e in find_events(make_context(body, {"قوات الجيش": "ORG", **GROUP})) if e.type == type_]
    (attack,) = events
    assert (attack.actor.text if attack.actor else None) == actor
    assert attack.target is not None and attack.target.text == target


def test_attacker_before_an_attack_verb_stays_the_actor() -> None:
    body = "هاجمت جماعة النصر مواقع قوات الجيش في القرية."
    (attack,) = find_events(make_context(body, {"قوات الجيش": "ORG", **GROUP}))
    assert attack.actor is not None and attack.actor.text == "جماعة النصر"


@pytest.mark.parametrize(
    ("body", "actor", "count_text"),
    [
        ("تظاهر آلاف العمال، أمس الخميس، في ساحة الشهداء وسط المدينة.", "العمال", "آلاف"),
        ("اعتصم العشرات من الأطباء أمام مبنى الوزارة.", "الأطباء", "العشرات"),
        ("ردد المحتجون هتافات ضد الحكومة في الساحة.", "المحتجون", None),
        ("يحتج المزارعون على ارتفاع أسعار الأسمدة.", "المزارعون", None),
        # after a definite protest noun a definite word describes it (الشامل), it is no participant
        ("عمّ الإضراب الشامل محافظة طوباس حدادا على روح الشاب.", None, None),
    ],
)
def test_protest_verbs_participants_and_crowd_size(body: str, actor: str | None, count_text: str | None) -> None:
    (event,) = find_events(make_context(body))
    assert event.type == "protest"
    assert (event.actor.text if event.actor else None) == actor
    assert event.count_text == count_text


def test_protest_sentence_gets_its_square_and_day() -> None:
    body = "تظاهر آلاف العمال، أمس الخميس، في ساحة الشهداء وسط المدينة. ورفع المتظاهرون لافتات."
    (event,) = find_events(make_context(body))
    assert event.location is not None and event.location.text == "ساحة الشهداء"
    assert event.time.text == "أمس الخميس"


def test_merged_event_keeps_the_time_stated_next_to_a_trigger() -> None:
    body = (
        "بدأت قوات الجيش حملة عسكرية واسعة في المنطقة، بعد تصاعد الهجمات على القرى الحدودية والطرق "
        "الرئيسية كما أفادت مصادر محلية اليوم. وأوضحت المصادر أن القوات بدأت عملية التمشيط، "
        "ليل الأربعاء الماضي، في القرى."
    )
    events = [e for e in find_events(make_context(body, {"قوات الجيش": "ORG"})) if e.type == "security_operation"]
    (operation,) = events
    assert operation.time.text == "ليل الأربعاء الماضي"


def test_time_in_the_trigger_clause_is_kept_over_a_later_explicit_one() -> None:
    body = "اعتقلت الشرطة اليوم خمسة مطلوبين في المدينة. وكانت الشرطة قد اعتقلت مطلوبين اثنين يوم الاثنين."
    events = [e for e in find_events(make_context(body, {"الشرطة": "ORG"})) if not e.background]
    assert [e.time.text for e in events] == ["اليوم"]


def test_unresolved_town_beats_its_resolved_province() -> None:
    body = "قتل ثلاثة مدنيين في غارة جوية استهدفت بلدة كفرنبل بريف إدلب شمال غربي سوريا."
    ctx = make_context(body, {"كفرنبل": "LOC", "إدلب": "LOC", "سوريا": "LOC"}, {"إدلب": SY_CITY, "سوريا": SY})
    (event,) = find_events(ctx)
    assert event.type == "airstrike" and event.killed == 3
    assert event.location is not None and event.location.text == "كفرنبل"


def test_an_unresolved_name_after_an_area_word_is_a_spot() -> None:
    body = "انفجرت عبوة ناسفة في كركوك قرب منطقة الرشاد."
    ctx = make_context(body, {"الرشاد": "LOC", "كركوك": "LOC"}, {"كركوك": IQ_CITY})
    (event,) = find_events(ctx)
    assert event.location is not None and event.location.text == "الرشاد"


@pytest.mark.parametrize(
    ("body", "trigger"),
    [("نصب مسلحون كميناً لدورية للجيش.", "كميناً"), ("والهجوم على الحاجز أسفر عن مقتل جندي.", "الهجوم")],
)
def test_a_trigger_word_is_not_cut_at_a_letter_that_looks_like_a_clitic(body: str, trigger: str) -> None:
    found = find_events(make_context(body))
    assert found and found[0].trigger.text == trigger


def test_a_device_seized_is_no_bombing() -> None:
    body = "داهمت القوات الأمنية مخبأ في المدينة وضبطت 12 عبوة ناسفة وأسلحة متنوعة."
    assert "bombing" not in types_of(body)


def test_devices_at_the_end_of_a_long_seized_list_are_no_bombing() -> None:
    body = "أسفرت المداهمة عن ضبط أسلحة خفيفة (14 قطعة) وثلاثة أحزمة ناسفة."
    assert "bombing" not in types_of(body)


def test_the_attack_claimed_later_is_the_bombing_told_before() -> None:
    body = "قُتل خمسة أشخاص في تفجير انتحاري في السوق. وتبنت الجماعة الهجوم في بيان."
    events = [e for e in find_events(make_context(body, {"الجماعة": "ORG"})) if e.type != "statement"]
    assert [(e.type, e.actor.text if e.actor else None) for e in events] == [("bombing", "الجماعة")]


def test_a_claimants_figures_are_no_toll_of_their_own() -> None:
    body = (
        "قُتل سبعة جنود في تفجير انتحاري استهدف قاعدة عسكرية. "
        "وتبنت الجماعة الهجوم في بيان، زاعمة أن مقاتليها قتلوا 41 جنديا."
    )
    events = [e for e in find_events(make_context(body, {"الجماعة": "ORG"})) if e.type != "statement"]
    assert [(e.type, e.killed, e.actor.text if e.actor else None) for e in events] == [("bombing", 7, "الجماعة")]


def test_a_claim_set_apart_by_a_contrast_leaves_the_reports_toll() -> None:
    body = (
        "شن مسلحو الحركة هجوما على قاعدة للجيش في البلدة، ما أدى إلى مقتل ستة جنود وإصابة تسعة آخرين، "
        "فيما زعمت الحركة أنها قتلت أكثر من 30 جنديا."
    )
    [event] = [e for e in find_events(make_context(body)) if e.type == "attack"]
    assert (event.killed, event.injured) == (6, 9)


def test_sanctions_and_agreements_named_again_are_one_event() -> None:
    body = (
        "فرضت وزارة الخزانة الأمريكية عقوبات على خمس شركات أمس. وشملت العقوبات شخصين متهمين بالتمويل. "
        "ودانت الحكومة العقوبات ووصفتها بأنها غير قانونية. "
        "ووقعت الحكومة والبنك اتفاقية قرض بقيمة 100 مليون دولار. ووقع الاتفاقية وزير المالية."
    )
    types = sorted(e.type for e in find_events(make_context(body, {"وزارة الخزانة الأمريكية": "ORG"})))
    assert types.count("sanction") == 1 and types.count("agreement") == 1


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ("قتل خمسة عناصر بضربة جوية على مضافة في وادي حوران بصحراء محافظة الأنبار.", {"وادي حوران"}),
        # the name alone where the tagger finds it (as منطقة الرشاد is الرشاد), the phrase where only منطقة shows it
        ("فجر انتحاري سيارة مفخخة في قافلة عسكرية بمنطقة شيوا في إقليم وزيرستان.", {"منطقة شيوا", "شيوا"}),
        ("قتل 12 شخصا في تفجير انتحاري استهدف مطعما على شاطئ ليدو في مقديشو.", {"شاطئ ليدو"}),
    ],
)
def test_the_event_is_placed_at_the_named_spot(body: str, location: set[str]) -> None:
    enriched = _enriched(body, "2026-03-01T00:00:00Z")
    assert enriched.events and enriched.events[0].location is not None
    assert enriched.events[0].location.text in location


def test_strikes_on_two_towns_of_different_districts_are_two_events() -> None:
    body = (
        "قتل شخص في غارة على سيارة في بلدة كفرا في قضاء بنت جبيل اليوم. "
        "وليلا، شن الطيران الحربي سلسلة غارات على بلدة بريتال في قضاء بعلبك."
    )
    places = {"كفرا": {}, "بنت جبيل": {}, "بريتال": {}, "بعلبك": {}}
    entities = dict.fromkeys(places, "LOC")
    strikes = [e for e in find_events(make_context(body, entities, places)) if e.type == "airstrike"]
    assert sorted(e.location.text for e in strikes if e.location) == ["بريتال", "كفرا"]


def test_a_thing_counted_is_no_casualty() -> None:
    body = "قُتل سبعة جنود في تفجير انتحاري. ووصلت مروحيات إلى المنطقة عقب الهجوم لنقل الجرحى."
    assert all(e.injured is None for e in find_events(make_context(body)))


def test_an_attack_with_casualties_of_its_own_stays_an_event() -> None:
    body = "انفجرت سيارة مفخخة في السوق أمس. وقتل مسلحون جنديين في الهجوم على الحاجز مساء اليوم."
    assert sorted(e.type for e in find_events(make_context(body))) == ["attack", "bombing"]


def test_a_toll_update_is_the_same_event_with_the_new_figures() -> None:
    body = (
        "قتل خمسة أشخاص في تفجير انتحاري استهدف سوقا في المدينة. "
        "وارتفعت حصيلة ضحايا التفجير إلى 10 قتلى و20 جريحا، بحسب مصادر طبية."
    )
    [bombing] = find_events(make_context(body))
    assert (bombing.killed, bombing.injured) == (10, 20)


def test_two_incidents_with_their_own_tolls_stay_apart() -> None:
    body = "انفجرت سيارة مفخخة في الرمادي وقتل 3 أشخاص. وفي حادث آخر، قتل 7 أشخاص في انفجار عبوة في حلب."
    ctx = make_context(body, {"الرمادي": "LOC", "حلب": "LOC"}, {"الرمادي": IQ_CITY, "حلب": SY_CITY})
    assert sorted(e.killed for e in find_events(ctx)) == [3, 7]


def test_a_title_in_guillemets_in_an_article_about_a_novel_is_no_event() -> None:
    body = (
        "«اغتيال على ضفاف النيل» تتصدر مبيعات معرض الكتاب.\n\n"
        "واحتلت رواية «اغتيال على ضفاف النيل» للكاتب السوداني صدارة المبيعات في اليوم الأول."
    )
    assert not set(types_of(body)) & CONFLICT_TYPES


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("استشهد طفل برصاص مستوطن قرب قرية المغير.", "attack"),
        ("اختطف مجهولون طبيبا من منزله في المدينة.", "abduction"),
    ],
)
def test_a_one_sentence_flash_has_its_violence_context(body: str, expected: str) -> None:
    assert types_of(body) == [expected]


def test_a_match_s_coup_de_grace_is_no_violence_context() -> None:
    body = "شن الفريق هجوما مكثفا في الشوط الثاني وأطلق مهاجمه رصاصة الرحمة في الدقيقة الأخيرة."
    assert not set(types_of(body)) & CONFLICT_TYPES


def test_a_time_set_off_before_the_trigger_leaves_its_subject_in_reach() -> None:
    body = "وعقد والي ولاية لعصابة، الداه ولد سيدي اعمر، صباح اليوم الأربعاء، اجتماعا طارئا ضم قادة الأجهزة الأمنية."
    entities = {"الداه ولد سيدي اعمر": "PER"}
    (meeting,) = find_events(make_context(body, entities))
    assert meeting.actor is not None and meeting.actor.text == "الداه ولد سيدي اعمر"


@pytest.mark.parametrize(
    "body",
    [
        'ودعا المجلس الرئاسي، في بيان صباح الجمعة، الأطراف المتقاتلة إلى "وقف فوري لإطلاق النار" في المدينة.',
        "وطالبت الأمم المتحدة، في بيان، جميع الأطراف بوقف إطلاق النار فورا.",
    ],
)
def test_a_ceasefire_called_for_is_no_agreement_but_the_call_is_a_statement(body: str) -> None:
    entities = {"المجلس الرئاسي": "ORG", "الأمم المتحدة": "ORG"}
    assert types_of(body, entities) == ["statement"]


def test_a_meeting_the_targets_were_holding_is_not_reported() -> None:
    body = "وتبنت الحركة الهجوم على الفندق، وقالت إنه استهدف مسؤولين في الحكومة كانوا يعقدون اجتماعاً فيه."
    assert "meeting" not in types_of(body, {"الحركة": "ORG"})


def test_an_excavation_report_has_no_conflict_events() -> None:
    body = (
        "كشفت الهيئة عن نتائج موسم التنقيب الأثري في الموقع، حيث عثر الفريق على أسوار حصن تحمل آثار حصار.\n\n"
        "وقال رئيس الفريق إن التنقيب كشف عن 45 قذيفة حجرية، وإن الآثار المكتشفة تعود إلى ألفي عام."
    )
    assert not set(types_of(body)) & CONFLICT_TYPES


def test_a_snow_storm_that_besieges_villages_is_no_conflict() -> None:
    body = (
        "العاصفة تحاصر قرى الجرد والثلوج تقطع الطريق الدولية.\n\n"
        "واصلت العاصفة هجومها على المرتفعات لليوم الثاني، وتساقطت الثلوج بكثافة، وانفجرت أنابيب المياه في "
        "عدد من المنازل بفعل الصقيع، فيما حذرت مصلحة الأرصاد من استمرار العاصفة والثلوج.\n\n"
        "وعمل الجيش وقوى الأمن على فتح الطرق، وقال رئيس البلدية إن القرية تعيش حصاراً حقيقياً."
    )
    assert not set(types_of(body)) & CONFLICT_TYPES


def test_hospitals_that_received_the_dead_hold_no_meeting() -> None:
    body = "وأعلنت الوزارة أن مستشفيات القطاع استقبلت خلال الـ48 ساعة الماضية 5 شهداء و12 إصابة جراء القصف."
    assert "meeting" not in types_of(body)


def test_seizing_the_weapons_a_monitor_calls_for_is_no_seizure() -> None:
    body = "ويجدد المرصد مطالبته للسلطات بضبط السلاح المنفلت ومحاسبة المتورطين في عمليات القتل والخطف."
    assert "seizure" not in types_of(body)


def test_a_derby_of_clubs_named_for_forces_has_no_conflict_events() -> None:
    body = (
        "القوة الجوية يقصف مرمى الشرطة بثلاثية.\n\n"
        "شن لاعبو القوة الجوية هجوماً كاسحاً منذ صافرة البداية، وسجل المهاجم هدفاً في الشوط الأول، قبل أن "
        "يضيف زميله هدفين، فيما قال مدرب الشرطة إن فريقه تعرض لحصار لم يتوقف أمام المرمى."
    )
    assert not set(types_of(body)) & CONFLICT_TYPES


def test_a_flood_that_besieges_villages_near_a_crossing_is_no_conflict() -> None:
    body = "حاصرت مياه الفيضان ثلاث قرى قرب معبر العبور النهري، ويحاصر ارتفاع المنسوب مزارع الضفة الشرقية."
    assert not set(types_of(body)) & CONFLICT_TYPES


def test_a_communiques_second_arrest_is_the_work_of_the_body_named_first() -> None:
    body = (
        "أعلن جهاز الأمن الوطني اعتقال خمسة متهمين بالانتماء إلى التنظيم في قضاء الحويجة.\n\n"
        "وأضاف البيان أن مفرزة أخرى تمكنت من اعتقال متهمين اثنين في منطقة مطيبيجة."
    )
    context = make_context(body, {"جهاز الأمن الوطني": "ORG"})
    arrests = [e for e in find_events(context) if e.type == "arrest"]
    assert arrests and all(e.actor is not None and e.actor.text == "جهاز الأمن الوطني" for e in arrests)


def test_a_count_after_a_second_act_is_that_acts() -> None:
    body = "مصرع مطلوب وضبط 12 متهماً في حملة أمنية على بؤرة إجرامية بالقرية."
    events = find_events(make_context(body))
    assert [e.killed for e in events if e.killed is not None] == [1]


def test_two_security_campaigns_in_the_dual_are_an_operation() -> None:
    assert "security_operation" in types_of("شنت الأجهزة الأمنية، صباح أمس، حملتين أمنيتين على بؤر إجرامية.")


def test_returning_fire_is_a_clash() -> None:
    body = "أطلق مسلحون النار على الدورية فبادلتهم القوات إطلاق النار في الظهير الصحراوي."
    assert "armed_clash" in types_of(body)


def test_a_parades_salute_and_boats_are_no_conflict() -> None:
    body = (
        "شهدت الاحتفالات باليوم الوطني عرضاً عسكرياً كبيراً حضره الأمير. وتضمن الاستعراض مرور المركبات، كما "
        "أطلقت المدفعية 21 طلقة تحية، واقتحمت زوارق القوات البحرية مياه الخليج في عرض بحري. واختتم المهرجان "
        "بالألعاب النارية وسط احتفالات شعبية."
    )
    assert not set(types_of(body)) & {"shelling", "security_operation", "attack"}


def test_emergency_wards_that_received_cases_hold_no_meeting() -> None:
    body = "وأفادت وزارة الصحة بأن أقسام الطوارئ استقبلت منذ مطلع الأسبوع 37 حالة إجهاد حراري."
    assert "meeting" not in types_of(body)


def test_a_verb_after_an_area_word_names_no_place() -> None:
    body = "تعرض الموقع لهجوم أسفر عن مقتل خمسة جنود، في منطقة تشهد منذ سنوات توترا بين الجماعات."
    enriched = _enriched(body, "2026-03-01T00:00:00Z")
    assert [e.location for e in enriched.events] == [None]


def test_where_people_fled_is_not_where_the_clash_was() -> None:
    body = "اشتباكات عنيفة بين الجيش ومسلحين قرب الحدود وفرار المئات إلى مانديرا."
    enriched = _enriched(body, "2026-03-01T00:00:00Z")
    assert all(e.location is None or e.location.text != "مانديرا" for e in enriched.events)


def test_a_headlines_toll_is_the_operation_that_killed_them() -> None:
    body = (
        "الجيش يعلن مقتل 23 مسلحا قرب بلدة كورتا\n\n"
        "أعلن الجيش، اليوم الخميس، مقتل ٢٣ مسلحا في عملية عسكرية نفذها في ضواحي مديرية كورتا بإقليم هيران."
    )
    enriched = _enriched(body, "2026-03-01T00:00:00Z")
    assert [(e.type, e.killed) for e in enriched.events] == [("security_operation", 23)]


def test_what_a_raid_followed_the_same_night_is_no_background() -> None:
    body = "اعتقلت قوات الاحتلال، فجر اليوم، ثمانية مواطنين من محافظة نابلس، عقب دهم منازلهم والعبث بمحتوياتها."
    assert [e.background for e in _enriched(body).events] == [False, False]


def test_the_summit_of_a_mountain_is_no_meeting() -> None:
    body = "منذ استشهاد الشاب برصاص الاحتلال على قمة جبل صبيح، في آذار الماضي."
    assert "meeting" not in [e.type for e in _enriched(body).events]


def test_on_the_pretext_of_is_no_place() -> None:
    body = "احتجزت قوات الاحتلال ثلاثة من المزارعين لعدة ساعات بحجة وجودهم في منطقة عسكرية مغلقة."
    assert [e.location for e in _enriched(body).events] == [None]


def test_the_hospital_the_wounded_were_taken_to_is_no_place_of_the_raid() -> None:
    body = "وأصيب شابان بالرصاص خلال اقتحام بلدة عورتا، ونقلتهما طواقم الهلال الأحمر إلى مستشفى رفيديا الحكومي."
    [event] = _enriched(body).events
    assert event.location is not None and event.location.text == "عورتا"


def test_a_sound_plural_force_does_not_take_its_object_as_an_adjective() -> None:
    [event] = _enriched("هاجم مستوطنون قاطفي الزيتون في البلدة وأصابوا أربعة مواطنين.").events
    assert event.actor is not None and event.actor.text == "مستوطنون"


def test_soldiers_who_beat_workers_at_a_checkpoint_attacked_them_there() -> None:
    body = (
        "اعتقلت قوات الاحتلال تسعة شبان من مخيم شعفاط. "
        "واعتدى جنود الاحتلال على أربعة عمال بالضرب المبرح على حاجز قلنديا مساء أمس."
    )
    [attack] = [e for e in _enriched(body).events if e.type == "attack"]
    assert attack.actor is not None and attack.actor.text == "جنود الاحتلال"
    assert attack.location is not None and attack.location.text == "حاجز قلنديا"


def test_the_pursuit_to_arrest_the_rest_is_no_arrest() -> None:
    body = 'اعتقل الجيش ثلاثة أشخاص في البلدة. وقال البيان إن "المتابعة مستمرة، وتستمر المتابعة لتوقيف بقية المتورطين".'
    assert [e.arrested for e in _enriched(body).events if e.type == "arrest"] == [3]


def test_ululations_that_burst_out_are_no_bombing() -> None:
    body = "حصلت الطالبة على المرتبة الأولى، وفي منزل عائلتها بالمخيم انفجرت الزغاريد وسط حضور الجيران."
    assert "bombing" not in [e.type for e in _enriched(body).events]


def test_a_country_the_speaker_names_after_the_meeting_is_not_where_it_was() -> None:
    body = (
        'التقى والي الحوض الشرقي، أمس الأربعاء، ممثلين عن اللاجئين، مؤكدا أن "موريتانيا لن تغلق أبوابها أمام '
        'الفارين من العنف".'
    )
    [meeting] = [e for e in _enriched(body).events if e.type == "meeting"]
    assert meeting.location is None or meeting.location.text != "موريتانيا"


def test_neutralised_is_how_an_army_says_killed() -> None:
    body = 'وأعلن الجيش أن وحداته "حيّدت ٣٢ إرهابيا" خلال عمليات تمشيط في جزيرة كايغا.'
    [operation] = [e for e in _enriched(body).events if e.type == "security_operation"]
    assert operation.killed == 32


def test_two_statements_dated_on_different_days_stay_two() -> None:
    body = (
        "قتل أحد عشر جنديا في هجوم على موقع عسكري في جزيرة بركرم ليل الأحد. "
        'وفي بيان صدر مساء الاثنين، أدان الناطق باسم الحكومة "الهجوم الجبان". '
        "وأعلن الجيش التشادي في بيان ثان، اليوم الثلاثاء، أن وحداته قتلت 32 إرهابيا."
    )
    assert [e.type for e in _enriched(body).events].count("statement") == 2


def test_two_air_strikes_in_the_nominative_are_an_airstrike_and_and_ends_a_place() -> None:
    body = "ضبط 40 عبوة في وادي حوران وضربتان جويتان تقتلان خمسة من داعش بين كركوك وصلاح الدين"
    [strike] = [e for e in _enriched(body).events if e.type != "seizure"]
    assert strike.type == "airstrike" and strike.killed == 5
    assert strike.location is None or "ضربتان" not in strike.location.text


def test_a_kidnapping_gang_is_no_kidnapping() -> None:
    body = "قُتل عنصر من قوى الأمن واثنان من أفراد عصابة متخصصة بالخطف في اشتباك شرقي درعا. وفككت الشرطة عصابة خطف."
    assert "abduction" not in [e.type for e in _enriched(body).events]


@pytest.mark.parametrize(
    "body",
    [
        "ويتضمن برنامج التظاهرة، التي تتواصل إلى غاية السبت، معارض لمنتجات النخيل.",  # a festival
        "انطلقت التظاهرة الثقافية في المدينة بمشاركة فرق فنية من عدة ولايات.",
        "وذكّرت الوزارة أصحاب العمل بقرار حظر العمل في المواقع المكشوفة وقت الظهيرة.",  # a regulation
        "تعرض السائق لضربة قوية بعد انفجار إطارين في سيارته عند الكيلومتر 190.",  # a tyre burst
        "قضت المحكمة بسجن ستة متهمين مع إسقاط الجنسية عن المحكوم عليهم.",  # citizenship revoked
        'وتناولت ندوة سبل "اقتحام الأسواق الأوروبية والآسيوية" بعد تراجع الصادرات.',  # markets entered
    ],
)
def test_festivals_regulations_tyres_citizenship_and_markets_are_no_events(body: str) -> None:
    assert not {e.type for e in _enriched(body).events} & {
        "protest",
        "sanction",
        "bombing",
        "attack",
        "security_operation",
    }


def test_the_outlet_a_source_spoke_to_is_no_actor() -> None:
    body = (
        "دخل العاملون في القطاع الصحي بمدينة سبها، اليوم الأربعاء، في إضراب شامل عن العمل. وقال رئيس النقابة "
        "لمراسل وكالة الأنباء الليبية إن الإضراب يشمل مركز سبها الطبي."
    )
    [strike] = [e for e in _enriched(body).events if e.type == "protest"]
    assert strike.actor is None or "وكالة" not in strike.actor.text


@pytest.mark.parametrize(
    "told",
    ["لسكاي نيوز عربية", "للأناضول"],
)
def test_a_news_outlet_told_with_an_attached_li_is_no_actor(told: str) -> None:
    body = (
        f"وقال أحد سكان القرية {told} إن القوات الهندية قصفت المنازل ليلاً، ما أدى إلى مقتل ثلاثة مدنيين في وادي نيلم."
    )
    [shelling] = [e for e in _enriched(body).events if e.type == "shelling"]
    assert shelling.actor is not None and "نيوز" not in shelling.actor.text and "الأناضول" not in shelling.actor.text


def test_a_spokesman_named_after_his_title_reports_what_others_did() -> None:
    body = (
        "وقال المتحدث باسم الجيش الكونغولي في المنطقة، النقيب سيرج كابامبا، إن وحدات الجيش اعتقلت ثلاثة "
        "مشتبه بهم خلال عملية تفتيش في بلدة أويشا."
    )
    [arrest] = [e for e in _enriched(body).events if e.type == "arrest"]
    assert arrest.actor is None or "كابامبا" not in arrest.actor.text
    assert arrest.target is not None and arrest.target.text == "ثلاثة مشتبه بهم"


@pytest.mark.parametrize(
    "body",
    [
        # a death sentence carried out is no attack, nor a murder charge a killing
        "أعلنت وزارة الداخلية تنفيذ حكم القتل تعزيراً بأحد الجناة في منطقة الجوف.",
        "صدر بحقه صك يقضي بالحكم عليه بالقتل تعزيراً لإدانته بتهريب المخدرات.",
        "داهمت الشرطة وكرا لعناصر إجرامية سبق اتهامهم في قضايا قتل وسرقة.",
    ],
)
def test_a_sentence_or_a_charge_is_no_killing(body: str) -> None:
    assert "attack" not in types_of(body)


@pytest.mark.parametrize(
    "body",
    [
        # what the men arrested are charged with
        'وقالت الوزارة إن الموقوفين متهمون بـ"عصيان أوامر الشرطة" و"الاعتداء على عناصر الأمن".',
        "فرضت الوزارة عقوبات على ثلاثة قادة بتهمة الضلوع في هجمات على المدنيين في دارفور.",
        # a plot
        "أعلنت النيابة توقيف أربعة شبان يشتبه في تخطيطهم لهجوم على كنيس يهودي في ليون.",
    ],
)
def test_a_charge_or_a_plot_is_no_attack(body: str) -> None:
    assert "attack" not in types_of(body)


def test_a_plot_told_as_done_is_an_attack() -> None:
    body = "اعتقلت القوات رجلا متهما بالتخطيط لهجوم استهدف حاجزا للجيش في البلدة الشهر الماضي وقتل فيه ثلاثة جنود."
    assert "attack" in types_of(body)


def test_a_drone_that_drops_a_bomb_makes_an_airstrike() -> None:
    body = "أعلنت السلطات أن مسيرة أوكرانية أسقطت عبوة ناسفة على حافلة ركاب في المدينة، ما أسفر عن إصابة أربعة أشخاص."
    assert types_of(body) == ["airstrike"]


def test_a_drone_shot_down_stays_an_attack_on_it() -> None:
    """As in the dev gold: air defences downing a drone attack it."""
    body = "أسقطت الدفاعات الجوية طائرة مسيرة تابعة للجماعة فوق المدينة مساء السبت."
    assert "attack" in types_of(body)


@pytest.mark.parametrize(
    "body",
    [
        "كل من يسهل دخول المخالفين يعرض نفسه لعقوبات تصل إلى السجن 15 عاماً وغرامة مالية.",
        "وأكدت الوزارة حرصها على إيقاع أشد العقوبات بحق المهربين.",
    ],
)
def test_penalties_a_law_threatens_are_no_sanction(body: str) -> None:
    assert "sanction" not in types_of(body)


def test_sanctions_imposed_stay_sanctions() -> None:
    assert "sanction" in types_of("فرض الاتحاد الأوروبي عقوبات على ثلاثة قادة عسكريين.")


def test_a_call_centre_receiving_inquiries_is_no_meeting() -> None:
    assert types_of("وأشارت الوزارة إلى أن مركز الاتصال يستقبل الاستفسارات على مدار الساعة.") == []


def test_a_foiled_smuggling_is_a_seizure() -> None:
    assert "seizure" in types_of("حرس الحدود يحبط تهريب 420 كيلوغراماً من القات في جازان")
    assert "seizure" not in types_of("اتهم الرجل بتهريب السجائر عبر الحدود.")


def test_a_toll_told_right_after_a_clash_is_the_clash() -> None:
    body = (
        "وقع تبادل لإطلاق النار بين الشرطة وعناصر إجرامية في قرية البلايزة أسفر عن مقتل ثلاثة منهم. "
        "وأضافت المصادر أن القوات تعاملت معهم، ما أسفر عن مصرع ثلاثة منهم وإصابة شرطي."
    )
    assert types_of(body) == ["armed_clash"]


def test_an_arrest_tried_is_no_arrest() -> None:
    body = "رصدت الدوريات مجموعة من المهربين، وعند محاولة القبض عليهم بادروا بإطلاق النار تجاه الدورية."
    assert "arrest" not in types_of(body)


def test_the_official_who_says_the_shelling_did_harm_did_not_shell() -> None:
    body = (
        "قصفت المدفعية الإيرانية صباح اليوم المناطق الحدودية لقضاء بنجوين. "
        "وقال قائممقام بنجوين، هيمن عبد الله، إن القصف أثار الذعر بين الأهالي."
    )
    events = find_events(make_context(body, {"هيمن عبد الله": "PER", "بنجوين": "LOC"}))
    assert all(e.actor is None or e.actor.text != "هيمن عبد الله" for e in events)


def test_an_assassination_by_drone_is_an_airstrike() -> None:
    assert types_of('"قسد" تتهم تركيا باغتيال أحد قادتها بمسيّرة في ريف القامشلي') == ["airstrike"]
    assert types_of("اغتال مسلحون القيادي بالرصاص في ريف القامشلي") == ["attack"]


def test_a_crowd_besieging_a_clinic_is_no_operation() -> None:
    body = "وأكد رئيس النقابة أن المؤسسات الصحية بورقلة حاصرها الأولياء منذ الساعات الأولى للصباح."
    assert "security_operation" not in types_of(body)
    assert "security_operation" in types_of("حاصرت قوات الجيش البلدة منذ الساعات الأولى للصباح.")


@pytest.mark.parametrize(
    ("body", "location"),
    [
        # the clause names the city as its province; the village named after it places the raid
        (
            "فككت وحدات الأمن في محافظة حمص، فجر أمس، معملا للكبتاغون في قرية حوش السيد علي بريف حمص.",
            "حوش السيد علي",
        ),
        # but not a village of another act, after فيما
        (
            "داهمت قوة أمنية منزلا في محافظة حمص، فيما ألقت مفارز أخرى القبض على متهمين في قرية حوش السيد علي.",
            "حمص",
        ),
    ],
)
def test_a_village_after_a_clause_naming_its_province(body: str, location: str) -> None:
    city = {"country_code": "SY", "admin1": "11", "feature_class": "P"}
    ctx = make_context(body, {"حمص": "LOC", "حوش السيد علي": "LOC"}, {"حمص": city})
    first = min(find_events(ctx), key=lambda event: event.trigger.start)
    assert first.location is not None and first.location.text == location


def test_memoranda_and_agreements_signed() -> None:
    assert types_of("وقع المغرب وموريتانيا اليوم بالرباط سبع اتفاقيات في مجالات الطاقة.") == ["agreement"]
    assert types_of("وقع البلدان خمس مذكرات تفاهم في مجالات الطاقة والاستثمار.") == ["agreement"]


def test_border_control_is_no_seizure() -> None:
    assert types_of("الوزيران يبحثان في دمشق ضبط الحدود ومكافحة تهريب المخدرات") == []


def test_a_curfew_is_no_sanction_and_an_embargo_is_one() -> None:
    assert "sanction" not in types_of("مقتل طالب في احتجاجات الخبز وحظر تجوال ليلي في المدينة")
    assert types_of("فرضت واشنطن حظراً على صادرات الأسلحة إلى البلاد.") == ["sanction"]


def test_a_police_trap_that_ends_in_arrests_is_an_operation_not_an_attack() -> None:
    body = (
        "وذكرت الوكالة أن مفارز مديرية استخبارات بابل نصبت كميناً محكماً في ناحية الإسكندرية، أسفر عن اعتقال "
        "ثلاثة إرهابيين ينتمون لعصابات داعش."
    )
    assert types_of(body) == ["arrest", "security_operation"]
    assert "attack" in types_of("نصب مسلحون كميناً لدورية للجيش قرب البلدة، ما أسفر عن مقتل جنديين.")


def test_a_wave_of_strikes_someone_launched_is_an_airstrike() -> None:
    body = "شنّ الطيران الإسرائيلي، أمس (الاثنين)، موجة غارات على ميناء الحديدة ومحطة كهرباء حزيز."
    assert "airstrike" in types_of(body)
    assert types_of("تشهد المنطقة موجة غارات متواصلة منذ أشهر.") == []


def test_cricket_and_a_musical_truce_are_no_conflict() -> None:
    body = (
        "تغلب المنتخب الباكستاني على نظيره الأفغاني في مباراة الكريكيت. وشن أفريدي هجوما ناريا منذ الكرات "
        "الأولى، ونجح في تحقيق هاتريك في الأوفر الثالث. ورد الضاربون الباكستانيون بغارات متتالية، وأنهوا "
        "المباراة بفارق 40 ركضة."
    )
    assert types_of(body) == []
    assert types_of("وقال مدير المهرجان إن الحدث هدنة موسيقية بين الشرق والغرب.") == []


def test_a_statement_issued_and_the_items_seized_are_no_seizure_or_shelling() -> None:
    body = "وأوضح بيان صادر عن الفرقة السادسة مشاة أن القوات دمرت 12 عربة قتالية."
    assert "seizure" not in types_of(body)
    body = "داهمت الشرطة وكرا للمهربين، وأوضح المدير أن المضبوطات شملت 40 بندقية آلية وقذائف آر بي جي."
    assert "shelling" not in types_of(body)


def test_a_ban_broken_is_no_sanction_imposed() -> None:
    body = "استهدفت القوات السفينة بصاروخين، لانتهاك الشركة المالكة قرار حظر الملاحة إلى الموانئ المحتلة."
    assert "sanction" not in types_of(body)
    assert "sanction" in types_of("فرض الاتحاد الأوروبي حظراً على صادرات الأسلحة بعد انتهاك الهدنة.")


@pytest.mark.parametrize(
    "body",
    [
        "قالت الشبكة إن مسلحين يستقلون عشرات المركبات القتالية اقتحموا فجر الأحد ثلاث قرى وأطلقوا النار على السكان.",
        "أفادت مصادر بأن سيارة مفخخة يقودها انتحاري اقتحمت بوابة المعسكر، ما أدى إلى مقتل ستة جنود.",
    ],
)
def test_attackers_storming_make_no_security_operation(body: str) -> None:
    assert "security_operation" not in types_of(body)


def test_a_pursuit_operation_is_an_operation_and_its_quarry_no_attacker() -> None:
    body = "أطلقت قوات الجيش صباح الجمعة عملية ملاحقة في الغابات المحيطة بالقرية، وطاردت المسلحين حتى الحدود."
    assert "security_operation" in types_of(body)


@pytest.mark.parametrize(
    ("body", "operation"),
    [
        ("وعلى الأثر، نفذت وحدات الجيش انتشاراً واسعاً في أحياء البلدة وأقامت حواجز ثابتة على مداخلها.", True),
        ("وعزز الجيش انتشاره عند مداخل البلدة بعد الحادثة، وفق بيان لقيادته.", True),
        ("وانتشرت قوات الأمن بكثافة في محيط المسجد بعد صلاة الجمعة.", True),
        ("وقالت المصادر إن قوة من الجيش دهمت منازل عدد من المطلوبين فجر اليوم.", True),
        # a spread, or a deployment asked for
        ("وقالت الوزيرة إن فرقاً طبية انتشرت في المناطق المتضررة للحد من انتشار المرض.", False),
        ("وطالب الأهالي قيادة الشرطة بتعزيز الانتشار الأمني على الطريق قبل أن تتكرر الحوادث.", False),
    ],
)
def test_forces_deployed_or_raiding_make_an_operation(body: str, operation: bool) -> None:
    assert ("security_operation" in types_of(body)) is operation


def test_an_armed_feud_and_an_intense_exchange_of_fire_are_a_clash() -> None:
    body = "قُتل شخصان ليل أمس في إشكال مسلح تطور إلى تبادل كثيف لإطلاق النار بين أفراد من عائلتين في البلدة."
    assert types_of(body) == ["armed_clash"]


def test_an_incursion_is_an_operation() -> None:
    assert "security_operation" in types_of("توغلت قوة من الجيش صباح اليوم في محيط البلدة مؤلفة من ست آليات عسكرية.")


def test_a_feud_like_the_one_told_is_a_clash_of_its_own() -> None:
    body = (
        "قتل ثلاثة أشخاص مساء أمس بنزاع عشائري اندلع بين عشيرتين في قرية السدة الحمراء. "
        "وكان نزاع مماثل في ناحية الفجر قد أودى بحياة شخصين مطلع الشهر الماضي."
    )
    assert types_of(body) == ["armed_clash", "armed_clash"]


def test_residents_acting_in_protest_make_a_protest_and_what_they_protest_is_no_event() -> None:
    body = (
        "شهدت المدينة مساء أمس اشتباكات بين مجموعتين مسلحتين قرب البوابة الجنوبية. "
        "وصباح اليوم، أغلق العشرات من أهالي المنطقة الطريق الساحلي بالإطارات المشتعلة، احتجاجا على تكرار "
        "الاشتباكات قرب منازلهم."
    )
    assert types_of(body) == ["armed_clash", "protest"]
    assert "protest" not in types_of("استدعت الوزارة السفير احتجاجا على تصريحات الوزير حول الهجوم على السفارة.")


@pytest.mark.parametrize(
    ("body", "operation"),
    [
        (
            "اعترضت دوريات تابعة لجهاز حرس السواحل، فجر الخميس، قاربين على متنهما 163 مهاجرا شمال المدينة، "
            "وسلمت المهربين إلى الأجهزة الأمنية.",
            True,
        ),
        ("تمكنت وحدة من الجيش من اعتراض قافلة تهريب مكونة من ثلاث سيارات قرب الحدود.", True),
        ("أعلن الجيش أن الدفاعات الجوية اعترضت صاروخين أطلقا من اليمن فوق البحر.", False),
        ("اعترض مسلحون يستقلون سيارة ثلاث شاحنات محملة بالوقود على الطريق وأطلقوا النار على سائقيها.", False),
    ],
)
def test_a_patrol_stopping_a_boat_or_a_convoy_is_an_operation(body: str, operation: bool) -> None:
    assert ("security_operation" in types_of(body)) is operation


def test_the_prisoners_club_is_no_sports_club() -> None:
    body = (
        "قال نادي الأسير الفلسطيني، إن قوات الاحتلال شنت منذ مساء أمس حملة اعتقالات طالت 38 مواطنا. "
        "وأوضح النادي في بيان أن الاعتقالات تركزت في محافظة الخليل. ونظمت عائلات الأسرى وقفة احتجاجية "
        "أمام مقر الصليب الأحمر في البيرة، رافعين لافتات تندد بسياسة الإخفاء القسري."
    )
    found = types_of(body)
    assert {"security_operation", "arrest", "protest"} <= set(found)
    assert "abduction" not in found  # a policy denounced, no one taken


def test_a_report_dealt_with_is_no_clash() -> None:
    assert "armed_clash" not in types_of("تلقت الشرطة بلاغا عن خلاف بين جارين، وتم التعامل معه وفق القانون.")


def test_a_crowd_gathered_with_demands_is_a_protest() -> None:
    body = "وتجمّع العشرات من أصدقاء الناشط مساء أمس أمام مبنى مجلس المحافظة، مطالبين بكشف القتلة."
    assert types_of(body) == ["protest"]
    assert types_of("وتجمّع المئات في المطار لاستقبال المنتخب العائد من البطولة.") == []


def test_whoever_was_assassinated_is_the_victim_not_the_attacker() -> None:
    body = "وكانت الناشطة ريهام يعقوب قد اغتيلت برصاص مسلحين في البصرة في آب 2020."
    (event,) = find_events(make_context(body, {"ريهام يعقوب": "PER"}))
    assert event.type == "attack" and event.background
    assert event.target is not None and event.target.text == "ريهام يعقوب"
    assert event.actor is None or event.actor.text != "ريهام يعقوب"


@pytest.mark.parametrize(
    "body",
    [
        "وتمكنت الشرطة من ضبط ستة من المتهمين وبحوزتهم 3 بنادق آلية وكمية من الطلقات.",
        "أعلنت أسايش أربيل اعتقال شخصين بحوزتهما 4 كيلوغرامات من الحشيشة في حي بختياري.",
        "أحبطت شعبة المعلومات في قوى الأمن الداخلي اللبناني عملية تهريب مليوني حبة كبتاغون عبر المرفأ.",
    ],
)
def test_what_the_people_caught_held_or_smuggled_is_seized(body: str) -> None:
    assert "seizure" in types_of(body)


@pytest.mark.parametrize(
    ("body", "operation"),
    [
        ("وقال الجيش إن قواته نفذت يوم السبت عملية بناء على معلومات استخباراتية قتل خلالها 8 مسلحين.", True),
        ("نفذ مسلحون عملية انتحارية استهدفت حاجزاً للجيش وقتل فيها ثلاثة جنود.", False),
        ("أعلنت الجماعة أن مقاتليها نفذوا عملية ضد قوات الجيش قرب البلدة، وقتل فيها جنديان.", False),
    ],
)
def test_an_operation_forces_carried_out(body: str, operation: bool) -> None:
    assert ("security_operation" in types_of(body)) is operation


def test_a_truce_in_a_price_war_is_no_agreement() -> None:
    body = "قال رئيس رابطة تجار السيارات إن الهدنة بين الوكلاء لن تطول، وإن الأسعار ستعود إلى الارتفاع الشهر المقبل."
    assert "agreement" not in types_of(body)
    assert "agreement" in types_of("أعلن الطرفان هدنة لمدة ثلاثة أيام بعد اشتباكات عنيفة قتل فيها عشرة مسلحين.")


def test_a_village_placed_in_its_region_is_not_named_by_it() -> None:
    from marsad.schemas.records import RawArticle
    from marsad.streams.pipeline import Pipeline

    body = "21 قتيلاً في غارة جوية على قرية بإقليم ساغاينغ\n\nقصفت طائرات الجيش قرية في إقليم ساغاينغ ظهر أمس."
    enriched = Pipeline.load().process(RawArticle(id="t", body=body, published_at="2026-03-01T00:00:00Z"))
    assert all(e.location is None or "بإقليم" not in e.location.text for e in enriched.events)


def test_as_if_under_shelling_is_a_simile() -> None:
    body = "ويقول سائق الأجرة: «نعمل وكأننا تحت القصف، الكمامة لا تفارق وجهي» بعد أن غطت العاصفة الترابية المدينة."
    assert types_of(body) == []
    assert types_of("وكان القصف قد استهدف البلدة فجر اليوم بقذائف الهاون.") == ["shelling"]


def test_a_second_killing_told_with_as_well_is_an_event_of_its_own() -> None:
    body = (
        "وكانت الناشطة ريهام يعقوب قد اغتيلت برصاص مسلحين في البصرة في آب 2020، كما اغتيل الباحث هشام الهاشمي "
        "أمام منزله في بغداد في تموز من العام نفسه."
    )
    killings = [e for e in _enriched(body).events if e.type == "attack"]
    assert [(e.location and e.location.text, e.time and e.time.date) for e in killings] == [
        ("البصرة", "2020-08-01"),
        ("بغداد", "2020-07-01"),
    ]


def test_events_listed_with_and_each_take_the_place_named_after_them() -> None:
    body = "موجز الأخبار: غارة بمسيّرة في إدلب وتفجير في مقديشو ومعارك حول الفاشر"
    places = {event.type: event.location.text for event in _enriched(body, "2026-03-04T00:00:00Z").events}
    assert places == {"airstrike": "إدلب", "bombing": "مقديشو", "armed_clash": "الفاشر"}


@pytest.mark.parametrize(
    ("body", "kind", "actor"),
    [
        # a date run on after the time set off before the noun, and «since»
        ("نفذت وحدات الحرس الوطني، منذ صباح اليوم الثلاثاء 23 سبتمبر، حملة أمنية في منطقة العامرة.",
         "security_operation", "الحرس الوطني"),
        # a force named by a common noun, past the time and the campaign's head noun
        ("شنت قوات الاحتلال الإسرائيلي، فجر اليوم الأربعاء، حملة دهم واعتقالات في الضفة الغربية.",
         "security_operation", "قوات الاحتلال الإسرائيلي"),
        # the owner of an attack written apart (لـ"داعش")
        ('مقتل 4 عناصر من الجيش بهجوم لـ"داعش" في بادية الشولا.', "attack", "داعش"),
        # the group that owns the item listed before is not this one's actor
        ('مقتل 4 عناصر من الجيش بهجوم لـ"داعش" في بادية الشولا وحملة دهم في الميادين.', "security_operation", None),
        # a partner named after «بمشاركة» is not the actor
        ("أطلقت قوات سوريا الديمقراطية، بمشاركة التحالف الدولي، فجر الاثنين، حملة مداهمات في بلدة ذيبان.",
         "security_operation", "قوات سوريا الديمقراطية"),
    ],
)  # fmt: skip
def test_the_actor_of_an_operation_told_with_asides(body: str, kind: str, actor: str | None) -> None:
    [event] = [e for e in _enriched(body, "2026-03-04T00:00:00Z").events if e.type == kind]
    assert (event.actor.text if event.actor else None) == actor


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ("ضبطت قوات خفر السواحل في قطاع البحر الأحمر سفينة تحمل أسلحة قبالة سواحل مديرية ذباب.", "ذباب"),
        ("احتجزت البحرية الإريترية 27 صيادا يمنيا قرب جزيرة زقر بالبحر الأحمر.", "زقر"),
    ],
)
def test_a_sea_is_no_more_specific_than_the_coast_or_island_named_with_it(body: str, location: str) -> None:
    """The island with or without its word (جزيرة زقر where only the word shows it, زقر where the tagger finds it)."""
    [event] = [e for e in _enriched(body, "2026-03-04T00:00:00Z").events if e.type in ("seizure", "arrest")]
    assert event.location is not None and event.location.text.endswith(location)


def test_a_maghrebi_rank_and_a_colleague_are_counted_and_the_patrols_owner_is_no_attacker() -> None:
    body = "أطلق مسلحان النار على دورية للحرس الوطني، ما أسفر عن استشهاد عون حرس وإصابة زميله بجروح بليغة."
    [event] = _enriched(body, "2026-03-04T00:00:00Z").events
    assert (event.type, event.killed, event.injured) == ("attack", 1, 1)
    assert event.actor is None or event.actor.text != "للحرس الوطني"


@pytest.mark.parametrize(
    ("body", "attack"),
    [
        ("قُتل شرطي بعد أن أطلق مسلحون النار على دورية للشرطة في المدينة.", True),
        ("وصل مسلحون إلى حاجز الجيش وأطلقوا النار على الدورية.", True),
        ("وقال قائد الشرطة إن القوات ستتعامل مع كل من يطلق النار في النزاعات العشائرية.", False),  # anyone who would
        ("وأطلقت قوات الأمن النار في الهواء لتفريق المحتجين.", False),  # warning shots
        ("وأطلقت السلطات سراح خمسة معتقلين من عناصر الجيش.", False),  # a release
    ],
)
def test_shooting_at_someone_is_an_attack(body: str, attack: bool) -> None:
    assert ("attack" in types_of(body)) is attack


def test_shots_at_a_car_bomb_are_part_of_the_bombing() -> None:
    body = "وقال إن الإرهابيين حاولوا اقتحام الحاجز بسيارة مفخخة، لكن عناصر الأمن أطلقوا النار عليها فانفجرت."
    assert "bombing" in types_of(body) and "attack" not in types_of(body)


@pytest.mark.parametrize(
    "body",
    [
        "احتجزت البحرية 27 صيادا وصادرت أربعة قوارب صيد كانوا على متنها.",
        "ضبطت الإدارة العامة لخفر السواحل قاربين إيرانيين وأوقفت 11 صيادا.",
        "أوقفت الشرطة سبعة أشخاص وحجزت 18 ألفا و650 قرصا مهلوسا.",
    ],
)
def test_boats_and_pills_are_seized(body: str) -> None:
    assert "seizure" in types_of(body)


def test_a_maghrebi_where_ends_the_scope_of_after() -> None:
    body = "تمكنت عناصر الأمن من تفكيك شبكة إجرامية، إثر مداهمة مستودع بحي العثمانية، أين تم توقيف 7 من أفرادها."
    [arrest] = [e for e in _enriched(body, "2026-03-04T00:00:00Z").events if e.type == "arrest"]
    assert arrest.background is False and arrest.arrested == 7


def test_a_hijacking_off_a_country_and_in_the_ocean_is_one_event() -> None:
    body = (
        "قراصنة يخطفون سفينة شحن قبالة الصومال\n\n"
        "مقديشو (أ ف ب) - خطف قراصنة صوماليون سفينة شحن ترفع علم مالطا في المحيط الهندي، بحسب ما أعلنت السلطات."
    )
    assert [e.type for e in _enriched(body, "2026-03-04T00:00:00Z").events].count("abduction") == 1


@pytest.mark.parametrize(
    ("body", "attack"),
    [
        ("وكان المرصد قد وثق خلال كانون الأول/ديسمبر 2025 مقتل 689 شخصاً في عموم المحافظات.", False),  # a tally
        ("نشر المرصد حصيلته الشهرية، موثقاً مقتل 743 شخصاً في عموم المحافظات.", False),
        ("وكان المرصد قد وثق في 11 آب الماضي مقتل شاب برصاص مسلحين في سوق البلدة.", True),  # one killing
    ],
)
def test_a_monitors_tally_over_a_period_is_no_attack(body: str, attack: bool) -> None:
    assert ("attack" in types_of(body)) is attack


def test_the_next_meeting_is_planned() -> None:
    body = "ويتوقع الخبراء خفض الفائدة في اجتماع لجنة السياسة النقدية المقبل."
    assert "meeting" not in types_of(body, {"لجنة السياسة النقدية": "ORG"})


def test_a_tally_of_cases_is_no_event() -> None:
    body = "ووثق المرصد خلال الشهر 327 حالة اعتقال نفذتها الأجهزة الأمنية، إلى جانب 19 حالة اختطاف."
    assert not {"arrest", "abduction"} & set(types_of(body))


def test_a_transfer_market_feature_has_no_conflict_events() -> None:
    body = (
        "«غارة» سعودية جديدة على أوروبا.. الهلال يسعى لخطف المهاجم والنادي ينفي «قنبلة» الموسم\n\n"
        "تتواصل «الغارات» على سوق الانتقالات مع اقتراب نهاية فترة الانتقالات، ويستعد الفريق لشن «هجوم مضاد» "
        "لضم لاعب جديد، فيما نفى النادي ما وصفه بالقصف الإعلامي، وقال المدرب إن الدوري يبدأ الشهر المقبل."
    )
    assert not set(types_of(body)) & CONFLICT_TYPES


def test_the_toll_of_a_whole_conflict_is_no_events_count() -> None:
    body = (
        "وكانت الجماعة قد شنت في أيار الماضي هجوما على مدينة جيبو، أوقع عشرات القتلى.\n\n"
        "وأسفر العنف منذ 2015 عن مقتل أكثر من 26 ألف شخص وتشريد مليوني شخص."
    )
    events = _enriched(body).events
    assert events and all(e.killed is None or e.killed < 1000 for e in events)


@pytest.mark.parametrize(
    "body",
    [
        "تمكنت الشرطة، اليوم الثلاثاء، من تفكيك خلية إرهابية بمدينة طنجة.",
        "نجحت الشرطة، فجر الأحد، في تفكيك خلية إرهابية بمدينة طنجة.",
    ],
)
def test_the_subject_of_managed_to_past_a_time_is_the_actor(body: str) -> None:
    [operation] = [e for e in _enriched(body).events if e.type == "security_operation"]
    assert operation.actor is not None and operation.actor.text == "الشرطة"


def test_a_group_referred_to_by_its_bare_head_is_the_group_named_before() -> None:
    body = (
        "أعلنت حركة الشباب مسؤوليتها عن التفجير.\n\n"
        "وكانت الحركة قد شنت في ١٠ حزيران الماضي هجوماً على قاعدة عسكرية في بلدة موقوكوري. "
        "وفي الشهر الماضي، قتل قيادي في الحركة بغارة في مديرية الصومعة."
    )
    events = _enriched(body).events
    [attack] = [e for e in events if e.type == "attack"]
    assert attack.actor is not None and attack.actor.text == "حركة الشباب"
    assert all(e.actor is None or e.actor.text != "حركة الشباب" for e in events if e.type == "airstrike")


def test_a_bare_head_that_begins_with_a_clitic_letter_finds_its_group() -> None:
    body = (
        "أعلن فصيل الفاتحين مسؤوليته عن التفجير.\n\nوكان الفصيل قد شن في أيار الماضي هجوماً على حاجز للجيش في بلدة مارع."
    )
    [attack] = [e for e in find_events(make_context(body, {"فصيل الفاتحين": "ORG"})) if e.type == "attack"]
    assert attack.actor is not None and attack.actor.text == "فصيل الفاتحين"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a ramming; the car that «stormed» the crowd is no security operation
        (
            "قتل شخص وأصيب تسعة آخرون في عملية دهس بعدما اقتحمت سيارة حشداً من المارة وسط المدينة، وقالت الشرطة"
            " إن السائق أوقف.",
            ["arrest", "attack"],
        ),
        # firebombs thrown at a mosque; firebombs found in a car are seized, not thrown
        ("ألقى مجهولون فجر الأحد زجاجات حارقة على مسجد في المدينة، بحسب ما أفادت الشرطة.", ["attack"]),
        ("أعلنت الشرطة ضبط عدد من الزجاجات الحارقة وأسلحة بيضاء في مركبة للمسلحين.", ["seizure"]),
        # a vigil with its crowd, after an attack
        ("شارك مئات من سكان المدينة في وقفة تضامنية أمام المسجد بعد الهجوم الذي نفذه مسلحون.", ["attack", "protest"]),
    ],
)
def test_rammings_firebombs_and_vigils(body: str, expected: list[str]) -> None:
    assert types_of(body) == expected


def test_the_police_announcing_its_own_arrest_is_its_actor_even_unnamed() -> None:
    """أعلنت الشرطة، الثلاثاء، أنها اعتقلت: الشرطة is the subject of the announcement, entity or not."""
    [arrest] = [e for e in find_events(make_context("وأعلنت الشرطة، الثلاثاء، أنها اعتقلت شابين في المدينة."))]
    assert arrest.type == "arrest" and arrest.actor is not None and arrest.actor.text == "الشرطة"


@pytest.mark.parametrize(
    ("body", "arrested"),
    [
        ("وأضافت أن الشرطة اعتقلت صباح اليوم السبت فتى يبلغ من العمر 16 عاماً في المدينة.", 1),
        ("أوقفت قوات الأمن شاباً في الثلاثين من عمره في المدينة.", 1),
        # people of an unsaid number are not one
        ("اعتقلت الشرطة شبانا في المدينة.", None),
    ],
)
def test_one_person_arrested_is_counted(body: str, arrested: int | None) -> None:
    [arrest] = [e for e in find_events(make_context(body)) if e.type == "arrest"]
    assert arrest.arrested == arrested


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a drone's bomb dropped; «ألقى» with nothing dropped from the air is no strike
        ("ألقت مسيّرة تابعة للجيش قنبلة صوتية على مزارعين في السهل، ولم يفد عن إصابات.", ["airstrike"]),
        ("وألقت الشرطة القبض على ثلاثة مطلوبين في المدينة.", ["arrest"]),
        ("وألقى الوزير كلمة في الحفل.", []),
        # their raid, in the possessive
        ("أصيب ثلاثة شبان بالرصاص، أطلقه جنود الاحتلال خلال اقتحامهم بلدة بيتا عصر اليوم.", ["security_operation"]),
        # the killers named past the wounded and a time: a killing of its own beside the raid
        (
            "استشهد شاب وأصيب ثلاثة آخرون، فجر اليوم الأربعاء، برصاص قوات الاحتلال خلال اقتحامها بلدة طمون.",
            ["attack", "security_operation"],
        ),
        # an agreement's sponsors or its second phase: the agreement was made before
        ("دعا الحزب رعاة الاتفاق إلى الضغط لوقف الاعتداءات على القرى.", []),
    ],
)
def test_dropped_bombs_possessive_raids_and_referenced_agreements(body: str, expected: list[str]) -> None:
    assert types_of(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a spokesperson's remark to a paper or at a press conference is no statement event
        ("وقال المتحدث باسم الشرطة، العقيد سامي علي، في تصريح لصحيفة محلية إن التحقيقات جارية.", []),
        ("وقال الناطق باسم الوزارة خلال مؤتمر صحفي إن الوزارة تتابع القضية.", []),
        # one in a communiqué is
        ("وقال المتحدث باسم الجيش، العميد يحيى سريع، في بيان إن الوضع تحت السيطرة.", ["statement"]),
    ],
)
def test_a_spokesperson_s_remark_to_the_press_is_no_statement(body: str, expected: list[str]) -> None:
    people = {"سامي علي": "PER", "يحيى سريع": "PER"}
    assert types_of(body, people) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # fire exchanged with the police is a clash, not an attack
        ("وفي القليوبية، تبادل عاطل مقيم بدائرة مركز الخانكة إطلاق النار مع قوات الأمن أثناء ضبطه.", ["armed_clash"]),
        # fire opened on a patrol that returned none is an attack
        ("أطلق مسلحون النار على دورية للشرطة في المدينة فقتلوا شرطيا.", ["attack"]),
    ],
)
def test_fire_exchanged_is_a_clash(body: str, expected: list[str]) -> None:
    assert types_of(body) == expected


def test_an_egyptian_police_sweep_is_an_operation() -> None:
    body = "وفي سوهاج، شنت الأجهزة الأمنية حملة مكبرة بدائرة مركز دار السلام، أسفرت عن ضبط 23 متهماً."
    assert "security_operation" in types_of(body)


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ("وفي مديرية جبل حبشي غرب المحافظة، أصيب ثلاثة مدنيين جراء قصف بقذائف الهاون.", "جبل حبشي"),
        ("قتل مسلح في ناحية وادي العين شمال المحافظة.", "وادي العين"),
    ],
)
def test_a_district_named_for_a_mountain_or_a_valley_places_its_event(body: str, location: str) -> None:
    [event] = _enriched(body, "2026-03-04T00:00:00Z").events
    assert event.location is not None and event.location.text.endswith(location)
