"""Generators of hostile articles and messages, shared by the hypothesis tests and benchmarks/fuzz_pipeline.py.

Two kinds live here: hypothesis strategies (shrinkable, for the property tests) and plain builders of
pathological bodies of a given size (for timing, where shrinking is useless and sizes must be exact).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import orjson
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from marsad.agents.handling import Outcome, StepResult
from marsad.agents.time_budget import time_budget
from marsad.schemas.validation import validate
from marsad.streams.errors import ContractViolation, Reason

from ..stubs import MessageStub

__all__ = [
    "PATHOLOGICAL",
    "MessageStub",
    "Stalled",
    "arabic_heavy_text",
    "article_dicts",
    "extract_failures",
    "fuzz_settings",
    "hostile_messages",
    "hostile_text",
    "json_values",
    "normalize_failures",
    "normalized_mutations",
    "valid_articles",
    "watchdog",
]

# Character classes an Arabic news feed can carry, and a few it should never carry but will.
ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B))
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670"
TATWEEL = "\u0640"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
ARABIC_PUNCT = "،؛؟«»٪٫٬"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
JOINERS = "\u200c\u200d\u200b\ufeff"
SPACES = " \t\n\r\u00a0\u2028\u2029\u3000\u202f\x0b\x0c"
CONTROLS = "\x00\x01\x07\x1b\x7f\x85"
EMOJI = "😀🔥💥🇮🇶👨‍👩‍👧✊🏽"
LATIN_CYRILLIC_CJK = "abcXYZéçßАБВжщ中文日本語한국"
HTML = ["<p>", "</p>", "<br/>", "<script>alert(1)</script>", "&amp;", "&nbsp;", "&#1576;", "&lt;", '<a href="x">']

# Short generic phrases (written for these tests, not taken from any corpus) that reach the event,
# time, number, quote and place finders, so that hostile characters land next to real matches.
NEWS_WORDS = [
    "قال",
    "إن",
    "الشرطة",
    "اعتقلت",
    "ثلاثة",
    "أشخاص",
    "في",
    "بغداد",
    "دمشق",
    "الموصل",
    "أمس",
    "اليوم",
    "الأحد",
    "انفجار",
    "سيارة",
    "مفخخة",
    "قتل",
    "جرح",
    "عشرة",
    "١٥",
    "2024",
    "مارس",
    "آذار",
    "الجيش",
    "غارة",
    "جوية",
    "الوزير",
    "وكالة",
    "رويترز",
    "«",
    "»",
    ":",
    ".",
    "،",
]

_ALPHABETS = [
    ARABIC_LETTERS,
    DIACRITICS + TATWEEL,
    ARABIC_DIGITS + "0123456789",
    ARABIC_PUNCT + ".:!?\"'()[]-",
    BIDI + JOINERS,
    SPACES,
    CONTROLS,
    EMOJI,
    LATIN_CYRILLIC_CJK,
]


def fuzz_settings(ci_examples: int) -> settings:
    """Reproducible settings for CI; ``MARSAD_FUZZ_EXAMPLES=N`` (and ``MARSAD_FUZZ_SEED``) for long runs.

    Without the variable the run is derandomized, so CI failures reproduce exactly; with it the run
    is random (seeded by ``MARSAD_FUZZ_SEED`` through ``--hypothesis-seed`` if wanted) and longer.
    """
    examples = os.environ.get("MARSAD_FUZZ_EXAMPLES")
    return settings(
        max_examples=int(examples) if examples else ci_examples,
        derandomize=not examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


def _fragment() -> st.SearchStrategy[str]:
    by_class = st.sampled_from(_ALPHABETS).flatmap(lambda chars: st.text(st.sampled_from(chars), max_size=12))
    return st.one_of(
        st.sampled_from(NEWS_WORDS),
        by_class,
        st.sampled_from(HTML),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF).map(str),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF).map(str),
        st.text(max_size=6),  # anything Unicode, surrogates excluded (a str JSON can carry)
        st.tuples(st.sampled_from([*NEWS_WORDS, "ب", "«", "١٢٣", "!", " "]), st.integers(2, 300)).map(
            lambda pair: pair[0] * pair[1]
        ),
    )


def hostile_text(max_fragments: int = 40) -> st.SearchStrategy[str]:
    """Text mixing real Arabic news words with every hostile character class, joined with or without spaces."""
    separator = st.sampled_from([" ", "", "\n", " \u200f", "<br>"])
    return st.tuples(st.lists(_fragment(), max_size=max_fragments), separator).map(lambda p: p[1].join(p[0]))


def arabic_heavy_text(max_fragments: int = 60) -> st.SearchStrategy[str]:
    """Mostly Arabic (so it passes the language check and reaches extraction), with hostile spice."""
    word = st.one_of(st.sampled_from(NEWS_WORDS), st.text(st.sampled_from(ARABIC_LETTERS), min_size=1, max_size=9))
    piece = st.one_of(word, word, word, _fragment())
    return st.lists(piece, min_size=1, max_size=max_fragments).map(" ".join)


def json_values() -> st.SearchStrategy[object]:
    """Any JSON value: the wrong type at the top level is the commonest producer mistake."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**63), 2**63 - 1),
        st.floats(allow_nan=False, allow_infinity=False),
        hostile_text(5),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
        max_leaves=12,
    )


