"""Attach actor, target, place, time, counts and the background flag to one event mention."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from marsad.schemas.records import EventArgument

from .arabic import listed, strip_clitics
from .entity_rules import NATIONALITY_STEMS, describes
from .event_arguments import (
    WIDE_PLACE_WORDS,
    entity_argument,
    fled_to,
    location_of,
    nearest,
    person_count,
    place_rank,
    retreat_destination,
    span_argument,
    taken_to,
)
from .event_casualties import NOT_VICTIMS, casualty, count_casualties, names_people, victims
from .event_index import ArticleIndex, key_set, token_flag
from .event_lexicon import CONTRASTS, REPORTING_VERBS, SEIZABLE, TRIGGERS, VERB_FORMS, Trigger, token_keys, words
from .event_merge import Mention
from .event_roles import arrested_group, protest_participants, repelled_attack
from .event_targets import (
    FORCE_HEADS,
    SUBJECT_HEADS,
    TARGETED_TYPES,
    aimed_phrase,
    aiming_subject,
    arrested_phrase,
    clash_partner,
    clash_sides,
    force_phrase,
    paired_sides,
    phrase_at,
)
from .event_time import attach_time, dated_lately
from .timex_patterns import MONTH_WORDS

__all__ = ["attach_arguments"]

_AGENT_MARKERS = ("نفذ", "شن", "اطلق", "زرع", "تبن", "نصب")
_SUPPORT_VERBS = ("شن", "نفذ", "بدا", "اطلق", "اصدر", "اعلن", "نظم", "فرض", "تمكن")
_AGAINST = frozenset({"ضد", "علي", "بحق", "استهدف", "استهدفت"})
_TARGET_PREPS = _AGAINST | {"من", "عناصر", "مسلحي", "خليه", "خلايا", "خطيره", "ارهابيه"}
_TARGET_PREPS_OR_IN = _TARGET_PREPS | {"في"}
_BY_HAND = frozenset({"قبل", "يد", "ايدي"})  # من قبل / على يد / بأيدي X: X is the agent
_FROM = frozenset({"من"})
_BEFORE = frozenset({"قبل"})
_ON = frozenset({"علي"})
# بدعم من X، بمشاركة X، بالتعاون مع X: X is not the actor
_SUPPORTERS = frozenset({"دعم", "مسانده", "اسناد", "مشاركه", "غطاء", "موازره", "تعاون"})
_AIR_ACTORS = ("طيران", "طائرات", "التحالف", "سلاح الجو", "القوات الجويه")
_CONDEMN_REACH = 4  # words before a name where a condemnation verb makes it the condemner (past a title)
_CONDEMNING = words("ادان ادانت يدين تدين ندد نددت يندد تندد استنكر استنكرت يستنكر شجب شجبت يشجب")
_POSSESSIVE = ("ه", "ها", "هم")  # as written: ة is no pronoun
_THAT = "ان"  # إن / أن as folded, opening reported speech; أنه / أنها (its own act) are other words
_QUOTED_WORDS = 3  # a quotation at least this long is speech, not a quoted name (قضاء "المدائن")
_QUOTE_MARKS = frozenset(['"', "«", "»", "“", "”"])
_CLOSING_MARKS = frozenset(["»", "”"])  # marks that only close; " opens and closes
_BG_SCOPE = frozenset({"بعد", "بعدما", "اثر", "عقب", "اعقاب", "خلفيه"})
_BG_ANYWHERE = frozenset({"حينها", "انذاك", "سابق", "سبق", "حينذاك"})
_BG_OPENERS = frozenset({"كان", "وكان", "كانت", "سبق"})
_SCOPE_BREAKS = frozenset({"حيث", "اين", "ثم", "قبل", "فيما", "بينما", "لكن", "الا", "."})  # أين: Maghrebi حيث
_BG_ALL = _BG_ANYWHERE | _BG_SCOPE | _SCOPE_BREAKS
_LONG_AGO_UNITS = words("ايام اسابيع اشهر شهور اعوام سنوات عام شهر اسبوع سنه")
# Words before a group that only says whom the group named before it belongs to (المرتبطة بتنظيم القاعدة).
_AFFILIATED = words("المرتبطه المرتبط التابعه التابع الموالي المواليه المقرب المقربه العسكري السياسي ذراع")
_SANCTION_REACH = 4  # words after a sanction noun where على names whom it is imposed on (عقوبات جديدة على)
_FIRE_REACH = 16  # tokens after a killing where «برصاص / بنيران X» still names who shot
_BG_REACH = 30  # tokens before a trigger where a background cue still governs it
# Indefinite nationality adjectives after an assault noun (غارة إسرائيلية، هجوم روسي).
_NATIONAL_ADJECTIVES = frozenset(f"{stem}{ending}" for stem in NATIONALITY_STEMS for ending in ("", "ه", "ا"))
# برصاص / بنيران X: X did it (token keys read past the ب; من قبل، على يد are agent cues already).
_FORCE_CUES = words("رصاص نيران")
_FORCE_BEFORE = 6  # tokens before a trigger where its subject may be a force phrase
_MEETING_REACH = 16  # tokens after a meeting verb where host and guest are named
_QUANTITIES = words("كميه كميات")  # seizable as a quantity of something named after it
# Definite settlement nouns that refer back to the town or village named before (في البلدة، اقتحمت القرية).
_ANAPHORS_NOUNS = {
    "البلده": words("بلده"),
    "القريه": words("قريه"),
    "المدينه": words("مدينه"),
    "المخيم": words("مخيم"),
}
_ANAPHORS = frozenset(_ANAPHORS_NOUNS)
_ANAPHOR_REACH = 120  # tokens before the sentence where the settlement it refers to may be named
_TOWN_RANK = 1.0
# Forces a speaker calls its own (قواته، طائراتها، مدفعيته: ة is written ت before the pronoun).
_FORCE_STEMS = frozenset(
    "قوات طائرات مقاتلات عناصر وحدات مدفعيت جنود مقاتلي دفاعات سلاح صواريخ مسيرات دوريات فرق بحريت".split()
)
_OWN_ACT = frozenset({"انه", "انها", "انهم"})  # أعلن الجيش أنه قصف: its own act
_REPORT_BREAKS = frozenset({"قال", "قالت", "اضاف", "اضافت", "فيما", "بينما", "."})
_OWN_REACH = 8  # tokens from أن to the trigger it opens
_GROUP_NOUNS = words("عصابات عصابه خلايا خليه فلول بقايا تنظيم جماعه")
_MEMBER_NOUNS = words("عناصر عنصرا عنصرين اعضاء مسلحين ارهابيين متهمين افراد")
_ANNOUNCING = words("اعلن اعلنت واعلن واعلنت يعلن تعلن")  # verbs that govern the act itself (أعلن القبض)
_ANNOUNCE_REACH = 12  # tokens from أعلن to the verbal noun it governs, past its subject and a parenthesis
_SPEAKER_REACH = 12  # tokens from the reporting verb to أن, past «في بيان» and the speaker's name


def attach_arguments(index: ArticleIndex, m: Mention, a: int, b: int, trigger: Trigger) -> bool:
    """Fill the mention's arguments in place; False when the mention should be dropped (no issuer)."""
    lo, hi = index.sentence_ranges[m.sentence_index]
    c_lo, c_hi = index.clause(a)
    if m.type == "statement":
        m.actor = _issuer(index, a, b, lo, hi, trigger)
        if m.actor is None and trigger.needs == "spokesperson":
            return False
        if trigger.needs == "spokesperson" and _remark(index, b, hi):
            return False  # قال المتحدث باسم الشرطة، في تصريح لـ«الشرق الأوسط»: a remark to the press, no statement
        m.confidence += 0.1 if m.actor else -0.2
    else:
        m.actor = None if m.passive else _actor(index, a, b, c_lo, c_hi, lo)
        if not m.passive and (subject := aiming_subject(index, a)) is not None:
            m.actor = subject  # استهدف الجيش مواقع المسلحين بقذائف: who aimed the weapon fired it
        m.target = _target(index, m, a, b, lo, hi)
        if _suffered(index.norms[a]) and m.actor is not None and m.actor.start < index.ctx.tokens[a].start:
            m.actor, m.target = None, m.target or m.actor  # وكانت الناشطة ريهام يعقوب قد اغتيلت: the victim
        repelled_attack(index, m, a, lo)
        if m.type == "armed_clash" and (sides := clash_sides(index, b)) is not None:
            m.actor, m.target = sides
        elif m.type == "armed_clash" and (pair := paired_sides(index, b)) is not None:
            m.actor, m.target = pair, None
        elif m.type == "armed_clash" and (partner := clash_partner(index, b)) is not None:
            m.target = partner
            if m.actor is not None and m.actor.text == partner.text:
                m.actor = None
            if m.actor is None and _law_enforcement(index, partner):
                m.actor, m.target = partner, None  # قتل ثلاثة في تبادل لإطلاق النار مع الشرطة: the police's act
        if m.type == "meeting" and trigger.verb:
            _meeting_sides(index, m, b, hi)
        _locate(index, m, a, c_lo, c_hi, lo, hi)
        if m.location is None and m.sentence_index > 0:
            _locate_in_previous(index, m, a, lo)
    attach_time(index, m, a, c_lo, c_hi, lo, hi)
    count_casualties(index, m, a, b, lo, hi)
    arrested_group(index, m, a, b, c_lo, hi)
    if m.type == "arrest" and m.arrested is None and m.count_text is None and _one_person(index, m.target):
        m.arrested = 1  # اعتقلت الشرطة فتى، أوقفت شاباً: one person, as the gold counts him
    protest_participants(index, m, a, b, hi)
    _background(index, m, a, lo)
    if trigger.kill and m.actor is not None and any(w in m.actor.text for w in _AIR_ACTORS):
        m.type = "airstrike"
    if m.location is not None:
        m.confidence += 0.1
    return True


