"""Typed events of an article: triggers from the lexicon, cue-word filters, arguments, then one event per incident.

Entry point :func:`find_events`, called by :mod:`marsad.streams.extract` with the article's context.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from .context import ArticleContext, EventFinding
from .event_arguments import build_index, span_argument
from .event_attach import attach_arguments
from .event_index import ArticleIndex, key_flag, prefix_flag, token_flag
from .event_lexicon import (
    ASSAULT_TYPES,
    CONFLICT_TYPES,
    CONTRASTS,
    FOIL,
    MULTIWORD,
    SEIZABLE,
    TRIGGERS,
    Trigger,
    plover_for,
    token_keys,
    words,
)
from .event_merge import Mention, inherit_agency, inherit_from_operations, merge_mentions

__all__ = ["find_events", "plover_for"]

_NEGATION = frozenset({"لم", "لن", "لا", "عدم", "دون", "بدون"})
# Irrealis, threat, generic or framing words a few tokens before a trigger: no event took place here.
_IRREALIS = words(
    "حال اذا لو تهديد تهديدات هدد يهدد تهدد استئناف تصاعد تزايد وتيره مسؤوليه مسؤوليتها "
    "مسؤوليته منع لمنع مواجهه اطار احتمال خشيه مخاوف تحذير حذر يحذر عمليات موجه ظاهره "
    "يستعد تستعد يستعدون استعداد استعدادا يعتزم تعتزم ينوي تنوي يخطط تخطط "
    # a proposal or a warrant is no truce or arrest yet (مقترحا لهدنة، مذكرات قبض); sounds are no blast
    "مقترح مقترحات اقتراح مبادره مذكره مذكرات اصوات صوت "
    # على حافة الانفجار: on the brink of it; تعثر المفاوضات: talks that stalled are no meeting held
    "حافه شفا تعثر خطر "
    # عانت سنوات من الحرب والقصف: years of it, no one event
    "سنوات عقود "
    # a call for an act is no act (طالب جميع الأطراف بوقف إطلاق النار، دعت إلى التظاهر)
    "طالبت يطالب تطالب يطالبون مطالبا مطالبه مطالبين دعا دعت يدعو تدعو داعيا دعوه دعوات ناشد ناشدت مناشده "
    # the pursuit goes on to arrest the rest (وتستمر المتابعة لتوقيف بقية المتورطين): an aim, not an arrest
    "المتابعه متابعه سعيا تمهيدا"
)
# A plot is no attack (توقيف شبان يشتبه في تخطيطهم لهجوم على كنيس), unless the text goes on to tell it done
# (متهم بالتخطيط لهجوم استهدف حاجزاً).
_PLOTTING = words("تخطيط التخطيط تخطيطهم تخطيطه تخطيطها خطط خططوا خططا مخطط مخططا التحضير تحضير")
_DONE = words("استهدف استهدفت اسفر اسفرت ادي ادت وقع وقعت اوقع اوقعت نفذ نفذه نفذته")
# Words before an agreement that refer to one made before (مراقبة تطبيق الاتفاق، انتهاكاً لاتفاقية فض الاشتباك).
_REFERENCED = words(
    "تطبيق تنفيذ انتهاك انتهاكا انتهاكات خرق خروقات بنود تثبيت "
    "رعاه ضامني مرحله المرحله"  # رعاة الاتفاق، المرحلة الثانية من اتفاق (but «رغم سريان اتفاق» tells of one in force)
)
# Verbs that call for an act (دعا المجلس، في بيان، الأطراف إلى "وقف فوري لإطلاق النار"): the act is not done.
_CALLS = words(
    "دعا ودعا دعت ودعت يدعو تدعو داعيا طالب وطالب طالبت وطالبت يطالب تطالب مطالبا ناشد ناشدت حث حثت "
    "مطالبته مطالبتها مطالبتهم دعوته دعوتها"
)
_CALL_REACH = 12
# what a statement calls for (وقف إطلاق النار، التظاهر، ضبط السلاح المنفلت، اعتقال الجناة)
_CALLABLE = frozenset({"agreement", "protest", "meeting", "sanction", "seizure", "arrest"})
# A meeting told as what people were doing when something else happened (كانوا يجتمعون، كانوا يعقدون اجتماعاً).
_WERE = words("كان كانت كانوا كانا")
# Nouns after a violent word that make it a figure of speech (انفجرت الأسعار، انفجار الأزمة).
_FIGURATIVE = words(
    "اسعار سعر ازمه غضب وضع اوضاع فضيحه خلاف خلافات موجه جدل فقاعه ديون اعلامي اعلاميه موسمي موسميا موسميه "
    # a musical truce, a cultural invasion, a marketing attack: the arts' and the market's figures of speech
    "موسيقيه موسيقي ثقافيه ثقافي فنيه فني شعريه شعري ادبيه ادبي تسويقيه تسويقي اعلانيه اعلاني كرويه كروي "
    "سيول مياه فيضانات امطار ثلوج "  # حاصرتها السيول: floods besiege no one
    # a curfew is no sanction, vehicles held by a flood are no arrest (حظر تجول، احتجاز مركبات), and an award or
    # the spotlight is not abducted (يخطف النجمة الذهبية، خطف الأضواء)
    "تجول التجول تجوال التجوال مركبات المركبات سيارات السيارات "
    # a verbal attack (هجوماً حاداً على الحكومة), a solar flare, a glacial lake bursting
    "حادا حاد لاذعا لاذع شرسا شمسي شمسيه بحيره صامت صامتا صامته الحمل "
    "النجمه الاضواء اللقب الفوز الانظار النقاط نقطه الجائزه الصداره بطاقه "
    # bodies withheld are no arrest (تحتجز جثمانيهما، احتجاز جثامين الشهداء)
    "جثمان جثمانه جثمانها جثمانيهما جثماني جثامين الجثامين جثه جثته جثتي جثث الجثث "
    # a transformer or a gas cylinder that blew up is an accident (انفجار محولة كهربائية)
    "محوله محولات اسطوانه اسطوانات قاروره "
    # a speculative «attack» on a currency; a striker «shelling» the net (يقصف شباك الزوراء)
    "مضاربي مضاربيه شباك "
    # joy bursting out, and books «besieged» by a student (انفجرت الزغاريد، حاصرتُ الكتب)
    "الزغاريد زغاريد الضحكات الفرحه التصفيق الكتب "
    # a rally's lead taken and a tyre burst (يخطف صدارة الرالي، انفجار إطارين); citizenship revoked (إسقاط الجنسية)
    "صداره اطار اطارين اطارات الاطار الجنسيه جنسيه "
    "الاسواق"  # اقتحام الأسواق الأوروبية: exports entering markets
)
_FIGURATIVE_SUBJECTS = words(
    "اسعار الاسعار ازمه الازمه غضب الغضب الاوضاع الوضع الخلافات الخلاف فيروس الفيروس المرض الوباء وباء "
    "السوق الاسواق البورصه المضاربون المضاربين "  # السوق تتعرض للقصف، المضاربون يشنون هجوماً
    "النواب النائب نواب "  # شن عدد من النواب هجوماً على الحكومة: words in parliament
    "العمله فريق"  # العملة تتعرض لهجوم مضاربي، شن فريق الشرطة هجوماً كاسحاً: a currency, a team
)
_CUT_THE_ROAD = frozenset({"قطع", "لقطع", "بقطع", "وقطع"})  # لقطع الطريق على: to forestall
_QUANTITIES = words("عشرات مئات الاف عدد عده")  # احتجاز عشرات المركبات: a quantity before the object
# Works of fiction: a sentence that tells a film's, a series' or a novel's story tells no news (nor one about
# the sun's flares: البقعة الشمسية أطلقت سلسلة من الانفجارات).
_FICTION = words("الفيلم فيلم المسلسل مسلسل الروايه روايه المسرحيه مسرحيه الشمسيه الشمسي")
# What «أوقف» stops when it is no arrest (أوقفت هجماتها، أوقف إطلاق النار، أوقفت الرحلات), by word beginning.
_STOPPED = (
    "هجم", "الهجم", "عمل", "العمل", "اطلاق", "قتال", "القتال", "رحلات", "الرحلات", "تصدير", "التصدير", "ضخ", "الضخ",
    "انتاج", "الانتاج", "حرب", "الحرب", "دراس", "الدراس", "مفاوض", "المفاوض", "تعامل", "التعامل", "نشاط", "النشاط",
    "دعم", "الدعم", "تمويل", "التمويل", "بث", "البث", "صرف", "الصرف", "حمل", "الحمل", "عملي", "العملي",
    # vehicles (أوقف مسلحون حافلة ركاب): stopped, not arrested
    "حافل", "الحافل", "سيار", "السيار", "مركب", "المركب", "شاحن", "الشاحن", "قطار", "القطار",
)  # fmt: skip
_SCARE_QUOTES = frozenset({"«", "»", '"', "“", "”"})
_SCARE_WORDS = 3  # a war word quoted alone or nearly (يصفون ما يجري بأنه «انفجار حقيقي»): a figure of speech
# Words before a device that make it found, defused or only ready, not exploded (ضبط، تفكيك، معدّة للتفجير).
_FOUND = ("ضبط", "يضبط", "تضبط", "صادر", "مصادره", "عثر", "العثور")  # seized or found: a word of both lists below
_SEIZING = (
    *_FOUND, "فكك", "تفكيك", "ابطال", "ابطل", "حجز", "معد", "جاهز",
    "يفكك", "تفكك", "يصادر", "تصادر",  # a headline's present tense: يفكك خلية ويضبط عبوات
)  # fmt: skip
# What was seized may follow its verb past the subject and a clause (ضبطت مديرية أمن مصراتة، بالتعاون مع
# مصلحة الجمارك، شحنة ...) or come before it (عثرت القوات على أسلحة ... جرى ضبطها).
_SEIZABLE_AFTER = 12
_SEIZED_REACH = 10  # ضبط أسلحة خفيفة (١٤ قطعة) وثلاثة أحزمة ناسفة: the seizing verb governs the list
_HABITUAL = frozenset({"يوميه", "يومي", "متكرره", "اسبوعيه", "اسبوعي", "شهري", "شهريه"})
# Words before a trigger that make it a pattern, not one event: a repetition or a policy (تكرار الاشتباكات)
_PATTERN_WORDS = frozenset({"تكرار", "لتكرار", "بتكرار", "وتكرار", "سياسه", "بسياسه", "لسياسه", "سياسات"})
_AIR = words("جوي جويه طيران طائرات طائره حربي حربيه مسيره مسيرات مقاتلات غاره غارات")
# The launch verb may open the clause the weapon ends: أعلن ... استهداف سفينة تجارية في البحر الأحمر بصاروخ.
_LAUNCH_REACH = 8
_LAUNCH = (
    "اطلق", "اطلاق", "استهدف", "استهداف", "اصاب", "اعتراض", "اعترض", "سقوط", "سقط", "قصف", "هجوم", "ضرب", "هجمات",
)  # fmt: skip
_RETYPE = {
    **dict.fromkeys(("صاروخي", "صاروخيه", "صواريخ", "صاروخ", "بصواريخ"), "shelling"),
    **dict.fromkeys(("انتحاري", "انتحاريه", "مفخخ", "مفخخه", "ناسفه"), "bombing"),
    **dict.fromkeys(("جوي", "جويه", "طائره", "مسيره", "مسيرات"), "airstrike"),
}
# Instruments an attack is carried out with (بطائرات مسيرة، بصواريخ، بسيارة مفخخة), read with their ب.
_INSTRUMENTS = {
    **dict.fromkeys(("صواريخ", "صاروخ", "قذائف", "صاروخين", "قذيفتين"), "shelling"),
    **dict.fromkeys(("طائرات", "طائره", "مسيرات", "مسيره", "الطائرات", "المسيرات", "طائرتين", "مسيرتين"), "airstrike"),
    **dict.fromkeys(("سياره", "عبوه", "عبوات", "حزام", "عبوتين"), "bombing"),
}
_INSTRUMENT_REACH = 4
# An aircraft the attack was made with may come after the subject, a time and the object (هاجم الحوثيون، فجر
# اليوم، مواقع اللواء 17 بطائرة مسيّرة): a drone strike, however far in the clause.
_AIRCRAFT_INSTRUMENT_REACH = 12
# People an Egyptian or Gulf report says were «seized» (ضبط 11 متهماً): an arrest.
_SUSPECTS = words(
    "متهم متهما متهمين متهمون المتهم المتهمين عنصرين العنصرين عناصر العناصر شخص شخصا شخصين اشخاص مطلوب "
    "مطلوبا مطلوبين المطلوبين مشتبه المشتبه مهربين المهربين تاجر تجار "
    "الشباب شباب شبان الشبان سمسار سمسارين السماسره سماسره مهاجرين المهاجرين عاطلين مسجل مسجلين هاربين "
    "خليه الخليه خلايا مخالف مخالفا مخالفين المخالفين"
)  # and the young men, brokers and migrants of an emigration run (ضبط الشباب الـ37، ضبط سمسارين اثنين), and
# a cell of people (ضبط خلية تجسسية مكونة من 9 عناصر)
_COMES = words("ياتي تاتي وياتي وتاتي")  # ويأتي الهجوم بعد ...: a re-mention that frames what came before
_THIS = words("هذا هذه")
# Hospitals and emergency wards (by word beginning): as the subject of «استقبل», before the verb (أقسام الطوارئ
# استقبلت 37 حالة) or after it (استقبل مستشفى أسوان 23 حالة), they take in people in need, not guests.
_WARDS = ("مستشفي", "المستشفي", "طوارئ", "الطوارئ")
# Whom a hospital or a town «receives» (استقبل): people in need, not officials (by word beginning), and the
# hospital itself as the verb's subject.
_RECEIVED = (
    "نازح", "النازح", "لاجئ", "اللاجئ", "جرحي", "الجرحي", "مصاب", "المصاب", "جثث", "الجثث", "فار", "الفار", "حالات",
    "الحالات", "حاله", "شهداء", "شهيد", "قتلي", "جثامين", "جثمان", *_WARDS,
    # and what a call centre or an office takes in (يستقبل الاستفسارات، تستقبل الطلبات)
    "الاستفسار", "استفسار", "الطلبات", "طلبات", "البلاغات", "بلاغات", "الشكاوي", "شكاوي", "المكالمات", "مكالمات",
    "الاتصالات", "اتصالات",
)  # fmt: skip
_AIRCRAFT = words(
    "مسيره مسيرات المسيره المسيرات طائره طائرات الطائره الطائرات الطيران طيران مقاتلات المقاتلات الجو "
    "مسيراتها مسيراته مسيراتهم طائراتها طائراته طائراتهم"  # استهدفت مسيّراتها: its drones
)
_RIGGED = frozenset({"مفخخه"})  # «الطائرات المسيرة المفخخة» names a kind of weapon, not one strike
_AIRCRAFT_REACH = 6  # tokens before استهدف where the aircraft that aimed may be named
_KILLER_REACH = 3  # tokens before a kill verb where the aircraft that killed may be named (مسيّرة تركية تقتل)
_HEADLINE_KILLER_REACH = 8  # a drone opening the sentence this close before the kill verb is the killer
_CULTURAL = words("الثقافيه ثقافيه الفنيه فنيه الرياضيه رياضيه العلميه علميه السياحيه سياحيه الاقتصاديه")
_PROGRAMME = words("برنامج فعاليات افتتاح اختتام دوره طبعه")
_REGULATED = words("العمل الصيد السباحه البناء الرعي")
_GANGS = words("عصابه عصابات شبكه شبكات جرائم جريمه")
_SPECIALISED = words("متخصصه متخصصين متخصص المتخصصه تمتهن يمتهنون")
_LIVELIHOOD = words("عيش العيش")
# A death sentence (حكم القتل تعزيراً، الحكم عليه بالقتل، القصاص) carried out by a state is no attack, and a
# murder charge (قضايا قتل، بتهمة القتل) tells what someone is accused of, not a killing that happened.
_VERDICT = words("حكم الحكم بحكم حكما")
_PENAL = words("تعزيرا تعزير قصاصا حدا")
_CHARGES = words("قضايا قضيه قضيتي تهمه بتهمه تهم بتهم التهم")
_EXCHANGE_REACH = 8  # tokens between «تبادل» and the fire, past its subject; or from the fire to its return
_CHARGE_REACH = 9  # past a first charge in quotation marks: متهمون بـ"عصيان الأوامر" و"الاعتداء"
_DROPPED = words("عبوه عبوات قنبله قنابل قذيفه قذائف")
_DROP_REACH = 6  # tokens after ألقت where the bomb stands, past the drone and its owner (مسيّرة تابعة للجيش)
# Penalties a law threatens (يعرض نفسه لعقوبات تصل إلى السجن، إيقاع أشد العقوبات بحق المهربين): no sanction
# imposed on anyone.
_PENALTIES = words("السجن الحبس غرامه غرامات الاعدام المؤبد")
_HARSHEST = words("اشد اقسي اقصي يعرض تعرض يعرضه")
_PENALTY_REACH = 4
_ATTEMPT = words("محاوله لمحاوله بمحاوله")
_THROWN_REACH = 5  # tokens before a firebomb where the verb that threw it stands, past its subject and a time
# Attackers (and companies, in a market's figure of speech) as the subject of a storming verb: no operation.
# After the verb only a subject's case counts: طاردت القوات المسلحين names whom the forces pursued.
_ASSAILANT_SUBJECTS = words("المسلحون المهاجمون انتحاري الانتحاري شركات الشركات سياره شاحنه مركبه")
# (اقتحمت سيارة حشداً من المارة: a ramming)
_ASSAILANTS = _ASSAILANT_SUBJECTS | words("مسلحون مسلحين المسلحين مسلحو مسلحا المهاجمين مفخخه")
_ASSAILANT_REACH = 6
_VIOLATION_REACH = 5  # tokens before a ban where what broke it may stand, past its subject and «قرار»
_VIOLATING = words("انتهاك لانتهاك انتهكت انتهك تنتهك ينتهك خرق لخرق خرقت يخرق تخرق مخالفه لمخالفه خالفت")
_CONTROLLED = words("الحدود الامن النفس الاسعار الاسواق الجوده الايقاع الاوضاع")  # ضبط الحدود: to control them
_ASSASSINATING = re.compile("غتال|غتيال")  # the verb (تغتال) and its noun (اغتيال)
_ending = key_flag(words("وقف لوقف بوقف رفع برفع لرفع انهاء لانهاء بانهاء"))
_STORE_REACH = 12  # tokens before a shell noun where a seizure or a depot names it as a seized item
_RECEIVING = words("تلقي تلقت تلقينا تلقوا ورود وصول استلام")
_HEIGHTS = words("جبل الجبل تله التله تل التل هضبه الهضبه مرتفع")
_FIRE_BEFORE_REACH = 14  # عناصر التهريب بادروا بإطلاق النار على القوات لدى محاولة استيقافهم، فتم التعامل معهم
_RETURNED_FIRE_REACH = 4  # tokens after بادلتهم where the fire returned is named, past its subject
_FOILED_REACH = 10  # tokens before «محاولة تهريب» where أحبطت may stand, past its subject
_USED_REACH = 5  # tokens before a weapon where «استخدم» may make it the instrument of what is told
_NOT_SHELLING = ASSAULT_TYPES - {"shelling"}  # assaults a weapon told as their instrument belongs to
_PASSIVE = frozenset({"تم", "يتم", "جري", "يجري"})
_CLUBS_OF_NO_SPORT = words("الاسير الاسري القضاه الصحافه الضباط المحامين")  # نادي الأسير: prisoners' society
_SPORT_ARTICLE = 3  # sport words that make an article a match report, when they outnumber violent ones
_SPORT = words(
    "مباراه المباراه الدوري لاعب اللاعب المنتخب نادي النادي هدف الفريق بطوله كاس الملعب "
    "مرمي المرمي الشوط صافره المدرب مدرب ركله الهداف "
    "الكريكيت كريكيت ركضه ركضات الضاربون الضاربين الضارب الرامي الرماه الويكت ويكت الاوفر اوفر"  # cricket
)
# Economy, weather and excavation words: an article with many of them and no more violent ones is a market
# report, a forecast or a dig, whose «تنفجر السيولة»، «الحصار»، «هجوم الكتل الهوائية» are figures of speech (no
# gold article of the regression sets with four or more of them and no more violent words holds a conflict
# event; conflict articles have at most five, with at least four times as many violent words).
_CIVIL_ARTICLE = 4
_CIVIL = words(
    "اسعار الاسعار سعر البورصه بورصه المؤشر مؤشر الاسهم اسهم السيوله التداول التداولات تداولات الدولار "
    "المستثمرين المستثمرون النفط برميل خام الاستثمار الاستثمارات الاقتصاد الاقتصادي الاقتصاديه التضخم "
    "الفائده الصادرات الواردات المحاصيل الانتاج السياحه "
    "درجه درجات الحراره حراره الارصاد الطقس الامطار امطار الرياح مئويه الاعاصير العاصفه الثلوج منخفض "
    "التنقيب الاثري الاثريه الاثار اثار "
    "احتفال احتفالات الاحتفال الاحتفالات احتفاليه الاحتفاليه استعراض الاستعراض تحيه مهرجان المهرجان "
    "المعرض معرض الزوار زوار النشر الكتاب القراء الاجنحه اجنحه "
    "مسلسل المسلسل مسلسلها مسلسله الفنان الفنانه الفنانين فنان فنانه المخرج مخرج فيلم الفيلم فيلمه افلام "
    "الافلام المسرح مسرح المسرحيه مسرحيه خشبه الدراما السينما السينمائي الروايه الشاعر الحلقه "
    "الاستحواذ المساهمين مساهمي المصارف مصرف البنوك سهم الارباح ارباح الايرادات المبيعات الهواتف المستهلكين "
    "المنافسين الذكاء الاصطناعي التكنولوجيا التقنيه الرقميه الرقمي "
    "الحصبه اللقاح لقاح اللقاحات التطعيم تطعيم التلقيح الوباء العدوي الفيروس فيروس "
    "الارسال ارسال الارسالات المصنفه المصنف التنس الحلبه الملاكم الملاكمه الملاكمين اللقب لقب الانتقالات "
    "انتقالات الميركاتو القاضيه النزال نزال"
)  # and the words of a celebration (a parade's «طلقة تحية», the boats that «اقتحمت» the bay) and of a fair
# (visitors who «حاصروا» the publishers' stands); of the arts pages (a series' «حملة اغتيال شخصية», a play's
# «حرب الكنبة»), of business and technology (a merged bank's «هجوم على قطاع التمويل», a phone «war»), of
# health (measles that «شنت هجوماً»), and of the sports other than football (a tennis player who «تقصف»
# her rival, boxers who «تبادلا القصف», a club's «غارة» on the transfer market)
_PESTS = words("ذبابه الذبابه حشرات الحشرات جراد الجراد افات الافات افه دوده")  # هجوم واسع لذبابة الثمار
_AMBUSH = words("كمين كمينا الكمين")
_SUBJECT_REACH = 4  # tokens before a verb where a figurative subject may stand (أسعار المازوت والسماد انفجرت)
_RESCUERS = words("فرق فرقه طواقم")  # اقتحمت فرق البحث المباني: rescue teams, as the verb's subject
# Civilians as the subject of a siege verb (حاصرها الأولياء منذ الصباح، جماهير تحاصر المسرح): a crowd, not forces.
_CROWDS = words(
    "الاولياء اولياء الاهالي الجماهير جماهير المشجعين المشجعون مشجعين المناصرين مناصرين الزوار زوار "
    "المعجبين المعجبون معجبين المتسوقين المتسوقون الامهات امهات القراء"
)
# Natural and accidental causes: a death they caused is no attack (زلزالا 2023 أسفرا عن مقتل 53 ألف شخص).
_DISASTERS = words("زلزال زلزالي زلزالا الزلزال الزلزالين زلزالين فيضان فيضانات الفيضانات سيول السيول حادث الحادث")
_AGENT_MARKS = words("برصاص برصاصه بنيران يد")  # برصاص قوات الاحتلال، على يد عناصر: who killed
_AGENT_REACH = 12  # past the wounded and a time: استشهد شاب وأصيب ثلاثة آخرون، فجر اليوم، برصاص
_SPORT_SENTENCE = 3  # sport words that make one sentence a sport item (a round-up's last line)
# Words after a meeting or an act that make it planned (اجتماع أوبك+ المقرر الأحد، القمة المرتقبة).
_PLANNED = words(
    "المقرر المقرره مقرر مقرره المرتقب المرتقبه مرتقب مرتقبه المزمع المزمعه المقبل المقبله"
)  # في اجتماع لجنة السياسة النقدية المقبل: the next one
_PLANNED_REACH = 5
_ALSO = words("كما وكذلك")
_OPERATION_REACH = 10  # نفذت وحدات من الجيش، فجر اليوم، عملية: verb, subject and a time before «عملية»
_ATTACK_KINDS = words("انتحاريه طعن دهس اغتيال تفجير اطلاق هجوميه ارهابيه تسلل اختطاف خطف جراحيه")
_VESSEL_REACH = 12  # اعترضت دوريات تابعة لجهاز حرس السواحل وأمن الموانئ، فجر الخميس، قاربين
_RELATIVES = words("التي الذي الذين حيث")
_DEPLOYING_REACH = 10  # نفذت وحدات من فوج الحدود البري الأول، منذ صباح الإثنين، انتشاراً: past subject and time
# Shooting an aircraft down (أسقطت الدفاعات الجوية طائرة مسيّرة): the drone struck nothing. Any trigger this
# close after the verb is the downed aircraft's; an airstrike anywhere after it in the sentence is what the
# aircraft was about to do (... قبل استهداف مواقع الجيش).
_DOWNED = words("اسقطت اسقط اسقاط اسقطوا تسقط يسقط")
_DOWNED_REACH = 8
# Word beginnings that give an article a security or violence context (conflict types need one).
_VIOLENCE = (
    "قوات", "القوات", "مسلح", "جيش", "الجيش", "امني", "الامن", "شرط", "قتل", "مقتل", "قتلي", "جرحي", "عبوه",
    "عبوات", "عبوت",  # not عبو: عبور (a crossing) and العبودي (a name) begin so too
    "انفجر", "انفجار", "تفجير", "مفخخ", "ناسف", "ارهاب", "داعش", "ميليشي", "مليشي", "عسكري", "اسلح", "سلاح",
    "غاره", "غارات", "غارت", "قصف", "قذائف", "هاون", "اشتباك", "معارك", "اختطاف", "خطف", "مسيره", "طائرات",
    "انتحاري",
    "عدوان", "اقتحم", "اقتحام", "حصار", "توغل", "يتوغل", "تتوغل",
    # a flash of one sentence may hold only these (استشهد طفل برصاص مستوطن، اختطف مجهولون طبيباً)
    # (not صاروخ، قذيفة، رصاصة or كمين: a match report's shots, its «رصاصة الرحمة» and a police sting use them)
    "استشهد", "استشهاد", "شهيد", "شهداء", "نيران", "اختطف", "مختطف", "مستوطن", "اغتيال", "اغتال", "طعن",
)  # fmt: skip
_FIRST_WORDS = frozenset(key[0] for key in MULTIWORD)
# Multiword triggers by their first key, longest first (they win over the shorter ones they contain).
_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
for _key, _trigger in sorted(MULTIWORD.items(), key=lambda item: -len(item[0])):
    _BY_FIRST_WORD.setdefault(_key[0], []).append((_key[1:], _trigger))


def find_events(ctx: ArticleContext, index: ArticleIndex | None = None) -> list[EventFinding]:
    """Find the typed events of one article.

    Args:
        ctx: The article's text, tokens, sentences and mentions (entities, places, times, numbers).
        index: ``build_index(ctx)``, when the caller has built it already.

    Returns:
        One :class:`EventFinding` per real-world event, in text order; conflict types only when the
        article has a security or violence context.
    """
    if not ctx.tokens:
        return []
    index = build_index(ctx) if index is None else index
    candidates = index.tokens_where(_candidate)
    for dateline in ctx.datelines:
        if dateline.outlet is not None:
            # دبي - البيان: the outlet's name is no trigger (البيان is also "the statement")
            start, end = dateline.outlet
            candidates = [i for i in candidates if not start <= ctx.tokens[i].start < end]
    if not candidates:
        return []
    violence, sport = len(index.tokens_where(_violent)), _sport_words(index)
    if sport >= _SPORT_ARTICLE and sport > violence:
        return []  # a match report: its attacks, shots, protests to the referee and meetings are football
    conflict = violence >= 2 or (violence == 1 and sport < 3)
    if conflict:
        # a market report or a forecast: meetings may be news, its "explosions" are not; nor are the «غارات»
        # and «هجوم مضاد» of a transfer-market feature, whose sport and business words add up
        other_pages = len(index.tokens_where(_civil)) + sport
        conflict = not (other_pages >= _CIVIL_ARTICLE and other_pages >= violence)
    mentions: list[Mention] = []
    for s, (lo, hi) in enumerate(index.sentence_ranges):
        first = bisect_left(candidates, lo)
        if first == len(candidates) or candidates[first] >= hi:
            continue
        for type_, trigger, a, b in _sentence_triggers(index, candidates, first, lo, hi):
            if (type_ in CONFLICT_TYPES or _truce(index, a)) and not conflict:  # هدنة بين الوكلاء: a price truce
                continue
            mention = _mention(index, s, type_, trigger, a, b)
            if attach_arguments(index, mention, a, b, trigger):
                mentions.append(mention)
    inherit_from_operations(mentions)
    inherit_agency(mentions)
    return merge_mentions(mentions)


def _mention(index: ArticleIndex, s: int, type_: str, trigger: Trigger, a: int, b: int) -> Mention:
    ctx = index.ctx
    start, end = ctx.tokens[a].start, ctx.tokens[b - 1].end
    head = index.keys[a][0]
    whole = _whole_word_trigger(head) or (b - a > 1 and head in _FIRST_WORDS)
    return Mention(
        type=type_,
        trigger=span_argument(ctx.body, start, end, strip=not whole),
        sentence=ctx.sentences[s],
        sentence_index=s,
        summary=trigger.summary,
        passive=index.has(a - 1, _PASSIVE) or index.has(a - 2, _PASSIVE),
        confidence=0.75 if b - a > 1 else 0.65,
    )


@lru_cache(maxsize=20_000)
def _whole_word_trigger(norm: str) -> bool:
    """Whether the trigger word is listed without reading past a proclitic: كميناً is كمين, not ك + مينا."""
    unclitic = (norm, norm[:-1] if norm.endswith("ا") else norm)
    return any(w in TRIGGERS or (w.startswith("ال") and w[2:] in TRIGGERS) for w in unclitic)


@lru_cache(maxsize=50_000)
def _lookup(norm: str) -> tuple[Trigger | None, bool]:
    """The single-word trigger of a token (if any) and whether a multiword trigger may start at it."""
    keys = token_keys(norm)
    single = next((TRIGGERS[k] for k in keys if k in TRIGGERS), None)
    return single, any(k in _FIRST_WORDS for k in keys)


@token_flag
def _candidate(norm: str) -> bool:
    single, starts_multiword = _lookup(norm)
    return single is not None or starts_multiword


def _sentence_triggers(
    index: ArticleIndex, candidates: list[int], first: int, lo: int, hi: int
) -> list[tuple[str, Trigger, int, int]]:
    """The surviving triggers of one sentence, one per type (the first), kill words only as a last resort.

    A colon opens a new part (بيان جاء فيه: "فككت القوات ... ليلة أمس"): the quoted report may repeat an
    event type of the sentence's frame with details of its own (a time, a place), so it keeps its trigger;
    the merge then makes one event of the two.
    """
    found: dict[tuple[str, int, int], tuple[str, Trigger, int, int]] = {}
    kills: list[tuple[str, Trigger, int, int]] = []
    reframed = False
    done = lo
    colons = [j for j in range(lo, hi) if index.norms[j] == ":"]
    contrasts = [j for j in range(lo, hi) if index.norms[j] in CONTRASTS]
    for i in candidates[first:]:
        if i >= hi:
            break
        if i < done:
            continue
        hit = _match(index, i, hi)
        if hit is None:
            continue
        trigger, b = hit
        done = b
        if index.has(i - 1, _COMES) or (index.has(i - 2, _COMES) and index.has(i - 1, _THIS)):
            reframed = True  # ويأتي الهجوم بعد ...: the event told already, and what the sentence
            continue  # recalls to frame it (مقتل 12 مسلحاً في عملية) is no new attack either
        type_ = _resolve_type(index, trigger, i, b, lo, hi)
        if type_ is None or _suppressed(index, i, b, lo):
            continue
        if index.has(i - 1, _CASES) and _many(index, i - 2):
            continue  # وثق المرصد 327 حالة اعتقال و19 حالة اختطاف: a tally of cases, not one event
        if index.any_in(_downing, lo if type_ == "airstrike" else max(lo, i - _DOWNED_REACH), i):
            continue  # أسقطت الدفاعات الجوية طائرة مسيّرة مفخخة ... قبل استهداف: the downed drone struck nothing
        if type_ == "bombing" and index.any_in(_seizing, max(lo, i - _SEIZED_REACH), i):
            continue  # ضبطت 12 عبوة ناسفة، تفكيك عبوة ناسفة: a device found, not an explosion
        if type_ in _CALLABLE and _called_for(index, i, lo):
            continue  # دعا المجلس الأطراف إلى "وقف فوري لإطلاق النار": called for, not done
        if type_ == "meeting" and _in_progress(index, i, lo):
            continue  # زاعمة أنه استهدف مسؤولين كانوا يجتمعون: the target's doing, no meeting reported
        if type_ == "agreement" and index.any_in(_referenced, max(lo, i - 3), i):
            continue  # an agreement the sentence refers to, made before
        if _operations_trap(index, i, lo):
            if any(f[0] == "security_operation" for f in found.values()):
                continue  # نُصب لهما كمين في عملية أمنية: the operation's trap, not an attack
            if index.any_in(_caught, b, min(hi, b + _CAUGHT_REACH)):
                type_ = "security_operation"  # نصبت المفارز كميناً محكماً أسفر عن اعتقال ثلاثة: a police trap
        if type_ == "shelling" and _instrument(index, i, lo) and any(f[0] in _NOT_SHELLING for f in found.values()):
            continue  # هاجمت الحاجز بالأسلحة الرشاشة والقذائف: the weapons of the attack told before
        if type_ == "shelling" and index.any_in(_using, max(lo, i - _USED_REACH), i):
            continue  # استخدم المهاجمون أسلحة رشاشة وقذائف «آر بي جي»: what they fought with, no shelling
        if trigger.type == "shelling" and not trigger.verb and index.any_in(_stored, max(lo, i - _STORE_REACH), i):
            continue  # ضبطت مستودعاً للأسلحة يحوي قذائف هاون: shells seized, none fired (a bomb's twin is above)
        # a colon opens a new part, and so does a contrast (الانفجار الأول ...، فيما استهدف الانفجار الثاني ...)
        key = (type_, bisect_left(colons, i), bisect_left(contrasts, i))
        if trigger.kill:
            kills.append((type_, trigger, i, b))
        elif key in found and trigger.summary and not found[key][1].summary:
            first_found = found[key]
            found[key] = (type_, replace(first_found[1], summary=True), first_found[2], first_found[3])
        else:
            found.setdefault(key, (type_, trigger, i, b))
    if any(v[1].needs == "shooting" for v in found.values()) and any(
        v[0] in ASSAULT_TYPES and v[1].needs != "shooting" for v in found.values()
    ):  # أطلقوا النار عليها فانفجرت، أطلق المهربون النار فرد الجنود: the shots are part of the assault told
        found = {k: v for k, v in found.items() if v[1].needs != "shooting"}
    returned = [i for type_, trigger, i, _ in found.values() if trigger.needs == "fire_before"]
    if returned:  # بادروا بإطلاق النار على القوات، فتم التعامل معهم: the fire opened is half of the clash
        found = {k: v for k, v in found.items() if not (v[0] == "attack" and v[2] < returned[0])}
    if kills and not reframed and (attack := _killing(index, found, kills[0], lo, hi)) is not None:
        found.setdefault(("attack", 0, 0), attack)
        # ...، كما اغتيل الباحث هشام الهاشمي في بغداد: «as well» opens a second killing of its own
        for n, (_, trigger, i, b) in enumerate(kills[1:] if attack[0] == "attack" else (), start=1):
            if index.has(i - 1, _ALSO):
                found.setdefault(("attack", 0, n), ("attack", trigger, i, b))
    return sorted(found.values(), key=lambda item: item[2])


_CASES = words("حاله حالات")


def _many(index: ArticleIndex, k: int) -> bool:
    """Whether token ``k`` is a number of two or more (a count of cases)."""
    number = index.numbers.get(k)
    value = getattr(number, "value", None)
    return value is not None and value >= 2


def _forces_operation(index: ArticleIndex, a: int, b: int, lo: int, hi: int) -> bool:
    """An indefinite «عملية» carried out by forces (نفذت قوات الجيش، فجر اليوم، عملية في المنطقة): a
    carrying-out verb and the forces before it, no attackers, and no word after it that makes it an attack
    (عملية انتحارية)."""
    if "ال" in index.norms[a][:4]:
        return False  # نفذت قوات الأمن العملية ليل الأربعاء: the operation told before
    start = max(lo, a - _OPERATION_REACH)
    if not index.any_in(_launching_wave, start, a) or not index.any_in(_deployed, start, a):
        return False
    return not (index.any_in(_assailants, start, a) or (b < hi and index.has(b, _ATTACK_KINDS)))


def _interception(index: ArticleIndex, a: int, b: int, lo: int, hi: int) -> bool:
    """A patrol, coast guard or unit (named before the verb or as its subject) stops a boat, truck or convoy
    named after it, past the subject and a time."""
    vessels = index.tokens_in(_vessel, b, min(hi, b + _VESSEL_REACH))
    if not vessels or index.any_in(_assailants, max(lo, a - _SUBJECT_REACH), vessels[0]):
        return False
    return index.any_in(_patrol, max(lo, a - _ASSAILANT_REACH), a) or index.any_in(_patrol, b, vessels[0])


def _deployment(index: ArticleIndex, trigger: Trigger, a: int, b: int, lo: int, hi: int) -> bool:
    """Forces deployed: the noun carried out, begun or reinforced (نفذت وحدات الجيش انتشاراً، عزز الجيش
    انتشاره), the verb with forces as its subject (انتشرت قوات الأمن، وحدات من قوى الأمن انتشرت)."""
    if not trigger.verb:
        return index.any_in(_deploying, max(lo, a - _DEPLOYING_REACH), a)
    if index.has(a - 1, _RELATIVES):
        return False  # المدينة التي ينتشر فيها الجيش: where forces stand, no deployment told
    return index.any_in(_deployed, max(lo, a - _SUBJECT_REACH), a) or index.any_in(_deployed, b, min(hi, b + 2))


def _truce(index: ArticleIndex, a: int) -> bool:
    return "هدنه" in index.keys[a]


def _sport_words(index: ArticleIndex) -> int:
    """How many sport words the article has; a club that is no sports club (نادي الأسير الفلسطيني، نادي
    القضاة) and the article's «النادي» after it are none."""
    found = index.tokens_where(_sporty)
    if any(index.norms[i] == "نادي" and index.has(i + 1, _CLUBS_OF_NO_SPORT) for i in found):
        return sum(1 for i in found if "نادي" not in index.keys[i])  # النادي's keys hold نادي too
    return len(found)


