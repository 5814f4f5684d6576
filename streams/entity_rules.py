"""Rules for entities the tagger misses in news text: a place noun with its name (ساحة النور، مطار بن
جوريون), a rank or honorific with the name after it (العميد يحيى سريع), an institution named by its head
noun and what it governs (وزارة الداخلية، مجلس محافظة البصرة، فوج مكافحة الإرهاب), and the nationality
adjective that closes an organisation's name (خلية الإعلام الأمني العراقية).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress

from marsad.schemas.records import Entity

from .arabic import definite_nisba, listed, strip_clitics
from .ner_features import word_zipf
from .tokenize import Token

__all__ = [
    "FOREIGN_FIRSTS",
    "NATIONALITIES",
    "NATIONALITY_STEMS",
    "POLICE_DISTRICTS",
    "RuleSpan",
    "common_description",
    "describes",
    "extend_nationality",
    "forces_of_places",
    "owned_by_pronoun",
    "regional_commands",
    "rule_spans",
]

_PRONOUN_OWNER = re.compile("^و?ل(?:ه|ها|هم|هما|هن)$")
# Folded forms (ة -> ه, ى -> ي, hamza on alef dropped), as Token.norm has them.
_PLACE_HEADS = frozenset(
    ["ساحه", "مطار", "زقاق", "جبال", "جبل", "شارع", "ميدان", "جسر", "معبر", "سجن", "مخيم", "معسكر", "ضاحيه", "وادي",
     "سهل", "مسجد", "جامع", "كنيسه", "صحراء", "غابه", "قصر", "مستشفي", "ستاد", "منفذ", "بحيره", "نهر", "حاجز",
     "ملعب", "ميناء", "مرفا"]
)  # fmt: skip
# Masculine place nouns: a word in -ية after them is no adjective of theirs but a name (معبر جوسية).
_MASCULINE_PLACE_HEADS = frozenset(
    ["مطار", "زقاق", "شارع", "ميدان", "جسر", "معبر", "سجن", "مخيم", "معسكر", "وادي", "سهل", "مسجد", "جامع",
     "قصر", "مستشفي", "ستاد", "منفذ", "جبل", "حاجز", "ملعب", "ميناء", "مرفا"]
)  # fmt: skip
# Heads of institutions' names, read only in the construct state (وزارة الداخلية, not الوزارة): nouns that in
# news name little else. Left out on purpose: قيادة (بقيادة الولايات المتحدة is "led by"), حركة (حركة السير),
# جبهة (a front line), مركز and مكتب (a town centre, an official's office).
_ORG_HEADS = frozenset(
    ["وزاره", "مجلس", "هيئه", "مديريه", "فوج", "محكمه", "بلديه", "وكاله", "منظمه", "حزب", "جامعه", "نقابه",
     "مفوضيه", "لجنه", "صندوق", "مصرف", "خليه", "جهاز", "اتحاد", "شركه", "مؤسسه", "موسسه", "اذاعه", "قناه",
     "صحيفه", "نادي", "حرس", "خفر", "حراس"]
)  # fmt: skip
# قيادة names a command only as written or after و (قيادة عمليات الأنبار): بقيادة is "led by", and تحت قيادة
# "under the command of"; the definite القيادة is one of the definite heads below.
_COMMAND = frozenset(["قياده", "وقياده", "دائره", "ودائره", "اداره", "واداره", "قطاع", "وقطاع"])
# Heads that name an institution only with certain words after them (جهاز الأمن, not جهاز الكمبيوتر), and
# definite nouns that make a generic body, not a name (مجلس الإدارة, a company's board).
_HEAD_NEEDS = {
    # border and coast guards (حرس الحدود، خفر السواحل، حراس السواحل), not goalkeepers (حراس المرمى)
    "حرس": frozenset(["الحدود", "السواحل", "المنشات"]),
    "خفر": frozenset(["السواحل"]),
    "حراس": frozenset(["السواحل", "الحدود"]),
    "قياده": frozenset(["عمليات", "العمليات", "الاركان", "الشرطه", "المنطقه", "الحرس", "الامن", "الجيش"]),
    "جهاز": frozenset(
        ["الامن", "المخابرات", "الاستخبارات", "مكافحه", "الشرطه", "الردع", "الاسعاف", "دعم", "الدفاع", "حرس"]
    ),
    # دائرة الضوء، إدارة الأزمة، قطاع غزة: a department, an administration or a sector only of these
    "دائره": frozenset(["المخابرات", "الجمارك", "الاحوال", "الامن", "الشرطه", "الهجره", "الاراضي", "الاستخبارات"]),
    "اداره": frozenset(
        ["مكافحه", "الامن", "الجمارك", "الهجره", "العمليات", "الاستخبارات", "المخابرات", "الشرطه", "المخدرات"]
    ),
    "قطاع": frozenset(["الامن"]),
}
_GENERIC_GOVERNED = frozenset(["الاداره"])
# Heads that name a district after a preposition (Yemen's and Algeria's مديرية / بلدية) and a directorate
# or a municipal council otherwise.
_DISTRICT_HEADS = frozenset(["مديريه", "بلديه"])
_LOCATIVES = frozenset(["في", "من", "الي", "داخل", "علي"])
_FIELD_ZIPF = 4  # a word this common after مديرية is the field it serves (الصحة)
_GUARDS = frozenset(["حرس", "خفر", "حراس"])  # قوات before them is part of the name
# Parties and fronts whose names join two nouns (حزب العدالة والتنمية، جبهة التحرير والتغيير).
_COORDINATED_NAMES = frozenset(["حزب", "حركه", "جبهه", "تيار", "ائتلاف", "تجمع"])
# Ministries and agencies whose names join two or three fields with و (وزارة الصحة والسكان).
_COORDINATED_BODIES = frozenset(["وزاره", "جهاز", "هيئه"])
# Definite words after و that begin another actor rather than a field of the same body (folded, no و).
_OTHER_BODIES = frozenset(
    ["الحكومه", "الجيش", "الشرطه", "القوات", "الوزاره", "الهيئه", "المجلس", "المنظمه", "الامم", "الاتحاد",
     "الجهاز", "الوزير", "الرئيس", "الرئاسه", "السلطات", "السلطه", "البرلمان", "المحكمه", "الحرس", "الامن",
     "الدفاع", "الداخليه", "الخارجيه", "الصليب", "الهلال", "البنك", "الصندوق", "اللجنه", "الشركه", "اللواء",
     "الفرقه", "الكتيبه", "السريه", "الحشد", "الوحدات", "القياده", "المليشيات", "الميليشيات", "الفصائل"]
)  # fmt: skip
# Definite adjectives that close an institution's name besides the nisba ones (…ي، …يه): العامة، العليا.
_ORG_ADJECTIVES = frozenset(["العام", "العامه", "الاعلي", "العليا", "المشتركه", "الموحده", "الخاصه", "المسلحه"])
# Nisba adjectives that describe an institution rather than name it (وكالة الأنباء اليمنية الرسمية،
# الوزارة المعنية، اللجنة الفنية).
_DESCRIPTIVE = frozenset(
    ["الرسمي", "الرسميه", "المعني", "المعنيه", "الحالي", "الحاليه", "الفني", "الفنيه", "الثاني", "الثانيه",
     "الماضي", "الماضيه", "الاضافي", "الاضافيه", "الاولي"]
)  # fmt: skip
# Epithets the press gives a group, which are no part of its name (تنظيم داعش الإرهابي).
_EPITHETS = frozenset(
    ["الارهابي", "الارهابيه", "التكفيري", "التكفيريه", "الاجرامي", "الاجراميه", "الانفصالي", "الانفصاليه",
     "الجهادي", "الجهاديه"]
)  # fmt: skip
# Definite heads named by their adjectives alone (المجلس الرئاسي، البنك المركزي المصري); الحكومة and المجموعة
# are left out: الحكومة السودانية, المجموعة القصصية describe more often than they name.
_DEFINITE_ORG_HEADS = frozenset(["مجلس", "بنك", "هيئه", "مفوضيه", "محكمه", "جيش", "وكاله", "قياده"])
# Definite heads that name a body only with what it is for after them (المديرية العامة للأمن الوطني، الإدارة
# العامة لمكافحة المخدرات، المنظمة الدولية للهجرة، الاتحاد العام التونسي للشغل): alone, المنظمة الدولية or
# المركز الطبي describe; المنطقة names a command only as العسكرية (المنطقة العسكرية الشرقية).
_PURPOSE_ORG_HEADS = frozenset(["مديريه", "اداره", "منظمه", "مركز", "مكتب", "امانه", "شركه", "اتحاد", "جامعه"])
_MILITARY_REGION = ("منطقه", "العسكريه")
# Security bodies named by a common noun and one adjective (الأمن الداخلي، الدفاع المدني، الحرس الثوري،
# النيابة العامة، الشرطة العراقية): only those adjectives make them one (الأمن الغذائي is no body).
_NOT_COUNTRIES = frozenset(["المحلي", "المحليه", "الدولي", "الدوليه", "الاجنبي", "الاجنبيه"])
_SECURITY_BODIES: dict[str, frozenset[str] | None] = {  # None: any country's adjective
    "امن": frozenset(["الداخلي", "العام", "الوطني"]),
    "دفاع": frozenset(["المدني"]),
    "حرس": frozenset(["الوطني", "الثوري", "الجمهوري", "الرئاسي", "البحري"]),
    "درك": frozenset(["الوطني", "الملكي"]),  # the gendarmerie of the Maghreb and the Sahel
    "نيابه": frozenset(["العامه"]),
    "شرطه": None,
}
# Nouns before a head that make the phrase a person's title (رئيس مجلس الوزراء).
_TITLE_NOUNS = frozenset(["رئيس", "نائب", "عضو", "اعضاء", "امين", "مدير", "رئيسه", "رئيسا", "نائبا", "عضوا"])
# Heads that classify a name rather than belong to it when an indefinite name follows (شركة بلتون).
_CLASSIFIER_HEADS = frozenset(["شركه"])
_MAX_GOVERNED = 2  # indefinite nouns between the head and the definite one: مجلس محافظة البصرة
# Settlement and district words. Their name is taken where the text marks it off: in quotation marks
# (قضاء "المدائن") or before "belonging to" another unit (منطقة المشاهدة التابعة لقضاء الطارمية); after
# بلدة / قرية, unmarked too (_VILLAGE_HEADS).
_SETTLEMENT_HEADS = frozenset(
    ["قضاء", "ناحيه", "بلده", "قريه", "مدينه", "مخيم", "حي", "منطقه", "محافظه", "ولايه", "مديريه", "معتمديه",
     "مقاطعه", "بلديه"]
)  # fmt: skip
_BELONGING = frozenset(["التابعه", "التابع"])
# Elatives that are part of a place's name (الفشقة الصغرى، المحلة الكبرى), though folded like nisbas.
_NAME_ELATIVES = frozenset(["الصغري", "الكبري", "الوسطي", "السفلي", "العليا", "الدنيا"])
# Town and village nouns whose next word is the name, marked off or not (بلدة طمون، قرية تشاي).
_VILLAGE_HEADS = frozenset(["بلده", "قريه"])
_VILLAGE_FIRST = frozenset(
    ["بيت", "دير", "كفر", "تل", "عين", "راس", "ابو", "ام", "خربه", "بئر", "بير", "باب", "جسر", "ود", "بني"]
)
# Words after بلدة / قرية that are no name: directions, verbs and nouns of the sentence (قرية قرب، بلدة تقع).
_NOT_VILLAGES = frozenset(
    ["قرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "تقع", "يقطنها", "تضم",
     "عديده", "اخري", "واحده", "ثالثه", "ثانيه", "حدوديه", "نائيه", "زراعيه", "صغيره", "كبيره", "مجاوره",
     "قريبه", "محاذيه", "تابعه", "حيث", "كانت", "يسكنها", "تبعد"]
)  # fmt: skip
# Units a settlement is placed in with بـ (قرية كايا بولاية زامفارا، بلدة الصور بريف دير الزور).
_CONTAINERS = frozenset(["ولايه", "محافظه", "ريف", "قضاء", "اقليم", "مديريه", "منطقه", "مقاطعه"])
# Indefinite adjectives that describe a place noun rather than name it (folded, both genders).
_DESCRIPTIVE_ADJECTIVES = frozenset(
    ["مجاور", "مجاوره", "قريب", "قريبه", "نائي", "نائيه", "بعيد", "بعيده", "كثيف", "كثيفه", "صغير", "صغيره",
     "كبير", "كبيره", "واسع", "واسعه", "مهجور", "مهجوره", "مفتوح", "مفتوحه", "مكتظ", "مكتظه", "وعر", "وعره",
     "مشترك", "مشتركه", "خاص", "خاصه", "غير", "اخر", "اخري", "معزول", "معزوله"]
)  # fmt: skip
_BEARINGS = frozenset(["جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط"])
_QUOTES = frozenset(['"', "“", "”", "«", "»", "'"])
_NAME_LINKS = frozenset(["بن", "ابن", "ابو", "ام", "بني", "عبد", "ابي"])
# A foreign article or saint's title that opens a place's name (ساحة سان لامبير، حي لا كاستيلان), never the
# name alone.
FOREIGN_FIRSTS = frozenset(["لا", "لو", "لي", "دي", "دو", "ديل", "سان", "سانت", "سانتا"])
_NAME_OPENERS = _NAME_LINKS | FOREIGN_FIRSTS  # words after which a place's name runs on to the next
_TITLES = frozenset(
    ["العميد", "اللواء", "العقيد", "المقدم", "الرائد", "النقيب", "الفريق", "المشير", "الجنرال", "الشيخ",
     "الدكتور", "السيد", "السيده", "الحاج", "المهندس", "الاستاذ", "القاضي", "المحامي", "الصحفي", "الصحفيه"]
)  # fmt: skip
NATIONALITY_STEMS = (
    "عراقي", "سوري", "كردي", "تركي", "امريكي", "اميركي", "اسرائيلي", "ايراني", "روسي", "لبناني", "يمني", "سعودي",
    "مصري", "ليبي", "سوداني", "فلسطيني", "اردني", "تونسي", "جزائري", "مغربي", "قطري", "اماراتي", "كويتي",
    "بحريني", "عماني", "صومالي", "افغاني", "باكستاني", "فرنسي", "بريطاني", "الماني", "اوكراني", "صيني",
)  # fmt: skip
NATIONALITIES = frozenset(f"ال{stem}{ending}" for stem in NATIONALITY_STEMS for ending in ("", "ه"))
_FUNCTION_WORDS = frozenset(
    ["في", "من", "على", "الي", "عن", "مع", "ان", "قد", "لم", "لن", "ما", "لا", "او", "ثم", "حتي", "منذ", "بعد",
     "قبل", "عند", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "كان", "كانت", "انه", "انها", "وان",
     "لكن", "بين", "خلال", "نحو", "حول", "ضد", "عبر", "امام", "وراء", "فوق", "تحت", "هو", "هي", "هم", "الان"]
)  # fmt: skip
_MAX_NAME_TOKENS = 3
_COMMON_FORM = 3  # wordfreq Zipf of a clitic-prefixed form that is a word of the language (بمياه)
_COMPOUND_FIRST = frozenset(["عبد", "ابو", "ابي"])
_RANK_QUALIFIERS = {"الفريق": frozenset(["اول", "ركن", "الركن"])}  # الفريق أول عبد الفتاح البرهان
_CONFERENCE = frozenset(["المؤتمر", "مؤتمر", "المؤتمرات", "مؤتمرات"])
# Military units and movements named by a number (اللواء 444، الفرقة 25، حركة إم 23): what the tagger,
# trained on words, never takes for a name.
_NUMBERED_UNITS = frozenset(
    ["لواء", "اللواء", "فرقه", "الفرقه", "فوج", "الفوج", "كتيبه", "الكتيبه", "فيلق", "الفيلق", "حركه"]
)  # fmt: skip
# Forces named by what follows قوات / جيش (قوات الحزام الأمني، قوات حرس الحدود، جيش العدل، جيش التحرير
# الوطني), unless that is a common noun the press puts after any force (bare, folded): قوات الأمن, قوات
# الاحتلال and جيش النظام name no one body, and قوات الاتحاد الأفريقي is the union's (an institution's head).
_FORCE_NAME_HEADS = frozenset(["قوات", "جيش"])
_UNIT_KINDS = frozenset(["مشاه", "مدرع", "مدرعه", "ميكانيكي", "ميكانيكيه", "مغاوير", "صاعقه", "مظلات"])
# Ordinals that number a unit (اللواء الثامن، الفرقة الرابعة، المنطقة العسكرية الثانية), folded, both genders.
_ORDINAL_STEMS = ("اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر")
_TENS = ("عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين")
ORDINALS = frozenset(
    [f"ال{stem}{ending}" for stem in _ORDINAL_STEMS for ending in ("", "ه")] + ["الاولي"] + [f"ال{t}" for t in _TENS]
)
_GENERIC_FORCES = frozenset(
    ["امن", "احتلال", "نظام", "جيش", "شرطه", "حكومه", "معارضه", "عدو", "كوماندوز", "مارينز", "احتياط", "تحالف",
     "طوارئ", "بحريه", "صاعقه", "مظلات", "دفاع", "عمليات", "انقلاب", "ميليشيا", "مليشيا", "مشاه", "متمردين",
     "بلاد", "دوله", "حرس", "درك", "نخبه", "مهام", "تدخل", "مرتزقه", "غزو", "عدوان", "اسناد", "حمايه", "رد",
     "قوات", "سلام", "مسلحين", "فصائل", "اخري", "نفسها", "ذاتها", "شعبيه"]
)  # fmt: skip
# A place closing a force's name (جيش تحرير بلوشستان، مديرية أمن بنغازي): the nouns between head and place.
_SECURITY_NOUNS = frozenset(["امن", "شرطه", "حرس", "مخابرات", "استخبارات", "دفاع", "عمليات"])
_PLACE_FORCE_NOUNS = _SECURITY_NOUNS | {"تحرير"}
_PLACE_FORCE_HEADS = frozenset(["قوات", "مديريه", "قياده", "جهاز", "اداره"])
# Forces named by a place alone: جيش ميانمار, and the armed groups of the West Bank's towns and camps (كتيبة
# جنين، كتيبة طمون).
_PLACE_NAMED_FORCES = frozenset(["جيش", "كتيبه"])
_NATIONAL_FORCES = frozenset(["درك", "امن"])  # generic, except with a country's adjective: قوات الأمن العراقية
# A country's armed services, named by a definite noun and their arm (القوات المسلحة المصرية، القوة الجوية
# العراقية، سلاح الجو التركي): the arms that name a service alone (القوات المسلحة، القوة الجوية, also an Iraqi
# club) and those that need a country's adjective or another after them (القوات البرية في الجيش is a part).
_SERVICE_ARMS: dict[str, dict[str, bool]] = {  # head -> arm -> whether the arm alone names the service
    "القوات": {"المسلحه": True, "الجويه": True, "البحريه": False, "البريه": False},
    "القوه": {"الجويه": True, "البحريه": False, "البريه": False, "الصاروخيه": False, "الجوفضائيه": False},
    "سلاح": {"الجو": False, "البحريه": False},
}
_SERVICE_QUALIFIERS = frozenset(["الملكيه", "الثوريه", "الاميريه", "المسير"])  # …الملكية، سلاح الجو المسير
_PLACE, _TITLE, _ORG, _SETTLEMENT, _ORG_DEFINITE, _NUMBERED, _FORCE, _SERVICE, _DISTRICT = 1, 2, 3, 4, 5, 6, 7, 8, 9
# Egypt's police districts: «بدائرة مركز إدفو»، «دائرة قسم الخانكة» name the town or quarter after مركز / قسم.
POLICE_DISTRICTS = frozenset(["مركز", "قسم"])
_DISTRICT_CIRCLES = frozenset(["دائره", "بدائره", "لدائره"])


@dataclass(frozen=True, slots=True)
class RuleSpan:
    text: str
    type: str
    start: int
    end: int
    placed: bool = False  # a settlement's name of several words the text places in its province (قرية صيدا
    # الحانوت بريف القنيطرة): it wins over a known place it begins with


def rule_spans(body: str, tokens: Sequence[Token]) -> list[RuleSpan]:
    """Place-noun phrases (LOC), titled names (PER) and institutions (ORG), left to right, without overlaps."""
    spans: list[RuleSpan] = []
    kinds = list(map(_head_kind, [token.norm for token in tokens[:-1]]))
    covered = 0
    for i in compress(range(len(kinds)), kinds):
        if i < covered:
            continue
        found = _FINDERS[kinds[i]](tokens, i)
        if found is None:
            continue
        kind, first, last, *placed = found
        # only a span that starts at its head word (or a word before it) may carry a proclitic (بساحة، لمجلس،
        # وقوات حرس الحدود); a name after it does not
        start = _start_after_clitic(tokens[first]) if first <= i else tokens[first].start
        spans.append(RuleSpan(body[start : tokens[last].end], kind, start, tokens[last].end, bool(placed)))
        covered = last + 1
    return spans


def extend_nationality(body: str, entities: list[Entity], tokens: Sequence[Token]) -> list[Entity]:
    """Let an organisation's span take the nationality adjective right after it (…الأمني العراقية، وزارة
    الدفاع النيجرية): a listed one, or any definite nisba that does not describe (الرسمية، المعنية)."""
    out = []
    for entity in entities:
        if entity.type == "ORG" and entity.end < len(body) and body[entity.end] == " ":
            at = bisect_left(tokens, entity.end + 1, key=_start)
            following = tokens[at] if at < len(tokens) and tokens[at].start == entity.end + 1 else None
            if following is not None and _country_adjective(following.norm, _EPITHETS):
                entity = replace(entity, text=body[entity.start : following.end], end=following.end)
        out.append(entity)
    return out


def regional_commands(body: str, entities: list[Entity]) -> list[Entity]:
    """An organisation, «في», a place, then its acronym in brackets is one name: القيادة الأمريكية في أفريقيا
    (أفريكوم). The place is part of the command's name, not where anything happened."""
    out: list[Entity] = []
    for entity in entities:
        last = out[-1] if out else None
        if (
            last is not None
            and last.type == "ORG"
            and entity.type == "LOC"
            and body[last.end : entity.start] in (" في ", " فى ")
            and body[entity.end :].lstrip(" ").startswith("(")
        ):
            out[-1] = replace(last, text=body[last.start : entity.end], end=entity.end, canonical_id=None,
                              canonical_name=None, wikidata=None, source="rule")  # fmt: skip
            continue
        out.append(entity)
    return out


