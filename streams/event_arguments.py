"""Where an event's arguments come from: an index of the article's mentions by token, and the pickers.

Actors and targets are found by position relative to the trigger inside its clause and by prepositions;
locations are the most specific place of the clause (else the sentence); counts come from numbers next
to casualty words. All spans point into the article body.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter, itemgetter

from marsad.schemas.records import Entity, EventArgument, EventLocation, Place

from .arabic import definite_nisba, fold, fold_with_offsets, strip_clitics
from .context import ArticleContext
from .entities import overlaps
from .entity_rules import FOREIGN_FIRSTS, describes, owned_by_pronoun
from .event_index import ArticleIndex, cover_of, token_flag
from .event_lexicon import token_keys, words
from .linking import EntityLinker
from .ner_features import word_classes, word_zipf
from .number_words import PERSON_DUAL_STEMS

__all__ = [
    "WIDE_PLACE_WORDS",
    "ArticleIndex",
    "build_index",
    "entity_argument",
    "fled_to",
    "group_after_count",
    "location_of",
    "nearest",
    "people_word",
    "person_count",
    "phrase_places",
    "place_rank",
    "retreat_destination",
    "self_counting",
    "span_argument",
]

WIDE_PLACE_WORDS = frozenset(
    {"ريف", "ارياف", "محافظه", "محافظات", "ولايه", "اقليم", "قضاء", "مديريه", "ريفي", "معتمديه", "مقاطعه"}
)
_NARROW = words(
    "قريه بلده حي ساحه شارع مخيم مطار سوق زقاق جبل جبال معبر ميدان بلدات صحراء غابه شاطئ شاطيء ميناء "
    "قصر مستشفي ستاد منفذ خربه بلدتي قريتي مدينتي حقل جزيره"
)
_DUAL_HEADS = words("بلدتي قريتي مدينتي")
# Words that name a small place when a name follows them (ساحة الحبوبي، زقاق البلاط، مطار بن جوريون):
# such places are often missing from gazetteers and from the NER model, yet they are the event's place.
_PLACE_HEADS = _NARROW | {"منطقه", "ناحيه", "قضاء", "ضاحيه", "مديريه", "محافظه", "ولايه", "معتمديه", "مقاطعه", "بلديه"}
# A front line (جبهة الكدحة) names a spot, but is no head of a place phrase: most fronts so written are movements.
_FRONT = words("جبهه")
_WATERS = words("بحر خليج محيط مضيق قناه")  # and a canal (قناة السويس)
# وادي (a valley: وادي الشاي) heads a place phrase as written only: folded, it is also وأدى ("and it led to").
_WADI = "وادي"
_WADI_CLITICS = frozenset(["", "و", "ب", "ل", "ف", "وب", "فب"])
_OFFICE_TITLES = words("رئيس نائب عضو اعضاء مجلس")
_TITLE_FIRSTS = words("الشيخ الحاج السيد الامام")
_FEATURE_FIRSTS = words("جبل وادي")  # as written, no clitic: the first word of a district's name
_NAME_JOINERS = words("بن ابو ابي ام ابن بني عين تل دير كفر بيت راس ذي ذو باب") | {"ال"}  # آل سالم folds to ال
_NOT_NAMES = words(
    "في من الي علي عن مع قرب بين داخل خارج عند حول ضمن "
    "التابعه الواقعه المحاذيه القريبه المجاوره الحدوديه المذكوره نفسها اخري ذاتها "
    # the settlement named before (سوق المدينة، ساحة البلدة): the anaphor places the event, not a new name
    "المدينه البلده القريه المخيم العاصمه المحافظه المنطقه"
)
# Indefinite nouns after منطقة that describe the area (منطقة عمليات، منطقة نفوذ), not name it (منطقة مير علي).
_COMMON_ZIPF = 4  # wordfreq's Zipf class of a word too common to be a village's name
_NOT_AREA_NAMES = words("عمليات نفوذ اشتباك اشتباكات تماس سيطره عازله امنه امنيه عسكريه حدوديه صناعيه سكنيه زراعيه")
_DIRECTIONS = words("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي حدود اتجاه")  # reference points, not the place
_ROADS = words("طريق الطريق")
_ROAD_REACH = 6
_PLACED_BY = _DIRECTIONS | words("وسط")  # قرية بوسط البلاد: a place word placed, not named
# Where the attackers withdrew or fled to (قبل أن تنسحب باتجاه مواقعها في جبل الشيخ، لاذوا بالفرار نحو ...):
# the place they went back to, not the place of the event.
_RETREAT = words("تنسحب انسحبت انسحب انسحبوا ينسحب انسحابها انسحابه انسحابهم اتجاه تلوذ لاذ لاذت لاذوا فروا فرت")
_FLED = _RETREAT - {"اتجاه"} | words("ينسحبوا تنسحبوا فرارهم فرارها فروا يفرون لاذوا فرار نزوح هروب")
# (and where people fled: وفرار المئات إلى مانديرا، نزوح الآلاف نحو المدينة)
_FLED_REACH = 6
# Where the wounded were taken (نقل إلى مستشفى ثابت ثابت الحكومي) or a shipment was to be smuggled (معدة للتهريب
# إلى العراق): a destination, not the event's place. (Where a convoy or a drone was heading is, for analysts,
# where the attack on it or its downing belongs: «المتجهة إلى العاصمة باماكو».)
_TAKEN_TO = words(
    "نقل نقلا نقلوا نقلت نقلتا اسعف اسعفا اسعفوا اسعفت تهريب للتهريب تهريبها "
    "نقلته نقلتهما نقلتهم نقلوه نقلوهما نقلوهم نقلها نقلهما نقلهم اسعفته اسعفتهما اسعفتهم اسعفوه اسعفوهم"
)  # with the wounded as an object pronoun too (ونقلتهما طواقم الهلال الأحمر إلى مستشفى رفيديا)
_TAKEN_REACH = 8
_CORRESPONDENTS = words("لمراسل مراسل لمراسله مراسله لمراسلي مراسلي لمندوب")
_TO_OUTLETS = ("لوكاله", "لصحيفه", "لقناه", "لموقع", "لاذاعه", "لجريده")  # قال لوكالة ...: spoken to
_FIRST = itemgetter(0)
_START = attrgetter("start")
_PEOPLE_PLURALS = words("جنود عناصر ضباط رجال اطفال نساء عمال طلاب افراد شبان اشخاص")
_PERSON_NOUNS = PERSON_DUAL_STEMS | words(
    "مدني عسكري شرطي امراه مواطن مسلح ارهابي مقاتل متظاهر صحفي مزارع راع عامل موظف مسعف قيادي مسؤول ناشط "
    "طفله فتاه مدنيه مواطنه معتقل سائق راكب مهرب مخالف مطلوب متهم مستوطن مختار راعي عضو منتسب سمسار مسجل "
    # the ranks and trades of the Maghreb's and the sea's reports (استشهاد عون حرس وإصابة زميله)
    "عون زميل زميله زميلها دركي جمركي ملازم عريف رقيب نقيب مجند طيار بحار صياد تاجر مهاجر لاجئ نازح معلم "
    "ممرض مصور مراسل "
    "فتي مراهق طالب رجل"  # اعتقلت الشرطة فتى يبلغ من العمر 16 عاماً
)


def build_index(ctx: ArticleContext) -> ArticleIndex:
    """The article's index: tokens, then its ORG/PER entities, places (joined and phrase-found) and counts."""
    index = ArticleIndex.tokens_of(ctx)
    # The agency of a dateline (غزة - الأناضول) reports the article's events; it takes part in none.
    outlets = {d.outlet for d in ctx.datelines}
    actors = [
        e
        for e in ctx.entities
        if e.type in ("ORG", "PER") and (e.start, e.end) not in outlets and not _spoken_to(ctx.body, e)
    ]
    entities = tuple(index.ranges(actors))
    cover = cover_of(entities)

    def inside(lo: int, place: Place) -> bool:
        item = cover.get(lo)
        return item is not None and item[2].start <= place.start and place.end <= item[2].end

    found = _join_split_places(ctx.body, [p for lo, _, p in index.ranges(ctx.places) if not inside(lo, p)])
    organisations = [(e.start, e.end) for e in actors if e.type == "ORG"]
    found += _place_phrases(index, found, organisations)
    places = tuple(sorted(index.ranges(found), key=_FIRST))
    return index.with_mentions(entities, places, _counts(index, ctx), cover)