def _instrument(index: ArticleIndex, i: int, lo: int) -> bool:
    """Whether the weapon at token ``i`` is told as an instrument: بالقذائف، or والقذائف after one."""
    norm = index.norms[i]
    if norm.startswith("ب"):
        return True
    return norm.startswith("و") and any(index.norms[j].startswith("ب") for j in range(max(lo, i - 3), i))


def _match(index: ArticleIndex, i: int, hi: int) -> tuple[Trigger, int] | None:
    single, starts_multiword = _lookup(index.norms[i])
    if starts_multiword:
        keysets = index.keysets
        for first in index.keys[i]:
            for rest, trigger in _BY_FIRST_WORD.get(first, ()):
                end = i + 1 + len(rest)
                if end <= hi and all(key in keysets[i + 1 + n] for n, key in enumerate(rest)):
                    return trigger, end
    return (single, i + 1) if single is not None else None


def _resolve_type(index: ArticleIndex, trigger: Trigger, a: int, b: int, lo: int, hi: int) -> str | None:
    """The trigger's type after its context: air or ground fire, launch and seizable-object checks."""
    if trigger.needs == "air_or_ground":
        return "airstrike" if _near(index, _aerial, a, b, lo, hi) else "shelling"
    if trigger.needs == "launch" and not _near(index, _launching, a, b, lo, hi, before=_LAUNCH_REACH):
        return None
    if trigger.needs == "launch" and trigger.type == "shelling" and index.any_in(_aerial, max(lo, a - 3), a):
        return "airstrike"  # أطلقت المسيرة صاروخين على السيارة: a drone's missiles
    if (
        trigger.type == "meeting"
        and trigger.verb
        and (
            index.any_in(_received_people, b, _received_reach(index, b, hi)) or index.any_in(_wards, max(lo, a - 2), a)
        )
    ):
        return None  # استقبلت السلطات آلاف النازحين، أقسام الطوارئ استقبلت: people in need taken in
    if trigger.type == "protest" and (index.has(b, _CULTURAL) or index.has(a - 1, _PROGRAMME)):
        return None  # التظاهرة الثقافية، برنامج التظاهرة: in the Maghreb a festival is a «تظاهرة»
    if trigger.type == "sanction" and index.has(b, _REGULATED):
        return None  # قرار حظر العمل في المواقع المكشوفة: a regulation, not a sanction
    if trigger.type == "sanction" and index.any_in(_violating, max(lo, a - _VIOLATION_REACH), a):
        return None  # انتهكت السفينة قرار حظر الملاحة: a ban broken, not one imposed
    if trigger.type == "sanction" and (
        index.any_in(_penalties, b, min(hi, b + _PENALTY_REACH)) or index.any_in(_harshest, max(lo, a - 2), a)
    ):
        return None  # عقوبات تصل إلى السجن، أشد العقوبات بحق المهربين: what a law threatens
    if trigger.kill and (
        index.any_in(_verdict, max(lo, a - 3), a)
        or index.any_in(_penal, b, min(hi, b + 2))
        or index.has(a - 1, _CHARGES)
    ):
        return None  # تنفيذ حكم القتل تعزيراً، سبق اتهامهم في قضايا قتل: a sentence or a charge, no killing told
    if trigger.type == "attack" and not trigger.verb and index.any_in(_charged, max(lo, a - _CHARGE_REACH), a):
        return None  # متهمون بـ«الاعتداء على عناصر الأمن»، بتهم تشمل الاعتداء: what they are charged with
    if trigger.type == "attack" and index.any_in(_fire, a, b) and _fire_exchanged(index, a, b, lo, hi):
        return "armed_clash"  # تبادل عاطل إطلاق النار مع قوات الأمن، تعرضت الدورية لإطلاق نار فردّت عليه
    if (
        trigger.type == "attack"
        and _drops_a_bomb(index, a, b, hi)
        and index.any_in(_aircraft, max(lo, a - _KILLER_REACH), a)
    ):
        return "airstrike"  # مسيرة أوكرانية أسقطت عبوة ناسفة على حافلة: a drone's bomb (a drone downed,
        # أسقطت الدفاعات مسيّرة, stays an attack on it, as in the dev gold)
    if trigger.type == "abduction" and (index.has(a - 1, _GANGS) or index.has(a - 1, _SPECIALISED)):
        return None  # عصابة خطف، عصابة متخصصة بالخطف: what a gang does, not a kidnapping told
    if trigger.type == "attack" and index.any_in(_fire, a, b) and index.any_in(_into_the_air, b, min(hi, b + 3)):
        return None  # تفريق المتظاهرين بإطلاق النار في الهواء: warning or celebratory shots hit no one
    if trigger.type == "bombing" and index.any_in(_strife, max(lo, a - 6), a) and "تفجر" in index.keys[a]:
        return None  # صراع دامٍ بين الفصيلين، تفجّر بعد اعتقال زعيمه: the strife broke out
    if trigger.kill and index.any_in(_war, lo, a) and index.any_in(_since, lo, a):
        return None  # تخوض نيجيريا منذ 2009 نزاعاً ... أسفر عن مقتل أكثر من 40 ألفاً: a war's toll, no event
    if trigger.type == "statement" and "البلاغ" in index.norms[a] and index.has(a - 1, _RECEIVING):
        return None  # باشرت الفرق الحادثة فور تلقي البلاغ: a report received, not a communiqué issued
    if trigger.type == "security_operation" and not trigger.verb and index.any_in(_ending, max(lo, a - 2), a):
        return None  # لن تتوقف إلا برفع الحصار، بالتدخل لوقف العمليات العسكرية: a demand to end it, no operation
    if trigger.type == "meeting" and index.norms[a].endswith("لقمه") and index.has(b, _LIVELIHOOD):
        return None  # ليؤمّن لقمة عيش أطفاله: a morsel of bread, no summit
    if trigger.type == "meeting" and index.has(b, _HEIGHTS) and "قمه" in index.keys[a]:
        return None  # على قمة جبل صبيح: a summit of a mountain
    if trigger.type == "seizure" and index.starts_with(a, ("ضبط", "يضبط", "تضبط")) and _suspects_after(index, b, hi):
        return "arrest"  # ضبط 11 متهماً، ضبط العنصرين الآخرين: people are arrested, not seized
    if trigger.needs == "aerial_before" and not (
        index.any_in(_aircraft, max(lo, a - _AIRCRAFT_REACH - _time_between(index, lo, a)), a)
        or _aircraft_subject(index, b, hi)
    ):
        return None  # استهدف alone is aiming; with a drone or a warplane as its subject (before or after) a strike
    if trigger.needs == "forces_op" and not _forces_operation(index, a, b, lo, hi):
        return None  # نفذ مسلحون عملية، عملية جراحية: no forces carried it out
    if trigger.needs == "intercepted" and not _interception(index, a, b, lo, hi):
        return None  # اعترضت الدفاعات الجوية صاروخاً، اعترض مسلحون شاحنات: no patrol stopping a vessel
    if trigger.needs == "deployed" and not _deployment(index, trigger, a, b, lo, hi):
        return None  # انتشار المخدرات، فرق طبية انتشرت: a spread, or teams sent out, not forces deployed
    if trigger.needs == "demanding" and not index.any_in(_demanding, b, hi):
        return None  # تجمّع المئات لاستقبال المنتخب: a crowd, no demands
    if trigger.needs == "shooting" and not _shots_at(index, b, hi):
        return None  # أطلقت السلطات سراح، أطلق حملة، أطلقوا النار في الهواء: no one shot at
    if trigger.needs == "dropped_from_the_air" and not (
        (index.any_in(_aircraft, b, min(hi, b + 2)) or index.any_in(_aircraft, max(lo, a - _KILLER_REACH), a))
        and index.any_in(_dropped, b, min(hi, b + _DROP_REACH))
    ):
        return None  # ألقى كلمة، ألقت الشرطة القبض: nothing dropped from a drone or a plane
    if trigger.needs == "thrown" and not index.any_in(_throwing, max(lo, a - _THROWN_REACH), a):
        return None  # ضبط عدد من الزجاجات الحارقة، شجار استعملت فيه الزجاجات الحارقة: none thrown at anyone
    if trigger.needs == "fire_before" and not index.any_in(_fire, max(lo, a - _FIRE_BEFORE_REACH), a):
        return None  # تم التعامل مع البلاغ: a report handled, no fire returned
    if trigger.needs == "fire_after" and not index.any_in(_fire, b, min(hi, b + _RETURNED_FIRE_REACH)):
        return None  # بادلتهم التهاني: only fire returned is a clash
    if trigger.needs == "foiled" and not index.any_in(_foiling, max(lo, a - _FOILED_REACH), a):
        return None  # محاولة تهريب is a seizure only when foiled (أحبطت الدوريات محاولة تهريب)
    if trigger.needs == "seizable" and not (
        index.any_in(_seizable, b, _seizable_reach(index, b, hi)) or index.any_in(_seizable, max(lo, a - 8), a)
    ):
        return None
    if trigger.type == "security_operation" and (
        index.has(a - 1, _CROWDS) or any(index.has(k, _CROWDS) for k in range(b, min(hi, b + 2)))
    ):
        return None  # حاصرها الأولياء منذ الصباح، جماهير تحاصر المسرح: a crowd besieges, no forces do
    if (
        trigger.type == "security_operation"
        and trigger.verb
        and (
            index.any_in(_assailants, max(lo, a - _ASSAILANT_REACH), a)
            or index.any_in(_assailants_subject, b, min(hi, b + 2))
        )
    ):
        return None  # مسلحون اقتحموا القرى، مفخخة اقتحمت البوابة: an attack storming, told by its own words
    if trigger.type == "seizure" and index.norms[a] == "صادر" and index.norms[b : b + 1] == ("عن",):
        return None  # بيان صادر عن الفرقة السادسة: a statement issued by it, nothing confiscated
    if trigger.type == "seizure" and index.has(b, _CONTROLLED):
        return None  # يبحثان ضبط الحدود ومكافحة تهريب المخدرات: border control, nothing seized
    if trigger.type == "arrest" and index.has(a - 1, _ATTEMPT):
        return None  # وعند محاولة القبض عليهم بادروا بإطلاق النار: an arrest tried, not made
    stopping = ("اوقف", "واوقف", "ايقاف", "وايقاف", "بايقاف")
    if trigger.type == "arrest" and index.norms[a].startswith(stopping) and _stops_something(index, b, hi):
        return None  # أوقفت الجماعة هجماتها، إيقاف إطلاق النار: it stopped something, it arrested no one
    if trigger.retype:
        for j in range(b, min(hi, b + 2)):
            for key in index.keys[j]:
                if key in _RETYPE:
                    return _RETYPE[key]
        for j in range(b, min(hi, b + _AIRCRAFT_INSTRUMENT_REACH)):  # هجوم روسي بطائرات مسيرة: by what means
            found = _INSTRUMENTS.get(index.norms[j][1:]) if index.norms[j].startswith("ب") else None
            if found is not None and (j < b + _INSTRUMENT_REACH or found == "airstrike"):
                return found
    if trigger.type == "attack" and _ASSASSINATING.search(index.norms[a]) and _killed_from_the_air(index, a, b, lo, hi):
        return "airstrike"  # مسيّرة تغتال شابين، اغتيال قيادي بمسيّرة: a drone's assassination is a strike
    if trigger.type == "bombing" and index.norms[a] in _RIGGED and index.any_in(_aircraft, max(lo, a - 2), a):
        return "airstrike"  # طائرة مسيّرة مفخخة: a drone laden with explosives strikes from the air
    return trigger.type


