"""A per-message time budget: a stage that runs too long on one message gives up on it.

The stages are synchronous CPU work on the event loop's thread, so a timer signal is the one way to stop
them without a second process: SIGALRM raises :class:`MessageTimeout` inside the stage, the message is
dead-lettered with reason ``timeout`` and the worker goes on. Stages are pure functions, so abandoning
one half-way leaves nothing inconsistent. Off the main thread (where signals cannot be used) there is
no budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from marsad.streams.errors import ArticleRejected, Reason

__all__ = ["MessageTimeout", "time_budget"]


class MessageTimeout(ArticleRejected):
    """The stage spent more than the budget on one message."""

    def __init__(self, seconds: float) -> None:
        super().__init__(Reason.TIMEOUT, f"processing took longer than the {seconds:g} s budget per message")


@contextmanager
def time_budget(seconds: float | None, error: Callable[[float], BaseException] = MessageTimeout) -> Iterator[None]:
    """Raise ``error(seconds)`` in the block if it runs longer than ``seconds`` (None or <= 0: no limit).

    Tests pass an ``error`` that is not an ``Exception``, so that the steps' own handlers cannot catch it.
    """
    if seconds is None or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise error(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
