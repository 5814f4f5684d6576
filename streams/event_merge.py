"""One event per real-world event: mentions inherit from their operation, then merge into clusters.

A mention is one trigger in one sentence with its arguments. Arrests and seizures without a place or an
actor take them from the nearest security operation; mentions of one type whose places, actors and counts
agree merge, keeping the most specific place, the first counts reported for one incident (not a summary),
and ``background`` only if no mention reports the event as current news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.schemas.records import EventArgument, EventLocation, EventTime, Place

from .arabic import fold, strip_clitics
from .context import EventFinding
from .event_lexicon import ASSAULT_TYPES, CONTRASTS
from .tokenize import Sentence

__all__ = ["Mention", "inherit_agency", "inherit_from_operations", "merge_mentions"]

_COUNTS = ("killed", "injured", "arrested")
_fold = lru_cache(maxsize=20_000)(fold)
_INHERITING = frozenset({"arrest", "seizure"})
_COUNT_OF_DEAD = re.compile("عدد (?:ال)?(?:شهداء|قتلى|ضحايا|جرحى|المصابين|مصابي)")  # ارتفع عدد شهداء الغارة
_TOLL_VERBS = ("ارتفع", "ترتفع", "يرتفع", "بلغت", "وصلت", "ارتفاع")
_BACK_REFERENCES = frozenset({"الهجوم", "الاعتداء", "العمليه", "الهجوم الارهابي", "الهجوم الدامي"})
_SPECIFIC_ASSAULTS = frozenset({"bombing", "airstrike", "shelling"})
_REFERRING_TYPES = frozenset({"sanction", "agreement", "meeting"})  # وقّعا خلال الاجتماع: the meeting told before
_CLAIM_WORDS = frozenset(
    ["زاعما", "زاعمه", "زاعمين", "مدعيا", "مدعيه", "زعم", "زعمت", "وزعم", "وزعمت", "ادعي", "ادعت", "وادعي", "وادعت"]
)
# claiming verbs, with the jussive after لم (ولم تتبنَّ أي جهة الهجوم)
_CLAIMING = frozenset(
    ["تبني", "تبنت", "وتبني", "وتبنت", "يتبني", "تتبني", "تتبن", "يتبن", "تبنيه", "تبنيها", "مسؤوليته", "مسؤوليتها"]
)
_NO_TIME = EventTime()
# The bomb or blast of a bombing, named again with the article (وانفجرت العبوة لحظة مرور الحافلة)
_BOMBS = frozenset(["العبوه", "العبوه الناسفه", "الانفجار", "التفجير", "السياره المفخخه", "الحزام الناسف"])
_ORDINALS = frozenset(["الثاني", "الثانيه", "الاخر", "الاخري", "الثالث", "الثالثه", "الاول", "الاولي", "المماثل"])
_KILL_NOUNS = frozenset({"مقتل", "قتل", "استشهاد", "مصرع"})
_DISTINCT_TOLL = 5


@dataclass(slots=True, eq=False)
class Mention:
    """One trigger of one sentence and what was attached to it (mutable while the finder works).

    Compared by identity: each mention is one trigger position, and field-by-field equality made the
    membership tests of the merge (``in``, ``index``) cost a twenty-field tuple comparison each.
    """

    type: str
    trigger: EventArgument
    sentence: Sentence
    sentence_index: int
    summary: bool = False
    passive: bool = False
    confidence: float = 0.6
    actor: EventArgument | None = None
    target: EventArgument | None = None
    location: EventLocation | None = None
    carried: EventLocation | None = None  # the place of the sentence before, if no mention has one
    rank: float = 9.0
    context: list[Place] = field(default_factory=list)
    time: EventTime = _NO_TIME  # records are immutable: one shared empty time
    time_explicit: bool = False  # the time is in the trigger's clause or within a few tokens of it
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    count_text: str | None = None
    background: bool = False
    recent: bool = False
    refers_back: bool = False  # العقوبات، الاتفاق: the definite noun names the event told before
    claims: bool = False  # وتبنت حركة الشباب الهجوم: who claimed the attack told before
    toll_of: Mention | None = None  # the more specific report of the same dead (a headline's مقتل 23)


_POLICING = frozenset({"arrest", "seizure", "security_operation"})


def inherit_agency(mentions: list[Mention]) -> None:
    """An arrest, seizure or operation told with no actor (وأضاف البيان أن مفرزة أخرى تمكنت من اعتقال ...)
    is the work of the body whose arrest, seizure or operation was told last before it, or in its sentence:
    a communiqué names its force once and then says «the unit», «another detachment»."""
    for mention in mentions:
        if mention.type not in _POLICING or mention.actor is not None or mention.background:
            continue
        source = next(
            (
                n
                for n in reversed(mentions)
                if n is not mention
                and n.type in _POLICING
                and n.actor is not None
                and not n.background
                and n.sentence_index <= mention.sentence_index
            ),
            None,
        )
        if source is not None:
            mention.actor = source.actor


def inherit_from_operations(mentions: list[Mention]) -> None:
    """Arrests/seizures with no place or actor happened in the operation reported nearest before them.

    An arrest with no target, told in or after an operation's sentence, takes the operation's target: the
    people arrested belong to the group the operation was aimed at (فككت خلية تابعة لتنظيم X ... واعتقلت).
    """
    operations = [m for m in mentions if m.type == "security_operation"]
    if not operations:
        return
    best: dict[int, Mention] = {}
    when: dict[int, EventTime] = {}  # the time the merged operation will carry (its own explicit one first)
    for cluster in _cluster(operations):
        placed = min(cluster, key=lambda n: n.rank)
        timed = _first_time(cluster, placed)
        for m in cluster:
            best[id(m)], when[id(m)] = placed, timed
    for mention in mentions:
        if mention.type not in _INHERITING:
            continue
        before = [op for op in operations if op.sentence_index <= mention.sentence_index]
        if mention.type == "arrest" and (mention.target is None or mention.target.type is None):
            # the arrested belong to the group hunted (ثلاثة شبان are the people; the operation names their group)
            hunted = next((op.target for op in reversed(before) if op.target is not None), None)
            mention.target = hunted or mention.target
        if mention.location and mention.actor:
            continue
        ordered = [*reversed(before), *(op for op in operations if op.sentence_index > mention.sentence_index)]
        if mention.actor is None:
            mention.actor = next((op.actor for op in ordered if op.actor is not None), None)
        op = next((op for op in ordered if best[id(op)].location is not None), None)
        if mention.location is None and op is not None:
            source = best[id(op)]
            mention.location, mention.rank, mention.context = source.location, source.rank, source.context
            if mention.time.text is None and when[id(op)].text is not None:
                mention.time, mention.time_explicit = when[id(op)], False


def merge_mentions(mentions: list[Mention]) -> list[EventFinding]:
    """Cluster mentions (incident reports first, summaries after) and build one finding per cluster."""
    _resolve_back_references(mentions)
    clusters = _cluster(mentions)
    clusters.sort(key=lambda c: min(m.trigger.start for m in c))
    _date_by_summaries(clusters)
    return [_finding(cluster) for cluster in clusters]


def _resolve_back_references(mentions: list[Mention]) -> None:
    """«الهجوم» told after a bombing or a strike, with no casualties of its own, is that event again.

    So are «العقوبات» and «الاتفاق» after sanctions or an agreement, when no time of their own comes with
    them (كما شملت العقوبات ...، ووقع الاتفاقية ...): they join the one told before whatever their arguments.

    قُتل خمسة أشخاص في تفجير انتحاري ... وتبنت حركة الشباب الهجوم: the generic, definite noun refers back;
    taking the type of the assault reported before it lets the merge make one event of the two (and the
    claim gives it its actor).
    """
    for mention in mentions:
        if mention.type in ASSAULT_TYPES and _claimants_version(mention.sentence.text):
            # تبنى التنظيم الهجوم، زاعماً أن عناصره قتلوا 41 جندياً: the claimant's figures, not the toll
            mention.killed = mention.injured = None
        if mention.type != "attack" or fold(mention.trigger.text) not in _BACK_REFERENCES:
            continue
        if mention.killed is not None or mention.injured is not None:
            continue
        # told before it, in an earlier sentence or earlier in its own (سقطت قذائف ...، ولم تتبنَّ أي جهة الهجوم)
        before = [n for n in mentions if n.type in _SPECIFIC_ASSAULTS and n.trigger.start < mention.trigger.start]
        if before:
            mention.type = before[-1].type
    for mention in mentions:
        # يعلن مقتل 23 من عناصر الشباب ... مقتل ٢٣ عنصراً في عملية عسكرية: one toll, one event
        if mention.type == "attack" and mention.killed is not None and _kill_noun(mention.trigger.text):
            same = [n for n in mentions if _same_toll(mention, n)]
            # a kill word beside that event in its own sentence is its toll (فتم التعامل معهم، ما أسفر عن مصرع
            # اثنين منهم), no other attack of the same toll
            told = {n.sentence_index for n in same}
            attacks = [
                n
                for n in mentions
                if n is not mention
                and n.type == "attack"
                and n.killed == mention.killed
                and n.sentence_index not in told
            ]
            if same and not attacks:
                mention.type, mention.toll_of = same[0].type, same[0]
    for mention in mentions:
        if _toll_of(mention):
            # ارتفعت حصيلة كمين ديابالي إلى 21 قتيلاً: the toll of the event told before, wherever this
            # sentence is set (its other places are the sources' and the authorities')
            mention.refers_back = _told_before(mention, mentions)
            continue
        if mention.type in _REFERRING_TYPES and not mention.time_explicit and _definite(mention.trigger.text):
            mention.refers_back = _told_before(mention, mentions)
        elif _the_bomb_again(mention) or _the_attack_again(mention, mentions):
            # وانفجرت العبوة لحظة مرور الحافلة: the bomb of the blast told before, wherever its sentence places it
            mention.refers_back = _told_before(mention, mentions)
        elif mention.type in ASSAULT_TYPES and _definite(mention.trigger.text):
            mention.claims = _claims_responsibility(mention.sentence.text)


def _the_bomb_again(mention: Mention) -> bool:
    """A definite bomb or blast noun with no casualties or time of its own (العبوة، الانفجار), not a second one."""
    if mention.type != "bombing" or mention.time_explicit or strip_clitics(fold(mention.trigger.text)) not in _BOMBS:
        return False
    if mention.killed is not None or mention.injured is not None:
        return False
    after = mention.sentence.text[mention.trigger.end - mention.sentence.start :].split()[:1]
    return not any(fold(word).strip("،,.") in _ORDINALS for word in after)


def _the_attack_again(mention: Mention, mentions: list[Mention]) -> bool:
    """«الهجوم» with no casualties or time of its own (تنديداً بالهجوم): the attack told before.

    A toll its sentence gives to another event (ورداً على الهجوم، نفذت الشرطة عملية أسفرت عن مقتل 5) is
    that event's, and taken from it.
    """
    trigger = strip_clitics(fold(mention.trigger.text))
    if mention.type not in ASSAULT_TYPES or mention.time_explicit or trigger not in _BACK_REFERENCES:
        return False
    if _claims_responsibility(mention.sentence.text):
        return False  # a claim has its own path, which keeps the claimant
    if mention.killed or mention.injured:
        others = [n for n in mentions if n is not mention and n.sentence_index == mention.sentence_index]
        if not any((n.killed, n.injured) == (mention.killed, mention.injured) for n in others):
            return False
        mention.killed = mention.injured = None
    return True


def _kill_noun(trigger: str) -> bool:
    """Whether a trigger is a plain kill noun or verb (مقتل، قتل، استشهاد، مصرع), not a kind of assault."""
    return fold(trigger).removeprefix("و") in _KILL_NOUNS


def _same_toll(mention: Mention, other: Mention) -> bool:
    """Whether ``other`` is a more specific report of the dead a kill word counts: another type of assault or
    an operation, in another sentence, with the same toll. Told in the headline, or a toll of five or more,
    it is the same incident (two incidents of the same large toll in one article are rare)."""
    return (
        other.type != "attack"
        and (other.type in ASSAULT_TYPES or other.type == "security_operation")
        and other.sentence_index != mention.sentence_index
        and other.killed == mention.killed
        and other.background == mention.background
        and (
            mention.sentence_index == 0
            or mention.killed >= _DISTINCT_TOLL  # type: ignore[operator]
            or other.sentence_index == mention.sentence_index - 1  # فتم التعامل معهم، ما أسفر عن مصرع ثلاثة
        )
        and _actors_agree(mention.actor, other.actor)
    )


def _told_before(mention: Mention, mentions: list[Mention]) -> bool:
    """Whether an event of the mention's type is told in an earlier sentence."""
    return any(n.type == mention.type and n.sentence_index < mention.sentence_index for n in mentions)


