"""The words around a name settle its type where the tagger's guess is weakest.

A sequence model trained on 2007 newswire knows little of the towns of today's conflicts, and a name list
of people (which the tagger now sees) holds many family names that are also villages. Two contexts are
unambiguous in news Arabic: a name right after a settlement noun (بلدة X، قرية X، مخيم X) or between في
and a "countryside of" phrase (في X بريف Y) is a place; a name that the actor gazetteer knows as a news
outlet, right after a citing word (بحسب X، وفقاً لـ X، نقلاً عن X) or spoken to (قال للأناضول), is that
outlet, not the region it is named after (الأناضول، سبأ). Everything else is left as the tagger said.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from itertools import compress, takewhile
from operator import attrgetter
from typing import Any

from marsad.schemas.records import Entity

from .arabic import fold, listed, qualifies_definite, strip_clitics
from .dateline import outlet_after
from .entities import overlaps
from .entity_rules import NATIONALITIES, ORDINALS, common_description, describes
from .geocode import FACILITY_ADJECTIVES, FACILITY_WORDS
from .ner_features import word_classes, word_zipf
from .place_spotter import adjective_not_place
from .tokenize import Token

__all__ = [
    "cited_outlets",
    "complete_compound_places",
    "complete_facility_names",
    "complete_family_names",
    "complete_given_names",
    "complete_role_names",
    "complete_unit_ordinals",
    "drop_described_places",
    "drop_generic_nouns",
    "front_line_names",
    "join_patronymics",
    "name_after_role",
    "names_outlet",
    "not_after_villages",
    "region_with_its_word",
    "retype_by_context",
    "short_names",
    "source_mentions",
    "spokesperson_names",
    "token_cues",
]

# Folded forms, as Token.norm has them.
_PATRONYMIC = frozenset({"ولد", "بنت"})  # son / daughter of, inside Mauritanian names
_RARE_ZIPF = 3
_SETTLEMENTS = frozenset(
    ["بلده", "قريه", "مدينه", "ناحيه", "مخيم", "محافظه", "منطقه", "قضاء", "مديريه", "بلدات", "قري", "حي",
     "ضاحيه", "مركز", "معتمديه", "مقاطعه"]
)  # fmt: skip
_PROVINCES = _SETTLEMENTS | frozenset(["ولايه", "اقليم"])  # opening a "person" the tagger read: a place
# "In the province of" (بولاية برج باجي مختار): a "person" after it is the province; ولاية alone may be a term
# of office (خلال ولاية ترامب).
_IN_PROVINCE = frozenset(["بولايه", "باقليم"])
_AREA_WORDS = _SETTLEMENTS | frozenset(["مناطق", "غابه", "غابات", "اراضي", "اراض"])  # before a description
# Nouns that open the name of a place or a body, never a person's (a "person" the tagger starts with one).
_HEADED = {
    **dict.fromkeys(
        ["مسجد", "جامع", "كنيسه", "مستشفي", "مدرسه", "مطار", "ميناء", "معبر", "حاجز", "سجن", "مخيم", "ملعب",
         "ستاد", "شارع", "ميدان", "ساحه", "جسر", "سهل", "وادي", "حي", "حاره", "جزيره", "جزر"],
        "LOC",
    ),
    **dict.fromkeys(
        ["قوه", "قوات", "كتيبه", "كتائب", "سرايا", "جماعه", "تنظيم", "حركه", "حزب", "وزاره", "مجلس", "هيئه",
         "لجنه", "جيش", "فرقه"],
        "ORG",
    ),
}  # fmt: skip
# Settlement nouns no organisation's name follows: the name after them is the place's.
_VILLAGES = frozenset(
    ["بلده", "قريه", "مخيم", "حي", "ناحيه", "ضاحيه", "بلدات", "قري",
     "ولايه", "محافظه", "مدينه", "منطقه", "اقليم", "ولايتي", "محافظتي"]
)  # fmt: skip  # and a province or region (ولاية الجزيرة is Gezira State, not the channel)
# A front line (في جبهة الكدحة، على جبهات مأرب) is a place; fronts that are movements have these names.
_FRONTS = frozenset(["جبهه", "جبهات"])
_FRONT_MOVEMENTS = frozenset(
    ["النصره", "التحرير", "تحرير", "الخلاص", "الانقاذ", "النضال", "العمل", "البوليساريو", "بوليساريو", "فتح",
     "الصمود", "القوي", "الدفاع", "المقاومه", "الشعبيه", "الوطنيه", "الاسلاميه", "الجبهه", "الامل", "التغيير"]
)  # fmt: skip
_FRONT_PREPOSITIONS = frozenset(["في", "علي", "داخل", "عند"])
_COMMON_NAME_ZIPF = 4  # wordfreq's Zipf class of a word too common to name a front line (القتال، واحدة)
_SIDES = frozenset(f"{side}{ending}" for side in ("شرقي", "غربي", "شمالي", "جنوبي") for ending in ("", "ه"))
# A front's name ends where its bearing starts (جبهة الكدحة غرب المدينة).
_DIRECTIONS = _SIDES | {"شرق", "غرب", "شمال", "جنوب"}
_SURROUNDINGS = frozenset(["ريف", "ارياف", "محافظه", "ضواحي", "قضاء", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي"])
# "ل" is لـ written apart (قال لـ"الجزيرة"، وفقاً لـ«الجزيرة»).
_CITING = frozenset(["بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "لوكاله", "وكاله", "عن", "ل"])
_REPORTER_NOUNS = frozenset(["مراسل", "مراسله", "موفد", "موفده"])  # وفق مراسل الأناضول: the outlet follows
_OUTLET_HEADS = frozenset(["اذاعه", "قناه", "صحيفه", "جريده", "مجله", "وكاله"])  # as _word_before gives them
_OUTLET_WORDS = 3  # longest outlet name looked up after a citing word (الشرق الأوسط، سكاي نيوز عربية)
_QUOTES = frozenset("\"'“”«»‘’")
_OPENERS = _QUOTES | {"(", "["}
# Words that end a name set off after a speaker's role (لـ before an outlet, إن before the quote...).
_NAME_STOP = frozenset({"ل", "ان", "انه", "انها", "في", "من", "عن", "علي", "الي", "مع", "خلال", "بعد", "قبل"})
# First words of compound village names (بيت لاهيا، دير البلح، كفر نبل، تل أبيض، عين العرب، أبو كمال، بئر
# الحكيم، ود مدني، سيدي بوزيد، برج باجي مختار، حاسي مسعود).
_COMPOUND_FIRST = frozenset(
    ["بيت", "دير", "كفر", "تل", "عين", "راس", "ابو", "ابي", "ام", "بئر", "بير", "ود", "سيدي", "برج", "حاسي", "خربه",
     "باب"]
)  # fmt: skip
_PLACE_CLITICS = frozenset("بولف")
_SOURCE_CLITICS = frozenset("ولب")
_ROLE_REACH = 10  # tokens between a speech verb and the comma that closes the speaker's role
# "Of the make / type": what follows names a model (of a drone, a missile, a car), not an entity.
_MODEL_NOUNS = frozenset(["طراز", "نوع", "ماركه", "موديل"])
# Weapons: a "person" named right after one (or starting with one) is the weapon's name (كلاشينكوف).
_WEAPONS = frozenset(
    ["بندقيه", "بنادق", "رشاش", "رشاشات", "مسدس", "مسدسات", "صاروخ", "صواريخ", "مدفع", "مدافع", "قاذف",
     "قاذفات", "قذيفه", "قذائف", "دبابه", "دبابات", "طلقات", "طلقه", "ذخيره", "ذخائر", "مخازن", "رصاص"]
)  # fmt: skip  # and their rounds and magazines (طلقات كلاشينكوف)
# By land, air and sea (بدعم بري وجوي، قصف جوي ومدفعي): adjectives of an operation, one of which is also a
# surname (بري); a "person" that is one of them next to another is the adjective.
_DOMAINS = frozenset(["بري", "جوي", "بحري", "مدفعي", "صاروخي", "بريه", "جويه", "بحريه", "مدفعيه", "صاروخيه"])
# Cue words that begin with a letter that is also a proclitic (بلده، بنادق): matched as written first.
_AS_WRITTEN = _CITING | _SETTLEMENTS | _WEAPONS | _MODEL_NOUNS | _VILLAGES  # ولاية begins with و
_SPOKESPERSON = frozenset(["المتحدث", "الناطق", "المتحدثه", "الناطقه"])
# Roles a name follows, after what the role is of (رئيس نادي الاتحاد منصور الغامدي، برئاسة خليل الحية).
_ROLE_NOUNS = frozenset(
    ["المتحدث", "الناطق", "المتحدثه", "الناطقه", "المبعوث", "المبعوثه", "مبعوث", "رئيس", "رئيسه", "ممثل", "ممثله",
     "وزير", "وزيره", "قائد", "مدير", "مديره", "محافظ", "سفير", "زعيم", "مستشار", "منسق", "مفوض", "برئاسه",
     "بقياده", "بزعامه", "نائب", "امين"]
)  # fmt: skip
_ROLE_PREPOSITIONS = frozenset(["في", "الي", "لدي"])  # المبعوثة الأممية إلى ليبيا
_LED_BY_NAME = frozenset(["برئاسه", "بقياده", "بزعامه"])  # وفد برئاسة خليل الحية: the name follows at once
_MAX_ROLE_NAME = 4  # words of a name after a role
_NAME_COMPOUNDS = frozenset(["الدين", "الله", "الرحمن"])  # أحمد بهي الدين، عبد الله
_ROLE_COMPLEMENT = 6  # tokens of what a role is of, before the name
# Regions whose name includes the word «إقليم» (folded forms).
_WORD_NAMED_REGIONS = frozenset(["كردستان", "كوردستان"])
_REGION_WORDS = frozenset(["اقليم"])
# Facilities whose names end in adjectives of their own, and a town's centre (مركز), which may too.
_FACILITIES = FACILITY_WORDS | {"مركز"}
_MAX_FACILITY_ADJECTIVES = 2
_GIVEN_CLASSES = frozenset(["wg", "fn1", "fn2", "gPER"])  # a given name: Wikidata, names-dataset, ANERgazet
# A given name sure enough to join a span before it: names-dataset's top ranks or ANERgazet's people.
_TOP_GIVEN_CLASSES = frozenset(["fn1", "gPER"])
_SURNAME_CLASSES = frozenset(["ws", "ln1", "ln2", "gPER", "wg", "fn1", "fn2"])
_LISTED_NAMES = frozenset(["ws", "wg", "fn1", "ln1"])  # in the Wikidata or names-dataset lists
_FREQUENT = frozenset(["z5", "z6"])  # word-frequency classes of common words (Zipf 5 and up)
_CITES, _TOLD, _SPOKESPERSON_TITLE = 1, 2, 4  # cue bits of token_cues
_TIME_WORDS = frozenset(["الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "امس", "اليوم"])
_NORM = attrgetter("norm")
_COUNTRYSIDE = frozenset(["ريف", "ارياف", "محافظه", "مدينه", "ولايه"])
# Nouns that follow a person's name but are no part of it: his counterpart, a minister, an envoy.
_ROLE_BREAKS = frozenset(
    fold(w)
    for w in "نظيره نظيرته نظيرها نظيريه نظراءه نظرائه وزير الوزير رئيس الرئيس سفير السفير مبعوث المبعوث قائد".split()
)
# Common nouns that head place and organisation names but never name one alone (without ال; folded), and
# prepositions the tagger sometimes takes for a name (عقب المباراة).
_GENERIC_NOUNS = frozenset(
    ["ريف", "ارياف", "منطقه", "مناطق", "مدينه", "مدن", "بلده", "قريه", "قري", "محافظه", "عاصمه", "حي", "احياء",
     "شارع", "ساحه", "مخيم", "جبهه", "طراز", "نوع", "بلاد", "دوله", "اقليم", "ولايه", "ناحيه", "قضاء", "مديريه",
     "حكومه", "وزاره", "قوات", "جيش", "شرطه", "جماعه", "تنظيم", "حركه", "حزب", "مجلس", "خليه",
     "كنيس", "كنيسا", "كنيسه", "كنائس", "مسجد", "مسجدا", "معبد",
     "ولايات", "ولايتي", "محافظتي", "مدينتي", "بلدتي", "قريتي", "منطقتي",  # الولايات، ولايتي ...: "the (two) states of"
     "لا", "لو", "لم", "لن", "قد", "دي", "سان", "سانت",  # particles, and a foreign name's first word alone
     "عقب", "اثر", "بعد", "قبل", "خلال", "حيث", "لدي", "ضمن", "وفق", "حسب"]
)  # fmt: skip


def retype_by_context(spans: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """The model's spans, a PER after a settlement noun (or between في and بريف) retyped LOC.

    A name right after طراز / نوع / ماركة ("of the type", «من طراز "ذو الفقار"»، طائرة من طراز (إم كيو 9))
    names a make or model of a weapon, drone or car, not a person, organisation or place: it is dropped,
    and so is a "person" right after a weapon noun or starting with one (بنادق كلاشينكوف).
    """
    starts = [token.start for token in tokens] if spans else []
    out = []
    for span in spans:
        i = _token_at(starts, span.start)
        if i is None:
            out.append(span)
            continue
        before = _word_before(tokens, i, skip=_OPENERS)
        if before in _MODEL_NOUNS:
            continue
        if span.type == "LOC" and tokens[i].end == span.end and adjective_not_place(tokens, i):
            continue  # مبلغ مالي: "financial", not Mali
        first = tokens[i].norm
        if span.type == "PER" and (before in _WEAPONS or listed(first, _WEAPONS)):
            continue  # بنادق كلاشينكوف: a weapon named after its designer
        if span.type == "PER" and tokens[i].end == span.end and _domain_pair(tokens, i):
            continue  # بدعم بري وجوي: by land and air, not Berri
        if span.type in ("PER", "LOC") and tokens[i].end == span.end and _nationality_adjective(tokens, i):
            continue  # الجانب الأوكراني، جندي روسي: an adjective of nationality, no person and no place
        if span.type == "LOC" and (cut := _countryside_within(span, tokens, i)) is not None:
            out.extend(cut)  # ذيبان بريف دير الزور: a town in the countryside of a province, two places
            continue
        if span.type == "PER" and (
            before in _SETTLEMENTS
            or _HEADED.get(before) == "LOC"
            or _between_in_and_countryside(tokens, i, span.end)
            or (i > 0 and tokens[i - 1].norm in _IN_PROVINCE)
        ):
            span = span._replace(type="LOC")  # بلدة كفرشوبا، مسجد عقابا الكبير: the name of a place
        elif span.type == "PER" and tokens[i].end < span.end and (kind := _HEADED.get(strip_clitics(first))):
            span = span._replace(type=kind)  # مسجد عقابا الكبير، قوة الرضوان: a head noun no person's name opens
        elif span.type == "PER" and tokens[i].end < span.end and listed(first, _PROVINCES):
            cut = tokens[i + 1].start - span.start  # بولاية برج باجي مختار: the province's name, a place
            span = span._replace(text=span.text[cut:], type="LOC", start=span.start + cut)
        elif span.type == "ORG" and before in _VILLAGES:
            span = span._replace(type="LOC")  # بقرية الجزيرة الخضراء: a village that shares a channel's name
        if span.type != "ORG" and before in _OUTLET_HEADS:
            span = span._replace(type="ORG")  # إذاعة "الأندلس"، قناة الساحة: an outlet, not a place or a person
        if span.type == "ORG" and listed(first, _COUNTRYSIDE):
            span = span._replace(type="LOC")  # أرياف دير الزور: the countryside of a place is a place
        if span.type == "ORG" and (front := _front_line(span, tokens, i)) is not None:
            span = front
        if span.type == "PER":
            span = _cut_at_role(span, tokens, i)
        out.append(span)
    return out


def not_after_villages(mentions: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """Known organisations, less those named right after a village noun: «بقرية الجزيرة الخضراء» names a
    village that shares a channel's name, and the place finders are left to take it whole."""
    starts = [token.start for token in tokens] if mentions else []
    out = []
    for mention in mentions:
        i = _token_at(starts, mention.start)
        if i is not None and mention.canonical.type == "ORG" and _word_before(tokens, i) in _VILLAGES:
            continue
        out.append(mention)
    return out


