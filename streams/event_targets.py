"""The target of an assault when no named entity is: the noun phrase the attack was aimed at.

Analysts ask "what was hit" as often as "who": a patrol (على دوريتهم), a downed drone (إسقاط طائرة مسيرة),
an airport (استهدف مطار ...). These are common nouns that the entity layer rightly leaves alone, so the
target is read from the syntax around the trigger instead: the object of استهدف, the noun after a
preposition of aim (على / ضد / بحق), or the direct object of a transitive trigger (أسقط، اغتال، خطف),
past a subject named right after the verb (Arabic puts the subject first: أسقطت قوات الجيش طائرة).
Assault and abduction events get such a target. An arrest whose people belong to no named organisation
takes the people themselves (ألقت القبض على ثلاثة شبان، اعتقلت الشرطة مطلوبين، أوقفت خلية): who was taken
is what an analyst asks of an arrest. An operation's target stays the organisation the other pickers name,
or none.
"""

from __future__ import annotations

import re

from marsad.schemas.records import EventArgument

from .arabic import definite_nisba
from .entity_rules import describes
from .event_arguments import entity_argument, people_word, self_counting, span_argument
from .event_index import ArticleIndex
from .event_lexicon import ASSAULT_TYPES, COUNT_BOUNDS, VERB_FORMS, words

__all__ = [
    "FORCE_HEADS",
    "SUBJECT_HEADS",
    "TARGETED_TYPES",
    "aimed_phrase",
    "aiming_subject",
    "arrested_phrase",
    "clash_partner",
    "clash_sides",
    "force_phrase",
    "paired_sides",
    "phrase_at",
]

TARGETED_TYPES = ASSAULT_TYPES | {"abduction"}

