"""Who an assault hit and how many: casualty words, their counts, and the victims named after them.

Arabic news gives casualties in many shapes: a number before a counted noun (5 قتلى و12 جريحاً), after a
verbal noun (مقتل 7 أشخاص), a dual that counts itself (قتيلين، مواطنان), "one more" (وإصابة آخر). The
people hit are the target of an assault that names no other (مما أسفر عن مقتل مدنيين اثنين), or the
organisation they belong to (… من فوج مكافحة الإرهاب).
"""

from __future__ import annotations

import math
from functools import lru_cache

from marsad.schemas.records import EventArgument

from .event_arguments import entity_argument, group_after_count, person_count, self_counting, span_argument
from .event_index import ArticleIndex, key_flag, token_flag
from .event_lexicon import ASSAULT_TYPES, CONTRASTS, COUNT_BOUNDS, TRIGGERS, token_keys, words
from .event_merge import Mention

__all__ = ["NOT_VICTIMS", "casualty", "count_casualties", "names_people", "victims"]

# More people than any event kills, wounds or detains: a number above this is not a casualty count.
_MAX_COUNT = 10_000_000
_KILL = ("قتل", "مقتل", "قتلي", "قتيل", "استشهد", "استشهاد", "شهيد", "شهداء", "مصرع", "حتف", "يقتل", "تقتل")
_LIVES = frozenset({"بحياه"})  # أودى بحياة 16 جندياً: "took the lives of"
# «Neutralised» (حيّدت 32 إرهابياً، تحييد ثلاثة مسلحين): how army communiqués say killed (whole words: حيدر is a name)
_NEUTRALISED = frozenset({"حيدت", "حيد", "حيدوا", "تحييد", "وحيدت", "بتحييد"})
_COUNTED = ("قتلي", "قتيل", "شهداء", "شهيد", "جرحي", "جريح", "مصاب", "ضحايا", "ضحي")
_SINGULAR_COUNTED = words("قتيل جريح شهيد")
_ANOTHER = words("اخر اخري ثالث ثالثه رابع رابعه")  # وإصابة آخر، وأصيب ثالث: one more
_ONE_OF = frozenset({"احد", "احدي"})  # مقتل أحد عناصره: one of them
_SUBSET = words("بينهم بينهن بينها وبينهم")  # a part of the count before it
# «القضاء على» and «قضت على» are how army communiqués say killed (القضاء على 27 عنصرا).
_END_VERBS = frozenset({"القضاء", "قضت", "قضوا"})
_END_REACH = 12
_ending = key_flag(_END_VERBS)
# «قبض على» and «القبض على»: who was arrested follows «على», however long the subject before it.
_SEIZING_HOLD = words("قبض قبضت قبضوا القبض")
# Definite number words (الاثنين is also Monday: left out), masculine and feminine, folded.
_DEFINITE_NUMBERS = {
    **dict.fromkeys(("الثلاثه", "الثلاث"), 3),
    **dict.fromkeys(("الاربعه", "الاربع"), 4),
    **dict.fromkeys(("الخمسه", "الخمس"), 5),
    **dict.fromkeys(("السته", "الست"), 6),
    **dict.fromkeys(("السبعه", "السبع"), 7),
    **dict.fromkeys(("الثمانيه", "الثماني"), 8),
    **dict.fromkeys(("التسعه", "التسع"), 9),
    **dict.fromkeys(("العشره", "العشر"), 10),
}
_NOT_PEOPLE_COUNTED = words(
    "الايام الاسابيع الاشهر الشهور السنوات الاعوام الساعات الدقائق الدول الاطراف البلدان المحافظات المدن "
    "القري المناطق الماضيه الاخيره"
)
_ASIDE_OPENERS = frozenset(["في", "خلال", "ضمن", "اثناء", "وفق", "بحسب"])
_ASIDE_WORDS = 4  # words of a phrase set off by commas between a verb and its count
_COUNT_REACH = 4  # words after a casualty or arrest word where its count may stand, bounds not counted
_INJURE = ("اصاب", "اصيب", "جرح", "جريح", "جرحي", "مصاب", "جروح")
_VICTIMS_BEFORE = 8  # tokens before the trigger where its casualties may be told first
_VICTIM_REACH = 25  # tokens after an assault's trigger where its casualty word (مما أسفر عن مقتل) may stand
_UNIT_REACH = 9  # tokens after a casualty word where "من" + an organisation names the victims' unit
# Words of a second act joined to a casualty word (مصرع مسجل خطر وضبط 19 متهماً): the count after them is
# theirs.
_OTHER_ACTS = frozenset(key for key, trigger in TRIGGERS.items() if trigger.type in ("arrest", "seizure", "abduction"))
_QUANTITY_WORDS = words("مجموعه عدد من عشرات العشرات مئات المئات")
_PEOPLE_PLURALS = words("جنود عناصر ضباط رجال اطفال نساء عمال طلاب افراد شبان سكان اسري")
_PEOPLE_ENDINGS = ("ين", "تين")  # people in the genitive or accusative: مدنيين، إداريتين (مسلحون may be the killers)
# Counted, not named (3 آخرين، عدة أشخاص): no target is made of them.
NOT_VICTIMS = words(
    "الذين اللذين الاخرين اخرين اخرون الاخرون اشخاص شخصين شخصا شخص الطرفين طرفين الجانبين جانبين البلدين"
)  # and the two sides (الطرفَين): parties, not victims


