"""The normalize stage: a validated raw article in, a tokenised, fingerprinted, language-checked record out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from marsad.schemas.records import NormalizedArticle, RawArticle, Span

from .arabic import is_arabic_letter
from .errors import ArticleRejected, Reason
from .tokenize import split_sentences, tokenize

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
    tokens = tokenize(raw.body)
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
        fingerprint=fingerprint(token.norm for token in tokens),
        arabic_ratio=round(ratio, 4),
        sentences=[Span(s.start, s.end) for s in split_sentences(raw.body)],
        tokens=[(t.start, t.end, t.norm) for t in tokens],
        pipeline_version=settings.pipeline_version,
    )


def arabic_ratio(text: str) -> float | None:
    """Share of letters in Arabic script, or None when there are no letters at all."""
    letters = arabic = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if is_arabic_letter(char):
                arabic += 1
    return arabic / letters if letters else None


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