def _front_line(span: Any, tokens: Sequence[Token], i: int) -> Any | None:
    """The place of «في جبهة الكدحة غربي المحافظة» that the tagger took for a front (an organisation).

    After في / على (or with بـ), a front named by a word no movement bears is a front line: its name is
    the place, without the head and a direction after it. None when the span is no such front.
    """
    first = tokens[i].norm
    if first not in _FRONT_MOVEMENTS and i > 0 and _front_word(tokens, i - 1):
        return span._replace(type="LOC")  # بجبهة | مريس: the tagger left the head out
    if not _front_word(tokens, i):
        return None
    last = i + 1
    while last < len(tokens) and tokens[last].end <= span.end:
        last += 1
    names = list(takewhile(lambda t: t.norm not in _DIRECTIONS, tokens[i + 1 : last]))
    if not names or names[0].norm in _FRONT_MOVEMENTS or len(names) > 2:
        return None
    start, end = names[0].start, names[-1].end
    return span._replace(text=span.text[start - span.start : end - span.start], type="LOC", start=start, end=end)


def front_line_names(body: str, tokens: Sequence[Token], spans: Sequence[Any], make: Callable) -> list[Any]:
    """Front lines the tagger left untagged (في جبهة الكدحة غرب المدينة، بجبهة مريس): their names as places.

    After في / على (or with بـ), a front named by rare words (no movement's name, no common word: «على جبهة
    القتال» names none) is a place; its name runs up to two such words and stops at a bearing.
    """
    if "جبه" not in body:
        return []  # most articles name no front: the letters are looked for once
    fronts = [i for i in range(len(tokens) - 1) if _front_word(tokens, i)]
    found = []
    for i in fronts:
        names = list(takewhile(_front_name_word, tokens[i + 1 : i + 3]))
        if not names or names[0].norm in _FRONT_MOVEMENTS:
            continue
        start, end = names[0].start, names[-1].end
        if not overlaps(spans, start, end):
            found.append(make(body[start:end], "LOC", start, end))
    return found