_ONE_PERSON = words(
    "فتي شاب شابا رجل رجلا امراه سيده مواطن مواطنا مراهق مراهقا طالب طالبا شخص شخصا لاجئ لاجئا مهاجر مهاجرا"
)


def _one_person(index: ArticleIndex, target: EventArgument | None) -> bool:
    """Whether the target is one person named by an indefinite singular noun (not a name: a name may be
    one of several arrested, which the text counts)."""
    if target is None or target.type is not None:
        return False
    lo, _ = index.span(target.start, target.end)
    return index.norms[lo] in _ONE_PERSON


_POLICE = words("الشرطه شرطه الامن امن حرس الحرس الدرك درك الجمارك جمارك المباحث مباحث")
_POLICE_HEADS = words("قوات القوات عناصر دوريه دوريات اجهزه الاجهزه رجال")


def _law_enforcement(index: ArticleIndex, argument: EventArgument) -> bool:
    """Police, security services, border guards: in a gunfight with them, they are the ones acting (the
    other side is the smugglers or the wanted men they came for), unlike a side of a war (القوات الحكومية)."""
    lo, hi = index.span(argument.start, argument.end)
    first = lo + 1 if index.has(lo, _POLICE_HEADS) and lo + 1 < hi else lo
    return index.has(first, _POLICE)


_REMARK_REACH = 24  # tokens after المتحدث where «في تصريح» / «مؤتمر صحفي» may stand, past name and title