# Forces named by common nouns (قوات الاحتلال، الطائرات الإسرائيلية، مسلحون مجهولون), and the words that may
# qualify them besides nisba adjectives.
FORCE_HEADS = words(
    "قوات القوات الجيش جيش مسلحون مسلحين مسلحو مسلحي الطائرات طائرات الطيران طيران العدو الشرطه شرطه "
    "ميليشيا ميليشيات مليشيا مليشيات المستوطنون مستوطنون مستوطنين المستوطنين اجهزه الاجهزه قناص قناصه "
    "مجهولين مجهولون جنود مجموعه مجموعات عصابه عصابات"
)  # جنود, مجموعة and عصابة only with a qualifier (جنود الاحتلال، مجموعة مسلحة): alone they are as often the
# victims, or a quantity (مجموعة من الشبان)
_FORCE_QUALIFIERS = words(
    "الاحتلال الامن النظام الحكومه المعارضه التحالف الشرطه الجيش الحدود العدو انفاذ القانون حفظ السلام "
    "مجهولين مجهولون مجهول ملثمين ملثمون الحربي الحربيه المسيره مسلحه مجهوله"
)
# Heads that name a force on their own (مسلحون; الشرطة and الجيش name the country's own), unlike القوات,
# which refers back to a force named before.
_FORCE_ALONE = words(
    "الشرطه الجيش مسلحون مسلحين المستوطنون مستوطنون مستوطنين المستوطنين العدو ميليشيا ميليشيات مليشيا مليشيات "
    "مجهولين مجهولون"
)
# Head nouns between a verb and the named subject they belong to (قصفت قوات X، هاجم مسلحو X).
SUBJECT_HEADS = words(
    "قوات طائرات مقاتلات عناصر مسلحو مسلحي طيران سلاح وحدات مفارز مفرزه دوريات دوريه قوه قطعات افراد وحده فرقه "
    "مصالح"  # مصالح الأمن: the Maghreb's services
)
_AIM_VERBS = words("استهدف استهدفت يستهدف تستهدف استهدفوا استهدفنا")
_AIM_PREPS = words("علي ضد بحق")
_AIMING = _AIM_VERBS | words("استهداف")
_ORDINALS = frozenset(["الاول", "الثاني", "الثالث", "الرابع", "الاخير", "الاخر"])
_PRONOUN_PREP = re.compile("^(?:من|عن|في|علي|الي|ل|ب)(?:ه|ها|هم|هن|هما)$")  # منها، عليهم
# Triggers whose grammatical object is what was hit (verbs and their verbal nouns, folded).
_TRANSITIVE = words(
    "اسقط اسقطت اسقاط يسقط تسقط اغتال اغتالت اغتيال اختطف اختطفت اختطاف خطف خطفت "
    "استهداف هاجم هاجمت هاجموا يهاجم تهاجم مهاجمه قصف قصفت قصفوا دمر دمرت دمروا تدمير اسقطوا اغتالوا "
    "اختطفوا خطفوا"
)
# Nouns after على that place or time the event rather than name its target (على مقربة من، على بعد).
_NOT_AIMED = words(
    "مقربه بعد مدي مسافه طول خلفيه اثر يد ايدي حدود الاقل غرار الرغم مدار قيد وقع راس متن مستوي الفور فور اطراف "
    "يشتبه يعتقد يرجح"
)
# Words that end a noun phrase: prepositions, relatives, conjunctions, time and frame words.
_PHRASE_ENDS = words(
    "في من الي علي عن مع قرب داخل خارج بين عند لدي نحو حول امام خلف خلال بعد قبل منذ حيث الذي التي الذين "
    "كان كانت ما ان انه انها اثر عقب وفق بعدما اثناء بينما فيما مما ضمن عبر دون لم لن قد اليوم امس "
    "صباح مساء ليل ليله فجر ظهر باتجاه بواسطه جراء نتيجه وسط شمال جنوب شرق غرب شمالي جنوبي شرقي غربي "
    "اسفر اسفرت ادي"
)
_ENDS_BEFORE_AIM = _PHRASE_ENDS - _AIM_PREPS
# Verbs with the trigger as their object (قصف مدفعي شنته قوات ...): what follows is the agent, not a target.
_AGENT_VERBS = words("شنه شنته شنها شنوه نفذه نفذته نفذها اطلقه اطلقته اطلقها")
_NOT_HEADS = _PHRASE_ENDS | _NOT_AIMED | _AGENT_VERBS
_PROCLITIC_PREPS = ("ب", "ل", "ك")
_MAX_WORDS = 3
_SETTLED = frozenset({"A", "P"})  # GeoNames feature classes: countries and regions, towns and villages
_AIM_REACH = 6  # tokens after the trigger where استهدف still names this event's target
_PREP_REACH = 5  # tokens after the trigger where على / ضد / بحق still do
_AIM_BACK = 8  # tokens before a weapon where the verb that aimed it may stand (استهداف سفينة ... بصاروخ)
# Adverbs between an arrest verb and whom it took (اعتقلت خلالها، أوقفت إثرها).
_DURING = words("خلالها خلاله خلالهما خلالهم اثرها اثره بعدها بعده فيها منها منهم")
_SUSPECTED = words("مشتبه مشتبها المشتبه")
_OF_WHOM = words("به بهم بهما بها فيه فيهم فيهما فيها")
_ON_REACH = 3  # tokens after an arrest's trigger where على names who was taken (القبض على، القبض مساء أمس على)
_CLASH_REACH = 14  # tokens after a clash trigger where its two sides are still named
# Dual nouns that name both sides of a fight between groups (بين العشيرتين، بين عائلتين); «الطرفين» refers
# back to sides named before, which the merge finds.
_PAIRED_GROUPS = words(
    "عشيرتين العشيرتين عائلتين العائلتين قبيلتين القبيلتين مجموعتين المجموعتين فصيلين الفصيلين جماعتين "
    "الجماعتين عصابتين العصابتين"
)
_BETWEEN_GAP = 12  # past a weapon and a time set off by commas: اشتباكات بالأسلحة الثقيلة، ليل الأحد، بين
_RELATIVES = words("التي الذي الذين اللتين اللذين")
_PARTNER_GAP = 4  # tokens from a clash trigger to the مع that names the other side (عنيفة، ليلاً)


def aimed_phrase(index: ArticleIndex, a: int, b: int, c_hi: int, actor: EventArgument | None) -> EventArgument | None:
    """The target phrase of the trigger at tokens [a, b), looked for up to the clause end ``c_hi``."""
    hi = index.sentence_ranges[index.sentence_of[a]][1]
    for j in range(b, min(hi, b + _AIM_REACH)):
        if index.has(j, _AIM_VERBS):
            return phrase_at(index, j + 1, hi, actor)
    for j in range(b, min(hi, b + _PREP_REACH)):
        if index.has(j, _ENDS_BEFORE_AIM):
            break
        if index.norms[j] in _AIM_PREPS:
            found = phrase_at(index, j + 1, hi, actor)
            if found is not None:
                return found
            break  # على الفور، على بعد: no target there; the verb's object may still be one
    if index.has(a, _TRANSITIVE):
        return _object_of(index, b, min(hi, c_hi), actor)
    # استهدفت المقاومة دبابة بقذيفة، أعلن ... استهداف سفينة في البحر الأحمر بصاروخ: the weapon closes the
    # clause of the verb that aimed it, whose object is what was hit
    lo = index.sentence_ranges[index.sentence_of[a]][0]
    if a > lo and index.has(a - 1, _AIMING):
        return _object_of(index, b, min(hi, c_hi), actor)  # استهدفت بمسيّرة سيارة مدنية: the object follows
    for j in range(a - 1, max(lo, a - _AIM_BACK) - 1, -1):
        if index.has(j, _AIMING):
            return _object_of(index, j + 1, a, actor)
    return None