_WRONG = st.one_of(
    st.none(), st.integers(-(2**63), 2**63 - 1), st.booleans(), st.lists(st.integers(-9, 9), max_size=2), st.just({})
)
_DATES = st.one_of(
    st.none(),
    st.sampled_from(
        ["2024-03-10", "2024-03-10T08:00:00Z", "2024-02-30", "2024-13-45T99:99Z", "0000-00-00", "1970-01-01"]
    ),
    st.text(max_size=25),
)


def article_dicts() -> st.SearchStrategy[dict[str, object]]:
    """Article-shaped objects: sometimes valid, often with a missing, empty, overlong or mistyped field."""
    ident = st.one_of(st.text(min_size=1, max_size=20), st.just(""), st.just("x" * 513), _WRONG)
    body = st.one_of(arabic_heavy_text(), hostile_text(), st.just(""), st.just(" \n\t"), _WRONG)
    optional = st.one_of(st.none(), hostile_text(4), _WRONG)
    fields = st.fixed_dictionaries(
        {},
        optional={
            "id": ident,
            "body": body,
            "url": optional,
            "source": optional,
            "title": optional,
            "published_at": _DATES,
            "language": st.one_of(st.sampled_from(["ar", "en", "x" * 40]), _WRONG),
            "metadata": st.one_of(st.none(), json_values(), st.dictionaries(st.text(max_size=5), json_values())),
            "extra": json_values(),
        },
    )
    return fields


def valid_articles() -> st.SearchStrategy[dict[str, object]]:
    """Articles that satisfy the raw contract with hostile Arabic-heavy bodies: the extraction path."""
    return st.fixed_dictionaries(
        {"id": st.text(min_size=1, max_size=30), "body": arabic_heavy_text()},
        optional={"published_at": _DATES.filter(lambda d: d is None or len(d) in (10, 20)), "title": hostile_text(4)},
    )


def _corrupt(data: bytes, how: str, at: int) -> bytes:
    at = at % (len(data) + 1)
    if how == "invalid_utf8":
        return data[:at] + b"\xff\xc3\x28" + data[at:]
    if how == "truncate":
        return data[:at]
    if how == "nul":
        return data[:at] + b"\x00" + data[at:]
    return data.replace(b'"body":"', b'"body":"\\ud800 ', 1)  # a lone surrogate escape (JSON allows the text)


def hostile_messages() -> st.SearchStrategy[bytes | None]:
    """Message values as a broker delivers them: raw bytes, JSON of any shape, corrupted article JSON."""
    encoded_articles = article_dicts().map(orjson.dumps)
    corrupted = st.tuples(
        valid_articles().map(orjson.dumps),
        st.sampled_from(["invalid_utf8", "truncate", "nul", "surrogate"]),
        st.integers(0, 10_000),
    ).map(lambda t: _corrupt(*t))
    return st.one_of(
        st.none(),
        st.binary(max_size=200),
        json_values().map(orjson.dumps),
        encoded_articles,
        encoded_articles,
        corrupted,
        valid_articles().map(orjson.dumps),
    )