def _definite(trigger: str) -> bool:
    key = fold(trigger)
    return key.startswith(("ال", "وال", "بال", "فال", "لل"))


def _claims_responsibility(text: str) -> bool:
    """Whether a sentence tells who claimed an attack (وتبنت حركة الشباب الهجوم): the attack told before,
    whatever time or place the claim itself was made at."""
    return not _sentence_words(text).isdisjoint(_CLAIMING)


@lru_cache(maxsize=4096)
def _claimants_version(text: str) -> bool:
    """Whether a sentence gives a claimant's account (زاعماً أن، مدعياً أن، زعم): its figures are claims.

    Not when a contrast sets the claim apart (مقتل ستة جنود ...، فيما زعمت الحركة أنها قتلت 30): the
    figures before it are the report's own, and the casualty counts keep to their part of the sentence.
    """
    if _sentence_words(text).isdisjoint(_CLAIM_WORDS):
        return False
    words = fold(text).split()
    first = next(i for i, word in enumerate(words) if word in _CLAIM_WORDS)
    return CONTRASTS.isdisjoint(words[:first])


@lru_cache(maxsize=4096)
def _sentence_words(text: str) -> frozenset[str]:
    """A sentence's folded words, made once per sentence text (each of its mentions asks)."""
    return frozenset(fold(text).split())