def _killing(
    index: ArticleIndex,
    found: dict[tuple[str, int, int], tuple[str, Trigger, int, int]],
    kill: tuple[str, Trigger, int, int],
    lo: int,
    hi: int,
) -> tuple[str, Trigger, int, int] | None:
    """The event a sentence's first kill word makes when no other assault was found in it, or None.

    None when an earthquake or a flood killed, and when the dead are the toll of a security operation told
    after them (قالت القوات إنها قتلت مسلحَين خلال عملية تمشيط) with no agent named (استُشهد شاب برصاص
    قوات الاحتلال خلال اقتحام، مقتل راعيين على يد عناصر التنظيم: attacks). An operation told before the
    killing (شنت حملة ...، بعد مقتل إداريتين) is what it led to, and leaves it an attack. A drone that kills
    (مسيّرة تركية تقتل عضوين، قتلت مسيّرة شابين) makes an airstrike.
    """
    _, trigger, i, b = kill
    if ASSAULT_TYPES & {key[0] for key in found} or index.any_in(_disaster, lo, hi):
        return None
    start = max(lo, i - _DOCUMENTED_REACH - _time_between(index, lo, i))
    if index.any_in(_documenting, start, i) and index.any_in(_over_a_period, lo, i):
        return None  # وثق المرصد خلال كانون الأول مقتل 689 شخصاً: a tally of many events, not one (but وثق في
        # 11 آب مقتل شاب is one killing)
    if index.any_in(_whole_conflict, start, i) and index.any_in(_over_a_period, lo, i):
        return None  # أسفر العنف منذ 2015 عن مقتل أكثر من 26 ألف شخص: the toll of a war, not of one event
    later_operation = any(f[0] == "security_operation" and f[2] > i for f in found.values())
    if later_operation and not index.any_in(_by_hand_of, i, min(hi, b + _AGENT_REACH)):
        return None
    return ("airstrike" if _killed_from_the_air(index, i, b, lo, hi) else "attack", trigger, i, b)