def aiming_subject(index: ArticleIndex, a: int) -> EventArgument | None:
    """Who aimed the weapon at token ``a``: the subject right after the verb that aimed it (استهدف الجيش
    مواقع المسلحين بقذائف المدفعية -> الجيش), an entity, a force phrase or a bare force noun."""
    lo = index.sentence_ranges[index.sentence_of[a]][0]
    verb = next((j for j in range(a - 1, max(lo, a - _AIM_BACK) - 1, -1) if index.has(j, _AIM_VERBS)), None)
    if verb is None:
        return None
    j = verb + 1
    subject = index.entity_from(j)
    if subject is not None:
        return entity_argument(subject[2])
    if (force := force_phrase(index, j, a)) is not None:
        return force
    if index.has(j, FORCE_HEADS):
        token = index.ctx.tokens[j]
        return span_argument(index.ctx.body, token.start, token.end)
    return None


def arrested_phrase(
    index: ArticleIndex, a: int, b: int, c_hi: int, actor: EventArgument | None
) -> EventArgument | None:
    """Who the arrest at tokens [a, b) took: a person named, or a phrase of people or of a band (ثلاثة شبان،
    مطلوبين، خلية إرهابية), after على or as the verb's object past its subject. Anything else (a time, a
    place, the reason) names no one."""
    hi = min(index.sentence_ranges[index.sentence_of[a]][1], c_hi)
    on = next((j for j in range(b, min(hi, b + _ON_REACH)) if index.norms[j] == "علي"), None)
    j = on + 1 if on is not None else _object_start(index, b, hi, people_first=True)
    while j < hi and (index.has(j, _DURING) or index.norms[j] == "خلال"):
        j += 2 if index.norms[j] == "خلال" else 1  # اعتقلت خلالها / خلال العملية 4 مشتبه بهم: when, then whom
    if j < hi and self_counting(index, j):
        token = index.ctx.tokens[j]
        return span_argument(index.ctx.body, token.start, token.end)  # القبض على شخصين، اعتقال مطلوبَين
    found = phrase_at(index, j, hi, actor)
    if found is None or found.type is not None:
        return found if found is not None and found.type == "PER" else None
    first, end = index.span(found.start, found.end)
    head = first + 1 if first in index.numbers else first  # 23 متهماً: the noun after the count
    if head >= hi or not people_word(index.norms[head]):
        return None
    if index.has(end - 1, _SUSPECTED) and end < hi and index.has(end, _OF_WHOM):
        tokens = index.ctx.tokens  # ستة مشتبه بهم: the suspects are suspected of something
        return span_argument(index.ctx.body, found.start, tokens[end].end)
    return found


def _object_of(index: ArticleIndex, j: int, hi: int, actor: EventArgument | None) -> EventArgument | None:
    """The object of the verb (or verbal noun) ending before token ``j``, past a subject named after it."""
    return phrase_at(index, _object_start(index, j, hi), hi, actor)


def _object_start(index: ArticleIndex, j: int, hi: int, people_first: bool = False) -> int:
    """Where the object of the verb ending before token ``j`` starts: past the subject named after it.

    ``people_first``: a person named right after the verb is its object, not its subject (اعتقال محمد).
    """
    while j < hi and index.norms[j] in _ORDINALS:
        j += 1  # استهدف الانفجار الثاني عجلة: the subject's ordinal
    subject = index.entity_from(j)
    if subject is not None:
        return j if people_first and subject[2].type == "PER" else subject[1]
    if j < hi and index.has(j, SUBJECT_HEADS) and index.entity_at(j + 1) is not None:
        return index.entity_at(j + 1)[1]  # type: ignore[index]
    if (force := force_phrase(index, j, hi)) is not None:
        return index.span(force.start, force.end)[1]  # اختطف مسلحون مجهولون موظفاً
    if j < hi and index.has(j, FORCE_HEADS):
        return j + 1  # قصف الجيش مواقع: the bare subject, then the object
    return j