def _remark(index: ArticleIndex, b: int, hi: int) -> bool:
    """Whether a spokesperson speaks in a remark to an outlet (في تصريح) or at a press conference (measured over
    all sets: 2 of 13 such statements in the gold, against 19 of 28 «في بيان»)."""
    for j in range(b, min(hi, b + _REMARK_REACH)):
        norm = index.norms[j]
        if norm == "تصريح" and index.norms[j - 1] == "في":
            return True
        if norm == "مؤتمر" and j + 1 < hi and index.norms[j + 1] == "صحفي":
            return True
    return False


def _meeting_sides(index: ArticleIndex, m: Mention, b: int, hi: int) -> None:
    """استقبل X ... Y، التقى X نظيره Y، اجتمع X مع Y: the host (the first named) and the guest.

    People are preferred to organisations, which in such sentences are mostly part of a title (رئيس مجلس
    الوزراء العراقي محمد شياع السوداني).
    """
    found = index.entities_in(b, min(hi, b + _MEETING_REACH))
    found = [e for e in found if e[2].type == "PER"] or found
    if not found:
        return
    with_at = next((j for j in range(b, found[0][0]) if index.norms[j] == "مع"), None)
    host = None if with_at is not None else found[0][2]  # اجتمع الوزير مع X: X is the guest
    guests = [e[2] for e in found if host is None or e[2].text != host.text]
    if host is not None and m.actor is None:
        m.actor = entity_argument(host)
    if guests and m.target is None:
        m.target = entity_argument(guests[0])


_ISSUED = frozenset({"صادر", "الصادر", "صادره", "الصادره"})


def _issuer(index: ArticleIndex, a: int, b: int, lo: int, hi: int, trigger: Trigger) -> EventArgument | None:
    if trigger.needs == "spokesperson":
        people = [e for e in index.entities_in(b, min(hi, b + 9)) if e[2].type == "PER"]
        return entity_argument(people[0][2]) if people else None  # the apposed name is an entity (entity_context)
    after = index.entity_at(b)
    if after is None and b + 2 < hi and index.norms[b] in _ISSUED and index.norms[b + 1] == "عن":
        after = index.entity_at(b + 2)  # بلاغ صادر عن المكتب المركزي للأبحاث القضائية
    if after is not None:
        return entity_argument(after[2])
    before = index.entities_in(max(lo, a - 9), a)
    while before and _affiliation(index, before[-1][0]):  # X، المرتبطة بتنظيم القاعدة، ... في بيان: X
        before = index.entities_in(lo, before[-1][0])
    if before:
        return entity_argument(before[-1][2])
    return _antecedent(index, max(lo, a - 4), a)


def _affiliation(index: ArticleIndex, lo_e: int) -> bool:
    """Whether the entity at token ``lo_e`` only says whom the one named before belongs to: حركة الشباب
    المرتبطة بتنظيم القاعدة، سرايا القدس، الجناح العسكري لحركة الجهاد الإسلامي."""
    return lo_e > 0 and index.has(lo_e - 1, _AFFILIATED)


def _antecedent(index: ArticleIndex, lo: int, hi: int) -> EventArgument | None:
    """A definite noun (الخلية) standing for an earlier organisation whose name starts with it."""
    for i in range(hi - 1, lo - 1, -1):
        nouns = [k[2:] for k in index.keys[i] if k.startswith("ال") and len(k) > 4]
        for lo_e, _, entity in index.entities:
            if lo_e < i and entity.type == "ORG" and index.keys[lo_e][-1] in nouns:
                return entity_argument(entity)
    return None


_ACTOR_BEFORE = 7  # tokens before the trigger where its subject may be named
_DATE_WORDS = MONTH_WORDS | {"منذ"}
_CAMPAIGN_HEADS = words("حمله حملات")
# من / في: the preposition of «managed to» / «succeeded in» before a trigger (تمكنت الشرطة، أمس، من تفكيك),
# and of membership before a group's bare head (عناصر من التنظيم، قيادي في الحركة)
_FROM_OR_IN = words("من في")
# Bare heads that refer back to a group named before (الحركة -> حركة الشباب), with the head of its name.
_BACK_HEADS = {"التنظيم": "تنظيم", "الحركه": "حركه", "الجماعه": "جماعه", "الميليشيا": "ميليشيا", "الفصيل": "فصيل"}


def _aside_before(index: ArticleIndex, a: int, lo: int) -> int:
    """How many tokens a time set off right before the trigger takes (عقد الوالي، صباح اليوم الأربعاء،
    اجتماعاً): they do not use up the reach of the subject before it."""
    timed = index.time_tokens()

    def dated(k: int) -> bool:  # منذ صباح اليوم الثلاثاء 23 سبتمبر: a date run on after the time, and «since»
        return k in timed or index.norms[k].isdigit() or index.norms[k] in _DATE_WORDS

    k = a - 1
    if k > lo and (index.has(k, _CAMPAIGN_HEADS) or index.norms[k] in _FROM_OR_IN):
        k -= 1  # شنت القوات، فجر اليوم، حملة دهم / تمكنت الشرطة، أمس، من تفكيك: a word stands between
    if k > lo and index.norms[k] == ",":
        k -= 1
    if not dated(k):
        return 0
    while k > lo and dated(k):
        k -= 1
    if index.norms[k] == ",":
        k -= 1
    return a - 1 - k