def normalized_mutations() -> st.SearchStrategy[tuple[str, object]]:
    """A field of a normalized record and a hostile value for it (what a foreign producer could publish).

    Leaves out what xfail tests in test_hostile_input.py pin (impossible calendar dates and the years 1
    and 9999 in ``anchor_date``, a body shorter than its tokens) so that the property guards the rest.
    """
    offsets = st.integers(-5, 10**6)
    return st.one_of(
        st.tuples(st.just("anchor_date"), st.sampled_from(["2024-02-29", "1900-01-01", "2100-12-31", "x", ""])),
        st.tuples(
            st.just("tokens"),
            st.lists(st.tuples(offsets, offsets, st.text(max_size=4)).map(list), max_size=4),
        ),
        st.tuples(
            st.just("sentences"),
            st.lists(st.fixed_dictionaries({"start": offsets, "end": offsets}), max_size=3),
        ),
        st.tuples(st.just("time_anchor"), st.sampled_from(["published", "ingest", "weird", None])),
        st.tuples(st.just("body"), st.just("")),
        st.tuples(st.just("fingerprint"), st.sampled_from(["sha256:" + "0" * 64, "md5:0", 7])),
        st.tuples(st.just("arabic_ratio"), st.sampled_from([0.5, -1, 2, "1"])),
        st.tuples(st.just("metadata"), st.one_of(st.none(), st.dictionaries(st.text(max_size=5), json_values()))),
    )


