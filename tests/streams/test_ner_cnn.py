"""The convolutional tagger added to the CRF: what it returns, what it caches, and what the pair scores."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.streams.conll import read_conll, score_entities
from marsad.streams.ner import DEFAULT_MODEL, ENTITY_TYPES, EntityTagger
from marsad.streams.ner_cnn import ConvTagger
from marsad.streams.tokenize import tokenize

SHARED = Path(__file__).parents[2].parent / "shared"
TRAIN = SHARED / "data" / "anercorp" / "train.conll"
NETWORK = DEFAULT_MODEL.with_name("ner_cnn.npz")
GAZETTEER = DEFAULT_MODEL.with_name("ner_gazetteer.txt")
LINES = GAZETTEER.read_text(encoding="utf-8").splitlines() if GAZETTEER.is_file() else []
pytestmark = pytest.mark.skipif(not NETWORK.is_file(), reason="no convolutional tagger shipped")

SENTENCES = [
    "وصل الرئيس الفرنسي إيمانويل ماكرون إلى بغداد يوم الأحد.",
    "وأعلنت قوات سوريا الديمقراطية أنها اعتقلت عنصرين من تنظيم داعش في ريف دير الزور الشرقي.",
    "قال الخبير مصطفى أمين لأخبار الآن إن الخلايا تنشط ليلا.",
]


def keys(text: str) -> list[str]:
    return [token.norm for token in tokenize(text)]


@pytest.fixture(scope="module")
def network() -> ConvTagger:
    return ConvTagger.load(NETWORK, LINES)


def test_the_shipped_tagger_adds_the_network_with_the_weight_chosen_for_it(network: ConvTagger) -> None:
    tagger = EntityTagger.load()
    assert tagger._cnn is not None and network.labels == list(tagger._tables.labels)
    assert network.weight == tagger._cnn_weight == pytest.approx(0.5)


def test_a_network_trained_on_other_labels_is_refused_at_load() -> None:
    loaded = EntityTagger.load()
    network = ConvTagger.load(NETWORK, LINES)
    network.labels = list(reversed(network.labels))
    with pytest.raises(ValueError, match="labels"):
        EntityTagger(loaded._tables, loaded._lexicon, cnn=network)


def test_rows_are_label_log_probabilities(network: ConvTagger) -> None:
    doc = [keys(text) for text in SENTENCES]
    found = network.log_probs(doc)
    assert found.shape == (sum(map(len, doc)), len(network.labels))
    assert np.allclose(np.exp(found).sum(axis=1), 1.0, atol=1e-4)
    assert network.log_probs([]).shape == (0, len(network.labels))
    assert network.log_probs([[]]).shape == (0, len(network.labels))


def test_sentences_of_a_document_do_not_see_each_other(network: ConvTagger) -> None:
    """The gap rows between sentences are wider than the convolutions reach: each sentence scores alone."""
    doc = [keys(text) for text in SENTENCES]
    together = network.log_probs(doc)
    alone = np.concatenate([network.log_probs([sentence]) for sentence in doc])
    assert np.allclose(together, alone, atol=1e-4)


def test_the_word_cache_changes_no_score() -> None:
    doc = [keys(text) for text in SENTENCES]
    warm = ConvTagger.load(NETWORK, LINES)
    first = warm.log_probs(doc[:1])  # some word types cached, then the rest added to the same table
    assert np.allclose(warm.log_probs(doc), ConvTagger.load(NETWORK, LINES).log_probs(doc), atol=1e-5)
    assert np.allclose(warm.log_probs(doc[:1]), first, atol=1e-5)


def test_a_full_cache_starts_over_and_changes_no_score(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.streams.ner_cnn as ner_cnn

    doc = [keys(text) for text in SENTENCES]
    expected = ConvTagger.load(NETWORK, LINES).log_probs(doc)
    monkeypatch.setattr(ner_cnn, "_CACHE_LIMIT", 20)  # fewer than the words of the three sentences
    small = ConvTagger.load(NETWORK, LINES)
    for _ in range(2):
        assert np.allclose(small.log_probs(doc[:1]), expected[: len(doc[0])], atol=1e-5)
        assert np.allclose(small.log_probs(doc), expected, atol=1e-5)


def test_gazetteer_taps_are_those_of_the_longest_matches(network: ConvTagger) -> None:
    """The gazetteer is tried only where a name can start; the tags added are those of a full scan."""
    doc = [keys(text) for text in SENTENCES]
    flat = [key for sentence in doc for key in sentence]
    network.log_probs(doc)  # caches the word types and whether a name can start at them
    rows = np.array([network._rows[key] for key in flat])
    offsets = [0, len(doc[0]), len(doc[0]) + len(doc[1])]
    width = network._gaz_taps.shape[1]
    found = np.zeros((len(flat), 3, width // 3), np.float32)
    network._add_gazetteer(found, doc, offsets, network._starts[rows])
    expected = np.zeros((len(flat), width), np.float32)
    at = 0
    for sentence in doc:
        for i, tags in enumerate(network._lexicon.match(sentence)):
            for tag in tags:
                if tag in network._gaz:
                    expected[at + i] += network._gaz_taps[network._gaz[tag]]
        at += len(sentence)
    assert expected.any() and np.allclose(found.reshape(len(flat), -1), expected, atol=1e-5)


@pytest.mark.skipif(not TRAIN.is_file(), reason="no shared data")
def test_the_pair_reaches_the_target_on_the_dev_slice() -> None:
    """The issue's figure: micro F1 >= 0.80 over PER/ORG/LOC on the last 10% of ANERcorp's training split."""
    sentences = read_conll(TRAIN)
    dev = sentences[int(len(sentences) * 0.9) :]
    predicted = EntityTagger.load().tag_conll([s.tokens for s in dev])
    gold = [[tag[:2] + "PER" if tag[2:] == "PERS" else tag for tag in s.tags] for s in dev]
    assert score_entities(gold, predicted, types=ENTITY_TYPES).micro.f1 >= 0.80


def test_without_the_network_the_crf_tags_alone_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import shutil

    for model_file in DEFAULT_MODEL.parent.glob("ner*"):
        if model_file.name != NETWORK.name:
            shutil.copy(model_file, tmp_path / model_file.name)
    with caplog.at_level("WARNING", logger="marsad.streams.ner"):
        alone = EntityTagger.load(tmp_path / DEFAULT_MODEL.name)
    assert alone._cnn is None and "ner_cnn.npz not found" in caplog.text
    assert alone.tag_conll([["قال", "محمد", "العبدالله"]])[0][0] == "O"