def _fire_exchanged(index: ArticleIndex, a: int, b: int, lo: int, hi: int) -> bool:
    """Fire exchanged, not only opened: «تبادل» before it in the clause, or the fire returned after it."""
    return index.any_in(_exchanging, max(lo, a - _EXCHANGE_REACH), a) or index.any_in(
        _returning, b, min(hi, b + _EXCHANGE_REACH)
    )


def _drops_a_bomb(index: ArticleIndex, a: int, b: int, hi: int) -> bool:
    """أسقط with a bomb or a shell as its object: dropped, not shot down."""
    return index.starts_with(a, ("اسقط", "واسقط")) and index.any_in(_dropped, b, min(hi, b + 3))


def _killed_from_the_air(index: ArticleIndex, i: int, b: int, lo: int, hi: int) -> bool:
    """A drone is the killer: named just before the verb (مسيّرة تركية تقتل عضوين), opening a headline that
    then names whose drone it was (مسيّرة لـ«الدعم السريع» تقتل 9 مدنيين), or right after the verb."""
    if index.any_in(_aircraft, max(lo, i - _KILLER_REACH), i) or _aircraft_subject(index, b, hi):
        return True
    if any(index.norms[j][:1] == "ب" and index.norms[j][1:] in _AIRCRAFT for j in range(b, min(hi, b + 4))):
        return True  # باغتيال أحد قادتها بمسيّرة: the drone is the instrument
    return i - lo <= _HEADLINE_KILLER_REACH and index.any_in(_aircraft, lo, min(i, lo + 2))