def _repeat(unit: str) -> Callable[[int], str]:
    """A body of exactly ``size`` UTF-8 bytes or just under, made of ``unit`` repeated."""

    def build(size: int) -> str:
        return unit * max(1, size // len(unit.encode("utf-8")))

    return build


def _prefixed(prefix: str, unit: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        return prefix + _repeat(unit)(size - len(prefix.encode("utf-8")))

    return build


# Bodies aimed at backtracking regexes, quadratic scans and per-token overheads. A leading Arabic word
# keeps punctuation-only bodies past the language check, so that they reach extraction.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "long_token": _repeat("ب"),
    "long_token_diacritics": _repeat("بَ"),
    "long_token_tatweel": _repeat("بـ"),
    "arabic_indic_digits": _prefixed("خبر ", "١٢٣"),
    "ascii_digits_commas": _prefixed("خبر ", "1,2"),
    "guillemets": _prefixed("خبر ", "«"),
    "said_that_open_quote": _repeat("قال إن «"),
    "quote_pairs": _repeat("قال «خبر» "),
    "exclamations": _prefixed("خبر ", "!"),
    "dots": _prefixed("خبر ", "."),
    "spaces": _prefixed("خبر", " "),
    "newlines": _prefixed("خبر", "\n"),
    "bidi_controls": _repeat("خبر\u200f\u202b\u2067"),
    "zwj_zwnj": _repeat("ب\u200d\u200c"),
    "presentation_forms": _repeat("ﻻﷲﺏ "),
    "html_tags": _repeat("<p>خبر</p>&amp;"),
    "number_words": _repeat("ثلاثة عشر "),
    "date_words": _repeat("الأحد ١٥ مارس ٢٠٢٤ "),
    "event_sentences": _repeat("اعتقلت الشرطة ثلاثة أشخاص في بغداد أمس. "),
    "event_no_stop": _repeat("انفجار سيارة مفخخة في الموصل "),
    "place_names": _repeat("بغداد دمشق "),
    "mixed_scripts": _repeat("خبر abc Жщ 中文 😀 "),
}


# --- Invariants, shared by the tests (asserted) and the fuzz runner (counted) ---------------------------


class Stalled(BaseException):
    """Raised by :func:`watchdog` when one message outlives its budget; not an Exception, so the steps cannot eat it."""


def watchdog(seconds: float) -> AbstractContextManager[None]:
    """Interrupt a stalled step (main thread, POSIX): the worker must never hang on one message.

    The worker's own per-message budget, raising :class:`Stalled` instead of a dead-letter reason.
    """
    return time_budget(seconds, lambda limit: Stalled(f"one message took more than {limit:g} s"))


def normalize_failures(result: StepResult, value: bytes | None, cap: int) -> list[str]:
    """What is wrong with a normalize step's result (empty when every invariant holds)."""
    if result.outcome is Outcome.DEAD_LETTERED:
        return _dead_letter_failures(result, value, cap, "normalize")
    if len(result.outputs) != 1 or result.outputs[0].role != "normalized":
        return [f"processed with outputs {[o.role for o in result.outputs]}"]
    record = orjson.loads(result.outputs[0].value)
    problems = _contract("normalized_article", record)
    body, sent = record["body"], orjson.loads(value or b"null")
    if body != sent.get("body"):
        problems.append("normalized body differs from the body sent")
    if result.outputs[0].key != record["id"].encode():
        problems.append("normalized record not keyed by its id")
    for start, end, _ in record["tokens"]:
        problems += _span_failures(body, "token", start, end, None)
    for span in record["sentences"]:
        problems += _span_failures(body, "sentence", span["start"], span["end"], None)
    return problems


def extract_failures(result: StepResult, value: bytes, cap: int) -> list[str]:
    """What is wrong with an extract step's result on a normalized record the normalize step produced."""
    if result.outcome is Outcome.DEAD_LETTERED:
        problems = _dead_letter_failures(result, value, cap, "extract")
        return [f"a normalized record was dead-lettered by extract ({result.reason})", *problems]
    body = orjson.loads(value)["body"]
    enriched, *events = (orjson.loads(o.value) for o in result.outputs)
    problems = _contract("enriched_article", enriched)
    if [o.role for o in result.outputs] != ["enriched"] + ["events"] * len(enriched["events"]):
        problems.append(f"extract outputs {[o.role for o in result.outputs]}")
    for kind in ("entities", "places", "times", "quotes"):
        for item in enriched[kind]:
            problems += _span_failures(body, kind, item["start"], item["end"], item["text"])
    for event in events:
        problems += _contract("enriched_event", event)
        problems += _event_span_failures(body, event)
    return problems


def _event_span_failures(body: str, event: dict[str, Any]) -> list[str]:
    sentence = event["sentence"]
    problems = _span_failures(body, "event.sentence", sentence["start"], sentence["end"], event["sentence_text"])
    for name in ("trigger", "actor", "target", "location", "time"):
        part = event[name]
        if part is not None and part.get("start") is not None:
            problems += _span_failures(body, f"event.{name}", part["start"], part["end"], part["text"])
    return problems


def _dead_letter_failures(result: StepResult, value: bytes | None, cap: int, stage: str) -> list[str]:
    if len(result.outputs) != 1 or result.outputs[0].role != "deadletter":
        return [f"dead-lettered with outputs {[o.role for o in result.outputs]}"]
    record = orjson.loads(result.outputs[0].value)
    problems = _contract("dead_letter", record)
    sent = bytes(value or b"")
    kept = base64.b64decode(record["payload"]) if record["payload_encoding"] == "base64" else record["payload"].encode()
    if record["reason"] not in {r.value for r in Reason} or record["reason"] != result.reason:
        problems.append(f"dead-letter reason {record['reason']!r} (result says {result.reason!r})")
    if result.reason is Reason.PROCESSING_ERROR:
        problems.append(f"{stage} raised (a bug, not bad input): {record['error'][:300]}")
    if len(kept) > cap or not sent.startswith(kept):
        problems.append(f"dead-letter payload of {len(kept)} bytes is not a prefix within the cap of {cap}")
    if record["payload_bytes"] != len(sent) or record["truncated"] != (len(sent) > cap):
        problems.append("dead-letter payload_bytes/truncated do not describe the message")
    if record["stage"] != stage:
        problems.append(f"dead-letter stage {record['stage']!r}")
    return problems


def _span_failures(body: str, kind: str, start: int, end: int, text: str | None) -> list[str]:
    if not 0 <= start <= end <= len(body):
        return [f"{kind} span [{start}, {end}) outside the body of {len(body)} characters"]
    if text is not None and body[start:end] != text:
        return [f"{kind} text {text[:40]!r} != body[{start}:{end}] {body[start:end][:40]!r}"]
    return []


def _contract(name: str, record: object) -> list[str]:
    try:
        validate(name, record)
    except ContractViolation as exc:
        return [f"{name} breaks its contract: {exc}"]
    return []