def names_people(index: ArticleIndex, k: int) -> bool:
    """Whether the number at token ``k`` is a dual noun that names people (إداريتين), not a bare number."""
    return self_counting(index, k) and not index.has(k, NOT_VICTIMS)


def victims(index: ArticleIndex, a: int, b: int, hi: int) -> EventArgument | None:
    """The people an assault killed or wounded, when nothing else was aimed at: مما أسفر عن مقتل مدنيين
    اثنين، قتل مجموعة إرهابيين. Numbers and quantity words before them are skipped; a bare number (إصابة
    اثنين) names no one, so no target is made of it. When the people hit are said to be of an organisation
    (استشهاد ضابط وإصابة 2 آخرين من فوج مكافحة الإرهاب), the organisation is what was hit.
    """
    if casualty(index.norms[a]):
        cues = [a]
    else:  # after the trigger, else told first (قتل ثلاثة مدنيين في قصف), the first casualty word first
        lo = index.sentence_ranges[index.sentence_of[a]][0]
        after = index.tokens_in(casualty, b, min(hi, b + _VICTIM_REACH))
        cues = after[:1] or index.tokens_in(casualty, max(lo, a - _VICTIMS_BEFORE), a)
    for word in cues:
        found = _victims_after(index, a, word, hi)
        if found is not None:
            return found
    return None


def _victims_after(index: ArticleIndex, a: int, word: int, hi: int) -> EventArgument | None:
    """The victims named after the casualty word at ``word`` (see :func:`victims`)."""
    for k in range(word + 1, min(hi - 1, word + _UNIT_REACH)):
        if index.norms[k] in {".", "،", ","} and k > word + 4:
            break
        unit = index.entity_from(k + 1) if index.norms[k] == "من" else None
        if unit is not None and unit[2].type == "ORG":
            return entity_argument(unit[2])
    first, end = word + 1, min(hi, word + 4)
    subject = index.entity_from(first) if word == a else None
    if subject is not None and subject[2].type == "ORG":  # قتل التحالف مجموعة مسلحين
        first, end = subject[1], min(hi, subject[1] + 3)
    for k in range(first, end):
        number = index.numbers.get(k)
        if number is not None and names_people(index, k):
            token = index.ctx.tokens[k]
            return span_argument(index.ctx.body, token.start, token.end)  # a dual noun: مواطنان، إداريتين
        if number is not None or index.has(k, _QUANTITY_WORDS):
            continue  # ثلاثة، عشرات، عدد من
        entity = index.entity_from(k)
        if entity is not None:
            return entity_argument(entity[2]) if entity[2].type == "PER" else None
        norm = index.norms[k]
        if (
            norm.isalpha()
            and not norm.startswith(("ب", "ل"))
            and not casualty(norm)
            and norm not in NOT_VICTIMS
            and (
                person_count(index, k)
                or index.has(k, _PEOPLE_PLURALS)
                or any(key.endswith(_PEOPLE_ENDINGS) for key in index.keys[k])
            )
        ):
            token = index.ctx.tokens[k]
            return span_argument(index.ctx.body, token.start, token.end)
        return None
    return None


@token_flag
def casualty(norm: str) -> bool:
    return _kill_word(norm) or _injure_word(norm)


@lru_cache(maxsize=50_000)
def _kill_word(norm: str) -> bool:
    keys = token_keys(norm)
    return norm in _LIVES or any(key.startswith(_KILL) or key in _NEUTRALISED for key in keys)


