"""Event trigger lexicon and cue words, keyed by folded forms (see :func:`marsad.streams.arabic.fold`).

Every key is a folded, clitic-free form without the article (``ال``): a token is looked up by its folded
form, its form without one proclitic, and that form without the article (:func:`token_keys`). Verbs are
expanded to their common perfect and imperfect inflections once, at import; nothing here reads files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from .arabic import fold, strip_clitics

__all__ = [
    "ASSAULT_TYPES",
    "CONFLICT_TYPES",
    "CONTRASTS",
    "COUNT_BOUNDS",
    "FOIL",
    "MULTIWORD",
    "PARTICIPANTS",
    "REPEL",
    "SEIZABLE",
    "TRIGGERS",
    "VERB_FORMS",
    "Trigger",
    "plover_for",
    "token_keys",
    "words",
]


def words(text: str) -> frozenset[str]:
    """A cue set from space-separated folded words (keeps long word lists readable)."""
    return frozenset(text.split())


# Verbs that report (say, announce, issue): what follows them is someone's account, and the person or date
# next to them belongs to the report, not to the events it tells of.
REPORTING_VERBS = words(
    "اعلن اعلنت قال قالت اكد اكدت ذكر ذكرت افاد افادت اوضح اوضحت صرح صرحت اصدر اصدرت نشر نشرت كشف كشفت"
)
ASSAULT_TYPES = frozenset({"attack", "bombing", "airstrike", "shelling", "armed_clash"})
CONFLICT_TYPES = ASSAULT_TYPES | {"security_operation", "abduction"}
# Objects whose "ضبط" / "مصادرة" is a seizure (not ضبط الأسعار / ضبط النفس).
SEIZABLE = words(
    "ذخيره ذخائر اسلحه سلاح مخدرات متفجرات عبوات حبوب كبتاغون كبتاجون حشيش صواريخ قذائف بنادق "
    "بندقيه مسدسات مسدس اموال اعتده شحنه الغام مضبوطات عملات كوكايين هيروين الكيف قنب قناطير "
    "كميه كميات اقراص قرص حبه مركبه مركبات عربه عربات شاحنه شاحنات مولدات سجائر وقود مهربات طلقه قات القات "
    "ذهب مخدر بانجو ترامادول كيلوغرام كيلوغرامات كيلوجرام كيلوجرامات طن اطنان مازوت دخان هواتف مبالغ بنزين "
    "مؤثرات قرصا زورق زوارق قارب قوارب قاربين مركب مراكب مركبي محركات محركين "
    "شيرا الشيرا"  # 14 كيلوغراماً من الذهب المهرب; boats and their engines seized at sea
)


# Nouns naming the people who protest: a protest trigger that is also its actor (المحتجون).
PARTICIPANTS = words("محتجون محتجين متظاهرون متظاهرين معتصمون معتصمين")
# Verbs of foiling (أحبط الجيش هجوماً): the attack was stopped before it struck.
FOIL = words("احبط احبطت احبطوا يحبط تحبط افشل افشلت يفشل تفشل")
# Verbs of repelling or foiling (صد الجيش هجوما): their subject is the attacked side, not the attacker.
REPEL = FOIL | words(
    "صد صدت صدوا يصد تصد نصد تصدي تصدت تصدوا يتصدي تتصدي التصدي "
    "كسر كسرت كسروا يكسر تكسر"  # كسرت قوات الجيش هجوماً: broke an attack, as Yemeni outlets write it
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon entry: the type it signals and how to treat it.

    ``needs`` names a cue set (in :mod:`marsad.streams.events`) that must occur near the trigger;
    ``summary`` marks plural or dual nouns that usually sum up several events (تفجيرات، انفجارين);
    ``verb`` marks verb forms (their subject follows them); ``kill`` marks casualty words that are an
    ``attack`` only when nothing more specific is in the sentence.
    """

    type: str
    verb: bool = False
    summary: bool = False
    needs: str | None = None
    kill: bool = False
    retype: bool = False  # a modifier right after it (صاروخي، انتحاري، جوي) may change the type


