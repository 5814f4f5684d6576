"""Features of the NER tagger: cached per word type, so a document costs a few look-ups per token."""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .arabic import fold, strip_clitics
from .char_model import CharModel

__all__ = [
    "CHAR_MODEL_FILE",
    "EDGE_FEATURES",
    "OFFSETS",
    "PAIR_OFFSETS",
    "TRIGGER_KINDS",
    "Lexicon",
    "char_model",
    "doc_memory_features",
    "dynamic_features",
    "edge_features",
    "lexical_classes",
    "pair_feature",
    "pair_features",
    "pairable",
    "sentence_features",
    "stem_of",
    "trigger_kinds",
    "type_features",
    "use_word_data",
    "word_classes",
]

_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_LATIN_RE = re.compile("[A-Za-z]")
_DIGIT_RE = re.compile("[0-9]")
_PUNCT_RE = re.compile(r"^[^\w]+$")


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words.split())


# Words that announce a name (ANERcorp news style): titles before people, heads of organisation names,
# and place nouns. Written as they appear; folded once here so they match token keys.
_TRIGGERS: dict[str, frozenset[str]] = {
    "PER": _folded(
        "الرئيس رئيس الوزير وزير الملك الأمير الشيخ السيد السيدة الدكتور د. المستشار النائب الزعيم "
        "المرشح الجنرال العقيد اللواء العميد الرائد الإمام البابا القس الحاخام المطران الكاردينال "
        "نائب الأمين أمين المتحدث الناطق المبعوث السفير المدير مدير المفوض المنسق القائد قائد "
        "الملكة الأميرة الرئيسة المستشارة زعيم المحامي الفنان المطرب المغني اللاعب المدرب الكاتب "
        "الشاعر الروائي المخرج الممثل الممثلة الصحافي الصحفي المراسل الحاكم حاكم العاهل ولي "
        "السلطان الجنرال المشير الفريق النقيب الملازم الرقيب الكابتن مستر السناتور النائبة"
    ),
    "PERV": _folded("قال وقال أكد وأكد أضاف وأضاف أعلن وأعلن أوضح وأوضح صرح وصرح ذكر وذكر أشار وأشار بن ابن"),
    "ORG": _folded(
        "وزارة حزب قوات وكالة شركة جامعة منظمة مجلس هيئة جمعية اتحاد جبهة حركة مؤسسة بنك مصرف "
        "صحيفة جريدة مجلة محكمة لجنة مركز معهد نادي فريق منتخب الجيش جيش الشرطة شرطة البرلمان "
        "برلمان الكونغرس الكونجرس تلفزيون قناة إذاعة مكتب اللجنة المجلس الحزب الحركة المنظمة الوكالة "
        "الشركة الجامعة الاتحاد الجبهة الهيئة البنك الصندوق صندوق رابطة نقابة مجموعة كتلة تحالف "
        "ائتلاف ميليشيا ميليشيات كتائب سرايا لواء فيلق جماعة تنظيم مديرية إدارة دائرة سلطة"
    ),
    "LOC": _folded(
        "مدينة محافظة ولاية منطقة قرية بلدة عاصمة العاصمة جنوب شمال شرق غرب جنوبي شمالي شرقي غربي "
        "حي إقليم مقاطعة جزيرة جزر نهر بحر خليج جبل جبال مخيم ريف وادي شارع ساحة ميدان مطار ميناء "
        "دولة بلاد أراضي إمارة المدينة المحافظة المنطقة القرية البلدة مناطق مدن قرى في إلى من"
    ),
}
_RARE = ("z0",)
_START_CACHE = 100_000  # word types whose name starts a lexicon keeps; past it the cache starts over
# The trigger classes a token (or its neighbour) can belong to.
_CONTEXT_TYPES = ("PER", "PERV", "ORG", "LOC")