def _counts(index: ArticleIndex, ctx: ArticleContext) -> dict[int, object]:
    """Token -> the count starting there: numbers without a unit and not inside a time expression."""
    timed = [(t.start, t.end) for t in ctx.times]  # type: ignore[attr-defined]
    starts = index.starts
    counts: dict[int, object] = {}
    for n in ctx.numbers:
        if n.unit is not None:  # type: ignore[attr-defined]
            continue
        start = n.start  # type: ignore[attr-defined]
        for a, b in timed:
            if a <= start < b:
                break
        else:
            counts[max(bisect_right(starts, start) - 1, 0)] = n
    return counts


def person_count(index: ArticleIndex, i: int) -> int | None:
    """1 for a singular person noun at ``i`` (جندي، ضابطا), plus one per coordinated noun (جندي ومدني) and
    the number of a coordinated group of people (ضابط وثلاثة جنود: 4)."""
    count = 0
    norms = index.norms
    while 0 <= i < len(norms) and _is_person(norms[i]):
        count += 1
        i += 1
        if not (i < len(norms) and norms[i].startswith("و")):
            break
        group = _coordinated_group(index, i)
        if group is not None:
            count += group
            break
    return count or None


def _coordinated_group(index: ArticleIndex, i: int) -> int | None:
    """The size of a group of people joined with و at token ``i``, its number before the noun (وثلاثة جنود),
    after it (ومنتسبَين اثنين) or in it (وجنديان); 0 when the number is no plain count, None when no group
    stands there."""
    norms = index.norms
    if i + 1 >= len(norms):
        return None
    number = index.numbers.get(i)
    if number is not None and _dual_of_people(number.noun):  # type: ignore[attr-defined]
        return 2  # ضابط وجنديان: a dual noun of people counts itself
    if number is None or not (_people_plural(norms[i + 1]) or norms[i + 1] == "من"):  # و17 من المسلحين
        number = index.numbers.get(i + 1)
        if number is None:  # جنديان ومدني: one more; but 50 جندياً وعنصراً: the fifty count both nouns
            return person_count(index, i) if i not in index.numbers and not norms[i].endswith("ا") else None
        if not (_people_plural(norms[i]) or _is_person(norms[i])):
            return None
    value = number.value  # type: ignore[attr-defined]
    return int(value) if not number.vague and value is not None and 1 <= value < 1000 else 0  # type: ignore[attr-defined]