def _operations_trap(index: ArticleIndex, i: int, lo: int) -> bool:
    """«نُصب لهما كمين»: an ambush set (نصب) in a sentence that tells a security operation is its trap."""
    return index.has(i, _AMBUSH) and index.any_in(_setting, max(lo, i - 3), i)


def _aircraft_subject(index: ArticleIndex, b: int, hi: int) -> bool:
    """An aircraft right after the verb, as its subject (استهدفت مسيّرة، استهدفت طائرة مسيّرة); with بـ it is the
    instrument (استهدفت بمسيّرة), which its own trigger reads."""
    return any(index.has(j, _AIRCRAFT) and not index.norms[j].startswith("ب") for j in range(b, min(hi, b + 2)))


def _suspects_after(index: ArticleIndex, b: int, hi: int) -> bool:
    """Whether people are what was «seized»: a suspect noun within three words, past a count; not the people
    in whose possession something was seized (ضبطت بحوزة المتهمين أجهزة اتصال)."""
    suspects = index.tokens_in(_suspect, b, min(hi, b + 3))
    return bool(suspects) and not index.any_in(_possession, b, suspects[0])


def _stops_something(index: ArticleIndex, b: int, hi: int) -> bool:
    """What «أوقف» governs, right after it or past a one-word subject (أوقف مسلحون حافلة); a definite word
    there is the genitive of the object (أوقفت سائق الشاحنة: the driver was arrested)."""
    if b < hi and index.starts_with(b, _STOPPED):
        return True
    return b + 1 < hi and not index.norms[b + 1].startswith("ال") and index.starts_with(b + 1, _STOPPED)