@dataclass(slots=True)
class Lexicon:
    """Name lists (ANERgazet, GeoNames Arabic places) keyed by folded word tuples, for longest-match look-ups."""

    names: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    max_len: dict[str, int] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    # per word as written: the forms a name can start with, the longest name of each and its one-word match
    _starts: dict[str, tuple[tuple[str, int, frozenset[str] | None], ...]] = field(default_factory=dict)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Lexicon:
        """Build from ``TYPE<TAB>name`` lines; names are folded and split on whitespace."""
        kinds: dict[tuple[str, ...], set[str]] = {}
        for line in lines:
            kind, _, name = line.rstrip("\n").partition("\t")
            words = tuple(fold(name).split())
            if kind and words:
                kinds.setdefault(words, set()).add(kind)
        lexicon = cls()
        for words, found in kinds.items():
            lexicon.names[words] = frozenset(found)
            lexicon.max_len[words[0]] = max(lexicon.max_len.get(words[0], 0), len(words))
            lexicon.prefixes.update(words[:n] for n in range(2, len(words) + 1))
        return lexicon

    def match(self, keys: Sequence[str]) -> list[tuple[str, ...]]:
        """Return, per token key, gazetteer tags (``LOC-B``, ``PER-I``...) from longest matches."""
        tags: list[tuple[str, ...]] = [()] * len(keys)
        i = 0
        while i < len(keys):
            found = self._longest_at(keys, i)
            if found is None:
                i += 1
                continue
            length, kinds = found
            tags[i] = tuple(f"{kind}-B" for kind in sorted(kinds))
            for j in range(i + 1, i + length):
                tags[j] = tuple(f"{kind}-I" for kind in sorted(kinds))
            i += length
        return tags

    def can_start(self, key: str) -> bool:
        """Whether some name of the lexicon begins with this word (or its clitic-stripped form)."""
        return any(self.max_len.get(first, 0) for first in _first_forms(key))

    def match_spans(self, keys: Sequence[str], starts: Sequence[int]) -> list[tuple[int, int, frozenset[str]]]:
        """The longest matches of :meth:`match` as ``(start, length, kinds)``, trying only ``starts``.

        ``starts`` (ascending) must hold every position where :meth:`can_start` is true.
        """
        out: list[tuple[int, int, frozenset[str]]] = []
        covered = 0
        for i in starts:
            if i < covered:
                continue
            found = self._longest_at(keys, i)
            if found is not None:
                out.append((i, *found))
                covered = i + found[0]
        return out

    def _longest_at(self, keys: Sequence[str], i: int) -> tuple[int, frozenset[str]] | None:
        """The longest name at ``i`` (first word as written, else clitic-stripped), grown one word at a time."""
        forms = self._starts.get(keys[i])
        if forms is None:
            forms = self._start_forms(keys[i])
        if not forms:
            return None
        names, prefixes, stop = self.names, self.prefixes, len(keys)
        for first, longest, kinds in forms:
            best = (1, kinds) if kinds else None
            words: tuple[str, ...] = (first,)
            for j in range(i + 1, min(stop, i + longest)):  # no name of this first word is longer
                words = (*words, keys[j])
                if words not in prefixes:
                    break
                found = names.get(words)
                if found:
                    best = (len(words), found)
            if best is not None:
                return best
        return None

    def _start_forms(self, key: str) -> tuple[tuple[str, int, frozenset[str] | None], ...]:
        """What :meth:`_longest_at` needs of a word, looked up once per word type (names recur)."""
        if len(self._starts) > _START_CACHE:
            self._starts.clear()
        longest, names = self.max_len, self.names
        forms = tuple((first, longest[first], names.get((first,))) for first in _first_forms(key) if longest.get(first))
        self._starts[key] = forms
        return forms


@lru_cache(maxsize=100_000)
def _first_forms(key: str) -> tuple[str, ...]:
    stem = strip_clitics(key)
    return (key,) if stem == key else (key, stem)


@lru_cache(maxsize=200_000)
def stem_of(key: str) -> str:
    """The clitic-stripped form without the article: the key that ties mentions of one name together."""
    stem = strip_clitics(key)
    if stem.startswith("ال") and len(stem) > 4:
        stem = stem[2:]
    return stem