def _date_by_summaries(clusters: list[list[Mention]]) -> None:
    """A summary dated next to its trigger dates every incident it sums up that has no time of its own.

    قُتل ... اليوم الجمعة، في تفجيرات منفصلة ... وفي حادث منفصل، أعلن عن انفجار عبوة: the second bombing
    happened "today" too, though only the lead says so. The summary joins one cluster; the others of its
    type and country borrow its time (as borrowed, not explicit).
    """
    summaries = [m for c in clusters for m in c if m.summary and m.time_explicit and m.time.text is not None]
    for summary in summaries:
        for cluster in clusters:
            if summary in cluster or any(m.time.text is not None for m in cluster):
                continue
            if _rolls_up(summary, cluster):
                for m in cluster:
                    m.time, m.background = summary.time, summary.background


def _cluster(mentions: list[Mention]) -> list[list[Mention]]:
    clusters: list[list[Mention]] = []
    twins = [m for m in mentions if m.toll_of is not None]
    told = [m for m in mentions if m.toll_of is None]
    for mention in [m for m in told if not m.summary] + [m for m in told if m.summary]:
        if mention.refers_back:
            earlier = [
                c for c in clusters if c[0].type == mention.type and c[0].sentence_index < mention.sentence_index
            ]
            if earlier:
                # ارتفع عدد شهداء غارة المواصي: the one whose place the update names, else the last told
                named = [c for c in earlier if any(_placed_in(m, mention.sentence.text) for m in c)]
                (named or earlier)[-1].append(mention)
                continue
        for cluster in clusters:
            if _compatible(mention, cluster) or (mention.summary and _rolls_up(mention, cluster)):
                cluster.append(mention)
                break
        else:
            claimed = [c for c in clusters if c[0].type == mention.type and not all(m.background for m in c)]
            if mention.claims and claimed:  # the claim's own place or time (its press conference) differ
                claimed[-1].append(mention)
            else:
                clusters.append([mention])
    for mention in twins:
        home = next((c for c in clusters if mention.toll_of in c), None)
        if home is not None:
            home.append(mention)
        else:
            clusters.append([mention])
    return clusters