def _front_name_word(token: Token) -> bool:
    norm = token.norm
    bare = norm[2:] if norm.startswith("ال") else norm
    return len(bare) >= 2 and norm.isalpha() and norm not in _DIRECTIONS and word_zipf(bare) < _COMMON_NAME_ZIPF


def _front_word(tokens: Sequence[Token], i: int) -> bool:
    """جبهة after في / على, or بجبهة: a front the text puts something in."""
    norm = tokens[i].norm
    if norm[:1] == "ب" and norm[1:] in _FRONTS:
        return True
    return norm in _FRONTS and _word_before(tokens, i, skip=_OPENERS) in _FRONT_PREPOSITIONS


def _cut_at_role(span: Any, tokens: Sequence[Token], i: int) -> Any:
    """A person's span ends before a role noun the tagger ran on into (أحمد الشرع نظيره التركي), and starts
    after a nationality adjective it took in (الرئيس الأوكراني فولوديمير زيلينسكي)."""
    if tokens[i].norm in NATIONALITIES and i + 1 < len(tokens) and tokens[i + 1].end <= span.end:
        start = tokens[i + 1].start
        span = span._replace(text=span.text[start - span.start :], start=start)
        i += 1
    j = i + 1
    while j < len(tokens) and tokens[j].end <= span.end:
        if tokens[j].norm in _ROLE_BREAKS:
            end = tokens[j - 1].end
            return span._replace(text=span.text[: end - span.start], end=end)
        j += 1
    return span