def phrase_at(index: ArticleIndex, j: int, hi: int, actor: EventArgument | None) -> EventArgument | None:
    """The noun phrase starting at token ``j`` (at most three words), or the entity starting there."""
    timed = index.time_tokens()
    while j < hi and j in timed:
        j += 1  # استهدفت الثلاثاء مخبأ لقادة الجماعة: when, then what
    if j >= hi:
        return None
    entity = index.entity_from(j)
    if entity is not None:
        found = entity_argument(entity[2])
        return None if actor is not None and found.text == actor.text else found
    tokens, norms = index.ctx.tokens, index.norms
    k = j
    while k < hi and norms[k] in COUNT_BOUNDS:
        k += 1
    if k < hi and k in index.numbers and k + 1 < hi and norms[k + 1].isalpha():
        if index.has(k + 1, _PHRASE_ENDS) or index.entity_at(k + 1) is not None or _PRONOUN_PREP.match(norms[k + 1]):
            return None  # 9 منها: "nine of them" counts what was named before
        return span_argument(index.ctx.body, tokens[k].start, tokens[k + 1].end)  # (أكثر من) 40 طالباً
    if k > j:
        return None  # a bound with no count after it
    place = index.places_in(j, j + 1)
    if place and place[0][2].feature_class not in _SETTLED:
        return span_argument(index.ctx.body, tokens[j].start, tokens[place[0][1] - 1].end)
    first = norms[j]
    if not first.isalpha() or index.has(j, _NOT_HEADS) or first.startswith(_PROCLITIC_PREPS):
        return None
    end = j + 1
    while end < min(hi, j + _MAX_WORDS):
        norm = norms[end]
        if not norm.isalpha() or index.has(end, _PHRASE_ENDS) or norm.startswith(("و", "ف", *_PROCLITIC_PREPS)):
            break
        if index.entity_at(end) is not None or norm in VERB_FORMS:
            break  # توقيف شاب هاجم كنيساً: the man, not what he did
        end += 1
    if any(where.feature_class in _SETTLED for _, _, where in index.places_in(j, end)):
        return None  # a country, region or town is where it happened, not what was hit
    owner = index.entity_from(end) if end < hi and norms[end].startswith("ل") else None
    if owner is not None and owner[2].type == "ORG":
        end = owner[1]  # مواقع لحزب الله، تجمعات لقوات الدعم السريع: whose positions were hit
    found = span_argument(index.ctx.body, tokens[j].start, tokens[end - 1].end)
    return None if actor is not None and found.text == actor.text else found


def force_phrase(index: ArticleIndex, j: int, hi: int) -> EventArgument | None:
    """A force named by a common noun phrase at token ``j``: its head and up to two words qualifying it."""
    if j >= hi or not index.has(j, FORCE_HEADS) or index.entity_at(j) is not None:
        return None
    end = j + 1
    while end < min(hi, j + 3):
        norm = index.norms[end]
        if not norm.isalpha() or norm.startswith(("و", "ف", "ب", "ل")) or index.entity_at(end) is not None:
            break
        indefinite = not index.norms[j].startswith("ال") and describes(norm)  # قناص حوثي، مسلحون قبليون
        if not (definite_nisba(norm) or indefinite or index.has(end, _FORCE_QUALIFIERS)):
            break
        if _disagrees(index.norms[j], norm):
            break  # مستوطنون قاطفي الزيتون: a sound plural's adjective is a sound plural too; this is the object
        end += 1
    if end == j + 1 and not index.has(j, _FORCE_ALONE):
        return None  # القوات alone stands for a force named before; the merge and inheritance find it
    tokens = index.ctx.tokens
    return span_argument(index.ctx.body, tokens[j].start, tokens[end - 1].end)


def _disagrees(head: str, word: str) -> bool:
    """Whether ``word`` cannot qualify an indefinite sound masculine plural ``head`` (مسلحون، مستوطنين): its
    adjectives take the same ending (مسلحون مجهولون، مستوطنين متطرفين)."""
    plural = not head.startswith("ال") and head.endswith(("ون", "ين"))
    return plural and not word.endswith(("ون", "ين"))