def _placed_in(mention: Mention, text: str) -> bool:
    return mention.location is not None and bool(mention.location.text) and mention.location.text in text


def _compatible(mention: Mention, cluster: list[Mention]) -> bool:
    if mention.type != cluster[0].type:
        return False
    if mention.background and any(_earlier_day(mention, m) for m in cluster if not m.background):
        return False  # وكان العدوان قد شن الأحد الماضي غارات على المطار: an earlier strike, not today's again
    for other in cluster:
        if not _actors_agree(mention.actor, other.actor):
            return False
        if mention.type == "statement" and _other_days(mention, other):
            return False  # أدان الناطق، مساء الاثنين ... وأعلن الجيش في بيان ثانٍ، اليوم الثلاثاء: two statements
        if not mention.summary and not other.summary and not (_updates_toll(mention) or _updates_toll(other)):
            for name in _COUNTS:
                a, b = getattr(mention, name), getattr(other, name)
                if a is not None and b is not None and a != b:
                    return False
    located = [other for other in cluster if other.location is not None]
    if mention.location is None or not located:
        return True
    relations = [_relation(mention, other) for other in located]
    if any(clash for clash, _ in relations):
        return False
    agreeing = [agree for _, agree in relations]
    return any(agreeing) and (all(agreeing) or any(_same_name_location(mention, o) for o in located))