def _actor(index: ArticleIndex, a: int, b: int, c_lo: int, c_hi: int, lo: int) -> EventArgument | None:
    for j in index.tokens_in(_agent_cue, b, min(c_hi, b + 4)):
        found = index.entities_in(j + 1, min(index.sentence_ranges[index.sentence_of[j]][1], j + 7))
        if found:
            return entity_argument(found[0][2])
    if (shooter := _fired_by(index, b, min(c_hi - 1, b + 4))) is not None:
        return shooter  # برصاص الجيش X، بنيران قوات X
    if _verb_trigger(index.norms[a]):
        after = index.entities_in(b, min(c_hi, b + 4))
        # the subject follows its verb, at once or behind a head noun (قصفت قوات X); قصفت مواقع لحزب الله
        # names the object's owner, not the subject
        # (أوقفت مفارز للجيش، مفارز مشتركة للجيش: a unit of it, maybe described)
        # (or a unit of it: وحدة من الدرك الوطني، مفرزة من الجيش)
        head_gap = (
            2
            if after and index.has(b, SUBJECT_HEADS) and (describes(index.norms[b + 1]) or index.norms[b + 1] == "من")
            else 1
        )
        if after and (after[0][0] == b or (b < after[0][0] <= b + head_gap and index.has(b, SUBJECT_HEADS))):
            return entity_argument(after[0][2])
    elif b < c_hi and index.norms[b].startswith("ل") and (owner := _owner_from(index, b)) is not None:
        return entity_argument(owner[2])  # هجوم لتنظيم داعش، غارة للتحالف: the noun's owner did it
    if trigger_kill(index, a):  # استُشهد شاب وأصيب ثلاثة، فجر اليوم، برصاص قوات الاحتلال: by whose fire
        hi = index.sentence_ranges[index.sentence_of[a]][1]
        if (shooter := _fired_by(index, b, min(hi - 1, b + _FIRE_REACH))) is not None:
            return shooter
        if (agent := _by_hand(index, b, min(hi - 1, b + _FIRE_REACH), hi)) is not None:
            return agent  # قُتل عنصر ... إثر استهداف سيارته بالرصاص من قبل مجهولين
    if (speaker := _own_forces_speaker(index, a, lo)) is not None:
        return speaker
    if (announcer := _announced_act(index, a, lo)) is not None:
        return announcer
    if a > lo and index.norms[a - 1] == _THAT and not _verb_trigger(index.norms[a]):
        return _force_actor(index, a, b, c_lo, c_hi)  # قال قائممقام بنجوين، هيمن عبد الله، إن القصف: he reports it
    aside = _aside_before(index, a, lo)
    reach = _ACTOR_BEFORE + aside
    before = [
        e
        for e in index.entities_in(max(lo, a - reach), a)
        if not index.has(e[0] - 1, _AGAINST)
        and not (index.has(e[0] - 2, _AGAINST) and index.norms[e[0]].startswith("ل"))  # على دورية للحرس: aimed at
        and not _affiliation(index, e[0])
        and not index.has(e[0] - 2, _SUPPORTERS)
        and not (index.has(e[0] - 1, _SUPPORTERS) and index.norms[e[0] - 1].startswith("ب"))
        and not _speaker(index, e, a)
        and not _victims_unit(index, e, lo)
        and not _members_of(index, e[0])
        and not _owner_of_the_item_before(index, e[0], a)
    ]
    if before:
        return entity_argument(before[-1][2])
    if (named := _named_before(index, a, max(lo, a - reach))) is not None:
        return named
    return _force_actor(index, a, b, c_lo, c_hi, aside)


def _named_before(index: ArticleIndex, a: int, first: int) -> EventArgument | None:
    """وكانت الحركة قد شنت ... هجوماً: a group referred to by its bare head noun as the subject is the
    organisation of that head named last before it (حركة الشباب، تنظيم الدولة), linked like it."""
    for j in range(a - 1, first - 1, -1):
        head = _BACK_HEADS.get(strip_clitics(index.norms[j]))
        if head is None or index.entity_at(j) is not None:
            continue
        if j > 0 and (index.has(j - 1, _AGAINST) or index.norms[j - 1] in _FROM_OR_IN):
            return None  # عناصر من التنظيم، قيادي في الحركة، ضد الجماعة: its members or its target
        for lo_e, _, entity in reversed(index.entities_in(0, j)):
            if entity.type == "ORG" and listed(index.norms[lo_e], (head,)):  # فصيل: ف is no clitic here
                return entity_argument(entity)
        return None
    return None


def _own_forces_speaker(index: ArticleIndex, a: int, lo: int) -> EventArgument | None:
    """أعلن الجيش الإسرائيلي، في بيان، أن طائراته شنت غارات: the organisation whose own forces the reported
    clause names (a possessive force noun right after أن, or أنه / أنها) did what the clause tells."""
    for t in range(a - 1, max(lo, a - _OWN_REACH) - 1, -1):
        norm = index.norms[t]
        if norm in _OWN_ACT:
            break
        if norm == _THAT:
            if t + 1 < a and _own_forces(index.norms[t + 1]):
                break
            return None  # أن مسلحين هاجموا: the reported clause has a subject of its own
        if norm in _REPORT_BREAKS:
            return None
    else:
        return None
    for v in range(t - 1, max(lo, t - _SPEAKER_REACH) - 1, -1):
        if index.has(v, REPORTING_VERBS):
            subject = index.entity_from(v + 1)
            if subject is not None and subject[2].type == "ORG":
                return entity_argument(subject[2])
            return force_phrase(index, v + 1, t) if subject is None else None  # أعلنت الشرطة أنها اعتقلت
    return None


def _announced_act(index: ArticleIndex, a: int, lo: int) -> EventArgument | None:
    """وأعلنت إدارة أمن شبوة، في وقت لاحق، القبض على ثلاثة: a verbal noun the verb أعلن governs is the act of
    the organisation that announces it (its subject, named or referred to: أعلنت المديرية), unless a clause
    of reported speech (أن ...) stands between them."""
    for v in range(a - 1, max(lo, a - _ANNOUNCE_REACH) - 1, -1):
        norm = index.norms[v]
        if norm in _OWN_ACT or norm == _THAT or norm in _REPORT_BREAKS:
            return None
        if index.has(v, _ANNOUNCING):
            if index.norms[a - 1] != "," and a - 1 != v + 1 and index.entity_at(a - 1) is None:
                return None  # أعلنت الوزارة التوصل إلى اتفاق: the act governed is التوصل, not the trigger
            subject = index.entity_from(v + 1)
            if subject is not None:
                return entity_argument(subject[2]) if subject[2].type == "ORG" else None
            return _antecedent(index, v + 1, v + 2)  # أعلنت المديرية: the directorate named before
    return None