@lru_cache(maxsize=50_000)
def _counted_noun(norm: str) -> bool:
    """A casualty noun that follows its number (5 قتلى، 12 جريحاً), unlike verbs and verbal nouns (مقتل)."""
    return any(key.startswith(_COUNTED) for key in token_keys(norm))


@lru_cache(maxsize=50_000)
def _injure_word(norm: str) -> bool:
    return any(key.startswith(_INJURE) for key in token_keys(norm))


def count_casualties(index: ArticleIndex, m: Mention, a: int, b: int, lo: int, hi: int) -> None:
    if m.type in ASSAULT_TYPES or m.type == "security_operation":
        words = index.tokens_in(casualty, lo, hi)
        p_lo, p_hi = _contrast_part(index, a, lo, hi)
        if (p_lo, p_hi) != (lo, hi):  # الانفجار الأول ... مقتل أربعة، فيما ... الانفجار الثاني ... مقتل أحد
            own = [j for j in words if p_lo <= j < p_hi]
            kills = [j for j in own if _kill_word(index.norms[j])]
            hurts = [j for j in own if not _kill_word(index.norms[j])]
            words = (kills or [j for j in words if _kill_word(index.norms[j])]) + (
                hurts or [j for j in words if not _kill_word(index.norms[j])]
            )
        for j in words:
            if _kill_word(index.norms[j]):
                if m.killed is None:
                    m.killed = _count_near(index, m, j, lo, hi)
            elif m.injured is None:
                m.injured = _count_near(index, m, j, lo, hi)
        if m.killed is None and (on := _put_an_end_to(index, lo, hi)) is not None:
            m.killed = _count_near(index, m, on, lo, hi)  # قضت مفرزة على مهربين اثنين: killed two
    elif m.type == "arrest":
        m.arrested = _count_near(index, m, a, lo, hi, span=b - a)
        if m.arrested is None and m.count_text is None and index.has(a, _SEIZING_HOLD):
            on = _on_after(index, a, hi)  # قبضت دوريات حرس الحدود في قطاع ... على أربعة مخالفين
            m.arrested = _count_near(index, m, on, lo, hi) if on is not None else None
    elif m.type == "seizure":
        _count_near(index, m, a, lo, hi, span=b - a)


def _put_an_end_to(index: ArticleIndex, lo: int, hi: int) -> int | None:
    """The «على» of «القضاء على» / «قضت ... على» (the army's "put an end to": killed) in [lo, hi), if any.

    The verb's subject may stand between them (قضت مفرزة من الجيش الوطني الشعبي، ليلة السبت، على ...).
    """
    verbs = index.tokens_in(_ending, lo, hi)
    return _on_after(index, verbs[0], hi) if verbs else None


def _on_after(index: ArticleIndex, k: int, hi: int) -> int | None:
    """The «على» that takes the object of the verb at ``k`` (قضت / قبضت ... على), its subject between them."""
    return next((j for j in range(k + 1, min(hi, k + 1 + _END_REACH)) if index.norms[j] == "علي"), None)


def _definite_count(index: ArticleIndex, k: int) -> int | None:
    """A definite number word after the people it counts (المتهمين الأربعة), not after a span of time or a
    group of things (الأيام الثلاثة، الدول الخمس)."""
    value = _DEFINITE_NUMBERS.get(index.norms[k])
    if value is None or k == 0 or index.norms[k - 1] in _NOT_PEOPLE_COUNTED or not index.norms[k - 1].isalpha():
        return None
    return value


def _contrast_part(index: ArticleIndex, a: int, lo: int, hi: int) -> tuple[int, int]:
    """The part of the sentence [lo, hi) that token ``a`` is in, between contrasts (فيما، بينما)."""
    p_lo, p_hi = lo, hi
    for j in range(lo, hi):
        if index.norms[j] in CONTRASTS:
            if j < a:
                p_lo = j
            else:
                p_hi = j
                break
    return p_lo, p_hi


def _phrase_aside(index: ArticleIndex, k: int, hi: int) -> int | None:
    """The comma that closes a short prepositional phrase opened by the comma at ``k``, or None."""
    if k + 1 >= hi or index.norms[k + 1] not in _ASIDE_OPENERS:
        return None
    return next((c for c in range(k + 2, min(hi, k + 2 + _ASIDE_WORDS)) if index.norms[c] == ","), None)


