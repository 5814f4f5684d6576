"""Tests for the NER word classes: the lexicon table (name ranks, word frequency) and how tokens show it."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from marsad.streams.arabic import fold
from marsad.streams.ner_features import (
    WORD_CLASSES_FILE,
    Lexicon,
    pair_features,
    sentence_features,
    type_features,
    use_word_data,
    word_classes,
)

SHIPPED = resources.files("marsad.streams").joinpath("data", WORD_CLASSES_FILE)
# A table written for the tests: folded words (as fold() makes them) and their classes.
_TABLE = {
    fold("خالد"): "fn1 z4",
    fold("العتيبي"): "ln2",
    fold("في"): "z6",
    fold("وزارة"): "z5",
    fold("بنفيكا"): "gORG",
    fold("الاهلي"): "z4 gLOC gORG",
    fold("نيستلروي"): "x",
    fold("كرتي"): "ws wu",
}


@pytest.fixture
def table(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / WORD_CLASSES_FILE
    text = "".join(f"{word}\t{classes}\n" for word, classes in _TABLE.items())
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    use_word_data(tmp_path)
    yield path
    use_word_data(None)


def _own(word: str) -> set[str]:
    return {f for f in type_features(fold(word))[0] if f.startswith(("c=", "k="))}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("خالد", {"c=fn1", "c=z4"}),
        ("العتيبي", {"c=ln2"}),
        ("وخالد", {"c=z0", "k=fn1", "k=z4"}),  # a proclitic: the bare form carries the name class
        ("للعتيبي", {"c=z0", "k=ln2"}),  # لل becomes ال
        ("في", {"c=z6"}),
        ("نيستلروي", {"c=z0"}),  # only in a name list: still a rare word
        ("بوليكاربو", {"c=z0", "k=z0"}),  # a leading ب is tried as a clitic too
        ("IBM", {"c=z0"}),
    ],
)
def test_own_word_classes(table: Path, word: str, expected: set[str]) -> None:
    assert _own(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("بنفيكا", {"c=z0", "k=z0", "gw=ORG"}),  # listed only in a name: still rare (ب is tried as a clitic)
        ("وبنفيكا", {"c=z0", "k=z0", "gw=ORG"}),  # the clitic-stripped form is part of the name
        ("الاهلي", {"c=z4", "gw=LOC", "gw=ORG"}),
    ],
)
def test_gazetteer_word_kinds(table: Path, word: str, expected: set[str]) -> None:
    own = {f for f in type_features(fold(word))[0] if f.startswith(("c=", "k=", "gw="))}
    assert own == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("نيستلروي", {"n=x"}),  # an Arabic spelling of a name written in Latin letters
        ("وكرتي", {"nk=wu", "nk=ws"}),  # a surname of Wikidata people, behind a clitic
        ("خالد", set()),
    ],
)
def test_name_list_classes(table: Path, word: str, expected: set[str]) -> None:
    assert {f for f in type_features(fold(word))[0] if f.startswith(("n=", "nk="))} == expected


def test_a_trigger_pairs_with_what_its_neighbour_shows_of_a_name(table: Path) -> None:
    keys = [fold(w) for w in ("قال", "الرئيس", "خالد", "في", "وزارة", "العتيبي")]
    pairs = pair_features(keys)
    assert pairs[2] == ["x-1PER|c=fn1", "x+1LOC|c=fn1"]  # the title before it, the place word في after it
    assert "x-1ORG|c=ln2" in pairs[5]
    assert pairs[0] == pairs[1] == pairs[3] == []  # no name class of their own
    assert set(pairs[2]) <= set(sentence_features(keys, Lexicon())[2])


def test_neighbour_rows_carry_no_word_classes(table: Path) -> None:
    rows = type_features(fold("خالد"))[1:]
    assert not [f for row in rows for f in row if "c=" in f or "k=" in f]


def test_table_is_read_once_and_switchable(table: Path, tmp_path: Path) -> None:
    assert word_classes() is word_classes()
    use_word_data(tmp_path / "absent")
    assert word_classes() == {}
    assert _own("خالد") == set()  # a model trained without the table sees no class features


def test_sentence_features_include_word_classes(table: Path) -> None:
    keys = [fold(w) for w in ("قال", "خالد", "العتيبي", "في", "الرياض")]
    feats = sentence_features(keys, Lexicon())
    assert "c=fn1" in feats[1]
    assert "c=ln2" in feats[2]
    assert "c=ln2" not in feats[1]


@pytest.mark.parametrize(
    ("lines", "keys", "expected"),
    [
        # training names are gazetteer kinds of their own, beside ANERgazet's
        (["sPERS\tخالد العتيبي", "PER\tخالد"], ["قال", "خالد", "العتيبي"], [(), ("sPERS-B",), ("sPERS-I",)]),
        (["sORG\tحزب الامه", "LOC\tالامه"], ["وحزب", "الامه"], [("sORG-B",), ("sORG-I",)]),
    ],
)
def test_training_name_kinds(lines: list[str], keys: list[str], expected: list[tuple[str, ...]]) -> None:
    assert Lexicon.from_lines(lines).match([fold(k) for k in keys]) == expected


@pytest.mark.skipif(not SHIPPED.is_file(), reason="word-class table not built")
@pytest.mark.parametrize(
    ("word", "prefix"),
    [
        ("في", "z"),  # the commonest words keep only a frequency class
        ("من", "z"),
    ],
)
def test_shipped_table(word: str, prefix: str) -> None:
    use_word_data(None)
    classes = word_classes()
    assert len(classes) > 10_000
    assert all(c.startswith((prefix, "g")) for c in classes[fold(word)])  # g...: part of a listed name
    allowed = {"fn", "ln", "z3", "z4", "z5", "z6", "gL", "gO", "gP", "x", "wg", "ws", "wu"}
    assert all(c[:2] in allowed for c in classes[fold("العتيبي")])