_PERFECT_ENDINGS = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم")
_IMPERFECT_ENDINGS = ("", "ون", "ان", "ين", "وا", "ا", "ن")
_OBJECT_SUFFIXES = ("", "ها", "هم", "هما")  # not "ه": it folds like teh marbuta (قبضة، وزارة)


def _verb(perfect: str, imperfect: str | None = None) -> set[str]:
    """Folded inflections of a verb: perfect stem ``اعتقل`` and imperfect stem without prefix ``عتقل``."""
    forms: set[str] = set()
    bases = {perfect + ending for ending in _PERFECT_ENDINGS}
    if imperfect:
        bases |= {prefix + imperfect + ending for prefix in "يتن" for ending in _IMPERFECT_ENDINGS}
    for base in bases:
        forms |= {base + suffix for suffix in _OBJECT_SUFFIXES}
    return forms


def _entries() -> dict[str, Trigger]:
    table: dict[str, Trigger] = {}
    verb_forms = _VERB_FORMS

    def add(type_: str, words: str, **flags: object) -> None:
        for word in words.split():
            table.setdefault(fold(word), Trigger(type_, **flags))  # type: ignore[arg-type]

    def add_verbs(type_: str, pairs: str, **flags: object) -> None:
        for pair in pairs.split():
            perfect, _, imperfect = pair.partition("/")
            for form in _verb(fold(perfect), fold(imperfect) or None):
                table.setdefault(form, Trigger(type_, verb=True, **flags))  # type: ignore[arg-type]
                if not flags.get("kill"):
                    verb_forms.add(form)

    add("arrest", "اعتقال احتجاز توقيف قبض القبض ايقاف")
    add("arrest", "اعتقالات", summary=True)
    add_verbs("arrest", "اعتقل/عتقل احتجز/حتجز اوقف قبض/قبض")
    add("attack", "هجوم", retype=True)
    add("attack", "هجمات", summary=True)
    add("attack", "اغتيال كمين اسقاط اعتداء")
    add_verbs("attack", "هاجم/هاجم", retype=True)  # هاجم المسلحون ... بطائرة مسيرة: by what means
    add_verbs("attack", "اغتال/غتال اسقط")
    # أطلق مسلحون النار على دورية: shot at it (the perfect only: «كل من يطلق النار» is anyone who would)
    add_verbs("attack", "اطلق", needs="shooting")
    add("attack", "اغتيل اغتيلت اغتيلا اغتيلوا", kill=True)  # the passive: وكانت الناشطة قد اغتيلت
    add("attack", "اعتدي اعتدت اعتدوا يعتدي تعتدي يعتدون يعتدوا", verb=True)  # واعتدوا بالضرب على مسن
    add("attack", "مقتل استشهاد مصرع قتل", kill=True)
    add_verbs("attack", "قتل/قتل استشهد", kill=True)
    add("bombing", "انفجار تفجير عبوه مفخخه انتحاري ناسفه")
    add("bombing", "تفجيرات انفجارات انفجارين تفجيرين عبوات عبوتين ناسفتين", summary=True)
    add_verbs("bombing", "انفجر/نفجر")
    add("bombing", "فجرت فجروا يفجر تفجر فجرها", verb=True)
    add("airstrike", "غاره")
    add("airstrike", "غارات غارتين")
    add("airstrike", "اغارت اغار اغاروا", verb=True)  # أغارت مسيّرة على دراجة نارية (not يغير: "changes")
    add("airstrike", "بمسيره بمسيرات بطائره بطائرات", needs="launch")  # استهدفت بمسيّرة سيارة: a drone strike
    # مسيّرات تابعة للدعم السريع استهدفت مستودعات: aimed by aircraft named before the verb
    for form in ("استهدفت", "استهدف", "استهدفوا", "استهداف"):  # استهداف طائرة مسيّرة سيارة: the drone's strike
        table.setdefault(form, Trigger("airstrike", verb=True, needs="aerial_before"))
    # بضربة مسيّرة، نفذ سلاح الجو ضربات: a strike by an aircraft named next to it (not ضربة جزاء)
    add("airstrike", "ضربه ضربات ضربتين", needs="aerial_before")
    add("shelling", "قصف", needs="air_or_ground")
    add_verbs("shelling", "قصف/قصف", needs="air_or_ground")
    add("shelling", "قذيفه قذائف هاون مدفعي مدفعيه")
    add("shelling", "مقذوف مقذوفا مقذوفات", needs="launch")  # مقذوف عسكري أُطلق ... سقط على قرية
    add("shelling", "صاروخ صواريخ صاروخين صاروخي صاروخيه", needs="launch")
    add("armed_clash", "اشتباك اشتباكات اشتباكين مواجهات معارك اقتتال")
    add_verbs("armed_clash", "اشتبك/شتبك")
    add("security_operation", "تمشيط مداهمه مداهمات دهم تفكيك اقتحام حصار")
    add("security_operation", "اقتحامات", summary=True)
    add("security_operation", "اقتحامهم اقتحامها اقتحامه")  # خلال اقتحامهم بلدة بيتا: their raid
    # ألقت مسيّرة قنبلة صوتية على مزارعين: a drone's bomb dropped
    add("airstrike", "القت القي القوا", verb=True, needs="dropped_from_the_air")
    add_verbs("security_operation", "توغل/توغل")  # توغلت قوة إسرائيلية في قرية ...: an incursion
    add("security_operation", "عمليه", needs="forces_op")  # نفذت قواته يوم السبت عملية «بناء على معلومات»
    # اعترضت دوريات حرس السواحل قاربين، اعتراض قافلة تهريب: a patrol stops a boat or a convoy (not a missile)
    add("security_operation", "اعترض اعترضت اعترضوا يعترض تعترض اعتراض", needs="intercepted")
    add("security_operation", "دهمت دهموا يدهم تدهم يدهمون", verb=True)  # دهمت قوة من الجيش منازل المطلوبين
    # نفذت وحداته انتشاراً واسعاً، عزز انتشاره، انتشرت قوات الأمن: a deployment, when forces make it
    add("security_operation", "انتشار انتشارا انتشاره انتشارها انتشارهم", needs="deployed")
    add("security_operation", "انتشر انتشرت انتشروا ينتشر تنتشر ينتشرون", verb=True, needs="deployed")
    add_verbs("security_operation", "داهم/داهم فكك/فكك اقتحم/قتحم حاصر/حاصر")
    add("abduction", "اختطاف خطف")
    add_verbs("abduction", "اختطف/ختطف خطف/خطف")
    add("protest", "احتجاج احتجاجات احتجاجي احتجاجيه تظاهره تظاهرات مظاهره مظاهرات اعتصام اضراب محتجون")
    add("protest", "المحتجون المحتجين محتجين متظاهرون المتظاهرون المتظاهرين متظاهرين معتصمون المعتصمون المعتصمين")
    add_verbs("protest", "تظاهر/تظاهر احتج/حتج اعتصم/عتصم")
    # تجمّع العشرات أمام مبنى المحافظة مطالبين بكشف القتلة: a crowd gathered with its demands
    add("protest", "تجمع تجمعوا تجمعت تجمهر تجمهروا تجمهرت احتشد احتشدوا احتشدت", verb=True, needs="demanding")
    # فبادلتهم القوات إطلاق النار: the forces returned the fire, past the subject
    add("armed_clash", "بادلتهم بادلهم بادلوهم بادلتها بادلها", verb=True, needs="fire_after")
    add("seizure", "ضبط مصادره حجز استرجاع", needs="seizable")
    add_verbs("seizure", "ضبط/ضبط صادر/صادر حجز/حجز استرجع/سترجع عثر/عثر", needs="seizable")
    add("seizure", "العثور", needs="seizable")
    # ضبط ستة متهمين وبحوزتهم 4 بنادق، قبضت على أربعة مخالفين لتهريبهم 60 كيلوغراماً من الحشيش: what the
    # people caught held or smuggled is seized with them
    add("seizure", "بحوزته بحوزتهم بحوزتهما بحوزتها لتهريبهم لتهريبه لتهريبهما", needs="seizable")
    add("seizure", "تهريب ادخال", needs="foiled")  # يحبط تهريب 420 كيلوغراماً من القات: a smuggling foiled is a seizure
    add("statement", "بيان بيانا البيان بيانه بيانها بلاغ", needs="issuer")
    add("statement", "المتحدث الناطق", needs="spokesperson")
    add_verbs("statement", "ادان/دين ندد/ندد استنكر/ستنكر", needs="issuer")
    add("meeting", "اجتماع لقاء مباحثات محادثات مفاوضات قمه زياره")
    add_verbs("meeting", "اجتمع/جتمع التقي/لتقي استقبل/ستقبل")
    for form in ("التقت", "التقتا", "التقوا", "التقينا"):  # التقى drops its ى before -ت / -وا
        table.setdefault(form, Trigger("meeting", verb=True))
        verb_forms.add(form)
    add("meeting", "زار زارت يزور", verb=True)
    add("agreement", "اتفاق اتفاقيه هدنه معاهده اتفاقيات اتفاقيتين")  # يوقعان سبع اتفاقيات
    add_verbs("agreement", "اتفق/تفق")
    add("sanction", "عقوبات حظر حظرا")  # فرضت حظراً على صادرات الأسلحة
    return table