def _other_days(m: Mention, n: Mention) -> bool:
    """Whether both mentions are dated next to their triggers, to the day, and on different days (and neither is
    «البيان», which refers back to the one told before, whatever the date near it)."""
    if not (m.time_explicit and n.time_explicit) or _definite(m.trigger.text) or _definite(n.trigger.text):
        return False
    days = (m.time.date, n.time.date), (m.time.precision, n.time.precision)
    return None not in days[0] and days[1] == ("day", "day") and days[0][0][:10] != days[0][1][:10]  # type: ignore[index]


def _earlier_day(m: Mention, n: Mention) -> bool:
    """Whether background ``m`` is dated, next to its trigger, to a day before the day ``n`` is dated to."""
    if not (m.time_explicit and n.time_explicit) or m.time.date is None or n.time.date is None:
        return False
    return m.time.date[:10] < n.time.date[:10]


def _updates_toll(mention: Mention) -> bool:
    """Whether the mention's sentence updates a casualty toll (ارتفعت حصيلة ضحايا التفجير إلى 10 قتلى), or the
    mention is what a count of the dead is updated for (ارتفع عدد شهداء غارة المواصي إلى ستة)."""
    return _toll_update(mention.sentence.text) or _toll_before(*_up_to_trigger(mention))[0]


@lru_cache(maxsize=4096)
def _toll_update(text: str) -> bool:
    return "حصيل" in text and _has_toll_verb(text)


@lru_cache(maxsize=4096)
def _has_toll_verb(text: str) -> bool:
    return any(word in text for word in _TOLL_VERBS)


def _up_to_trigger(mention: Mention) -> tuple[str, int]:
    return mention.sentence.text, mention.trigger.start - mention.sentence.start