def _own_forces(norm: str) -> bool:
    """قواته، طائراتها، مدفعيته، عناصرها: a force noun with a possessive pronoun."""
    return any(norm.endswith(pronoun) and norm[: -len(pronoun)] in _FORCE_STEMS for pronoun in ("هم", "ها", "ه"))


def _fired_by(index: ArticleIndex, lo: int, hi: int) -> EventArgument | None:
    """The entity named right after برصاص / بنيران in tokens [lo, hi): whose fire it was."""
    for j in range(lo, hi):
        if index.has(j, _FORCE_CUES) and (named := index.entity_from(j + 1)) is not None:
            return entity_argument(named[2])
    return None


def _by_hand(index: ArticleIndex, lo: int, hi: int, end: int) -> EventArgument | None:
    """Who is named after «من قبل» / «على يد» / «بأيدي» in tokens [lo, hi): an entity or a force phrase."""
    norms = index.norms
    for j in range(lo, hi):
        cue = (norms[j] == "قبل" and norms[j - 1] == "من") or (norms[j] == "يد" and norms[j - 1] == "علي")
        if cue or norms[j] == "بايدي":
            named = index.entity_from(j + 1)
            if named is not None:
                return entity_argument(named[2])
            return force_phrase(index, j + 1, end)
    return None


def _members_of(index: ArticleIndex, lo_e: int) -> bool:
    """«٥ عناصر من عصابات داعش، وضبط ...»: the group the people just counted belong to did not act."""
    j = lo_e - 1
    if j > 0 and index.has(j, _GROUP_NOUNS):
        j -= 1
    if j < 2 or index.norms[j] != "من":
        return False
    # counted (٥ عناصر من، على عناصر من): the people an act was aimed at; «مسلحين من قوات X خطفوا» did it
    counted = j - 2 in index.numbers or index.norms[j - 2] == "علي"
    return j - 1 in index.numbers or (index.has(j - 1, _MEMBER_NOUNS) and counted)


def _victims_unit(index: ArticleIndex, entity: tuple[int, int, Any], lo: int) -> bool:
    """قُتل قيادي في حزب العمال الكردستاني بغارة: the organisation the casualties belong to did not strike."""
    j = entity[0] - 1
    return j > lo and index.norms[j] in {"في", "من"} and index.any_in(casualty, lo, j)


# A kill verb with its object pronoun (تقتلهما، قتلتهم): the force right after it is its subject, who killed.
_KILL_STEMS = ("تقتل", "يقتل", "قتل")
_OBJECT_PRONOUNS = ("هما", "هم", "ها")


def _force_actor(index: ArticleIndex, a: int, b: int, c_lo: int, c_hi: int, aside: int = 0) -> EventArgument | None:
    """A force named by a common noun phrase, when no entity did it: قوات الاحتلال، القوات الحكومية،
    الطائرات الإسرائيلية، العدو الإسرائيلي، مسلحون مجهولون. Read after a cue (برصاص، بنيران، من قبل), right
    after a verb trigger (its subject), or shortly before the trigger, unless it is aimed at (على، ضد) or
    counted among the casualties (مقتل عناصر من ...).
    """
    for j in range(b, min(c_hi, b + 4)):
        cue = index.has(j, _FORCE_CUES) or _agent_cue(index.norms[j])  # برصاص، شنه، نفذه
        if cue and (found := force_phrase(index, j + 1, c_hi)) is not None:
            return found
    if _verb_trigger(index.norms[a]) and (found := force_phrase(index, b, c_hi)) is not None:
        return found
    if _verb_trigger(index.norms[a]) and (country := _country_at(index, b)) is not None:
        return country  # قصفت روسيا ...: a state as the subject
    for j in range(b, min(c_hi, b + 2)):  # غارة إسرائيلية، قصف مدفعي تركي: the state that did it
        # but not a country named after على (عقوبات على روسيا: روسياً is also the accusative adjective)
        if index.norms[j] in _NATIONAL_ADJECTIVES and not index.place_at(j) and not index.has(j - 1, _AGAINST):
            token = index.ctx.tokens[j]
            return span_argument(index.ctx.body, token.start, token.end, strip=False)
    # past a time set off before the trigger (شنت قوات الاحتلال، فجر اليوم، حملة دهم), in the clause before it
    last = a - 1 - aside
    first = index.clause(last)[0] if aside else c_lo
    for j in range(last, max(first, last + 1 - _FORCE_BEFORE) - 1, -1):
        if index.has(j, FORCE_HEADS):
            counted = any(casualty(index.norms[k]) or k in index.numbers for k in range(max(c_lo, j - 4), j))
            before = index.norms[j - 1]
            if counted and before.startswith(_KILL_STEMS) and before.endswith(_OBJECT_PRONOUNS):
                counted = False  # قبل أن تقتلهما قوات الأمن: the verb's subject killed
            if index.has(j - 1, _AGAINST) or counted:
                return None  # aimed at, or the casualties' own unit (قتل ثلاثة من عناصر الجيش)
            return force_phrase(index, j, last + 1)
    return None


def _country_at(index: ArticleIndex, j: int) -> EventArgument | None:
    """The country named at token ``j`` (a resolved place that is a whole country), as an argument."""
    for lo, _, place in index.places_in(j, j + 1):
        if lo == j and _country_only(place):
            return EventArgument(text=place.text, start=place.start, end=place.end, type="LOC")
    return None