def _shape(text: str) -> str:
    if _PUNCT_RE.match(text):
        return "P"
    if _DIGIT_RE.search(text):
        return "D" if not _ARABIC_RE.search(text) and not _LATIN_RE.search(text) else "DX"
    if _LATIN_RE.search(text):
        return "LU" if text[:1].isupper() else "L"
    return "A"


# Word classes from lexicons, not from the training labels: given- and family-name rank buckets (names-dataset),
# a word-frequency bucket (wordfreq), the ANERgazet kinds of names the word is part of, and two more name
# lists (arabnamer's Arabic spellings of Latin-written names, Wikidata people's names). One
# ``word<TAB>class class...`` line per folded word, gzipped; built by scripts/train_ner.py. A word the table
# lacks is rare (class ``z0``). Beside it, the character model of common words (``char_model``).
WORD_CLASSES_FILE = "ner_words.tsv.gz"
CHAR_MODEL_FILE = "ner_chars.tsv.gz"
_word_data: list[Path | None] = [None]
# Buckets of a word's mean letter log probability under the character model (half-nat steps, clipped).
_CHAR_BUCKETS = (-5.0, -1.0)


def use_word_data(folder: Path | None) -> None:
    """Take the word classes and the character model from ``folder`` from now on (None: the shipped ones).

    For training a new model. Clears the per-type caches; a tagger loaded before keeps the rows it has
    already computed.
    """
    _word_data[0] = folder
    word_classes.cache_clear()
    char_model.cache_clear()
    _own.cache_clear()
    trigger_kinds.cache_clear()
    pairable.cache_clear()


def _data_file(name: str) -> Traversable:
    folder = _word_data[0]
    return folder / name if folder is not None else resources.files(__package__).joinpath("data", name)


def word_zipf(word: str) -> int:
    """The word's wordfreq Zipf class from the word-class table (``z3`` -> 3), 0 when it has none."""
    return max((int(c[1:]) for c in word_classes().get(word, ()) if c[:1] == "z" and c[1:].isdigit()), default=0)


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """The word-class table, read on first use; empty when the file is absent (a model trained without it)."""
    source = _data_file(WORD_CLASSES_FILE)
    if not source.is_file():
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for line in gzip.decompress(source.read_bytes()).decode("utf-8").splitlines():
        word, _, classes = line.partition("\t")
        table[word] = tuple(classes.split())
    return table


@lru_cache(maxsize=1)
def char_model() -> CharModel | None:
    """The character model, read on first use; None when absent (a model trained without it)."""
    source = _data_file(CHAR_MODEL_FILE)
    return CharModel.read(source) if source.is_file() else None


def _classes(key: str, stem: str) -> list[str]:
    """Classes of the word as written (``c=``) and of its clitic-stripped form (``k=``) when it differs.

    The gazetteer kinds (``g...``) are one feature set for both forms (``gw=``): the word, with or without
    its clitic, is part of a listed name.
    """
    table = word_classes()
    if not table:
        return []
    own, bare = table.get(key, ()), table.get(stem, ())
    feats = [f"c={c}" for c in _lexical(own)]
    if stem != key:
        feats.extend(f"k={c}" for c in _lexical(bare))
    kinds = {c[1:] for c in (*own, *bare) if c[0] == "g"}
    feats.extend(f"gw={kind}" for kind in sorted(kinds))
    feats.extend(f"n={c}" for c in own if c[0] in _NAME_LISTS)
    if stem != key:
        feats.extend(f"nk={c}" for c in bare if c[0] in _NAME_LISTS)
    return feats


# Classes of the name lists beside the Arab name ranks: ``x`` an Arabic spelling of a name written in Latin
# letters (arabnamer), ``w`` + role a given name / surname / name of Wikidata people (``wg``, ``ws``, ``wu``).
_NAME_LISTS = frozenset("xw")


def _lexical(classes: tuple[str, ...]) -> tuple[str, ...]:
    """The name-rank and frequency classes of a table row; a word with none of them is rare (``z0``)."""
    found = tuple(c for c in classes if c[0] in "zfl")
    return found or _RARE