@lru_cache(maxsize=4096)
def _toll_before(text: str, offset: int) -> tuple[bool, bool]:
    """What a sentence with a toll verb names in the three words before ``offset`` (its trigger): a count of
    the dead (عدد شهداء / قتلى / ضحايا), and «حصيلة». Made once per trigger: the merge asks for every pair.

    A cumulative count told elsewhere in the sentence (ليرتفع عدد ضحايا مخلفات الحرب منذ مطلع العام) is of no
    one event, so the trigger must follow it.
    """
    if not _has_toll_verb(text):
        return False, False
    words = text[:offset].split()[-3:]
    return _COUNT_OF_DEAD.search(" ".join(words)) is not None, any("حصيل" in word for word in words)


def _toll_of(mention: Mention) -> bool:
    """Whether the trigger is what a toll update is the toll of (ارتفعت حصيلة كمين ديابالي، ارتفع عدد شهداء
    غارة المواصي): «حصيلة» or «عدد الشهداء» at most two words before it."""
    count_of_dead, toll = _toll_before(*_up_to_trigger(mention))
    return count_of_dead or toll


def _rolls_up(summary: Mention, cluster: list[Mention]) -> bool:
    """A summary (انفجارين، تفجيرات منفصلة) sums up incidents of its country: it adds no event of its own."""
    if summary.type != cluster[0].type or not all(_actors_agree(summary.actor, m.actor) for m in cluster):
        return False
    if summary.background and not any(m.background for m in cluster):
        return False  # وكانت العصابات قد شنت هجمات على السجون: earlier attacks, not today's summed up
    here = summary.location
    return here is None or any(
        m.location is None or not here.country_code or m.location.country_code in (None, here.country_code)
        for m in cluster
    )


def _actors_agree(a: EventArgument | None, b: EventArgument | None) -> bool:
    """Named actors must match; a common-noun actor (الطلاب، المحتجون) agrees with any other."""
    if a is None or b is None or a.type is None or b.type is None:
        return True
    if a.canonical_id and b.canonical_id:
        return a.canonical_id == b.canonical_id
    x, y = fold(a.text), fold(b.text)
    return x in y or y in x or bool(a.canonical_id or b.canonical_id)


def _relation(m: Mention, n: Mention) -> tuple[bool, bool]:
    """Whether two mentions' places clash, and whether they agree (one pass for both questions).

    They clash when resolved places on both sides cannot be the same place. They agree when equal or
    nested; with an unresolved one, when the two sentences share a place.
    """
    a, b = m.location, n.location
    if a is None or b is None or _same_name(a.text, b.text):
        return False, True
    if a.feature_class and b.feature_class:
        if any(x.feature_class == "H" and not x.country_code for x in (a, b)):
            return False, True  # المحيط الهندي ... قبالة الصومال: open water no country holds borders them all
        nested = _contains(a, b)
        return not nested, nested
    if _named_town(m) and _named_town(n) and not _share_region(m, n):
        return True, False  # غارة على بلدة كفرا (بنت جبيل) ... غارات على بلدة بريتال (بعلبك): two events
    left = [p for p in m.context if p.feature_class]
    right = [p for p in n.context if p.feature_class]
    both = bool(left and right)
    nested = both and any(_contains(x, y) for x in left for y in right)
    agree = nested or any(_same_name(x.text, y.text) for x in m.context for y in n.context)
    return both and not nested, agree


def _named_town(m: Mention) -> bool:
    """Whether the mention is placed at a town, village or spot (resolved or not), not a wider area."""
    place = m.location
    return place is not None and place.feature_class in (None, "P") and m.rank <= 1.0


def _share_region(m: Mention, n: Mention) -> bool:
    """Whether the two mentions' sentences name a place in common below a country (ذي قار، بعلبك).

    Within one sentence, two incidents set against each other (الانفجار الأول ...، فيما استهدف الانفجار
    الثاني ...) share nothing: their common sentence says nothing of their places.
    """
    if m.sentence_index == n.sentence_index and _contrasted(m, n):
        return False
    mine = {_fold(p.text) for p in m.context if not _country(p)}
    return any(_fold(p.text) in mine for p in n.context if not _country(p))