def forces_of_places(body: str, entities: list[Entity], tokens: Sequence[Token]) -> list[Entity]:
    """A place that ends a force's or a security body's name makes it an organisation: جيش ميانمار، كتيبة جنين،
    جيش تحرير بلوشستان، مديرية أمن بنغازي، قوات أمن بونتلاند، قيادة شرطة ديالى. The place is found by the entity layer
    (a rule cannot tell a name from a word); the head and the noun before the place are read here."""
    out = []
    for entity in entities:
        if entity.type == "LOC":
            at = bisect_left(tokens, entity.start, key=_start)
            head = _force_head_before(tokens, at) if at < len(tokens) and tokens[at].start == entity.start else None
            if head is not None:
                start = _start_after_clitic(tokens[head])
                entity = Entity(body[start : entity.end], "ORG", start, entity.end, source="rule")
        out.append(entity)
    return out


def _force_head_before(tokens: Sequence[Token], at: int) -> int | None:
    """The token of جيش (right before the place, or one noun before it) or of a security body's head with
    its noun (مديرية أمن، قوات أمن، قيادة شرطة), ending right before token ``at``."""
    if at >= 1 and listed(tokens[at - 1].norm, _PLACE_NAMED_FORCES):
        return at - 1
    if at >= 2 and tokens[at - 1].norm in _PLACE_FORCE_NOUNS:
        head = strip_clitics(tokens[at - 2].norm)
        if head == "جيش" or (head in _PLACE_FORCE_HEADS and tokens[at - 1].norm in _SECURITY_NOUNS):
            return at - 2
    return None


