"""Types shared by every benchmark: run configuration, results, and plain-text tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BenchConfig:
    """Options from the command line that every benchmark may read.

    ``quick`` trades precision for time (fewer, shorter repeats, smaller samples) and is
    meant for smoke-testing the harness; ``full`` asks for the complete corpus where a
    benchmark samples one by default; ``sample`` is the default corpus sample size.
    """

    quick: bool = False
    full: bool = False
    sample: int = 150
    repeat: int = 7
    #: Seconds one timing repeat of one variant should last (the loop count is calibrated).
    target_s: float = 0.1
    verbose: bool = False
    #: Case names a benchmark with named cases runs (empty: all of them), to measure a few
    #: cases again with more repeats.
    cases: tuple[str, ...] = ()


@dataclass
class Table:
    """A titled table of already-formatted cells, with free-text notes printed below it."""

    title: str
    headers: Sequence[str]
    rows: list[Sequence[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Per-column alignment, ``"<"`` or ``">"``; the first column defaults left, others right.
    align: Sequence[str] | None = None

    def add_row(self, *cells: object) -> None:
        """Append a row; cells are converted with ``str``."""
        if len(cells) != len(self.headers):
            raise ValueError(f"row has {len(cells)} cells, table has {len(self.headers)}")
        self.rows.append([str(c) for c in cells])

    def render(self) -> str:
        """The table as aligned plain text (title, header, rule, rows, notes)."""
        ncols = len(self.headers)
        align = list(self.align) if self.align else ["<"] + [">"] * (ncols - 1)
        widths = [len(h) for h in self.headers]
        for row in self.rows:
            for i, cell in enumerate(row):
                widths[i] = max(widths[i], len(cell))

        def line(cells: Sequence[str]) -> str:
            parts = [f"{cell:{align[i]}{widths[i]}}" for i, cell in enumerate(cells)]
            return "  ".join(parts).rstrip()

        rule = "  ".join("-" * w for w in widths)
        out = [self.title, "=" * len(self.title), line(self.headers), rule]
        out.extend(line(row) for row in self.rows)
        if self.notes:
            out.append("")
            out.extend(f"  * {note}" for note in self.notes)
        return "\n".join(out)


@dataclass
class BenchResult:
    """What a benchmark returns: its tables, and problems that should fail the run.

    A *problem* is something that makes a figure meaningless or shows a compiler bug on the
    benchmark's own input (a compile error, a wrong result); ``python -m benchmarks`` prints
    them and exits non-zero. Observations that are data (files of a corpus that fail) belong
    in the tables instead.
    """

    tables: list[Table] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: Free-text blocks (e.g. compiled code) printed only with ``--verbose``.
    details: list[str] = field(default_factory=list)


def fmt_ns(ns: float | None) -> str:
    """Nanoseconds with one decimal, or ``n/a``."""
    return "n/a" if ns is None else f"{ns:,.1f}"


def fmt_ratio(ratio: float | None) -> str:
    """A speedup such as ``2.31x``, or ``n/a``."""
    return "n/a" if ratio is None else f"{ratio:.2f}x"


def fmt_int(n: float | None) -> str:
    """An integer with thousands separators, or ``n/a``."""
    return "n/a" if n is None else f"{n:,.0f}"