# Words that set one incident against another in a sentence (الانفجار الأول ...، فيما ... الانفجار الثاني).
CONTRASTS = frozenset({"فيما", "بينما"})
# Words that bound a count without being one (ما لا يقل عن 12، أكثر من 40، نحو 30): skipped on the way to it.
COUNT_BOUNDS = frozenset(["ما", "لا", "يقل", "عن", "يزيد", "اكثر", "اقل", "من", "نحو", "قرابه", "حوالي", "زهاء"])

# Every inflection of a listed verb, kill verbs aside, including those written like a listed noun (خطف،
# قصف, the verbal nouns خَطْف، قَصْف): as a bare word they may be the verb, with its subject after them.
_VERB_FORMS: set[str] = set()
TRIGGERS: dict[str, Trigger] = _entries()
VERB_FORMS: frozenset[str] = frozenset(_VERB_FORMS)

# Multiword triggers: tuples of bare keys; they win over the single words they contain.
MULTIWORD: dict[tuple[str, ...], Trigger] = {
    tuple(fold(w) for w in words.split()): trigger
    for words, trigger in [
        ("عبوه ناسفه", Trigger("bombing")),
        ("سياره مفخخه", Trigger("bombing")),
        ("قصف جوي", Trigger("airstrike")),
        ("ضربه جويه", Trigger("airstrike")),
        ("ضربات جويه", Trigger("airstrike")),
        ("ضربتين جويتين", Trigger("airstrike")),
        ("ضربتان جويتان", Trigger("airstrike")),
        ("غارتين جويتين", Trigger("airstrike")),
        ("غارتان جويتان", Trigger("airstrike")),
        ("غارات جويه", Trigger("airstrike")),
        ("غاره جويه", Trigger("airstrike")),
        ("قصف مدفعي", Trigger("shelling")),
        ("هجوم صاروخي", Trigger("shelling")),
        ("اطلاق نار", Trigger("attack")),
        ("تبادل اطلاق نار", Trigger("armed_clash")),
        ("تبادل كثيف اطلاق نار", Trigger("armed_clash")),
        ("تبادل عنيف اطلاق نار", Trigger("armed_clash")),
        ("اشكال مسلح", Trigger("armed_clash")),  # إشكال مسلح بين عائلتين: Lebanese outlets' armed feud
        ("اشكالا مسلحا", Trigger("armed_clash")),
        # بادروا بإطلاق النار على القوات، فتم التعامل معهم: the forces returned the fire
        ("تم التعامل معهم", Trigger("armed_clash", needs="fire_before")),
        ("تم التعامل معه", Trigger("armed_clash", needs="fire_before")),
        ("جري التعامل معهم", Trigger("armed_clash", needs="fire_before")),
        # وكان نزاع مماثل قد أودى بحياة شخصين: a feud like the one told, in an article about one
        ("نزاع مماثل", Trigger("armed_clash")),
        ("نزاعا مماثلا", Trigger("armed_clash")),
        ("اشكال مماثل", Trigger("armed_clash")),
        ("اشكالا مماثلا", Trigger("armed_clash")),
        ("نزاع عشائري", Trigger("armed_clash")),  # بنزاع عشائري اندلع بين عشيرتين: two armed sides fight
        ("نزاعات عشائريه", Trigger("armed_clash")),
        ("اشتباك عشائري", Trigger("armed_clash")),
        ("اشتباكات عشائريه", Trigger("armed_clash")),
        ("عدوان جوي", Trigger("airstrike")),
        ("مذكره تفاهم", Trigger("agreement")),
        ("مذكرات تفاهم", Trigger("agreement")),
        ("مذكرتي تفاهم", Trigger("agreement")),
        ("صفقه تبادل", Trigger("agreement")),
        ("طرد سفير", Trigger("sanction")),
        ("عمليه مداهمه", Trigger("security_operation")),
        ("عمليات مداهمه", Trigger("security_operation")),
        ("عمليات عسكريه", Trigger("security_operation")),
        ("عمليات امنيه", Trigger("security_operation")),
        ("وقف اطلاق نار", Trigger("agreement")),
        ("وقف فوري اطلاق نار", Trigger("agreement")),
        ("وقف دائم اطلاق نار", Trigger("agreement")),
        ("حمله امنيه", Trigger("security_operation")),
        ("حمله مكبره", Trigger("security_operation")),  # Egypt's police: شنت الأجهزة الأمنية حملة مكبرة
        ("حملات مكبره", Trigger("security_operation")),
        ("حملتين امنيتين", Trigger("security_operation")),
        ("حملتان امنيتان", Trigger("security_operation")),
        ("حمله عسكريه", Trigger("security_operation")),
        ("حمله اعتقالات", Trigger("security_operation")),
        ("حمله مداهمات", Trigger("security_operation")),
        ("عمليه امنيه", Trigger("security_operation")),
        ("عمليه عسكريه", Trigger("security_operation")),
        ("عمليه تمشيط", Trigger("security_operation")),
        ("عمليه ملاحقه", Trigger("security_operation")),  # a pursuit in the field, not a prosecution (ملاحقة قضائية)
        ("عمليات ملاحقه", Trigger("security_operation")),
        ("عمليه نوعيه", Trigger("security_operation")),
        ("عمليات نوعيه", Trigger("security_operation")),
        ("عمليه استباقيه", Trigger("security_operation")),
        ("عمليات تمشيط", Trigger("security_operation")),
        ("عمليه تفتيش", Trigger("security_operation")),
        ("عمليات تفتيش", Trigger("security_operation")),
        ("عمليه دهم", Trigger("security_operation")),
        ("عمليه مضاده", Trigger("security_operation")),  # نفذت الشرطة عملية مضادة: a counter-operation
        ("انزال جوي", Trigger("security_operation")),
        ("عمليه انزال", Trigger("security_operation")),
        ("طوق امني", Trigger("security_operation")),
        ("اخفاء قسري", Trigger("abduction")),
        ("مسيره احتجاجيه", Trigger("protest")),
        ("تحرك احتجاجي", Trigger("protest")),
        ("وقفه احتجاجيه", Trigger("protest")),
        ("وقفه تضامنيه", Trigger("protest")),  # a vigil after an attack, with its crowd
        ("وقفات احتجاجيه", Trigger("protest")),
        # a ramming, a firebombing (ألقى مجهولون زجاجات حارقة على مسجد)
        ("عمليه دهس", Trigger("attack")),
        ("هجوم دهس", Trigger("attack")),
        ("زجاجات حارقه", Trigger("attack", needs="thrown")),  # thrown, not seized or carried
        ("زجاجه حارقه", Trigger("attack", needs="thrown")),
        ("قنابل مولوتوف", Trigger("attack", needs="thrown")),
        ("قطع طريق", Trigger("protest")),
        ("مؤتمر صحفي", Trigger("statement", needs="issuer")),
        ("فرض عقوبات", Trigger("sanction")),
        # a smuggling foiled is goods seized (أحبطت الدوريات محاولة تهريب 380 كيلوغراماً من القات)
        ("محاوله تهريب", Trigger("seizure", needs="foiled")),
        ("محاولات تهريب", Trigger("seizure", needs="foiled")),
    ]
}