def group_after_count(index: ArticleIndex, k: int) -> int:
    """The people joined after the group a number at ``k`` counts (5 جنود و17 من المسلحين: 17 more)."""
    norms = index.norms
    i = k + 1
    number = index.numbers.get(k)
    if number is not None and _dual_of_people(number.noun) and i < len(norms):  # type: ignore[attr-defined]
        return _coordinated_group(index, i) or 0  # جنديين وثلاثة من المتطوعين: the dual is its own noun
    if i + 1 >= len(norms) or not (_people_plural(norms[i]) or _is_person(norms[i])):
        return 0
    return _coordinated_group(index, i + 1) or 0


def _dual_of_people(noun: str | None) -> bool:
    """Whether a dual noun (جنديان، موظفتين) counts people, not things (سيارتين)."""
    if noun is None or not noun.endswith(("ان", "ين")):
        return False
    stem = noun[:-2]
    return _is_person(stem) or (stem.endswith("ت") and _is_person(stem[:-1]))


def self_counting(index: ArticleIndex, k: int) -> bool:
    """Whether token ``k`` is a count that is its own noun (شخصين، مطلوبَين، إداريتين), not a bare number."""
    number = index.numbers.get(k)
    return number is not None and number.noun is not None and number.noun in index.keys[k]  # type: ignore[attr-defined]


# Words for the people an arrest takes that are neither plurals nor person nouns of _PERSON_NOUNS: suspects
# and the bands they form (مشتبه بهم، خلية إرهابية، عصابة، تشكيل عصابي).
_SUSPECTS = words(
    "مشتبه مشتبها شخص شخصا شخصين شاب شابا شابين جاني فرد فردا افراد منفذ منفذي خليه شبكه عصابه تشكيل طاقم طواقم"
)
_POSSESSIVES = ("هما", "هم", "ها", "ه")  # أفرادها، سائقه، طاقمها: whose people