def clash_sides(index: ArticleIndex, b: int) -> tuple[EventArgument, EventArgument] | None:
    """اشتباكات بين X و Y: the two named sides of a clash, in the order the text gives them.

    A clash has no attacker; the convention (as in the dev gold) is actor = the side named first. The
    sides are entities (an armed group, an army), each maybe behind a generic noun (مسلحين من تنظيم X).
    """
    between, hi = _between(index, b)
    if between is None:
        return None
    sides = [(lo, end, entity_argument(entity)) for lo, end, entity in index.entities_in(between + 1, hi)]
    if len(sides) < 2:  # a side may be a force named by common nouns: بين القوات الحكومية ومسلحين
        j = between + 1
        while j < hi and len(sides) < 2:
            force = None if any(lo <= j < end for lo, end, _ in sides) else force_phrase(index, j, hi)
            if force is None and sides and not any(lo <= j < end for lo, end, _ in sides):
                force = _governed_force(index, j, hi)  # ومسلحي الجماعة: the second side, in construct
            if force is None and not any(lo <= j < end for lo, end, _ in sides):
                force = _quoted_name(index, j, hi)  # بين «إم 23» والجيش: a group's name the tagger missed
            if force is not None:
                end = index.span(force.start, force.end)[1]
                sides = sorted([*sides, (j, end, force)], key=lambda side: side[0])
                j = end
            else:
                j += 1
    if len(sides) < 2:
        return None
    first, second = sides[0], sides[1]
    joined = any(index.norms[j].startswith("و") for j in range(first[1], second[0] + 1))
    if not joined or first[2].text == second[2].text:
        return None
    return first[2], second[2]


def _between(index: ArticleIndex, b: int) -> tuple[int | None, int]:
    """The «بين» that opens the sides of the clash whose trigger ends at ``b``, and where they must end.

    The sides may come after a time set off by commas: اشتباكات عنيفة، ليل السبت، بين X و Y.
    """
    hi = min(index.sentence_ranges[index.sentence_of[b - 1]][1], b + _CLASH_REACH)
    for j in range(b, min(hi, b + _BETWEEN_GAP)):
        if index.norms[j] == "بين":
            return j, hi
        if index.has(j, _RELATIVES):  # اشتباكات في المنطقة التي تقع بين X و Y: a place's, not the sides
            break
    return None, hi


def paired_sides(index: ArticleIndex, b: int) -> EventArgument | None:
    """اشتباكات بين العشيرتين، اقتتال بين عائلتين، مواجهات بين مجموعتين مسلحتين: both sides named by one
    dual noun (and its dual adjective). It is the clash's actor, as the side named first would be."""
    between, hi = _between(index, b)
    if between is None or between + 1 >= hi or not index.has(between + 1, _PAIRED_GROUPS):
        return None
    end = between + 2
    following = index.norms[end] if end < hi else ""
    if following.endswith(("تين", "يين")) and following.isalpha() and not index.has(end, _PHRASE_ENDS):
        end += 1  # مجموعتين مسلحتين، عشيرتين عربيتين: its dual adjective
    tokens = index.ctx.tokens
    return span_argument(index.ctx.body, tokens[between + 1].start, tokens[end - 1].end)


def _quoted_name(index: ArticleIndex, j: int, hi: int) -> EventArgument | None:
    """A short name in quotation marks (right after بين, or after the و of the second side)."""
    tokens = index.ctx.tokens
    if index.ctx.body[tokens[j].start] not in '«"“' or index.norms[j - 1] not in {"بين", "و"}:
        return None
    close = next((k for k in range(j + 1, min(hi, j + 5)) if index.ctx.body[tokens[k].start] in '»"”'), None)
    if close is None or close == j + 1:
        return None
    return span_argument(index.ctx.body, tokens[j + 1].start, tokens[close - 1].end)


def _governed_force(index: ArticleIndex, j: int, hi: int) -> EventArgument | None:
    """A force noun in construct with a definite noun that is no entity (مسلحي الجماعة، عناصر التنظيم)."""
    if j + 1 >= hi or not index.has(j, FORCE_HEADS) or index.entity_at(j) is not None:
        return None
    norm = index.norms[j + 1]
    if not norm.startswith("ال") or not norm.isalpha() or index.entity_at(j + 1) is not None:
        return None
    tokens = index.ctx.tokens
    return span_argument(index.ctx.body, tokens[j].start, tokens[j + 1].end)


def clash_partner(index: ArticleIndex, b: int) -> EventArgument | None:
    """اشتبكت القوات مع X، معارك عنيفة مع X: the side fought against, named right after مع.

    The other side is the clause's subject, which the actor search finds; this one is the target.
    """
    hi = min(index.sentence_ranges[index.sentence_of[b - 1]][1], b + _CLASH_REACH)
    with_at = next((j for j in range(b, min(hi, b + _PARTNER_GAP)) if index.norms[j] == "مع"), None)
    if with_at is None or with_at + 1 >= hi:
        return None
    entity = index.entity_at(with_at + 1)
    if entity is not None:
        return entity_argument(entity[2])
    return force_phrase(index, with_at + 1, hi)