def _letters(stem: str) -> list[str]:
    """How Arabic the clitic-stripped word looks, as a bucket (``lm=-10`` .. ``lm=-2``); none for non-Arabic."""
    model = char_model()
    if model is None or not stem or not "\u0621" <= stem[0] <= "\u064a":
        return []
    low, high = _CHAR_BUCKETS
    value = max(low, min(high, model.mean_log_prob(stem)))
    return [f"lm={math.floor(2 * value)}"]


@lru_cache(maxsize=200_000)
def _own(key: str) -> tuple[str, ...]:
    """Features a token carries itself: forms, affixes, shape, trigger classes, lexicon word classes.

    The word classes stay off the neighbour rows: on them they cost dev F1 (measured).
    """
    stem = strip_clitics(key)
    bare = stem_of(key)
    feats = [f"w={key}", f"s={stem}", f"b={bare}", f"sh={_shape(key)}", f"len={min(len(bare), 8)}"]
    feats.extend(f"p{n}={bare[:n]}" for n in (1, 2, 3) if len(bare) > n)
    feats.extend(f"x{n}={bare[-n:]}" for n in (1, 2, 3) if len(bare) > n)
    if stem.startswith("ال"):
        feats.append("al")
    if stem != key:
        feats.append(f"cl={key[: len(key) - len(stem)]}")
    feats.extend(f"t={kind}" for kind in _CONTEXT_TYPES if key in _TRIGGERS[kind] or stem in _TRIGGERS[kind])
    feats.extend(_classes(key, stem))
    feats.extend(_letters(stem))
    return tuple(feats)


def lexical_classes(key: str) -> tuple[str, ...]:
    """The features a token carries itself (see ``_own``), for the convolutional tagger to pick from."""
    return _own(key)


@lru_cache(maxsize=400_000)
def _context(key: str, offset: int) -> tuple[str, ...]:
    """Features a neighbour contributes at ``offset``: its forms and trigger classes, prefixed."""
    stem = strip_clitics(key)
    feats = [f"{offset}w={key}", f"{offset}b={stem_of(key)}"]
    if abs(offset) == 1:
        feats.append(f"{offset}sh={_shape(key)}")
        feats.append(f"{offset}x2={stem[-2:]}")
    feats.extend(f"{offset}t={kind}" for kind in _CONTEXT_TYPES if key in _TRIGGERS[kind] or stem in _TRIGGERS[kind])
    return tuple(feats)


# Two-token features: a neighbour's trigger class (t=) together with what the token itself shows of being a
# name (its character-model bucket, its given/family-name class). "الرئيس X" with X foreign-looking, or X
# before قال, says more than either alone; the array scorer keeps their weights in one small table
# (ner_scorer). Both neighbours are paired since the gazetteer holds Wikipedia's people (ArWikiCats): before
# that, the next word's pairs cut "إيمانويل ماكرون إلى" before إلى (a place trigger) in a sanity sentence.
PAIR_OFFSETS = (-1, 1)
TRIGGER_KINDS = _CONTEXT_TYPES


@lru_cache(maxsize=200_000)
def trigger_kinds(key: str) -> tuple[str, ...]:
    """The trigger classes of a word (``PER``, ``PERV``, ``ORG``, ``LOC``), as its ``t=`` features say."""
    return tuple(f[2:] for f in _own(key) if f.startswith("t="))


@lru_cache(maxsize=200_000)
def pairable(key: str) -> tuple[str, ...]:
    """What a word shows of being a name, to be paired with a neighbour's trigger class."""
    return tuple(f for f in _own(key) if f.startswith("lm=") or (f.startswith("c=") and f[2] in "fl"))


def pair_feature(offset: int, kind: str, feature: str) -> str:
    """The attribute of a token showing ``feature`` beside a neighbour of trigger class ``kind``."""
    return f"x{offset:+d}{kind}|{feature}"


