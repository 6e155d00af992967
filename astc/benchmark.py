"""The chapter's ``Benchmark``: time a block and print ``DESCRIPTION: 0.0123 sec``."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO


class Benchmark:
    """Context manager measuring wall-clock time of its block (``time.perf_counter``).

    On exit it prints ``f"{description}: {seconds:.4f} sec"`` to ``file`` (stdout by
    default) and keeps the figure in ``.seconds``; it prints even when the block raised,
    and never swallows the exception.
    """

    def __init__(self, description: str = "Done", *, file: TextIO | None = None) -> None:
        self.description = description
        self.file = file
        self.seconds: float | None = None
        self._start = 0.0

    def __enter__(self) -> Benchmark:
        self._start = time.perf_counter()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.seconds = time.perf_counter() - self._start
        print(f"{self.description}: {self.seconds:.4f} sec", file=self.file or sys.stdout)