def _speaker(index: ArticleIndex, entity: tuple[int, int, Any], a: int) -> bool:
    """Whether an entity named right after a reporting verb only reports the event at trigger ``a``.

    A person there (أعلن "الزاملي" عن انفجار) does. An organisation there usually announces its own act
    (أعلن الحوثيون إسقاط طائرة، أعلن الجيش أنه قصف), unless the event is told in a clause of reported speech
    with a subject of its own (قالت وزارة الصحة إن غارة إسرائيلية ...، أعلنت الوزارة أن مسلحين خطفوا).
    """
    if index.any_in(_condemning, max(0, entity[0] - _CONDEMN_REACH), entity[0]):
        return True  # أدان رئيس الوزراء شهباز شريف التفجير: he condemned it
    if entity[2].type == "PER" and any(index.norms[t] == _THAT for t in range(entity[1], a)):
        return True  # قال المتحدث باسم الجيش، النقيب X، إن وحدات الجيش اعتقلت: he tells what others did
    j = entity[0] - 1
    while j >= 0 and not index.norms[j].isalpha():
        j -= 1
    if j < 0 or not index.has(j, REPORTING_VERBS):
        return False
    if entity[2].type == "PER":
        return True
    that = next((t for t in range(entity[1], a) if index.norms[t] == _THAT), None)
    # إن قواته / طائراتها: the speaker's own forces did it
    return that is not None and not index.ctx.tokens[that + 1].text.endswith(_POSSESSIVE)


def _target(index: ArticleIndex, m: Mention, a: int, b: int, lo: int, hi: int) -> EventArgument | None:
    body = index.ctx.body
    if m.type == "seizure":
        seized = [j for j in range(b, min(hi, b + 7)) if index.has(j, SEIZABLE)]
        # كميات كبيرة من الأسلحة: what was seized, not how much of it
        named = [j for j in seized if not index.has(j, _QUANTITIES)] or seized
        if named:
            token = index.ctx.tokens[named[0]]
            return span_argument(body, token.start, token.end)
        return None
    if m.type in ("statement", "meeting", "agreement"):
        return None
    if trigger_kill(index, a) and b < hi and not index.has(b, _TARGET_PREPS_OR_IN):
        # the people killed: a noun (مقتل مدنيين) or a dual noun (مقتل إداريتين), not a number (قتل 18 مسلحاً)
        number = index.numbers.get(b)
        if number is None:
            named = person_count(index, b) or any(k.endswith(("ين", "تين")) for k in index.keys[b])
        else:
            named = names_people(index, b)
        if named and not index.has(b, NOT_VICTIMS):
            token = index.ctx.tokens[b]
            return span_argument(body, token.start, token.end)
    for lo_e, _, entity in index.entities_in(b, min(hi, b + 8)):
        if index.has(lo_e - 1, _TARGET_PREPS) and (m.actor is None or entity.text != m.actor.text):
            return entity_argument(entity)
    if m.type == "arrest":
        for lo_e, _, entity in reversed(index.entities_in(max(lo, a - 12), a)):
            if index.has(lo_e - 1, _FROM) and (m.actor is None or entity.text != m.actor.text):
                return entity_argument(entity)
        return arrested_phrase(index, a, b, index.clause(a)[1], m.actor)
    if m.type in TARGETED_TYPES:
        return aimed_phrase(index, a, b, index.clause(a)[1], m.actor) or victims(index, a, b, hi)
    if m.type == "sanction":
        return _sanctioned(index, m, b, hi)
    return None


def _sanctioned(index: ArticleIndex, m: Mention, b: int, hi: int) -> EventArgument | None:
    """Whom sanctions are imposed on: the country, group or people after على (عقوبات على روسيا)."""
    on = next((j for j in range(b, min(hi, b + _SANCTION_REACH)) if index.norms[j] == "علي"), None)
    if on is None or on + 1 >= hi:
        return None
    place = index.places_in(on + 1, on + 2)
    if place:
        tokens = index.ctx.tokens
        return span_argument(index.ctx.body, tokens[on + 1].start, tokens[place[0][1] - 1].end)
    return phrase_at(index, on + 1, min(hi, index.clause(on)[1]), m.actor)


def _suffered(norm: str) -> bool:
    """A verb whose subject is its victim: the passive of «assassinate», «martyred» (اغتيلت، استشهد)."""
    return strip_clitics(norm).startswith(("اغتيل", "استشهد"))


def trigger_kill(index: ArticleIndex, a: int) -> bool:
    return _kill_trigger(index.norms[a])


@lru_cache(maxsize=50_000)
def _kill_trigger(norm: str) -> bool:
    return any(TRIGGERS[k].kill for k in token_keys(norm) if k in TRIGGERS)


@lru_cache(maxsize=50_000)
def _verb_trigger(norm: str) -> bool:
    """A verb, or a bare word that is also one (خطف مسلحون: "gunmen abducted", not "the abduction")."""
    if norm in VERB_FORMS or (norm[:1] in ("و", "ف") and norm[1:] in VERB_FORMS):
        return True
    return any(TRIGGERS[k].verb for k in token_keys(norm) if k in TRIGGERS)


@token_flag
def _condemning(norm: str) -> bool:
    return not key_set(norm).isdisjoint(_CONDEMNING)


@token_flag
def _agent_cue(norm: str) -> bool:
    """A word before the agent: نفذ، شن، أطلق ... (by its beginning), من قبل، على يد، بأيدي."""
    return any(key.startswith(_AGENT_MARKERS) for key in token_keys(norm)) or not key_set(norm).isdisjoint(_BY_HAND)


def _locate(index: ArticleIndex, m: Mention, a: int, c_lo: int, c_hi: int, lo: int, hi: int) -> None:
    _locate_named(index, m, a, c_lo, c_hi, lo, hi)
    if m.location is None or m.rank > _TOWN_RANK:
        _locate_by_anaphor(index, m, c_lo, c_hi, lo)


