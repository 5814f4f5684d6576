"""Tests of tokens and sentences with offsets into the original text."""

import pytest

from marsad.streams.tokenize import split_sentences, token_spans, tokenize

TEXTS = [
    "قال المتحدث: «اعتُقل ٣ أشخاص» في دير الزور.",
    "العشرات (شرقي سوريا) رهن الاعتقال، بعدما شنت القوات حملة.\n\nبيان جديد",
    "نصٌّ مع تطويـــل و emoji 😀 و https://example.org/a?b=1",
    "  مسافات   في   البداية  ",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_token_offsets_index_the_original(text: str) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.text.strip() == token.text and token.text


def test_tokens_split_punctuation_and_fold_keys() -> None:
    tokens = tokenize("اعتُقل ٣ أشخاص، أمس.")
    assert [t.text for t in tokens] == ["اعتُقل", "٣", "أشخاص", "،", "أمس", "."]
    assert [t.norm for t in tokens] == ["اعتقل", "3", "اشخاص", ",", "امس", "."]


def test_offset_argument_shifts_spans() -> None:
    tokens = tokenize("دير الزور", offset=10)
    assert (tokens[0].start, tokens[1].end) == (10, 19)


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_index_the_original(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_sentences_split_on_stops_and_paragraphs() -> None:
    text = "جملة أولى. جملة ثانية؟ جملة ثالثة!\n\nعنوان\nنص آخر"
    assert [s.text for s in split_sentences(text)] == [
        "جملة أولى.",
        "جملة ثانية؟",
        "جملة ثالثة!",
        "عنوان",
        "نص آخر",
    ]


def test_decimal_point_does_not_split() -> None:
    assert len(split_sentences("بلغ المعدل 2.5 بالمئة هذا العام.")) == 1


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS,
        "\tبغداد\u00a0دمشق\u2028حلب\u3000عمّان ",  # tab, no-break space, line separator, ideographic space
        "«بيان»،(عاجل)!!",
        "   ",
        "كلمة",
    ],
)
@pytest.mark.parametrize("offset", [0, 5])
def test_tokens_are_the_chunks_camel_tools_splits(text: str, offset: int) -> None:
    """The reference: camel-tools on each whitespace-separated chunk, pieces located in order."""
    import re

    from camel_tools.tokenizers.word import simple_word_tokenize

    from marsad.streams.arabic import fold

    expected = []
    for chunk in re.finditer(r"\S+", text):
        cursor = 0
        for piece in simple_word_tokenize(chunk.group()):
            at = chunk.group().find(piece, cursor)
            cursor = at + len(piece)
            start = offset + chunk.start() + at
            expected.append((piece, start, start + len(piece), fold(piece)))
    assert [tuple(token) for token in tokenize(text, offset)] == expected
    if offset == 0:
        assert token_spans(text) == [(start, end, norm) for _, start, end, norm in expected]