def _near(index: ArticleIndex, test: Callable[[str], bool], a: int, b: int, lo: int, hi: int, before: int = 4) -> bool:
    """Whether a token within four of the trigger [a, b) (``before`` it), in its sentence [lo, hi), passes
    ``test``."""
    return index.any_in(test, max(lo, a - before), a) or index.any_in(test, b, min(hi, b + 4))


def _suppressed(index: ArticleIndex, a: int, b: int, lo: int) -> bool:
    """Negated, hypothetical, threatened, habitual or generic mentions are not events."""
    if index.any_in(_unreal, max(lo, a - 3), a) and not _wave_launched(index, a, lo):
        return True
    if index.any_in(_plotting, max(lo, a - 3), a) and not index.has(b, _DONE):
        return True
    if index.norms[a].endswith("احتجاجا") and index.norms[a + 1 : a + 2] == ("علي",):
        # طرد السفير احتجاجاً على: the motive of another act, not a protest; but when residents or a crowd
        # act for it (أغلق العشرات من الأهالي الطريق احتجاجاً على), what they do is the protest
        return not index.any_in(_protesters, lo, a)
    hi = index.sentence_ranges[index.sentence_of[a]][1]
    if b < hi and (index.has(b, _FIGURATIVE) or (index.has(b, _QUANTITIES) and index.has(b + 1, _FIGURATIVE))):
        return True  # انفجرت أسعار الطماطم، القصف الإعلامي، احتجاز عشرات المركبات: figures of speech
    if any(index.has(k, _FIGURATIVE_SUBJECTS) for k in range(max(lo, a - _SUBJECT_REACH), a)):
        return True  # الأسعار انفجرت، أسعار المازوت والسماد انفجرت: the subject before its verb
    if any("كأن" in index.ctx.tokens[k].text for k in range(max(lo, a - 3), a)):
        return True  # نعمل وكأننا تحت القصف: as if under shelling, a simile (read as written: كأن folds like كان)
    if b < hi and index.has(b, _RESCUERS):
        return True  # اقتحمت فرق البحث المباني المتضررة: rescuers, not a raid
    if b < hi and index.norms[b] == "علي" and index.norms[a] in _CUT_THE_ROAD:
        return True  # لقطع الطريق على عودة الحرب: to forestall, no road blocked
    if index.tokens_in(_fictional, lo, hi):
        return True  # ويروي الفيلم حكاية عائلة تحاصرها الاشتباكات: a story told, not news
    if len(index.tokens_in(_sporty, lo, hi)) >= _SPORT_SENTENCE:
        return True  # حسم القادسية قمة الدوري أمام نادي الكويت بهدف: a match in a round-up of other news
    if index.norms[a] == "مقتل" and index.norms[a - 1] == "في" and (b >= hi or not index.norms[b].isalpha()):
        return True  # ضربت الإنتاج في مقتل: hit where it hurts most, an idiom
    if b < hi and index.any_in(_pests, b, min(hi, b + 3)):
        return True  # هجوم واسع لذبابة ثمار الزيتون: pests attack crops
    if b < hi and index.any_in(_planned, b, min(hi, b + _PLANNED_REACH)):
        return True  # اجتماع تحالف أوبك+ المقرر الأحد: planned, not held
    if _scare_quoted(index, a, b, lo, hi) or _titled(index, a, lo):
        return True
    # تكرار الاشتباكات، سياسة الإخفاء القسري: a repetition or a policy, no event told
    return index.any_in(_habitual, b, min(hi, b + 3)) or index.has(a - 1, _PATTERN_WORDS)