def _country_adjective(norm: str, excluded: frozenset[str]) -> bool:
    """A listed nationality, or a definite nisba that neither describes (الرسمية) nor is in ``excluded``."""
    if norm in NATIONALITIES:
        return True
    return definite_nisba(norm) and len(norm) >= 6 and norm not in _DESCRIPTIVE and norm not in excluded


@lru_cache(maxsize=100_000)
def _head_kind(norm: str) -> int:
    """Which rule a token key can open: a place noun, a title, or none (0); word types recur, so cached."""
    if listed(norm, _NUMBERED_UNITS):
        return _NUMBERED
    if listed(norm, _FORCE_NAME_HEADS):
        return _FORCE
    if strip_clitics(norm) in _SERVICE_ARMS:
        return _SERVICE
    if norm in POLICE_DISTRICTS:
        return _DISTRICT
    if listed(norm, _PLACE_HEADS):  # as written first: وادي, وزارة, فوج begin with a clitic letter
        return _PLACE
    if listed(norm, _ORG_HEADS) or norm in _COMMAND:
        return _ORG
    bare = strip_clitics(norm)
    if bare.startswith("ال") and (
        bare[2:] in _DEFINITE_ORG_HEADS
        or bare[2:] in _SECURITY_BODIES
        or bare[2:] in _PURPOSE_ORG_HEADS
        or bare[2:] == _MILITARY_REGION[0]
    ):
        return _ORG_DEFINITE
    if listed(norm, _SETTLEMENT_HEADS):
        return _SETTLEMENT
    return _TITLE if listed(norm, _TITLES) else 0