@lru_cache(maxsize=50_000)
def people_word(norm: str) -> bool:
    """A noun naming people or a band of them (شبان، مطلوبين، مواطناً، خلية، أفرادها): who an arrest took."""
    if _people_plural(norm) or _is_person(norm) or not _SUSPECTS.isdisjoint(token_keys(norm)):
        return True
    owned = next((norm[: -len(p)] for p in _POSSESSIVES if norm.endswith(p) and len(norm) - len(p) >= 3), None)
    return owned is not None and people_word(owned)


def _people_plural(norm: str) -> bool:
    return norm in _PEOPLE_PLURALS or (len(norm) > 4 and norm.endswith("ين"))


@lru_cache(maxsize=50_000)
def _is_person(norm: str) -> bool:
    found = {k[:-1] if k.endswith("ا") else k for k in token_keys(norm)}
    found |= {w[2:] for w in found if w.startswith("ال")}
    return not found.isdisjoint(_PERSON_NOUNS)


def _spoken_to(body: str, entity: Entity) -> bool:
    """Whether an organisation is an outlet a source spoke to (قال لمراسل وكالة الأنباء الليبية، في تصريح
    لصحيفة الوطن): it reports the events and takes part in none."""
    if entity.type != "ORG":
        return False
    before = fold(body[max(0, entity.start - 12) : entity.start]).split()
    if (bool(before) and before[-1] in _CORRESPONDENTS) or fold(entity.text).startswith(_TO_OUTLETS):
        return True
    # قال أحد السكان لسكاي نيوز عربية، قال المتحدث للأناضول: a news outlet with the «to» of speech attached
    at = entity.start
    told = entity.text.startswith("ل") or (at > 0 and body[at - 1] == "ل" and (at < 2 or not body[at - 2].isalpha()))
    return told and _media(entity.canonical_id)


def _media(canonical_id: str | None) -> bool:
    found = EntityLinker.load().get(canonical_id) if canonical_id else None
    return found is not None and found.kind == "media"


def _join_split_places(body: str, places: list[Place]) -> list[Place]:
    """Two places one space apart are one name the tagger split (دير | الزور): keep it whole, unresolved.

    Not when the second begins with a direction (كفركلا جنوب لبنان): that places the first.
    """
    joined: list[Place] = []
    for place in sorted(places, key=_START):
        last = joined[-1] if joined else None
        second = fold(place.text.split(" ", 1)[0]) if last is not None else ""
        joined_by_and = second.startswith("و") and not place.text.startswith(_WADI)  # حوران وضربتان: two things
        if last is not None and body[last.end : place.start] == " " and second not in _DIRECTIONS and not joined_by_and:
            joined[-1] = Place(body[last.start : place.end], last.start, place.end)
        else:
            joined.append(place)
    return joined


@token_flag
def _is_place_head(norm: str) -> bool:
    return any(k in _PLACE_HEADS for k in token_keys(norm))


@token_flag
def _wadi_like(norm: str) -> bool:
    return norm.endswith(_WADI)


def _is_wadi(text: str) -> bool:
    return text.endswith(_WADI) and text[: -len(_WADI)] in _WADI_CLITICS


def _after_wadi(index: ArticleIndex, lo: int) -> bool:
    return lo > 0 and _is_wadi(index.ctx.tokens[lo - 1].text)