def complete_compound_places(body: str, spans: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """A place the model found as its first word only (ببيت | عانا، دير | البلح) takes the word after it.

    Village names of the Levant and Iraq begin with بيت، دير، كفر، تل، عين، راس، أبو، أم: alone such a word
    names nothing, and the ب or و before it is a proclitic, not part of the name.
    """
    starts = [token.start for token in tokens] if spans else []
    out = []
    for span in spans:
        i = _token_at(starts, span.start)
        if span.type != "LOC" or i is None or i + 1 >= len(tokens) or tokens[i].end != span.end:
            out.append(span)
            continue
        joined = i > 0 and "\n" not in body[tokens[i - 1].end : tokens[i].start]  # not across a line
        if joined and (start := _compound_first(tokens[i - 1])) is not None:  # ناحية أبي | صيدا
            out.append(span._replace(text=body[start : span.end], start=start))
            continue
        start = _compound_first(tokens[i])
        following = tokens[i + 1]
        if (
            start is None
            or not following.norm.isalpha()
            or following.norm in _NAME_STOP
            or "\n" in body[tokens[i].end : following.start]  # قبالة ذو باب ⏎ عدن - سبأنت: a headline ends
        ):
            out.append(span)
            continue
        out.append(span._replace(text=body[start : following.end], start=start, end=following.end))
    return out


def _compound_first(token: Token) -> int | None:
    """Where the first word of a compound village name begins in the token (بيت، وبيت، ببيت), or None."""
    norm = token.norm
    if norm in _COMPOUND_FIRST:
        return token.start
    if norm[:1] in _PLACE_CLITICS and norm[1:] in _COMPOUND_FIRST:
        return token.start + 1  # past the proclitic letter
    return None


def drop_generic_nouns(spans: Sequence[Any]) -> list[Any]:
    """The model's spans without one-word common nouns it took for names (الريف، المنطقة، طراز).

    "The countryside" or "the region" alone names no place an analyst can map: the place is the one the
    noun heads (ريف دير الزور), which the gazetteer and the rules find on their own.
    """
    return [
        s
        for s in spans
        if " " in s.text.strip() or (_bare(s.text) not in _GENERIC_NOUNS and fold(s.text.strip()) not in _GENERIC_NOUNS)
    ]  # the word as written too: كنيس is no ك + نيس


def drop_described_places(spans: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """The model's places without the ones that only describe the word before them: «بمنطقة غابية
    معزولة» is "a wooded, isolated area", no name (the place is named after, بإقليم بلدية الميلية); in
    «القوات الهندية» or «الحكومة البورمية» the one-word relative adjective after a definite noun is the
    country's adjective, not a place (a town may be spelt like it: الهندية in Iraq)."""
    starts = {token.start: i for i, token in enumerate(tokens)}
    kept = []
    for span in spans:
        i = starts.get(span.start)
        if (
            span.type == "LOC"
            and i
            and tokens[i].end == span.end
            and qualifies_definite(tokens[i].norm, tokens[i - 1].norm)
        ):
            continue
        if span.type == "LOC" and i and listed(tokens[i - 1].norm, _AREA_WORDS):
            j = i
            while j < len(tokens) and tokens[j].start < span.end:
                j += 1
            words = [token.norm for token in tokens[i:j]]
            # a name in -ية stands after an area word too (منطقة غوتيه): a common description must be there
            if all(describes(word, feminine=True) for word in words) and any(map(common_description, words)):
                continue
        kept.append(span)
    return kept


@lru_cache(maxsize=50_000)
def _bare(text: str) -> str:
    stem = strip_clitics(fold(text.strip()))
    return stem[2:] if stem.startswith("ال") else stem


def token_cues(tokens: Sequence[Token]) -> list[int]:
    """Per token, the cue bits these rules look for (cached per folded form: one look-up per token)."""
    return list(map(_cues, map(_NORM, tokens)))


@lru_cache(maxsize=100_000)
def _cues(norm: str) -> int:
    stem = strip_clitics(norm)
    cues = 0
    if norm in _CITING or stem in _CITING:
        cues |= _CITES
    if norm[:1] == "ل" and len(norm) > 3:
        cues |= _TOLD
    if stem in _SPOKESPERSON:
        cues |= _SPOKESPERSON_TITLE
    return cues


def cited_outlets(body: str, tokens: Sequence[Token], cues: Sequence[int], link: Callable, make: Callable) -> list[Any]:
    """One-word outlet names cited (بحسب "الأناضول") or spoken to (قال للأناضول); they override place names."""
    found: dict[int, Any] = {}
    n = len(tokens)
    for i in compress(range(n), cues):
        token, norm = tokens[i], tokens[i].norm
        if cues[i] & _CITES:  # the next words, past quotation marks and «مراسل», may be the outlet
            j = i + 1
            while j < n and (tokens[j].norm in _QUOTES or tokens[j].norm in _REPORTER_NOUNS):
                j += 1
            # لـ«الشرق الأوسط»: the longest name
            outlet = None if j in found else outlet_after(body, tokens, j, partial(names_outlet, link), _OUTLET_WORDS)
            if outlet is not None:
                found[j] = make(body[outlet[0] : outlet[1]], "ORG", outlet[0], outlet[1])
        elif cues[i] & _TOLD and names_outlet(link, strip_clitics(norm)):  # قال للأناضول
            found[i] = make(token.text, "ORG", token.start, token.end)
    return [found[i] for i in sorted(found)]


def source_mentions(body: str, tokens: Sequence[Token], source: str | None, make: Callable) -> list[Any]:
    """The article's own outlet where its text names it (لـ"سودان تربيون"، موزاييك أف أم): an organisation.

    The producer says which outlet the article is from; the tagger, which has never seen most outlets'
    names, reads them as people or places. A one-word name (الخبر is also "the news") counts only beside a
    quotation mark or after لـ written apart.
    """
    words = fold(source).split() if source else []
    if not words or not all(word.isalpha() for word in words):
        return []
    found = []
    n, size = len(tokens), len(words)
    for i in range(n - size + 1):
        first = tokens[i].norm
        if first != words[0] and not (first[:1] in _SOURCE_CLITICS and first[1:] == words[0]):
            continue
        if any(tokens[i + k].norm != words[k] for k in range(1, size)):
            continue
        if size == 1 and not _set_off(tokens, i):
            continue
        start = tokens[i].start + (first != words[0])  # past a one-letter proclitic (لموزاييك)
        end = tokens[i + size - 1].end
        found.append(make(body[start:end], "ORG", start, end))
    return found


def _set_off(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` stands beside a quotation mark or after لـ written apart (لـ"الخبر")."""
    before = tokens[i - 1].norm if i > 0 else ""
    after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    return before in _QUOTES or after in _QUOTES or before in ("ل", "لـ")


def names_after_roles(body: str, tokens: Sequence[Token], spans: Sequence[Any], make: Callable) -> list[Any]:
    """A person's name right after a role and what the role is of: المتحدث العسكري باسمها يحيى سريع،
    المبعوثة الأممية إلى ليبيا هانا تيتيه، رئيس نادي الاتحاد منصور الغامدي، برئاسة خليل الحية.

    The role's complement is read over definite words, «باسم», a preposition and its word, and what the
    tagger found as a place or an organisation; the name after it must start with a given name (or a
    foreign name before a surname) in the name lists, which a verb or a common noun there is not.
    """
    roles = list(compress(range(len(tokens) - 2), map(_is_role_noun, map(_NORM, tokens))))
    if not roles:
        return []
    classes = word_classes()
    covered = _covered_by_places_or_orgs(tokens, spans)
    found = []
    n = len(tokens)
    for r in roles:
        j = r + 1
        name = None
        while j < min(n, r + 1 + _ROLE_COMPLEMENT):
            norm = tokens[j].norm
            if (j > r + 1 or tokens[r].norm in _LED_BY_NAME) and (name := _role_name(tokens, j, classes)):
                break  # a given name ends the complement, even inside a span the tagger ran on
            construct = j == r + 1 and j + 1 < n and tokens[j + 1].norm.startswith("ال")  # رئيس نادي الاتحاد
            if norm in _ROLE_PREPOSITIONS and j + 1 < n:
                j += 2
            elif j in covered or construct or (norm.startswith(("ال", "لل", "باسم")) and norm.isalpha()):
                j += 1
            else:
                name = _role_name(tokens, j, classes) if j > r + 1 else None
                break
        if name is not None:
            start, stop = tokens[j].start, tokens[name - 1].end
            found.append(make(body[start:stop], "PER", start, stop))
    return found


def cut_before_names(body: str, spans: Sequence[Any], names: Sequence[Any]) -> list[Any]:
    """The model's spans, cut before a name found after a role, or dropped if they start inside it: the
    tagger ran «رئيس نادي الاتحاد منصور الغامدي» into one organisation, and «في اليمن فرانسيسكو كوستا»
    into one place."""
    out = []
    for span in spans:
        inside = [name for name in names if span.start < name.end and name.start < span.end]
        if not inside:
            out.append(span)
            continue
        if span.type == "PER":
            out.append(span)  # the tagger's person agrees with the name, or holds more of it
            continue
        first = min(name.start for name in inside)
        if span.start < first and body[span.start : first].strip():
            end = span.start + len(body[span.start : first].rstrip())
            out.append(span._replace(text=body[span.start : end], end=end))
    return out


@lru_cache(maxsize=100_000)
def _is_role_noun(norm: str) -> bool:
    return norm in _ROLE_NOUNS or strip_clitics(norm) in _ROLE_NOUNS


def _role_name(tokens: Sequence[Token], j: int, classes: Any) -> int | None:
    """The end (exclusive) of a two- or three-word name starting at token ``j``, or None."""
    if j + 1 >= len(tokens):
        return None
    first, second = tokens[j].norm, tokens[j + 1].norm
    if not (first.isalpha() and second.isalpha()) or first.startswith("ال") or first in _NAME_STOP:
        return None
    first_classes = set(classes.get(first, ()))
    if second in _NAME_STOP or not _namelike(second, classes):
        return None
    foreign = "x" in first_classes and second in classes and not first_classes & _FREQUENT
    if not (first_classes & _GIVEN_CLASSES or foreign):
        return None
    end = j + 2
    while end < min(len(tokens), j + _MAX_ROLE_NAME):
        word = tokens[end].norm
        # more names known to the lists, frequent as words or not (عبد الفتاح آدم حسن), or a compound's الدين
        found = set(classes.get(word, ()))
        known = bool(found & _LISTED_NAMES) or ("gPER" in found and "z6" not in found)  # حسن, not كان
        if word in _NAME_COMPOUNDS or (word.isalpha() and word not in _NAME_STOP and known):
            end += 1
        else:
            break
    return end


def _namelike(norm: str, classes: Any) -> bool:
    """A word that may continue a name: unknown to the lists, or a listed surname or given name that is
    not also a frequent word (قال، كان), or a rare foreign name."""
    found = classes.get(norm)
    if found is None:
        return True
    found = set(found)
    if found & _FREQUENT:
        return False
    return bool(found & _SURNAME_CLASSES) or ("x" in found and "z4" not in found)


def _covered_by_places_or_orgs(tokens: Sequence[Token], spans: Sequence[Any]) -> frozenset[int]:
    starts = [token.start for token in tokens]
    covered = set()
    for span in spans:
        if span.type in ("ORG", "LOC"):
            i = bisect_left(starts, span.start)
            while i < len(tokens) and tokens[i].start < span.end:
                covered.add(i)
                i += 1
    return frozenset(covered)


def spokesperson_names(body: str, tokens: Sequence[Token], cues: Sequence[int], make: Callable) -> list[Any]:
    """The name set off by commas after a spokesperson's title (المتحدث العسكري باسم الحوثيين، يحيى سريع،).

    Spokespeople are quoted in almost every conflict report, and their names are often also common words
    (سريع "fast"), which a tagger that weighs word frequency hesitates on; the apposition is unambiguous.
    """
    found = []
    n = len(tokens)
    classes = word_classes()
    for i in compress(range(n), cues):
        if not cues[i] & _SPOKESPERSON_TITLE:
            continue
        comma = next((j for j in range(i + 1, min(n, i + 7)) if tokens[j].norm == ","), None)
        if comma is None or any(_role_name(tokens, k, classes) == comma for k in range(i + 2, comma - 1)):
            continue  # المتحدث باسم الحركة لورانس كانيوكا، متهمة ...: the name came before the comma
        end = comma + 1
        while end < min(n, comma + 4) and tokens[end].norm.isalpha() and not tokens[end].norm.startswith("ال"):
            if end == comma + 1 and tokens[end].norm in _NAME_STOP:
                break  # المتحدث باسم الجيش العميد نبيل عبدالله، في بيان،: where he said it, not who
            end += 1
        if end - comma - 1 >= 2 and end < n and tokens[end].norm in (",", "."):
            start, stop = tokens[comma + 1].start, tokens[end - 1].end
            found.append(make(body[start:stop], "PER", start, stop))
    return found


def name_after_role(tokens: Sequence[Token], verb_at: int, until: int) -> tuple[int, int] | None:
    """Character offsets of a name set off by a comma after a speaker's role, or None.

    قال الخبير في شؤون الجماعات المتطرفة، مصطفى أمين لـ ...: two or three words after the first comma that
    follows the verb (before ``until``), none of them definite, a function word or a لل form.
    """
    i = verb_at + 1
    while i < len(tokens) and tokens[i].end <= until and tokens[i].norm != ",":
        i += 1
    j = i + 1
    while j < len(tokens) and j - i <= 3 and tokens[j].norm.isalpha() and not tokens[j].norm.startswith("ال"):
        if tokens[j].norm in _NAME_STOP or tokens[j].norm.startswith("لل"):
            break
        j += 1
    if i >= len(tokens) or tokens[i].end > until or j - i - 1 < 2:
        return None
    return tokens[i + 1].start, tokens[j - 1].end


def complete_role_names(
    body: str, spans: Sequence[Any], tokens: Sequence[Token], speech_verbs: frozenset[str]
) -> list[Any]:
    """The model's spans, a person it found only in part after a speaker's role completed (مصطفى -> مصطفى أمين).

    A reported-speech sentence names its speaker after the role, set off by a comma; the tagger may stop
    at a second name that is also a common word or a title (أمين). The whole name is what the quote's
    speaker and the entity list must carry.
    """
    starts = [token.start for token in tokens] if spans else []
    out = []
    for span in spans:
        if span.type == "PER":
            i = _token_at(starts, span.start)
            if i and tokens[i - 1].norm == ",":
                verb_at = next(
                    (j for j in range(i - 2, max(-1, i - 2 - _ROLE_REACH), -1) if listed(tokens[j].norm, speech_verbs)),
                    None,
                )
                found = name_after_role(tokens, verb_at, span.end) if verb_at is not None else None
                if found is not None and found[0] == span.start and found[1] > span.end:
                    span = span._replace(text=body[span.start : found[1]], end=found[1])
        out.append(span)
    return out


def complete_family_names(body: str, spans: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """A person's span takes the family name the tagger left after it (مطهر علي | المرادي، عبد الرقيب أمين |
    الشرعبي): a definite word right after the span, listed as a family name and rare as a word (Zipf <= 3),
    that is no nationality (الرئيس السوري) and no part of another span. The span has two words already."""
    if not any(span.type == "PER" for span in spans):
        return list(spans)
    starts = [token.start for token in tokens]
    taken = {span.start for span in spans}
    classes = word_classes()
    out = []
    for span in spans:
        if span.type == "PER" and " " in span.text:  # a one-word "person" is as often a misread place
            j = bisect_left(starts, span.end)
            if (
                j < len(tokens)
                and starts[j] > span.end
                and body[span.end : starts[j]] == " "
                and starts[j] not in taken
            ):
                norm = tokens[j].norm
                family = any(c.startswith("ln") for c in classes.get(norm, ()))
                if norm.startswith("ال") and family and word_zipf(norm) <= 3 and norm not in NATIONALITIES:
                    span = span._replace(text=body[span.start : tokens[j].end], end=tokens[j].end)
        out.append(span)
    return out


def complete_facility_names(body: str, spans: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """A hospital's, airport's or port's name takes the adjectives that are part of it (مستشفى الثورة
    العام، مطار معيتيقة الدولي، مستشفى الزاوية التعليمي): up to two words of a closed list, right after
    a place entity that a facility word opens, and in no other entity."""
    if not any(span.type == "LOC" for span in spans):
        return list(spans)
    starts = [token.start for token in tokens]
    taken = {span.start for span in spans}
    out = []
    for span in spans:
        i = _token_at(starts, span.start) if span.type == "LOC" else None
        if i is not None and strip_clitics(tokens[i].norm) in _FACILITIES:
            end = span.end
            first = bisect_left(starts, span.end)
            for token in tokens[first : first + _MAX_FACILITY_ADJECTIVES]:
                if token.norm not in FACILITY_ADJECTIVES or token.start in taken or body[end : token.start] != " ":
                    break
                end = token.end
            if end > span.end:
                span = replace(span, text=body[span.start : end], end=end)
        out.append(span)
    return out


def complete_unit_ordinals(body: str, spans: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """An organisation's name takes the ordinal right after it, which numbers the unit (فوج طوارئ الشرطة
    السابع، المنطقة العسكرية الثانية، سرية الإسناد الخامسة): the tagger, trained on words, stops before it."""
    starts = [token.start for token in tokens]
    taken = {span.start for span in spans}
    out = []
    for span in spans:
        if span.type == "ORG":
            k = bisect_left(starts, span.end)
            ordinal = k < len(tokens) and tokens[k].norm in ORDINALS and tokens[k].start not in taken
            if ordinal and body[span.end : tokens[k].start] == " ":
                span = replace(span, text=body[span.start : tokens[k].end], end=tokens[k].end)
        out.append(span)
    return out


def region_with_its_word(body: str, entities: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """«إقليم كوردستان» is the region's name (the Kurdistan Region), not a place word before a name: a place
    entity that starts with كردستان / كوردستان takes the إقليم before it (without its clitic: بإقليم), and
    the word is no entity of its own."""
    starts = [token.start for token in tokens]
    words: dict[int, Token] = {}  # entity start -> the token of its region word
    for entity in entities:
        i = _token_at(starts, entity.start) if entity.type == "LOC" else None
        if not i or not _region_name(tokens[i].norm):
            continue
        before = tokens[i - 1]
        if _region_word(before.norm) and before.end + 1 == entity.start:
            words[entity.start] = before
    if not words:
        return list(entities)
    word_spans = {(token.start, token.end) for token in words.values()}
    out = []
    for entity in entities:
        if (entity.start, entity.end) in word_spans:
            continue  # وبإقليم read as a place of its own
        if entity.start in words:
            start = words[entity.start].end - len("اقليم")  # without its clitic (بإقليم)
            entity = replace(entity, text=body[start : entity.end], start=start)
        out.append(entity)
    return out


def _region_name(norm: str) -> bool:
    return norm in _WORD_NAMED_REGIONS or strip_clitics(norm) in _WORD_NAMED_REGIONS


def _region_word(norm: str) -> bool:
    return norm.endswith("اقليم") and len(norm) <= len("اقليم") + 2  # إقليم، بإقليم، وبإقليم


def complete_given_names(body: str, spans: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """A person's span takes the given name the tagger left before it (أيهم | قاسم القداح، وليث | عمر الطيطي):
    a listed given name (names-dataset's top ranks or ANERgazet's people), indefinite, not among the most
    common words (Zipf <= 5: علي is also على), right before a span of two words or more and in no other
    span. A joining و stays outside the name."""
    if not any(span.type == "PER" for span in spans):
        return list(spans)
    starts = [token.start for token in tokens]
    taken = {span.end for span in spans}
    classes = word_classes()
    out = []
    for span in spans:
        i = _token_at(starts, span.start) if span.type == "PER" and " " in span.text else None
        if i:
            token = tokens[i - 1]
            norm, start = token.norm, token.start
            if norm.startswith("و") and len(norm) > 3 and _given(classes, norm[1:]):
                norm, start = norm[1:], start + 1
            if (
                _given(classes, norm)
                and word_zipf(norm) <= 5
                and token.end not in taken
                and body[token.end : span.start] == " "
            ):
                span = span._replace(text=body[start : span.end], start=start)
        out.append(span)
    return out


def join_patronymics(body: str, spans: Sequence[Any], tokens: Sequence[Token]) -> list[Any]:
    """«X ولد Y» and «X بنت Y» (Mauritanian names: الداه ولد سيدي اعمر) are one person's name: a person's span
    right after ولد / بنت takes it and the given name before it; a span that ends on ولد takes the next word.
    The given name is a listed one or a rare word (Zipf <= 3: الوزير is 4), in no other span."""
    if not any(span.type == "PER" for span in spans):
        return list(spans)
    starts = [token.start for token in tokens]
    taken = {k for span in spans for k in (span.start, span.end)}
    classes = word_classes()
    out = []
    for span in spans:
        i = _token_at(starts, span.start) if span.type == "PER" else None
        if i is not None and i >= 2 and tokens[i - 1].norm in _PATRONYMIC:
            given = tokens[i - 2]
            rare = word_zipf(given.norm) <= _RARE_ZIPF and not _is_role_noun(given.norm)
            name_like = given.norm.isalpha() and (_given(classes, given.norm) or rare)
            if name_like and given.end not in taken and given.norm not in _PATRONYMIC:
                span = span._replace(text=body[given.start : span.end], start=given.start)
        k = bisect_left(starts, span.end) if span.type == "PER" else len(tokens)
        if 0 < k < len(tokens) and tokens[k - 1].norm in _PATRONYMIC and tokens[k - 1].end == span.end:
            after = tokens[k]
            if after.norm.isalpha() and after.start not in taken and word_zipf(after.norm) <= _RARE_ZIPF:
                span = span._replace(text=body[span.start : after.end], end=after.end)
        out.append(span)
    return out


def _given(classes: dict[str, tuple[str, ...]], norm: str) -> bool:
    return not norm.startswith("ال") and not _TOP_GIVEN_CLASSES.isdisjoint(classes.get(norm, ()))


def _token_at(starts: Sequence[int], start: int) -> int | None:
    """The index of the token that begins at character ``start`` (``starts``: token starts), or None."""
    i = bisect_left(starts, start)
    return i if i < len(starts) and starts[i] == start else None


def _word_before(tokens: Sequence[Token], i: int, skip: frozenset[str] = _QUOTES) -> str:
    """The folded word before token ``i``, skipping quotation marks; a proclitic is dropped (وبحسب)."""
    j = i - 1
    while j >= 0 and tokens[j].norm in skip:
        j -= 1
    if j < 0:
        return ""
    norm = tokens[j].norm
    return norm if norm in _AS_WRITTEN else strip_clitics(norm)


def _nationality_adjective(tokens: Sequence[Token], i: int) -> bool:
    """A nationality adjective (وروسي، الأوكرانية) as an adjective: indefinite (جندي روسي), or definite after
    a definite noun (الجانب الأوكراني). A definite one after anything else may be a surname (وقال المصري)."""
    bare = strip_clitics(tokens[i].norm)
    definite = bare.startswith("ال")
    if (bare if definite else "ال" + bare) not in NATIONALITIES:
        return False
    return not definite or (i > 0 and strip_clitics(tokens[i - 1].norm).startswith("ال"))


def _domain_pair(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a land / air / sea adjective paired with another (بري وجوي، جوي وبري)."""
    norm = tokens[i].norm
    if norm not in _DOMAINS and not (norm[:1] == "و" and norm[1:] in _DOMAINS):
        return False
    after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    return (after[:1] == "و" and after[1:] in _DOMAINS) or (i > 0 and tokens[i - 1].norm in _DOMAINS)


def _countryside_within(span: Any, tokens: Sequence[Token], i: int) -> list[Any] | None:
    """A place the tagger ran on into «بريف» and its province (ذيبان بريف دير الزور): the town and the
    province, without the countryside word. None when no such word is inside the span."""
    j = i + 1
    while j < len(tokens) and tokens[j].end <= span.end:
        norm = tokens[j].norm
        if norm[:1] == "ب" and norm[1:] in ("ريف", "ارياف") and j + 1 < len(tokens) and tokens[j + 1].end <= span.end:
            town_end, province = tokens[j - 1].end, tokens[j + 1].start
            return [
                span._replace(text=span.text[: town_end - span.start], end=town_end),
                span._replace(text=span.text[province - span.start :], start=province),
            ]
        j += 1
    return None


def _between_in_and_countryside(tokens: Sequence[Token], i: int, end: int) -> bool:
    """في X بريف Y / في X شرق Y: X is a place."""
    if i == 0 or tokens[i - 1].norm != "في":
        return False
    after = next((t for t in tokens[i:] if t.start >= end), None)
    if after is None:
        return False
    return after.norm in _SURROUNDINGS or (after.norm[:1] in ("ب", "ل") and after.norm[1:] in _SURROUNDINGS)


def names_outlet(link: Callable, text: str) -> bool:
    """Whether ``link`` knows ``text`` as a news agency, channel or paper (the actor gazetteer's media)."""
    canonical = link(text, "ORG")
    return canonical is not None and getattr(canonical, "kind", None) == "media"


def short_names(tokens: Sequence[Token], entities: Sequence[Entity]) -> list[Entity]:
    """An organisation's short name in parentheses right after it is that organisation.

    وكالة الأنباء اليمنية الرسمية (سبأ): the one word in parentheses, after the name and at most one
    adjective, is the acronym or short name the article goes on to use, linked like the full name; a place
    or person the tagger read there is replaced. A weekday in parentheses (قال الجيش (الخميس)) is a date.
    """
    orgs = [e for e in entities if e.type == "ORG"]
    if not orgs:
        return list(entities)
    starts = [token.start for token in tokens]
    short: list[Entity] = []
    for org in orgs:
        j = bisect_left(starts, org.end)
        while j < len(tokens) and tokens[j].norm in _QUOTES:
            j += 1
        if j < len(tokens) and tokens[j].norm.startswith("ال") and tokens[j].norm.isalpha():
            j += 1  # one adjective: الرسمية
        if j + 2 >= len(tokens) or tokens[j].norm != "(" or tokens[j + 2].norm != ")":
            continue
        name = tokens[j + 1]
        if not name.norm.isalpha() or name.norm in _TIME_WORDS:
            continue
        short.append(replace(org, text=name.text, start=name.start, end=name.end, source="rule"))
    if not short:
        return list(entities)
    kept = [e for e in entities if not overlaps(short, e.start, e.end)]
    return sorted([*kept, *short], key=lambda e: (e.start, e.end))