def _contrasted(m: Mention, n: Mention) -> bool:
    first, second = sorted((m.trigger.start, n.trigger.start))
    between = m.sentence.text[first - m.sentence.start : second - m.sentence.start]
    return any(f" {word} " in f" {between} " for word in CONTRASTS)


def _country(place: Place) -> bool:
    return place.feature_class == "A" and not place.admin1


def _same_name_location(m: Mention, n: Mention) -> bool:
    return m.location is not None and n.location is not None and _same_name(m.location.text, n.location.text)


def _same_name(x: str, y: str) -> bool:
    a, b = _fold(x), _fold(y)
    return a == b or a in b or b in a


def _contains(a: Place | EventLocation, b: Place | EventLocation) -> bool:
    """Same place, or one is the country / first-level area of the other."""
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if a.country_code != b.country_code:
        return False
    if any(x.feature_class == "A" and not x.admin1 for x in (a, b)):
        return True
    return bool(a.admin1) and a.admin1 == b.admin1


def _finding(cluster: list[Mention]) -> EventFinding:
    if len(cluster) == 1:
        return _single_finding(cluster[0])
    reports = [m for m in cluster if not m.summary] or cluster
    lead = reports[0]
    placed = min(cluster, key=lambda m: m.rank)  # the first of the best rank
    counts = {name: _first(getattr(m, name) for m in reports) for name in _COUNTS}
    for name in _COUNTS:  # a toll update (ارتفعت حصيلة القتلى إلى 10) replaces the first figures
        updated = [getattr(m, name) for m in reports if _updates_toll(m) and getattr(m, name) is not None]
        if updated:
            counts[name] = max(updated)
    for name in _COUNTS:
        if counts[name] is None:
            counts[name] = _first(getattr(m, name) for m in cluster)
    current = any(m.recent and not m.background for m in cluster)
    return EventFinding(
        type=lead.type,
        trigger=lead.trigger,
        sentence=lead.sentence,
        actor=_best_argument([m.actor for m in cluster]),
        target=_first(m.target for m in cluster),
        location=placed.location if placed.location is not None else _first(m.carried for m in cluster),
        time=_first_time(cluster, placed),
        killed=counts["killed"],
        injured=counts["injured"],
        arrested=counts["arrested"],
        count_text=_first(m.count_text for m in reports) or _first(m.count_text for m in cluster),
        background=all(m.background for m in cluster) or (any(m.background for m in cluster) and not current),
        confidence=min(0.99, max(m.confidence for m in cluster) + 0.05 * (len(cluster) - 1)),
    )


def _single_finding(m: Mention) -> EventFinding:
    """What :func:`_finding` makes of a cluster of one mention (most clusters), without its loops."""
    return EventFinding(
        type=m.type,
        trigger=m.trigger,
        sentence=m.sentence,
        actor=m.actor,
        target=m.target,
        location=m.location if m.location is not None else m.carried,
        time=m.time if m.time.text is not None else EventTime(),
        killed=m.killed,
        injured=m.injured,
        arrested=m.arrested,
        count_text=m.count_text,
        background=m.background,
        confidence=min(0.99, m.confidence),
    )


def _first(values: object) -> object:
    for value in values:  # type: ignore[attr-defined]
        if value is not None:
            return value
    return None


def _best_argument(arguments: list[EventArgument | None]) -> EventArgument | None:
    linked = [a for a in arguments if a is not None and a.canonical_id]
    return linked[0] if linked else _first(arguments)  # type: ignore[return-value]


def _first_time(cluster: list[Mention], placed: Mention) -> EventTime:
    """The time one mention states next to its trigger beats one borrowed from elsewhere in a sentence.

    Among explicit times (or, failing those, among borrowed ones), the best-placed mention's time wins,
    then the first in text order.
    """
    for explicit in (True, False):
        timed = [m for m in cluster if m.time.text is not None and (m.time_explicit or not explicit)]
        if timed:
            return placed.time if placed in timed else timed[0].time
    return EventTime()