def _place_phrases(index: ArticleIndex, known: list[Place], inside: list[tuple[int, int]]) -> list[Place]:
    """Unresolved places written as a place word and a name that no other stage found."""
    ctx = index.ctx
    tokens = ctx.tokens
    taken = [(p.start, p.end) for p in known] + inside
    starts = {p.start for p in known}
    found: list[Place] = []
    wadis = [i for i in index.tokens_where(_wadi_like) if _is_wadi(tokens[i].text)]
    for i in sorted({*index.tokens_where(_is_place_head), *wadis}):
        if i == len(tokens) - 1:
            continue
        token = tokens[i]
        head = token_keys(token.norm)
        j = i + 1
        while j < len(tokens) and tokens[j].norm in {'"', "'"}:
            j += 1
        if j >= len(tokens) or not tokens[j].norm.isalpha() or tokens[j].norm in _NOT_NAMES:
            continue
        if owned_by_pronoun(tokens[j].norm):
            continue  # تدمير معسكر لهم، مقر له: whose camp, not its name
        if "بلديه" in head and i > 0 and tokens[i - 1].norm in _OFFICE_TITLES:
            continue  # رئيس بلدية كفرا: the mayor's title names the council, the town is told elsewhere
        first = tokens[j].norm
        if strip_clitics(token.norm).startswith("ال"):
            continue  # a definite place word is described, not named: المنطقة الأمنية، الساحة الرئيسية
        # مديرية جبل حبشي، ناحية وادي العين: a district named for a mountain or a valley, two words
        feature = first in _FEATURE_FIRSTS and j + 1 < len(tokens) and tokens[j + 1].norm.isalpha()
        if not feature and (
            index.has(j, _PLACED_BY)
            or (_is_place_head(first) and not first.startswith("ال"))
            or (index.has(j, WIDE_PLACE_WORDS) and not first.startswith("ال"))  # but قرية المقاطعة is named
        ):
            continue  # قرية غربي البلاد، قرية بمنطقة تيلابيري، قرية بإقليم ساغاينغ: a village placed, not named
        if _common_verb(first):
            continue  # في منطقة تشهد منذ سنوات توتراً: a verb, not a name
        if describes(first, feminine=token.norm.endswith("ه")) or (
            not first.startswith("ال") and "منطقه" in head and first in _NOT_AREA_NAMES
        ):
            continue  # غابة مجاورة، منطقة نائية، منطقة عمليات: described, not named
        if "منطقه" in head and not first.startswith("ال") and j + 1 < len(tokens) and tokens[j + 1].start in starts:
            continue  # منطقة بحيرة تشاد: a name running on into a place is not cut before it
        end = j + 2 if feature else j + 1
        titled = first in _TITLE_FIRSTS  # حي الحاج يوسف، حي الشيخ مقصود: a place named for a person
        named = titled or first == "ال" or not first.startswith("ال")
        if not feature and named and end < len(tokens) and tokens[end].norm.isalpha():
            following = tokens[end].norm
            if titled or first in _NAME_JOINERS or (following.startswith("ال") and following not in _NOT_NAMES):
                end += 1
            elif first in FOREIGN_FIRSTS and not following.startswith(("ي", "ت", "ال")):
                end += 1  # but «منطقة لا يتجاوز سكانها»: a negated verb
        if tokens[end - 1].norm in FOREIGN_FIRSTS:
            continue
        # a dual head (بلدتي الشحيل والبصيرة) names two places: the name alone is the first
        start = token.start if j == i + 1 and not index.has(i, _DUAL_HEADS) else tokens[j].start
        stop = tokens[end - 1].end
        if j == i + 1 and _is_wadi(token.text):
            start += len(token.text) - len(_WADI)  # the clitic as written: the و of وادي is the word's own
        elif j != i + 1 or token.norm not in _PLACE_HEADS:  # بلدية is the head, not ب + لدية ("has")
            start = _after_clitic(ctx.body, start, stop)
        if any(a < stop and start < b for a, b in taken):
            continue
        taken.append((start, stop))
        found.append(Place(ctx.body[start:stop], start, stop))
    return found


# Settlement and district words: the name after them is the place's name (ناحية العظيم is العظيم, حي المزة is
# المزة), where the other place words are part of it (ميناء الصليف، مخيم طولكرم).
_SETTLEMENT_WORDS = words("قريه بلده بلدات مدينه منطقه ناحيه قضاء محليه معتمديه ولايه محافظه مديريه بلديه مقاطعه حي")
# Place words whose common-noun complement names what they serve, no place: مديرية زراعة (a directorate of
# agriculture), ساحة حرب (a battlefield). A market is left out whole: what follows سوق is mostly its goods
# (سوق الخضار، سوق المواشي), and the event keeps it as its place all the same.
_SERVING_HEADS = words("ساحه مديريه بلديه")
_MARKET = words("سوق")
# منطقة الجزاء is a football pitch's penalty area; مستشفى القضاء is the district's hospital, named elsewhere
_NOT_PHRASE_NAMES = words("الجزاء جزاء الضيوف خلال غير العمليات القضاء الناحيه")


