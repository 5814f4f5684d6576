"""Both stages in one process, for batch use (``marsad extract``, evaluation, benchmarks)."""

from __future__ import annotations

from datetime import UTC, datetime

from marsad.schemas.records import EnrichedArticle, RawArticle

from .extract import Extractor
from .normalize import NormalizeSettings, normalize_article

__all__ = ["Pipeline"]


class Pipeline:
    """normalize then extract, exactly as the worker chains them, without Kafka."""

    def __init__(self, extractor: Extractor, settings: NormalizeSettings | None = None) -> None:
        self.extractor = extractor
        self.settings = settings or NormalizeSettings(pipeline_version=extractor.pipeline_version)

    @classmethod
    def load(cls, pipeline_version: str = "") -> Pipeline:
        return cls(Extractor.load(pipeline_version))

    def process(self, raw: RawArticle, ingested_at: datetime | None = None) -> EnrichedArticle:
        """Raises :class:`marsad.streams.errors.ArticleRejected` exactly where the worker would dead-letter."""
        normalized = normalize_article(raw, ingested_at or datetime.now(UTC), self.settings)
        return self.extractor.extract(normalized)