def pair_features(keys: Sequence[str]) -> list[list[str]]:
    """Per token, its two-token features (the reference path; the scorer sums them per type)."""
    out: list[list[str]] = []
    n = len(keys)
    for i, key in enumerate(keys):
        mine = pairable(key)
        feats: list[str] = []
        for offset in PAIR_OFFSETS if mine else ():
            if 0 <= i + offset < n:
                feats.extend(pair_feature(offset, kind, f) for kind in trigger_kinds(keys[i + offset]) for f in mine)
        out.append(feats)
    return out


OFFSETS = (-2, -1, 1, 2)
# Features of tokens beyond the sentence edge, keyed by the offset they are seen from.
EDGE_FEATURES = {-2: "-2w=<s>", -1: "-1w=<s>", 1: "1w=</s>", 2: "2w=</s>"}


def type_features(key: str) -> tuple[tuple[str, ...], ...]:
    """Everything a word type contributes: its own features, then what it shows a neighbour at each offset.

    Row 0 holds the token's own features; rows 1-4 what it contributes to the token that sees it at
    offsets -2, -1, +1, +2 (in ``OFFSETS`` order). Depends on the word alone, so scorers cache per type.
    """
    return (("bias", *_own(key)), *(_context(key, offset) for offset in OFFSETS))


def dynamic_features(keys: Sequence[str], lexicon: Lexicon) -> list[list[str]]:
    """Features that depend on a token's neighbours: the bigram and gazetteer matches (edges excluded)."""
    gazette = lexicon.match(keys)
    out: list[list[str]] = [[f"bg={prev}|{key}"] for prev, key in zip(["<s>", *keys], keys, strict=False)]
    del out[0][0]
    for i, tags in enumerate(gazette):
        if tags:
            out[i].extend(f"g={tag}" for tag in tags)
            if i > 0:
                out[i - 1].extend(f"1g={tag}" for tag in tags)
            if i + 1 < len(out):
                out[i + 1].extend(f"-1g={tag}" for tag in tags)
    return out


def edge_features(i: int, n: int) -> list[str]:
    """The sentence-edge features of token ``i`` of ``n``."""
    return [EDGE_FEATURES[offset] for offset in OFFSETS if not 0 <= i + offset < n]


def sentence_features(keys: Sequence[str], lexicon: Lexicon) -> list[list[str]]:
    """Return the full pass-1 feature list of every token of one sentence (training and reference path)."""
    out = dynamic_features(keys, lexicon)
    pairs = pair_features(keys)
    n = len(keys)
    for i, key in enumerate(keys):
        feats = list(type_features(key)[0])
        for row, offset in enumerate(OFFSETS, start=1):
            if 0 <= i + offset < n:
                feats.extend(type_features(keys[i + offset])[row])
        out[i] = feats + edge_features(i, n) + out[i] + pairs[i]
    return out


def doc_memory_features(
    keys: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
) -> list[list[list[str]]]:
    """Pass-2 features: how pass 1 labelled the same stem elsewhere in the document, and here.

    A surname repeated alone after a full first mention, or a name tagged in one sentence and missed in
    another, gets the evidence of the other mentions.
    """
    votes: dict[str, Counter[str]] = {}
    for sent_keys, sent_labels in zip(keys, labels, strict=True):
        for key, label in zip(sent_keys, sent_labels, strict=True):
            if label != "O":
                votes.setdefault(stem_of(key), Counter())[label[2:]] += 1
    out: list[list[list[str]]] = []
    for sent_keys, sent_labels in zip(keys, labels, strict=True):
        sent_out: list[list[str]] = []
        n = len(sent_keys)
        for i, key in enumerate(sent_keys):
            own = sent_labels[i]
            feats = [f"p1={own}"]
            if i > 0:
                feats.append(f"-1p1={sent_labels[i - 1]}")
            if i + 1 < n:
                feats.append(f"1p1={sent_labels[i + 1]}")
            counts = votes.get(stem_of(key))
            if counts:
                others = counts.copy()
                if own != "O":
                    others[own[2:]] -= 1
                feats.extend(f"dm={kind}" for kind, count in others.items() if count > 0)
            sent_out.append(feats)
        out.append(sent_out)
    return out