def _with_short_accusatives(table: dict[tuple[str, ...], Trigger]) -> dict[tuple[str, ...], Trigger]:
    """Add the accusative of short words (قصفاً جوياً): token keys drop the -an of longer words only."""
    out = dict(table)
    for key, trigger in table.items():
        variants = [(w, w + "ا") if len(w) <= 4 and not w.endswith(("ه", "ا")) else (w,) for w in key]
        for combo in product(*variants):
            out.setdefault(combo, trigger)
    return out


MULTIWORD = _with_short_accusatives(MULTIWORD)
MAX_MULTIWORD = max(len(key) for key in MULTIWORD)


@lru_cache(maxsize=100_000)
def token_keys(norm: str) -> tuple[str, ...]:
    """The lookup keys of a folded token: itself, without one proclitic, and without the article."""
    keys = [norm]
    stripped = strip_clitics(norm)
    if stripped != norm:
        keys.append(stripped)
    for key in list(keys):
        if key.startswith("ال") and len(key) > 4:
            keys.append(key[2:])
    for key in list(keys):
        if key.endswith("ا") and len(key) > 4 and not key.endswith(("وا", "تا")):
            keys.append(key[:-1])  # accusative -an (هجوماً، صاروخاً) but not verb endings
    return tuple(keys)


