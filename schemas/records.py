"""Python records of every topic's contract; each mirrors a JSON Schema file in schemas/v1/.

Records are frozen dataclasses. ``to_dict`` gives the JSON-ready form that the schema validates; optional
fields are always present (``null`` when unknown) so that subscribers see one stable shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "SCHEMA_VERSION",
    "DeadLetter",
    "EnrichedArticle",
    "EnrichedEvent",
    "Entity",
    "EventArgument",
    "EventLocation",
    "EventTime",
    "NormalizedArticle",
    "Place",
    "Plover",
    "Quote",
    "RawArticle",
    "Span",
    "TimeMention",
]

SCHEMA_VERSION = "v1"


class _Record:
    """JSON conversion shared by every record."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class RawArticle(_Record):
    """An article as users publish it to ``articles.raw``."""

    id: str
    body: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published_at: str | None = None
    language: str | None = None
    metadata: dict[str, Any] | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RawArticle:
        """Build from a validated payload; unknown top-level keys are dropped (keep extras in ``metadata``)."""
        return cls(
            id=data["id"],
            body=data["body"],
            url=data.get("url"),
            source=data.get("source"),
            title=data.get("title"),
            published_at=data.get("published_at"),
            language=data.get("language"),
            metadata=data.get("metadata"),
        )


@dataclass(frozen=True, slots=True)
class Span(_Record):
    """A sentence span of the body."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class NormalizedArticle(_Record):
    """The output of the normalize stage on ``articles.normalized``.

    ``body`` is the text the user sent, unchanged; ``tokens`` are ``[start, end, key]`` triples whose
    offsets index ``body`` and whose key is the folded form used for matching.
    """

    id: str
    body: str
    url: str | None
    source: str | None
    title: str | None
    published_at: str | None
    language: str
    metadata: dict[str, Any] | None
    ingested_at: str
    time_anchor: str
    anchor_date: str
    fingerprint: str
    arabic_ratio: float
    sentences: list[Span]
    tokens: list[tuple[int, int, str]]
    schema_version: str = SCHEMA_VERSION
    pipeline_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tokens"] = [list(token) for token in self.tokens]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NormalizedArticle:
        fields = dict(data)
        fields["sentences"] = [Span(**span) for span in data["sentences"]]
        fields["tokens"] = [tuple(token) for token in data["tokens"]]
        return cls(**fields)


@dataclass(frozen=True, slots=True)
class Entity(_Record):
    """A named-entity mention, linked to a canonical entry when one is known."""

    text: str
    type: str
    start: int
    end: int
    canonical_id: str | None = None
    canonical_name: str | None = None
    wikidata: str | None = None
    source: str = "model"


@dataclass(frozen=True, slots=True)
class Place(_Record):
    """A place mention resolved (or not) against the gazetteer."""

    text: str
    start: int
    end: int
    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    feature_class: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class TimeMention(_Record):
    """A time expression and the date it resolves to against the article's anchor date."""

    text: str
    start: int
    end: int
    kind: str
    value: str | None = None
    precision: str | None = None
    anchor: str = "none"


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    """An attributed quotation: who said it, in which role, to which outlet, and where it stands."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_role: str | None = None
    outlet: str | None = None
    verb: str | None = None


@dataclass(frozen=True, slots=True)
class Plover(_Record):
    """The PLOVER ontology's type and mode for an event, or nulls where PLOVER has no type."""

    type: str | None = None
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class EventArgument(_Record):
    """An actor or target: a span of the text, linked to a canonical entity when possible."""

    text: str
    start: int
    end: int
    type: str | None = None
    canonical_id: str | None = None
    canonical_name: str | None = None


@dataclass(frozen=True, slots=True)
class EventLocation(_Record):
    """Where an event happened: the most specific place of its sentence."""

    text: str
    start: int
    end: int
    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    feature_class: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class EventTime(_Record):
    """When an event happened, as written and as an ISO date with its precision."""

    text: str | None = None
    start: int | None = None
    end: int | None = None
    date: str | None = None
    precision: str | None = None
    anchor: str = "none"


@dataclass(frozen=True, slots=True)
class EnrichedEvent(_Record):
    """One typed event on ``events.enriched``, keyed by its deterministic ``event_id``."""

    event_id: str
    article_id: str
    type: str
    plover: Plover
    trigger: EventArgument
    sentence: Span
    sentence_text: str
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
    source: str | None
    url: str | None
    published_at: str | None
    ingested_at: str
    pipeline_version: str
    schema_version: str = SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class EnrichedArticle(_Record):
    """One record per article on ``articles.enriched``: everything found in it, events included."""

    id: str
    url: str | None
    source: str | None
    title: str | None
    published_at: str | None
    ingested_at: str
    language: str
    fingerprint: str
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EnrichedEvent] = field(default_factory=list)
    pipeline_version: str = ""
    schema_version: str = SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class DeadLetter(_Record):
    """A message Marsad could not process, with why, where it came from and (a capped copy of) what it was."""

    reason: str
    error: str
    stage: str
    topic: str
    partition: int
    offset: int
    key: str | None
    payload: str
    payload_encoding: str
    payload_bytes: int
    truncated: bool
    article_id: str | None
    failed_at: str
    pipeline_version: str
    schema_version: str = SCHEMA_VERSION