def _count_near(index: ArticleIndex, m: Mention, j: int, lo: int, hi: int, span: int = 1) -> int | None:
    """The count next to a casualty or arrest word: a number, a vague quantity, or a singular person noun.

    A dual casualty word counts itself (قتيلين). A counted noun (5 قتلى و12 جريحاً) takes the number before
    it first; a verb or verbal noun (مقتل 5 أشخاص) the one after it first, and never a number that counts
    the casualty word before it (مقتل شخصين وإصابة آخر: one injured, not two).
    """
    own = index.numbers.get(j) if span == 1 else None
    if own is not None and not own.vague and own.value is not None:  # type: ignore[attr-defined]
        return int(own.value)  # type: ignore[attr-defined]
    after: list[int] = []
    timed = index.time_tokens()
    k = j + span
    aside = False  # اعتقلوا، يوم الاثنين، ناشطَين: a time set off by commas between the verb and its count
    while k < hi and len(after) < _COUNT_REACH:
        if index.norms[k] == "," and (k + 1 in timed or (aside and k - 1 in timed)):
            aside = not aside
            k += 1
            continue
        if index.norms[k] == "," and (close := _phrase_aside(index, k, hi)) is not None:
            k = close + 1  # اعتقلت، في عملية منفصلة، متهمَين اثنين: a phrase set off by commas
            continue
        if index.norms[k] in {",", "."} or casualty(index.norms[k]):
            break
        if index.norms[k].startswith("و") and index.has(k, _OTHER_ACTS):
            break  # مصرع مسجل خطر وضبط 19 متهماً: the nineteen were arrested
        if k in index.numbers and k + 1 < hi and _counted_noun(index.norms[k + 1]):
            break  # قتيل وثلاثة جرحى: the number counts the casualty word after it
        if k in timed:
            pass  # أوقفت من 4 إلى 10 من الشهر الجاري 9 عناصر: a date between the verb and its count
        elif index.entity_at(k) is not None and k not in index.numbers:
            pass  # أوقفت مفارز للجيش الوطني الشعبي ثلاثة عناصر: the subject's name between verb and count
        elif index.norms[k] not in COUNT_BOUNDS or k + 1 >= hi or index.norms[k + 1] in {",", "."}:
            after.append(k)
        k += 1
    before: list[int] = []
    # 12 مدنياً، بينهم خمسة أطفال، قُتلوا: the five are among the twelve, which stand before «بينهم»
    subset = next((k for k in range(j - 1, max(lo, j - 6) - 1, -1) if index.norms[k] in _SUBSET), None)
    reach = j - 3 if subset is None else subset - 4
    for k in range(j - 1 if subset is None else subset - 1, lo - 1, -1):
        if k < reach:
            break
        if casualty(index.norms[k]):
            break  # what stands before it counts that word (5 قتلى و12 جريحاً)
        if k > lo and casualty(index.norms[k - 1]) and not _counted_noun(index.norms[k - 1]):
            break  # it counts the verbal noun before it (مقتل شخصين وإصابة آخر)
        if index.norms[k] == "الاقل" and k > lo and index.norms[k - 1] == "علي":
            reach -= 2  # 12 مدنياً على الأقل قُتلوا: "at least" does not use up the reach
        before.append(k)
    if after and after[0] not in index.numbers and (index.has(after[0], _ANOTHER) or index.norms[after[0]] in _ONE_OF):
        return 1  # وإصابة آخر، مقتل أحد عناصره
    for k in [*before, *after] if _counted_noun(index.norms[j]) else [*after, *before]:
        if k in after and k not in index.numbers and (people := person_count(index, k)):
            return people  # القبض على مواطن لنقله 60 ألف قرص: one citizen, not 60,000
        if k in after and (counted := _definite_count(index, k)) is not None:
            return counted  # توقيف المشتبه فيهم الخمسة، اعتقال خاطفيه الثلاثة
        number = index.numbers.get(k)
        if number is not None:
            if number.vague or number.value is None:  # type: ignore[attr-defined]
                m.count_text = m.count_text or number.text  # type: ignore[attr-defined]
                return None
            value = number.value  # type: ignore[attr-defined]
            if not math.isfinite(value) or not 0 <= value <= _MAX_COUNT:
                return None  # not a count of people (a code, a phone number, a fuzzed 400-digit run)
            return int(value) + group_after_count(index, k)
    if j + span < hi:
        after_noun = person_count(index, j + span)
        if after_noun:
            return after_noun
    for k in range(j - 1, max(lo, j - 11) - 1, -1):
        if index.ctx.tokens[k].norm in {",", "."}:
            break
        if people := person_count(index, k):
            return people
    if span == 1 and index.has(j, _SINGULAR_COUNTED):
        return 1  # قتيل وثلاثة جرحى: a singular casualty noun with no number counts one
    return None