_PLOVER: dict[str, tuple[str | None, str | None]] = {
    "arrest": ("COERCE", "arrest"),
    "attack": ("ASSAULT", None),
    "bombing": ("ASSAULT", "explosives"),
    "airstrike": ("ASSAULT", "aerial"),
    "shelling": ("ASSAULT", "artillery"),
    "armed_clash": ("ASSAULT", None),
    "security_operation": ("MOBILIZE", None),
    "abduction": ("ASSAULT", "abduction"),
    "protest": ("PROTEST", None),
    "seizure": ("COERCE", "seize"),
    "statement": (None, None),
    "meeting": ("CONSULT", None),
    "agreement": ("AGREE", None),
    "sanction": ("SANCTION", None),
}
# Hints (folded substrings of the trigger or a mode word) that refine the PLOVER type or mode.
_HINTS: dict[str, tuple[tuple[str, str | None, str | None], ...]] = {
    "bombing": (("انتحار", "ASSAULT", "suicide"),),
    "shelling": (("صاروخ", "ASSAULT", "missile"), ("صواريخ", "ASSAULT", "missile"), ("missile", "ASSAULT", "missile")),
    "attack": (("اغتيال", "ASSAULT", "assassination"), ("اغتال", "ASSAULT", "assassination")),
    "security_operation": (
        ("مداهم", "COERCE", "raid"),
        ("دهم", "COERCE", "raid"),
        ("داهم", "COERCE", "raid"),
        ("حصار", "COERCE", "siege"),
    ),
    "protest": (("اضراب", "PROTEST", "strike"), ("اعتصام", "PROTEST", "sit-in")),
}


def plover_for(type_: str, hint: str | None = None) -> tuple[str | None, str | None]:
    """The PLOVER (type, mode) of a Marsad event type, refined by the trigger text or a mode hint.

    Args:
        type_: A Marsad event type (``arrest``, ``bombing`` ...).
        hint: The trigger's text, or a mode word such as ``suicide`` / ``missile``.

    Returns:
        ``(plover_type, mode)``; ``(None, None)`` for ``statement`` and for unknown types.
    """
    base = _PLOVER.get(type_, (None, None))
    if hint:
        key = fold(hint)
        for needle, plover_type, mode in _HINTS.get(type_, ()):
            if needle in key or needle == hint:
                return plover_type, mode
    return base
