"""Marsad's exceptions: one root, a family for bad input, and control-flow signals kept apart."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "ArticleRejected",
    "ContractViolation",
    "MarsadError",
    "Reason",
    "StageError",
]


class Reason(StrEnum):
    """Why a message went to the dead-letter topic: a closed set, safe as a metrics label."""

    INVALID_UTF8 = "invalid_utf8"
    INVALID_JSON = "invalid_json"
    SCHEMA_VIOLATION = "schema_violation"
    OVERSIZE = "oversize"
    EMPTY_BODY = "empty_body"
    UNSUPPORTED_LANGUAGE = "unsupported_language"
    PROCESSING_ERROR = "processing_error"
    TIMEOUT = "timeout"


class MarsadError(Exception):
    """Root of every error Marsad raises on purpose."""

    retryable: bool = False


class ArticleRejected(MarsadError):
    """The message cannot be processed as sent; redelivering it would fail the same way.

    Carries a :class:`Reason` code (for the dead-letter record and metrics) and a sentence for a human.
    """

    def __init__(self, reason: Reason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


class ContractViolation(ArticleRejected):
    """A message does not satisfy its topic's JSON Schema."""

    def __init__(self, detail: str, path: str = "") -> None:
        super().__init__(Reason.SCHEMA_VIOLATION, f"{detail} (at {path or '/'})")
        self.path = path


class StageError(MarsadError):
    """A stage failed on valid input: a bug or an exhausted resource, reported with the input's id."""