def phrase_places(index: ArticleIndex) -> list[Place]:
    """The places of the index that only a place phrase found (في ناحية العظيم), named as a gazetteer would.

    The entity layer misses most villages, districts and neighbourhoods no list knows; the event pickers
    find them after their place word. Reported as places of the article, they stay unresolved: a settlement
    word is dropped from the name, a port or a camp keeps its own, and a field's «النفطي» is no part of it.
    """
    ctx = index.ctx
    found: list[Place] = []
    for _, _, place in index.places:
        if overlaps(ctx.entities, place.start, place.end):
            continue
        head, _, name = place.text.partition(" ")
        if not name:
            continue
        keys, first = frozenset(token_keys(fold(head))), fold(name.split(" ", 1)[0])
        indefinite = not first.startswith("ال")
        if (
            first in _NOT_PHRASE_NAMES
            or first.startswith("لل")
            or not keys.isdisjoint(_MARKET)
            or (not keys.isdisjoint(_SERVING_HEADS) and word_zipf(first.removeprefix("ال")) >= _COMMON_ZIPF)
            or (indefinite and first[:1] in "بل" and word_zipf(first[1:]) >= _COMMON_ZIPF)
            or (indefinite and " " not in name and word_zipf(first) >= _COMMON_ZIPF)
        ):
            continue  # ميناء بمياه إقليمية، سوق للأسماك، شاطئ معزول: a preposition or a common word, no name
        start, end = place.start, place.end
        if not keys.isdisjoint(_SETTLEMENT_WORDS):
            start = end - len(name)
        last = name.rsplit(" ", 1)
        if len(last) == 2 and definite_nisba(fold(last[1])) and not fold(last[0].rsplit(" ", 1)[-1]).startswith("ال"):
            end -= len(last[1]) + 1  # حقل كورمور الغازي: the field is كورمور's
        found.append(Place(ctx.body[start:end], start, end))
    return found


@lru_cache(maxsize=4096)
def _common_verb(norm: str) -> bool:
    """A frequent word with an imperfect prefix that no name list knows (تشهد، يقع): a verb."""
    if norm[:1] not in "يتن" or word_zipf(norm) < _COMMON_ZIPF:
        return False
    return not any(c[0] in "flgxw" for c in word_classes().get(norm, ()))


def place_rank(index: ArticleIndex, lo: int, place: Place) -> float:
    """Lower is more specific: spot 0.5, town 1, unresolved 1.2, admin area 2, country 3; reference points +1."""
    if place.feature_class is None:
        # an unresolved name after منطقة / حي (منطقة المشاهدة) is a spot, like the phrase that includes its head
        spot = index.has(lo, _PLACE_HEADS) or index.has(lo - 1, _PLACE_HEADS) or index.has(lo - 1, _FRONT)
        spot = spot or _is_wadi(index.ctx.tokens[lo].text) or _after_wadi(index, lo)
        rank = 2.0 if index.has(lo, WIDE_PLACE_WORDS) else 0.5 if spot else 1.2
    elif place.feature_class == "A":
        rank = 2.0 if place.admin1 else 3.0
    elif place.feature_class == "P":
        rank = 1.0
    else:
        rank = 0.5
    if _open_water(index, lo, place):
        rank = 2.5  # البحر الأحمر، مياه الخليج: a sea names no more than a province; «قبالة ذباب» says more
    elif index.has(lo - 1, WIDE_PLACE_WORDS):
        rank = max(rank, 2.0)
    elif (index.has(lo - 1, _NARROW) or index.has(lo - 1, _FRONT) or _after_wadi(index, lo)) and rank < 2.5:
        rank = min(rank, 0.5)
    if _reference_point(index, lo):
        rank += 1.0
    return rank


def _open_water(index: ArticleIndex, lo: int, place: Place) -> bool:
    """A sea, gulf, ocean or strait: a body of water no country holds, or one named by its water word."""
    return (place.feature_class == "H" and not place.country_code) or index.has(lo, _WATERS)


def _reference_point(index: ArticleIndex, lo: int) -> bool:
    """A place told to situate another (شمال X), where attackers withdrew, or a road's second end."""
    directed = index.has(lo - 1, _DIRECTIONS) or index.has(lo - 2, _DIRECTIONS)
    return directed or retreat_destination(index, lo) or _second_road_end(index, lo)


def _second_road_end(index: ArticleIndex, lo: int) -> bool:
    """Whether the place at token ``lo`` is the second of the two a road is named by (طريق الشويرف – براك
    الشاطئ، الطريق بين طفس وبلدة داعل): the first is where the event is placed."""
    window = range(max(0, lo - _ROAD_REACH), lo)
    if lo < 2 or not any(index.has(k, _ROADS) for k in window):
        return False
    before = index.norms[lo - 1]
    if before == "-":
        return True
    joined = index.norms[lo].startswith("و") or (before.startswith("و") and _is_place_head(before))
    return joined and any(index.norms[k] == "بين" for k in window)


