"""What the extract stage knows about one article before it looks for events and quotes.

Built once per article by :mod:`marsad.streams.extract`; the event and quote finders only read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from marsad.schemas.records import Entity, EventArgument, EventLocation, EventTime, Place

from .dateline import Dateline
from .tokenize import Sentence, Token

__all__ = ["ArticleContext", "EventFinding"]


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """The article's text, tokens and sentences, and every mention found in it (all offsets index ``body``)."""

    body: str
    tokens: Sequence[Token]
    sentences: Sequence[Sentence]
    entities: Sequence[Entity]
    places: Sequence[Place]
    times: Sequence[object]  # marsad.streams.timex.TimeExpression
    numbers: Sequence[object]  # marsad.streams.numbers.NumberMention
    anchor_date: date
    time_anchor: str  # "published" | "ingest"
    country_context: Sequence[str] = ()
    dateline: Dateline | None = None  # بيروت - أ ف ب: where the report was filed, and by whom
    paragraph_datelines: tuple[Dateline, ...] = ()  # مقديشو (أ ف ب) - ...: a round-up's later items'

    @property
    def datelines(self) -> tuple[Dateline, ...]:
        """Every dateline of the article, its own first."""
        return self.paragraph_datelines if self.dateline is None else (self.dateline, *self.paragraph_datelines)

    def sentence_of(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


@dataclass(frozen=True, slots=True)
class EventFinding:
    """An event found in the text, before it gets its id and the article's metadata."""

    type: str
    trigger: EventArgument
    sentence: Sentence
    actor: EventArgument | None
    target: EventArgument | None
    location: EventLocation | None
    time: EventTime
    killed: int | None
    injured: int | None
    arrested: int | None
    count_text: str | None
    background: bool
    confidence: float