def _locate_in_previous(index: ArticleIndex, m: Mention, a: int, lo: int) -> None:
    """«وأوقف الدرك الوطني 31 شخصاً ...» after a sentence set in مقاطعة أسونغا: a sentence that names no
    place goes on where the sentence before it, in the same paragraph, was set. The place is the event's
    only when none of its mentions names one, so it never keeps two mentions from merging."""
    p_lo, p_hi = index.sentence_ranges[m.sentence_index - 1]
    if p_hi <= p_lo or "\n" in index.ctx.body[index.ctx.tokens[p_hi - 1].end : index.ctx.tokens[lo].start]:
        return
    rank, context = m.rank, m.context
    _locate_named(index, m, a, p_lo, p_hi, p_lo, p_hi)
    # kept aside: used only when no mention of the event names a place (the merge reads m.location)
    m.carried, m.location, m.rank, m.context = m.location, None, rank, context


def _wide(index: ArticleIndex, p_lo: int, place: Any) -> bool:
    """A region: an administrative area, or a city named as its province or countryside (محافظة حمص، بريف حمص)."""
    return place.feature_class == "A" or index.has(p_lo - 1, WIDE_PLACE_WORDS)


def _locate_by_anaphor(index: ArticleIndex, m: Mention, c_lo: int, c_hi: int, lo: int) -> None:
    """«اقتحمت القرية»، «اشتباكات في البلدة»: a definite settlement noun with no name after it is the town or
    village named last before this sentence, more specific than the region the sentence may name."""
    anaphor = next((j for j in range(c_lo, c_hi) if index.has(j, _ANAPHORS)), None)
    if anaphor is None or index.place_at(anaphor + 1) or index.entity_at(anaphor + 1) is not None:
        return
    if anaphor + 1 < len(index.norms) and index.norms[anaphor + 1].startswith("ال"):
        return  # القرية المجاورة، البلدة الواقعة ...: another one, described
    earlier = index.places_in(max(0, lo - _ANAPHOR_REACH), anaphor)  # named before it, this sentence too
    noun = _ANAPHORS_NOUNS[next(k for k in index.keys[anaphor] if k in _ANAPHORS)]
    named = next((p for p_lo, _, p in reversed(earlier) if _named_as(index, p_lo, noun)), None)
    if named is None:  # no «بلدة X» before «البلدة»: the last town or village named, if no province since
        for p_lo, _, place in reversed(earlier):
            if place.feature_class == "A" and place.admin1:
                return
            if place.feature_class == "P" or (place.feature_class is None and place_rank(index, p_lo, place) <= 1.2):
                named = place
                break
    if named is not None:
        m.location, m.rank = location_of(named), _TOWN_RANK


def _named_as(index: ArticleIndex, p_lo: int, noun: frozenset[str]) -> bool:
    """Whether the place at ``p_lo`` is named with the settlement noun (بلدة طمون، مخيم الفارعة). The anaphor
    itself before a place is no such noun: «من البلدة ومخيم الفارعة» names the camp, not a town."""
    if index.has(p_lo, noun):
        return True
    return index.has(p_lo - 1, noun) and not index.has(p_lo - 1, _ANAPHORS)


_SPOT_RANK = 0.5  # place_rank of a place a settlement or spot word names (بلدة بوداي، مخيم الفارعة)


def _locate_named(index: ArticleIndex, m: Mention, a: int, c_lo: int, c_hi: int, lo: int, hi: int) -> None:
    # not where the wounded were taken (نُقل إلى مستشفى الخليل) nor where the attackers fled (انسحبوا باتجاه
    # الحدود مع النيجر): they say nothing of where the event was
    sentence_places = [p for p in index.places_in(lo, hi) if not taken_to(index, p[0]) and not fled_to(index, p[0])]
    # nor a place the speaker names in a quotation the event is outside of (مؤكداً أن "موريتانيا لن تغلق ...")
    sentence_places = [p for p in sentence_places if not _quoted_apart(index, p[0], a, lo, hi)]
    if not sentence_places:
        return
    # Per article: a sentence's places, a place's rank and its location record are the same for every
    # mention (records are immutable, and ``context`` is only read), so each is made once.
    memo: dict[object, Any] = index.memo("locate", dict)
    context = memo.get((lo, hi))
    if context is None:
        context = memo[(lo, hi)] = [p for _, _, p in sentence_places]
    m.context = context
    places_told = _not_dateline(index, sentence_places)  # not the city the report was filed from
    in_clause = [
        p
        for p in _not_dateline(index, index.places_in(c_lo, c_hi))
        if not retreat_destination(index, p[0]) and not taken_to(index, p[0])
    ]
    if len(in_clause) > 1:
        own = _own_stretch(index, a, c_lo, c_hi)
        in_clause = [p for p in in_clause if own[0] <= p[0] < own[1]] or in_clause
    candidates = in_clause or places_told
    candidates = candidates or sentence_places  # the dateline's city, when the sentence names no other place
    if all(_country_only(place) for _, _, place in candidates):
        # التقت المبعوثة إلى ليبيا ...، في طرابلس: a place of the sentence inside the clause's country is
        # more specific than the country
        codes = {place.country_code for _, _, place in candidates}
        inside = [p for p in places_told if p[2].country_code in codes and not _country_only(p[2])]
        candidates = inside or candidates
    elif in_clause and all(_wide(index, p_lo, place) for p_lo, _, place in in_clause):
        # غارات على مناطق في البقاع الشمالي، استهدفت الأولى منزلاً في بلدة بوداي: the clause names the region
        # (or a city as its province: في محافظة حمص), the next one the town the strikes hit; a town or village
        # named as such after the clause may place it
        codes = {place.country_code for _, _, place in in_clause} | {None}
        candidates = in_clause + [
            p
            for p in places_told
            if p[0] >= c_hi
            and p[2].country_code in codes
            and place_rank(index, p[0], p[2]) <= _SPOT_RANK
            and not any(index.has(k, CONTRASTS) for k in range(c_hi, p[0]))  # فيما ألقت ... في حي الواسطي
        ]
    ranked = []
    for p_lo, p_hi, place in candidates:
        rank = memo.get(id(place))
        if rank is None:
            rank = memo[id(place)] = place_rank(index, p_lo, place)
        ranked.append((rank, p_lo, p_hi, place))
    best = min(r[0] for r in ranked)
    top = [(p_lo, p_hi, place) for rank, p_lo, p_hi, place in ranked if rank == best]
    chosen = nearest(top, a)
    if chosen is not None:
        place = chosen[2]
        location = memo.get(("location", id(place)))
        if location is None:
            location = memo[("location", id(place))] = location_of(place)
        m.location, m.rank = location, best