def _wave_launched(index: ArticleIndex, a: int, lo: int) -> bool:
    """«شنّ الطيران، أمس، موجة غارات»: a wave someone launched is one event, not a trend (موجة هجمات)."""
    wave = next((k for k in range(a - 1, max(lo, a - 3) - 1, -1) if index.norms[k] == _WAVE), None)
    if wave is None or index.any_in(_unreal, max(lo, a - 3), wave) or index.any_in(_unreal, wave + 1, a):
        return False
    return index.any_in(_launching_wave, max(lo, wave - _WAVE_REACH), wave)


def _time_between(index: ArticleIndex, lo: int, a: int) -> int:
    """The time tokens in [lo, a), at most twelve tokens back (نفذ سلاح الجو، فجر أمس الأربعاء، ثلاث ضربات):
    they do not use up a reach between two words."""
    return _timed_in(index, max(lo, a - 2 * _AIRCRAFT_REACH), a)


def _timed_in(index: ArticleIndex, start: int, end: int) -> int:
    """How many tokens of [start, end) are inside the article's time expressions."""
    timed = index.time_tokens()
    return sum(1 for k in range(start, end) if k in timed)


def _seizable_reach(index: ArticleIndex, b: int, hi: int) -> int:
    """Where what a verb seized may stand: twelve tokens after it, past a time (حجزت وحدة من الدرك في مدينة
    نواذيبو، مساء الخميس 5 يونيو 2025، أزيد من طن من الكوكايين)."""
    return min(hi, b + _SEIZABLE_AFTER + _timed_in(index, b, min(hi, b + 2 * _SEIZABLE_AFTER)))