def _start(token: Token) -> int:
    return token.start


def _is_name_word(token: Token) -> bool:
    norm = token.norm
    return len(norm) >= 2 and norm.isalpha() and norm not in _FUNCTION_WORDS


def _place_phrase(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    if tokens[i].norm.endswith("وادي") and "وادي" not in tokens[i].text:
        return None  # وأدى ("and it led to") folds like وادي ("valley")
    j = i + 1
    masculine = listed(tokens[i].norm, _MASCULINE_PLACE_HEADS) and tokens[j].norm.endswith("يه")
    if not _is_name_word(tokens[j]) or (describes(tokens[j].norm) and not masculine):
        return None  # شارع رئيسي، مستشفى ميداني: an adjective, not a name (but معبر جوسية is one)
    if _preposition_and_word(tokens[j].norm) or owned_by_pronoun(tokens[j].norm):
        return None  # رست في ميناء بمياه إقليمية: "in waters"; تدمير معسكر لهم: "a camp of theirs"; no name
    bare = tokens[j].norm[2:] if tokens[j].norm.startswith("ال") else tokens[j].norm
    if listed(bare, _SETTLEMENT_HEADS) or listed(bare, _PLACE_HEADS):
        return None  # صحراء محافظة الأنبار, مستشفى البلدة: of a place named elsewhere, or of none
    if tokens[j].norm in _NAME_OPENERS and j + 1 < len(tokens) and _is_name_word(tokens[j + 1]):
        j += 1
    elif tokens[j].norm in _VILLAGE_FIRST and j + 1 < len(tokens) and _second_word(tokens[j + 1]):
        j += 1  # مخيم عين الحلوة: a compound name
    return "LOC", i, j


def owned_by_pronoun(norm: str) -> bool:
    """Whether a folded word is «of his / hers / theirs» (له، لها، لهم، ولهم): whose the noun before is."""
    return _PRONOUN_OWNER.match(norm) is not None


def _preposition_and_word(norm: str) -> bool:
    """ب / ل and a word commoner than the whole, itself a common form (بمياه), not a name that begins with
    the letter (بغداد) nor a rare one (بنادر)."""
    if norm[:1] not in "بل" or len(norm) <= 3:
        return False
    whole = word_zipf(norm)
    return whole >= _COMMON_FORM and word_zipf(norm[1:]) > whole


def common_description(norm: str) -> bool:
    """A common descriptive adjective (مجاورة، نائية، معزولة), which no place name is made of alone."""
    return norm in _DESCRIPTIVE_ADJECTIVES


def describes(norm: str, feminine: bool = False) -> bool:
    """An indefinite nisba adjective (رئيسي، ميداني، شعبية) or a common descriptive one (غابة مجاورة،
    منطقة نائية), which describes the noun before it. After a ``feminine`` noun an adjective ends in -ية,
    so a word in -ي there is a name (ناحية سنوني)."""
    if norm.startswith("ال"):
        return False
    if norm in _DESCRIPTIVE_ADJECTIVES:
        return True
    return len(norm) >= 4 and norm.endswith("يه" if feminine else ("ي", "يه"))


def _titled_name(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    """The name after a rank or honorific. Titles that are also common words need more: الفريق (the team)
    is a rank only before أول / ركن, and الصحفي after مؤتمر is "press" (المؤتمر الصحفي عقب المباراة)."""
    title = strip_clitics(tokens[i].norm)
    if i > 0 and title.startswith("الصحفي") and strip_clitics(tokens[i - 1].norm) in _CONFERENCE:
        return None
    qualifiers = _RANK_QUALIFIERS.get(title)
    if qualifiers is not None:
        if i + 1 >= len(tokens) or tokens[i + 1].norm not in qualifiers:
            return None
        i += 1
    last = i
    for j in range(i + 1, min(len(tokens), i + 1 + _MAX_NAME_TOKENS)):
        token = tokens[j]
        compound = j > i + 1 and tokens[j - 1].norm in _COMPOUND_FIRST  # عبد الفتاح، أبو الغيط
        if not _is_name_word(token) or (token.norm.startswith("ال") and not compound) or token.norm in _TITLES:
            break
        last = j
    return ("PER", i + 1, last) if last > i else None


def _institution(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    """The head, up to two indefinite nouns, the definite noun that ends the construct, then its adjectives.

    Nothing is found unless a definite noun closes the construct: "مجلس من" or "شركة أرامكو" is left to the
    tagger and the gazetteer. A definite word with و (والداخلية) is a second noun coordinated with the first,
    whose name it is not, so the phrase stops before it.
    """
    end = min(len(tokens), i + 2 + _MAX_GOVERNED)
    j = i + 1
    if i > 0 and tokens[i - 1].norm in _TITLE_NOUNS:
        return None  # رئيس مجلس الوزراء is a person's title, not a mention of the council
    if i > 0 and tokens[i - 1].norm == "تحت":
        return None  # تحت قيادة الجنرال: under the command of
    head = tokens[i].norm if tokens[i].norm in _ORG_HEADS else strip_clitics(tokens[i].norm)
    if head in _DISTRICT_HEADS and _placed_in(tokens, i) and _rare_name(tokens[j]):
        return "LOC", j, j  # في مديرية قطابر الحدودية، بمديرية القبيطة: a district, not a directorate
    needs = _HEAD_NEEDS.get(head)
    if tokens[j].norm.startswith("لل") or (needs is not None and tokens[j].norm not in needs):
        return None  # مؤسسة للسلام is "a foundation for peace", no name
    if head in _CLASSIFIER_HEADS and not _is_definite(tokens[j].norm):
        return None  # شركة بلتون: the company's name is بلتون, which the tagger may find
    while j < end and not _is_definite(tokens[j].norm):
        if not _is_name_word(tokens[j]) or tokens[j].norm[0] in "وف":
            return None
        if tokens[j].norm[:1] == "ب" and tokens[j].norm[1:] in _CONTAINERS:
            return None  # بلدية تمزقيدة بولاية المدية: a place in its province, no construct
        j += 1
    if j == end or not _is_name_word(tokens[j]) or tokens[j].norm in _GENERIC_GOVERNED:
        return None
    last = _adjectives_after(tokens, j)
    if head in _GUARDS and i > 0 and strip_clitics(tokens[i - 1].norm) == "قوات":
        return "ORG", i - 1, last  # قوات حرس الحدود: the forces are part of the name
    joined = last + 1 < len(tokens) and _is_name_word(tokens[last + 1]) and tokens[last + 1].norm.startswith("وال")
    if head in _COORDINATED_NAMES and joined:  # حزب العدالة والتنمية، حزب الأصالة والمعاصرة
        last = _adjectives_after(tokens, last + 1)
    elif head in _COORDINATED_BODIES:
        last = _coordinated_fields(tokens, last)
    return "ORG", i, last


def _coordinated_fields(tokens: Sequence[Token], last: int) -> int:
    """The fields a ministry or agency joins in its name (وزارة التجارة وتنمية الصادرات، هيئة الزكاة والضريبة
    والجمارك، جهاز الإسعاف والطوارئ): a definite noun after و, or an indefinite one and its definite noun.
    A body after و (والحكومة، والجيش) is a second actor, not a field: the name stops before it."""
    n = len(tokens)
    while last + 1 < n and tokens[last + 1].norm.startswith("و") and _is_name_word(tokens[last + 1]):
        word = tokens[last + 1].norm[1:]
        if word.startswith("ال") and word not in _OTHER_BODIES and word[2:] not in _ORG_HEADS:
            last = _adjectives_after(tokens, last + 1)
        elif (
            not word.startswith("ال")
            and word not in _ORG_HEADS
            and last + 2 < n
            and _is_definite(tokens[last + 2].norm)
            and _is_name_word(tokens[last + 2])
        ):
            last = _adjectives_after(tokens, last + 2)
        else:
            break
    return last


def _placed_in(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` follows a locative preposition (في مديرية) or carries بـ (بمديرية)."""
    norm = tokens[i].norm
    return (norm[:1] == "ب" and norm[1:] in _DISTRICT_HEADS) or (i > 0 and tokens[i - 1].norm in _LOCATIVES)


def _rare_name(token: Token) -> bool:
    """A name word that is rare as a word (قطابر، القبيطة), not a field a directorate serves (الصحة، الأمن)."""
    return _is_name_word(token) and word_zipf(token.norm) < _FIELD_ZIPF


def _numbered_unit(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    """A unit or movement and its number, with at most one word between (اللواء 444، حركة إم 23).

    Without a number the head opens the rule it would open otherwise: a rank (اللواء محمد)
    or an institution (فوج مكافحة الإرهاب).
    """
    if i + 1 < len(tokens) and tokens[i + 1].norm in ORDINALS and not listed(tokens[i].norm, ["حركه"]):
        return "ORG", i, _with_unit_kind(tokens, i + 1)  # اللواء الثامن، الفرقة الخامسة مشاة: by an ordinal
    for j in (i + 1, i + 2):
        if j >= len(tokens):
            break
        if tokens[j].norm.isdigit():
            return "ORG", i, _with_unit_kind(tokens, j)
        if not _is_name_word(tokens[j]):
            break
    norm = tokens[i].norm
    if listed(norm, _ORG_HEADS):
        return _institution(tokens, i)
    return _titled_name(tokens, i) if listed(norm, _TITLES) else None


def _with_unit_kind(tokens: Sequence[Token], j: int) -> int:
    """The last token of a numbered unit's name: its number at ``j``, or the arm after it (اللواء 133 مشاة)."""
    return j + 1 if j + 1 < len(tokens) and tokens[j + 1].norm in _UNIT_KINDS else j


def _named_force(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    """قوات / جيش, maybe one indefinite noun, then the definite noun that names the force and its
    adjectives (قوات الدرك التركية، قوات حرس الحدود، قوات إنفاذ القانون، جيش التحرير الوطني)."""
    j = i + 1
    while j < min(len(tokens), i + 2) and not _is_definite(tokens[j].norm):  # one noun: قوات حرس الحدود
        if not _is_name_word(tokens[j]) or tokens[j].norm[0] in "وف" or describes(tokens[j].norm):
            return None
        if tokens[j].norm in _ORG_HEADS:
            return None  # قوات مجلس دير الزور العسكري، قوات جهاز الردع: the institution is the name
        j += 1
    if j >= len(tokens) or not _is_definite(tokens[j].norm) or not _is_name_word(tokens[j]):
        return None
    bare = tokens[j].norm[2:]
    if bare in _ORG_HEADS or bare in _DEFINITE_ORG_HEADS or _is_org_adjective(tokens[j].norm):
        return None  # قوات الاتحاد الأفريقي is the union's; جيش الجمهورية العربية السورية is left to the tagger
    last = _adjectives_after(tokens, j)
    if bare in _GENERIC_FORCES:
        national = any(_country_adjective(t.norm, _NOT_COUNTRIES) for t in tokens[j + 1 : last + 1])
        if bare not in _NATIONAL_FORCES or not national:
            return None  # قوات الأمن، قوات الاحتلال; but قوات الدرك التركية، قوات الأمن العام السورية
    return "ORG", i, last


def _armed_service(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    """A country's armed service: its head, its arm, then the country's adjective and the qualifiers of its
    name (القوات المسلحة الملكية، القوات الجوية الأميرية القطرية). An arm that does not name a service alone
    needs one of them (سلاح الجو نفذ ضربات is "the air force" of a country named elsewhere)."""
    arms = _SERVICE_ARMS[strip_clitics(tokens[i].norm)]
    if i + 1 >= len(tokens) or tokens[i + 1].norm not in arms:
        return None
    last = i + 1
    while last + 1 < len(tokens) and (
        tokens[last + 1].norm in _SERVICE_QUALIFIERS or _country_adjective(tokens[last + 1].norm, _NOT_COUNTRIES)
    ):
        last += 1
    if last == i + 1 and not arms[tokens[i + 1].norm]:
        return None
    return "ORG", i, last


def _definite_institution(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    """A definite head and the adjectives that name it: المجلس الرئاسي، البنك المركزي المصري, and what it
    is of, with لل (القيادة العامة للقوات المسلحة الأردنية، المفوضية العليا للانتخابات).

    The security bodies named by a common noun take only the adjectives that make them one (الأمن الداخلي
    but not الأمن الغذائي; الشرطة الصومالية with a country's adjective)."""
    body = strip_clitics(tokens[i].norm)[2:]
    if body in _SECURITY_BODIES:
        allowed = _SECURITY_BODIES[body]
        following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if _country_adjective(following, _NOT_COUNTRIES) if allowed is None else following in allowed:
            return "ORG", i, i + 1
        return None
    last = _adjectives_after(tokens, i)
    if last == i:
        return None
    if body == _MILITARY_REGION[0]:
        return ("ORG", i, last) if tokens[i + 1].norm == _MILITARY_REGION[1] else None
    purpose = _purpose_after(tokens, last)
    if body in _PURPOSE_ORG_HEADS:
        return ("ORG", i, purpose) if purpose > last else None
    return "ORG", i, purpose


def _purpose_after(tokens: Sequence[Token], last: int) -> int:
    """What a body is for, after its adjectives: للانتخابات، للأمن الوطني، لمكافحة المخدرات (ل + a noun
    and the definite noun it governs). The last token of the name, or ``last`` when nothing follows."""
    j = last + 1
    if j >= len(tokens) or not _is_name_word(tokens[j]):
        return last
    norm = tokens[j].norm
    if norm.startswith("لل"):
        return _adjectives_after(tokens, j)
    if norm.startswith("ل") and len(norm) > 3 and j + 1 < len(tokens) and _is_definite(tokens[j + 1].norm):
        return _adjectives_after(tokens, j + 1) if _is_name_word(tokens[j + 1]) else last
    return last


def _police_district(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | None:
    """بدائرة مركز نجع حمادي: the place of the district, one or two name words up to a bearing or a province
    (the district's «مركز» is no centre or organisation)."""
    if i == 0 or tokens[i - 1].norm not in _DISTRICT_CIRCLES:
        return None
    j = i + 1
    if j >= len(tokens) or not _is_name_word(tokens[j]) or _ends_a_name(tokens[j].norm):
        return None
    last = j
    if j + 1 < len(tokens) and _is_name_word(tokens[j + 1]) and not _ends_a_name(tokens[j + 1].norm):
        following = tokens[j + 1].norm
        named = following.startswith("ال") or word_zipf(following) < 5
        if named and not following.startswith(("ب", "و", "ف", "ل")) and not describes(following):
            last = j + 1  # نجع حمادي، منيا القمح، دار السلام: a two-word name
    return "LOC", j, last


def _settlement_name(tokens: Sequence[Token], i: int) -> tuple[str, int, int] | tuple[str, int, int, bool] | None:
    """The name after a settlement word where the text marks it off: quoted, followed by التابعة لـ, or
    placed in a province or district with بـ (قرية كايا بولاية زامفارا); after بلدة / قرية, the word that
    follows unless it describes or is no name (بلدة ديبولي، قرية ود النورة)."""
    j = i + 1
    if tokens[j].norm in _QUOTES:
        last = j
        for k in range(j + 1, min(len(tokens), j + 1 + _MAX_NAME_TOKENS + 1)):
            if tokens[k].norm in _QUOTES:
                return ("LOC", j + 1, last) if last > j else None
            if not _is_name_word(tokens[k]):
                return None
            last = k
        return None
    # up to three words before «belonging to» or a province with بـ: قرية حوش السيد علي بريف حمص
    for last in (j, j + 1, j + 2):
        if last + 2 >= len(tokens) or not all(_is_name_word(t) for t in tokens[j : last + 1]):
            break
        if last > j and _ends_a_name(tokens[last].norm):
            break  # الإسحاقي جنوبي سامراء، الكرامة وقرية الحمرات: a bearing or a second place follows
        if last > j and definite_nisba(tokens[last].norm) and tokens[last].norm not in _NAME_ELATIVES:
            break  # بلدة فصالة الحدودية التابعة لمقاطعة باسكنو: an adjective closes the name, it is none of it
        after, unit = tokens[last + 1].norm, tokens[last + 2].norm
        if after in _BELONGING and unit.startswith("ل") and unit[1:] in _SETTLEMENT_HEADS:
            return "LOC", j, last, last > j
        if after[:1] == "ب" and after[1:] in _CONTAINERS and not describes(tokens[last].norm):
            return "LOC", j, last, last > j  # قرية كايا بولاية زامفارا: a settlement placed in its province
    if listed(tokens[i].norm, _VILLAGE_HEADS) and _village_word(tokens[j]):
        # بلدة ديبولي، قرية تشاي: a town or village noun names the word after it (news has no «بلدة كبيرة»
        # without an adjective the test below turns away); a compound name takes its second word
        compound = tokens[j].norm in _VILLAGE_FIRST and j + 1 < len(tokens) and _second_word(tokens[j + 1])
        return "LOC", j, j + 1 if compound else j
    return None


def _ends_a_name(norm: str) -> bool:
    """A word no settlement's name runs on into: a bearing (جنوبي، شمال) or a second settlement (وقرية)."""
    return norm in _BEARINGS or (norm.startswith("و") and listed(norm[1:], _SETTLEMENT_HEADS))


def _second_word(token: Token) -> bool:
    """The second word of a compound village name: a name word, definite or not (ود النورة، بيت لاهيا)."""
    norm = token.norm
    if norm.startswith("ال") and len(norm) > 3 and norm not in _FUNCTION_WORDS and not describes(norm):
        return True
    return _village_word(token)


def _village_word(token: Token) -> bool:
    norm = token.norm
    return (
        _is_name_word(token)
        and not norm.startswith(("ال", "لل"))
        # بلدة and قرية are feminine: an adjective after them ends in -ة (صغيرة، حدودية), a name in -ي need not
        and not norm.endswith("يه")
        and norm not in _DESCRIPTIVE_ADJECTIVES
        and not listed(norm, _SETTLEMENT_HEADS)
        and norm not in _NOT_VILLAGES
        and not (norm[0] in "وبلف" and norm[1:] in _NOT_VILLAGES)  # قرية بوسط البلاد: placed, not named
        and not (norm[0] in "وبلف" and strip_clitics(norm) in _CONTAINERS)
    )


def _is_definite(norm: str) -> bool:
    return norm.startswith(("ال", "لل")) and len(norm) > 3 and norm not in _FUNCTION_WORDS


def _is_org_adjective(norm: str) -> bool:
    if not norm.startswith("ال") or norm in _FUNCTION_WORDS or norm in _DESCRIPTIVE:
        return False
    return norm in _ORG_ADJECTIVES or definite_nisba(norm)


def _adjectives_after(tokens: Sequence[Token], last: int) -> int:
    """The last token of the adjectives that close an institution's name after token ``last``."""
    while last + 1 < len(tokens) and _is_org_adjective(tokens[last + 1].norm):
        last += 1
    return last


def _start_after_clitic(token: Token) -> int:
    """Where a head noun starts inside its token: past a proclitic (بساحة), not into the word (وادي، وزارة)."""
    if token.norm in _PLACE_HEADS or token.norm in _ORG_HEADS or token.norm in _PLACE_NAMED_FORCES:
        return token.start  # كتيبة begins with ك
    stripped = strip_clitics(token.norm)
    removed = len(token.norm) - len(stripped)
    if removed and token.text[:removed] == token.norm[:removed]:
        return token.start + removed
    return token.start


_FINDERS = {
    _PLACE: _place_phrase,
    _TITLE: _titled_name,
    _ORG: _institution,
    _SETTLEMENT: _settlement_name,
    _ORG_DEFINITE: _definite_institution,
    _NUMBERED: _numbered_unit,
    _FORCE: _named_force,
    _SERVICE: _armed_service,
    _DISTRICT: _police_district,
}