def retreat_destination(index: ArticleIndex, lo: int) -> bool:
    """Whether the place at token ``lo`` is where attackers withdrew or fled to (``_RETREAT``)."""
    return any(index.has(lo - k, _RETREAT) for k in (2, 3, 4))


def fled_to(index: ArticleIndex, lo: int) -> bool:
    """Whether the place at token ``lo`` is where attackers withdrew or fled to, a verb of flight before it
    in its clause (قبل أن ينسحبوا باتجاه الحدود مع النيجر). «باتجاه» alone is not enough: a missile fired
    «باتجاه مدينة نجران» fell on it."""
    for k in range(lo - 1, max(-1, lo - 1 - _FLED_REACH), -1):
        if index.norms[k] in {",", ".", "،"}:
            return False
        if index.has(k, _FLED):
            return True
    return False


def taken_to(index: ArticleIndex, lo: int) -> bool:
    """Whether the place at token ``lo`` is where the wounded were taken (نُقل إلى مستشفى طوباس، نُقلا إلى
    المستشفى الوطني في درعا): no place of the event, nor of the sentence it is told in. «إلى» must stand
    between: ونقلت وكالة ... عن مصادر في بغداد is "quoted", not "taken"."""
    towards = False
    for k in range(lo - 1, max(-1, lo - 1 - _TAKEN_REACH), -1):
        if index.norms[k] in {",", ".", "،"}:
            return False
        if index.norms[k] == "الي":
            towards = True
        elif towards and index.has(k, _TAKEN_TO):
            return True
    return False


def entity_argument(entity: Entity) -> EventArgument:
    return EventArgument(
        text=entity.text,
        start=entity.start,
        end=entity.end,
        type=entity.type,
        canonical_id=entity.canonical_id,
        canonical_name=entity.canonical_name,
    )


def span_argument(body: str, start: int, end: int, strip: bool = True) -> EventArgument:
    """A non-entity argument (إداريتين، الذخيرة): the token span, minus one attached proclitic."""
    if strip:
        start = _after_clitic(body, start, end)
    return EventArgument(text=body[start:end], start=start, end=end)


def location_of(place: Place) -> EventLocation:
    """The event's location: the place mention itself (both records carry the same fields).

    Built field by field: ``to_dict`` deep-copies through ``dataclasses.asdict``, costly on a hot path.
    """
    return EventLocation(
        place.text,
        place.start,
        place.end,
        place.name,
        place.country_code,
        place.admin1,
        place.geonames_id,
        place.feature_class,
        place.lat,
        place.lon,
    )


def _after_clitic(body: str, start: int, end: int) -> int:
    """Start offset after one proclitic (و ف ب ل ك); a ``لل`` word keeps its span (no slice reads ``ال``)."""
    return start + _clitic_length(body[start:end])


@lru_cache(maxsize=50_000)
def _clitic_length(text: str) -> int:
    """How many characters of ``text`` its one proclitic takes (0 for none); cached, spans recur by text.

    A first letter that may be a proclitic is one only when the word is more common without it (والقوات،
    بمنزل) than with it (فلسطينيين، بلدة); between two rare words, و is taken for the conjunction and the
    other letters for the word's own.
    """
    word, index = fold_with_offsets(text)
    first = word.split(" ", 1)[0]
    stripped = strip_clitics(first)
    if stripped == first or first.startswith(("لل", "ولل", "فلل")) or _own_letter(first, stripped):
        return 0
    return index[len(first) - len(stripped)]


def _own_letter(word: str, stripped: str) -> bool:
    """Whether the first letter of ``word`` belongs to it rather than being a proclitic (see _clitic_length)."""
    whole, bare = word_zipf(word), word_zipf(stripped)
    if whole or bare:
        return whole >= bare
    return word[0] != "و" and not stripped.startswith("ال")


def nearest(items: Sequence[tuple[int, int, object]], i: int) -> tuple[int, int, object] | None:
    """The item whose token range is nearest to token ``i`` (after it on a tie)."""
    best = None
    best_key: tuple[int, int] | None = None
    for item in items:
        distance = item[0] - i if item[0] >= i else i - item[1] + 1
        key = (distance, 0 if item[0] >= i else 1)
        if best_key is None or key < best_key:
            best, best_key = item, key
    return best