def _received_reach(index: ArticleIndex, b: int, hi: int) -> int:
    """Where whom a verb «received» may stand: four tokens after it, past a time (استقبلت خلال الـ48 ساعة
    الماضية 5 شهداء)."""
    return min(hi, b + 4 + _time_between(index, b, min(hi, b + 8)))


def _called_for(index: ArticleIndex, a: int, lo: int) -> bool:
    """«دعا X ... إلى "وقف فوري لإطلاق النار"»، «طالب الأطراف بوقف القتال»: the act called for, not done."""
    k = a - 1
    while k > lo and index.norms[k] in {'"', "«", "'"}:
        k -= 1
    norm = index.norms[a]
    to = index.norms[k] == "الي" or (norm.startswith("ب") and norm[1:] in index.keys[a])  # بوقف: ب + وقف
    return to and index.any_in(_calling, max(lo, k - _CALL_REACH), k)


def _in_progress(index: ArticleIndex, a: int, lo: int) -> bool:
    """«كانوا يجتمعون»، «كانوا يعقدون اجتماعاً»: what people were doing when something else happened."""
    if a - 1 < lo:
        return False
    return index.has(a - 1, _WERE) or (a - 2 >= lo and index.has(a - 2, _WERE) and index.norms[a - 1][:1] in "يت")


def _titled(index: ArticleIndex, a: int, lo: int) -> bool:
    """Whether the trigger opens a title in «» in an article about a novel, a film or a play («اغتيال على
    ضفاف النيل» تتصدر مبيعات معرض الكتاب)."""
    return a > lo and index.norms[a - 1] in _SCARE_QUOTES and bool(index.tokens_where(_fictional))


def _scare_quoted(index: ArticleIndex, a: int, b: int, lo: int, hi: int) -> bool:
    """Whether the trigger stands in quotation marks that hold at most three words («هجوم» غير مسبوق)."""
    opening = next(
        (j for j in range(a - 1, max(lo, a - _SCARE_WORDS) - 1, -1) if index.norms[j] in _SCARE_QUOTES), None
    )
    if opening is None or any(not index.norms[j].isalpha() for j in range(opening + 1, a)):
        return False
    closing = next(
        (j for j in range(b, min(hi, opening + 1 + _SCARE_WORDS + 1)) if index.norms[j] in _SCARE_QUOTES), None
    )
    return closing is not None and all(index.norms[j].isalpha() for j in range(b, closing))


# Per-token tests, registered once (event_index.token_flag): evaluated once per folded form and process.
_violent = prefix_flag(_VIOLENCE)
_sporty = key_flag(_SPORT)
_civil = key_flag(_CIVIL)
_calling = key_flag(_CALLS)
_pests = key_flag(_PESTS)
_disaster = key_flag(_DISASTERS)
_by_hand_of = key_flag(_AGENT_MARKS)
_setting = prefix_flag(("نصب", "ينصب", "تنصب"))
_WAVE = "موجه"
_WAVE_REACH = 12  # tokens before «موجة» where the verb that launched it may stand, past its subject and a time
_launching_wave = key_flag(words("شن شنت شنوا نفذ نفذت نفذوا اطلق اطلقت"))
_caught = key_flag(words("اعتقال القبض الاطاحه توقيف ضبط"))  # what a police trap ends in (أسفر عن الإطاحة بثلاثة)
_CAUGHT_REACH = 10
_planned = key_flag(_PLANNED)
_documenting = key_flag(words("وثق وثقت موثقا موثقه توثيق حصيلته حصيلتها"))
_DOCUMENTED_REACH = 6  # tokens before a killing where a monitor's «documented» makes it a tally ...
_whole_conflict = key_flag(words("العنف النزاع الصراع الحرب التمرد الاقتتال المعارك"))  # whose toll a tally is
_over_a_period = key_flag(words("خلال منذ طيله الشهريه السنويه الاسبوعيه حصيلته حصيلتها"))  # ... of a period
_downing = key_flag(_DOWNED)
_aerial = key_flag(_AIR)
_seizable = key_flag(SEIZABLE)
_unreal = key_flag(_NEGATION | _IRREALIS)
_plotting = key_flag(_PLOTTING)
_exchanging = key_flag(words("تبادل تبادلت تبادلوا تبادلا بتبادل لتبادل"))
_returning = key_flag(words("فردت ردت فرد وردت بادلتهم فبادلتهم بادلهم فبادلهم بالمثل"))
_throwing = key_flag(words("القي القوا القت القاء بالقاء رشق رشقوا برشق قذف قذفوا رمي رموا"))
_suspect = key_flag(_SUSPECTS)
_possession = prefix_flag(("بحوز", "حوز", "بحياز"))  # بحوزة، بحوزتهم، بحيازة
_aircraft = key_flag(_AIRCRAFT)
_referenced = key_flag(_REFERENCED)
_habitual = key_flag(_HABITUAL)
_protesters = key_flag(
    words("اهالي الاهالي سكان السكان العشرات المئات الالاف مواطنون مواطنين المواطنين طلاب الطلاب عمال العمال")
)
_fictional = key_flag(_FICTION)
_using = prefix_flag(("استخدم", "مستخدم", "باستخدام"))
_launching = prefix_flag(_LAUNCH)
_received_people = prefix_flag(_RECEIVED)
_wards = prefix_flag(_WARDS)
_seizing = prefix_flag(_SEIZING)
_fire = key_flag(words("اطلاق نار رصاص نيران"))
_shot = key_flag(words("نار رصاص نيران"))
_SHOT_REACH = 4  # tokens after «أطلق» where what it fired stands, past its subject (أطلق مسلحون مجهولون النار)


def _shots_at(index: ArticleIndex, b: int, hi: int) -> bool:
    """Whether «أطلق» at ``b`` fired shots (النار، الرصاص، النيران) at someone, not into the air."""
    shots = index.tokens_in(_shot, b, min(hi, b + _SHOT_REACH))
    return bool(shots) and not index.any_in(_into_the_air, shots[0] + 1, min(hi, shots[0] + 4))


_into_the_air = key_flag(words("الهواء الهوا"))  # warning shots, celebrations
_stored = prefix_flag(
    (*_FOUND, "مستودع", "مخزن", "يضم", "تضم", "يحوي", "تحوي", "يحتوي", "المضبوطات", "مضبوطات")
)  # a seizure, a depot, what it holds, the items seized (المضبوطات شملت ... قذائف آر بي جي)
_strife = key_flag(words("صراع نزاع خلاف خلافات ازمه الازمه الوضع الاوضاع غضب احتقان"))
_war = key_flag(words("حرب نزاع نزاعا صراع صراعا تمرد"))
_verdict = key_flag(_VERDICT)
_penal = key_flag(_PENAL)
_charged = key_flag(_CHARGES | words("متهمون متهمين متهما المتهمين بتهمة اتهامات"))
_dropped = key_flag(_DROPPED)
_penalties = key_flag(_PENALTIES)
_harshest = key_flag(_HARSHEST)
_assailants = key_flag(_ASSAILANTS)
_assailants_subject = key_flag(_ASSAILANT_SUBJECTS)
_violating = key_flag(_VIOLATING)
_since = key_flag(words("منذ"))
_demanding = key_flag(words("مطالبين مطالبه منددين رافعين رفعوا هتافات شعارات لافتات احتجاجا تنديدا"))
_vessel = key_flag(
    words("قارب قاربين قوارب مركب مراكب زورق زورقين زوارق سفينه شاحنه شاحنتين شاحنات قافله صهاريج مهاجرين")
)
# Forces and their units: who stops a boat (with the coast guard and the navy) and who deploys (with the
# police, the troops and a brigade's or a regiment's name)
_FORCE_UNITS = words("قوات قوه وحدات وحده الجيش دوريات دوريه")
_patrol = key_flag(_FORCE_UNITS | words("حرس خفر البحريه"))
_deploying = key_flag(words("نفذ نفذت نفذوا بدا بدات باشر باشرت عزز عززت عززوا وسع وسعت كثف كثفت"))
_deployed = key_flag(_FORCE_UNITS | words("قوي جيش عناصر الشرطه الامن جنود الجنود عسكريون اللواء فوج"))
_foiling = prefix_flag((*FOIL, "احباط", "افشال"))  # the verbs (a headline's يحبط too) and their nouns
