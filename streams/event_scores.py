"""Records of an event evaluation: P/R/F1 counts, shares, per-article misses and the whole report.

Built by :mod:`marsad.streams.evaluation` (which re-exports them) and printed by ``marsad eval events``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .conll import TypeScore

__all__ = ["ArticleMisses", "EventReport", "Ratio", "Score"]


@dataclass(frozen=True, slots=True)
class Score(TypeScore):
    """Precision, recall and F1 from counts: the NER scorer's record, under the name the reports use."""


@dataclass(frozen=True, slots=True)
class Ratio:
    """A share: how many of ``total`` were right."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    def as_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass(frozen=True, slots=True)
class ArticleMisses:
    """What one article got wrong, for ``--details``."""

    id: str
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    missed_types: list[str] = field(default_factory=list)
    spurious_types: list[str] = field(default_factory=list)
    wrong_locations: list[str] = field(default_factory=list)
    wrong_counts: list[str] = field(default_factory=list)
    wrong_arguments: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__ if name != "id")


@dataclass(frozen=True, slots=True)
class EventReport:
    """Aggregate scores over a gold file, with per-type breakdowns and per-article misses."""

    articles: int
    entities: Score
    entities_by_type: dict[str, Score]
    event_types: Score
    event_types_by_type: dict[str, Score]
    location: Ratio
    counts: Ratio
    background: Ratio
    misses: list[ArticleMisses]
    arguments: dict[str, Ratio] = field(default_factory=dict)

    def headline(self) -> dict[str, float]:
        """The figures quality targets and regression floors are stated in, by name."""
        return {
            "entity_f1": self.entities.f1,
            "event_type_f1": self.event_types.f1,
            "location": self.location.value,
            "counts": self.counts.value,
            **{name: ratio.value for name, ratio in self.arguments.items()},
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "entities": self.entities.as_dict(),
            "entities_by_type": {k: v.as_dict() for k, v in sorted(self.entities_by_type.items())},
            "event_types": self.event_types.as_dict(),
            "event_types_by_type": {k: v.as_dict() for k, v in sorted(self.event_types_by_type.items())},
            "location": self.location.as_dict(),
            "counts": self.counts.as_dict(),
            "background": self.background.as_dict(),
            "arguments": {k: v.as_dict() for k, v in self.arguments.items()},
        }