@token_flag
def _listed_event(norm: str) -> bool:
    """An event noun joined to the one before by «و» (وتفجير، ومعارك، واعتقال)."""
    return norm[:1] == "و" and any(k in TRIGGERS for k in token_keys(norm)[1:])


def _owner_from(index: ArticleIndex, b: int) -> tuple[int, int, Any] | None:
    """The entity a «ل» at ``b`` makes the owner: لتنظيم داعش as one word, or لـ"داعش" written apart."""
    if index.norms[b] != "ل":
        return index.entity_from(b)
    k = b + 2 if b + 2 < len(index.norms) and index.norms[b + 1] in _QUOTE_MARKS else b + 1
    return index.entity_from(k) if k < len(index.norms) else None


def _owner_of_the_item_before(index: ArticleIndex, lo_e: int, a: int) -> bool:
    """«مقتل 4 عناصر بهجوم لداعش ... وحملة دهم في الميادين»: the group that owns an event listed before this
    one (its «ل» after the event noun, read as _owner_from reads it) did that one; «و» and a new event noun
    lie between."""
    owned = any(
        index.norms[j + 1].startswith("ل")
        and index.any_in(_event_noun, j, j + 1)
        and (owner := _owner_from(index, j + 1)) is not None
        and owner[0] == lo_e
        for j in range(max(0, lo_e - 3), lo_e)  # بهجوم لداعش، بهجوم ل داعش، بهجوم لـ"داعش"
    )
    return owned and any(index.norms[k].startswith("و") for k in index.tokens_in(_event_noun, lo_e + 1, a + 1))


@token_flag
def _event_noun(norm: str) -> bool:
    return any(k in TRIGGERS or k in _CAMPAIGN_HEADS for k in token_keys(norm))


def _own_stretch(index: ArticleIndex, a: int, c_lo: int, c_hi: int) -> tuple[int, int]:
    """The part of the clause that lists the event at ``a``: «غارة في إدلب وتفجير في مقديشو ومعارك حول
    الفاشر» names a place for each event it lists, from its noun to the next one's «و»."""
    after = index.tokens_in(_listed_event, a + 1, c_hi)
    return (a if _listed_event(index.norms[a]) else c_lo), (after[0] if after else c_hi)


def _quoted_apart(index: ArticleIndex, k: int, a: int, lo: int, hi: int) -> bool:
    """Whether token ``k`` is inside a quotation of three words or more in [lo, hi) opened after token ``a``."""
    for q_lo, q_hi in index.memo(("quotations", lo), lambda: _quotations(index, lo, hi)):
        if q_lo < k < q_hi:
            return a < q_lo
    return False


def _quotations(index: ArticleIndex, lo: int, hi: int) -> list[tuple[int, int]]:
    """The (open, close) token pairs of the quotations of [lo, hi) three words long or more."""
    spans = []
    open_at = None
    for j in range(lo, hi):
        norm = index.norms[j]
        if norm in _QUOTE_MARKS:
            if open_at is None and norm not in _CLOSING_MARKS:
                open_at = j
            elif open_at is not None:
                if j - open_at > _QUOTED_WORDS:
                    spans.append((open_at, j))
                open_at = None
    return spans


def _country_only(place: Any) -> bool:
    return place.feature_class == "A" and not place.admin1 and bool(place.country_code)


def _not_dateline(index: ArticleIndex, places: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """``places`` without the datelines' cities, which say where the reports were filed (بيروت - أ ف ب)."""
    datelines = index.ctx.datelines
    if not datelines or not places:
        return places
    return [item for item in places if not any(d.place[0] <= item[2].start < d.place[1] for d in datelines)]


@token_flag
def _background_cue(norm: str) -> bool:
    return not key_set(norm).isdisjoint(_BG_ALL)


def _background(index: ArticleIndex, m: Mention, a: int, lo: int) -> None:
    if (lo < a and index.has(lo, _BG_OPENERS)) or (lo + 1 < a and index.has(lo + 1, _BG_OPENERS)):
        m.background = True
    for j in reversed(index.tokens_in(_background_cue, max(lo, a - _BG_REACH), a)):
        if index.has(j, _BG_ANYWHERE) or (index.has(j, _BEFORE) and index.has(j + 1, _LONG_AGO_UNITS)):
            m.background = True
        if index.has(j, _SCOPE_BREAKS):
            break
        # but قُتل ثلاثة جنود إثر انفجار عبوة: the cause of casualties reported now; and «عاد الهدوء بعد
        # اشتباكات اندلعت مساء الثلاثاء»: what happened after an event dated in the past days is news too
        current = index.any_in(casualty, lo, j) or m.recent
        if index.has(j, _BG_SCOPE) and j <= lo + 1 and "," in index.norms[j + 1 : a]:
            break  # وعقب الهجوم، أطلقت القوات عملية تمشيط: a fronted «after» phrase ends at its comma
        if index.has(j, _BG_SCOPE) and not index.has(j - 1, _ON) and not current and not dated_lately(index, lo, j):
            m.background = True
