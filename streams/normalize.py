"""The normalize stage: a validated raw article in, a tokenised, fingerprinted, language-checked record out."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from marsad.schemas.records import NormalizedArticle, RawArticle, Span

from .errors import ArticleRejected, Reason
from .tokenize import sentence_spans, token_spans

# Letters (what str.isalpha accepts) and, among them, the letters of the Arabic block (Unicode category L*,
# https://www.unicode.org/charts/PDF/U0600.pdf); counted by the regex engine, not char by char in Python.
_ARABIC_BLOCKS = (  # supplement, extended-A, presentation forms
    "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06e5\u06e6\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
)
_NON_LETTERS_RE = re.compile(r"[\W\d_]+")
_ARABIC_LETTER_RE = re.compile(f"(?=[^\\W\\d_])[{_ARABIC_BLOCKS}]")  # the blocks also hold marks and symbols
# Runs of Arabic letters, as one explicit class (a table look-up per character, no Unicode category test).
# Counting is deleting: the letters of a text are its Arabic letters plus the letters of what is left
# once they are deleted (mostly spaces, digits and punctuation, so the slower letter test runs on little).
_ARABIC_RUN_RE = re.compile(
    "[{}]+".format(
        "".join(
            re.escape(chr(code))
            for code in (*range(0x0620, 0x0700), *range(0x0750, 0x0780), *range(0x08A0, 0x0900),
                         *range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD))
            if _ARABIC_LETTER_RE.match(chr(code))
        )
    )
)  # fmt: skip
# Markup is not language: tag names and entities must not count as Latin letters.
_MARKUP_RE = re.compile(r"<[^<>]{0,200}>|&#?\w{1,10};")

__all__ = ["NormalizeSettings", "arabic_ratio", "fingerprint", "normalize_article", "parse_published_at"]


@dataclass(frozen=True, slots=True)
class NormalizeSettings:
    """What the stage accepts: articles whose letters are at least ``min_arabic_ratio`` Arabic script."""

    min_arabic_ratio: float = 0.5
    pipeline_version: str = ""


def normalize_article(
    raw: RawArticle, ingested_at: datetime, settings: NormalizeSettings | None = None
) -> NormalizedArticle:
    """Normalise one article.

    Raises:
        ArticleRejected: ``unsupported_language`` when the body is not mainly Arabic script,
            ``empty_body`` when it has no letters, ``schema_violation`` for an impossible ``published_at``.
    """
    settings = settings or NormalizeSettings()
    ratio = arabic_ratio(raw.body)
    if ratio is None:
        raise ArticleRejected(Reason.EMPTY_BODY, "body has no letters")
    if ratio < settings.min_arabic_ratio:
        raise ArticleRejected(
            Reason.UNSUPPORTED_LANGUAGE,
            f"only {ratio:.0%} of the body's letters are Arabic script "
            f"(at least {settings.min_arabic_ratio:.0%} needed); Marsad extracts from Arabic text only",
        )
    published = parse_published_at(raw.published_at)
    anchor = published.date() if published else ingested_at.astimezone(UTC).date()
    tokens = token_spans(raw.body)
    return NormalizedArticle(
        id=raw.id,
        body=raw.body,
        url=raw.url,
        source=raw.source,
        title=raw.title,
        published_at=raw.published_at,
        language="ar",
        metadata=raw.metadata,
        ingested_at=_isoformat(ingested_at),
        time_anchor="published" if published else "ingest",
        anchor_date=anchor.isoformat(),
        fingerprint=fingerprint([norm for _, _, norm in tokens]),
        arabic_ratio=round(ratio, 4),
        sentences=[Span(start, end) for start, end in sentence_spans(raw.body)],
        tokens=tokens,
        pipeline_version=settings.pipeline_version,
    )


def arabic_ratio(text: str) -> float | None:
    """Share of letters in Arabic script, or None when there are no letters at all."""
    text = _MARKUP_RE.sub(" ", text)
    rest = _ARABIC_RUN_RE.sub("", text)
    arabic = len(text) - len(rest)
    letters = arabic + len(_NON_LETTERS_RE.sub("", rest))
    if not letters:
        return None
    return arabic / letters


def fingerprint(keys: object) -> str:
    """Hash the folded tokens: copies differing only in marks, spelling variants or spacing collide."""
    digest = hashlib.sha256(" ".join(keys).encode("utf-8")).hexdigest()  # type: ignore[arg-type]
    return f"sha256:{digest}"


def parse_published_at(value: str | None) -> datetime | None:
    """Parse an RFC 3339 date-time or a full date; a date without a zone is taken as UTC."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            parsed = datetime.combine(date.fromisoformat(value), datetime.min.time())
        else:
            parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError as exc:
        raise ArticleRejected(Reason.SCHEMA_VIOLATION, f"published_at {value!r} is not a valid date") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _isoformat(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
