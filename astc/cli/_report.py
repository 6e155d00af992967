"""How ``astc compile`` tells what it did: per-file lines, errors, summary, JSON, annotations.

Conventions (Black's): messages on stderr, code and diffs on stdout. ``human`` prints one
line per file astc optimized (``compiled PATH (2 inlined, 1 folded)``; ``would compile
PATH`` under ``--check``/``--diff``), every error in the one message format
(``PATH:L:C: error: message [ASTC###]``, even with ``-q``), and a summary line like Black's
(``2 files compiled, 5 files left unchanged, 1 file failed to compile.``). Files with
nothing to optimize and up-to-date files are counted, and listed only with ``-v``.
``json`` prints one JSON document on stdout at the end and nothing else. ``github``
prints workflow commands (``::error file=...``) on stdout, which GitHub Actions turns into
annotations on the pull request, plus the human lines on stderr.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from astc.cli._output import echo_message, echo_note, write_stdout
from astc.cli._work import Outcome, Status
from astc.diagnostics import Level

#: The order statuses are counted in, in summaries and JSON.
ORDER = (Status.COMPILED, Status.STALE, Status.UNCHANGED, Status.FAILED)


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def describe_counts(counts: dict[str, int]) -> str:
    """``2 inlined, 1 folded, 1 kernel``; nouns (``kernel``) take a plural, participles don't."""
    if not counts:
        return "nothing to optimize"
    return ", ".join(
        plural(n, label) if label == "kernel" else f"{n} {label}" for label, n in counts.items()
    )


def summary(outcomes: Sequence[Outcome], dry: bool) -> str:
    """``12 files compiled, 40 left unchanged, 1 file failed to compile.`` (Black's wording).

    The noun is written in the first part and wherever its number changes from the part
    before. ``dry`` (``--check``/``--diff``) says what would happen instead.
    """
    tally = {status: sum(1 for o in outcomes if o.status is status) for status in ORDER}
    verbs = {
        Status.COMPILED: "compiled",
        Status.STALE: "would be compiled",
        Status.UNCHANGED: "would be left unchanged" if dry else "left unchanged",
        Status.FAILED: "would fail to compile" if dry else "failed to compile",
    }
    parts: list[str] = []
    previous: str | None = None
    for status in ORDER:
        n = tally[status]
        if not n:
            continue
        noun = "file" if n == 1 else "files"
        parts.append(f"{n} {noun} {verbs[status]}" if noun != previous else f"{n} {verbs[status]}")
        previous = noun
    return ", ".join(parts) + "."


def color_diff(diff: str) -> str:
    out = []
    for line in diff.splitlines(keepends=True):
        if line.startswith(("+++", "---")):
            out.append(click.style(line, bold=True))
        elif line.startswith("@@"):
            out.append(click.style(line, fg="cyan"))
        elif line.startswith("+"):
            out.append(click.style(line, fg="green"))
        elif line.startswith("-"):
            out.append(click.style(line, fg="red"))
        else:
            out.append(line)
    return "".join(out)


def _escape_property(value: str) -> str:
    return (
        value.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C")
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class Reporter:
    """Prints outcomes in job order as they complete, then the summary."""

    def __init__(self, fmt: str, verbosity: int, dry: bool, color: bool) -> None:
        self.fmt = fmt
        self.verbosity = verbosity  # -1 quiet, 0 normal, 1 verbose
        self.dry = dry
        self.color = color  # for what goes to stdout (diffs)

    def info(self, message: str) -> None:
        """A verbose-only note on stderr."""
        if self.verbosity > 0 and self.fmt != "json":
            echo_note(message)

    def file(self, outcome: Outcome) -> None:
        """Report one file (called in job order)."""
        if outcome.diff is not None and self.fmt != "json":
            click.echo(
                color_diff(outcome.diff) if self.color else outcome.diff, nl=False, color=self.color
            )
        if outcome.code is not None and self.fmt != "json":
            write_stdout(outcome.code)
        if self.fmt == "json":
            return
        if self.fmt == "github":
            self._annotate(outcome)
        if outcome.status is Status.FAILED:
            for diag in outcome.diagnostics:
                echo_message(diag.format(), Level.ERROR)
        elif self.verbosity < 0 or outcome.code is not None:
            return
        elif outcome.status is Status.STALE:
            echo_note(f"would compile {outcome.source}")
        elif outcome.status is Status.COMPILED and (outcome.counts or self.verbosity > 0):
            echo_note(f"compiled {outcome.source} ({describe_counts(outcome.counts)})")
        elif outcome.status is Status.UNCHANGED and self.verbosity > 0:
            echo_note(f"unchanged {outcome.source}")

    def _annotate(self, outcome: Outcome) -> None:
        if outcome.status is Status.FAILED:
            for diag in outcome.diagnostics:
                pos = f",line={diag.line},col={diag.column}" if diag.line else ""
                click.echo(
                    f"::error file={_escape_property(diag.filename)}{pos},"
                    f"title={_escape_property('astc ' + diag.code.value)}::"
                    f"{_escape_data(diag.message)}"
                )
        elif outcome.status is Status.STALE:
            message = f"compiled output {outcome.output} is missing or stale; run astc compile"
            click.echo(
                f"::error file={_escape_property(outcome.source)},title=astc::"
                f"{_escape_data(message)}"
            )

    def finish(
        self,
        outcomes: Sequence[Outcome],
        exit_code: int,
        interrupted: tuple[int, int] | None = None,
    ) -> None:
        """The summary (stderr), or the JSON document (stdout).

        ``interrupted``: Ctrl-C stopped the run after this many of this many files to
        compile; the summary counts only the files that were dealt with.
        """
        if self.fmt == "json":
            document = self._json(outcomes, exit_code)
            document["interrupted"] = interrupted is not None
            click.echo(json.dumps(document, indent=2))
            return
        if interrupted is not None:
            done, total = interrupted
            echo_note(f"interrupted: {done} of {total} files to compile were done", bold=True)
        if self.verbosity < 0:
            return
        if not outcomes:
            echo_note("No Python files to compile.")
            return
        echo_note(summary(outcomes, self.dry), bold=True)

    def _json(self, outcomes: Sequence[Outcome], exit_code: int) -> dict[str, Any]:
        files = []
        for o in outcomes:
            item: dict[str, Any] = {
                "source": o.source,
                "output": o.output,
                "status": str(o.status),
                "counts": o.counts,
                "errors": [
                    {
                        "line": d.line or None,
                        "column": d.column or None,
                        "message": d.message,
                        "code": d.code.value,
                    }
                    for d in o.diagnostics
                ],
            }
            if o.diff is not None:
                item["diff"] = o.diff
            if o.code is not None:
                item["code"] = o.code.decode("utf-8", "replace")
            files.append(item)
        totals = {str(s): sum(1 for o in outcomes if o.status is s) for s in ORDER}
        return {"files": files, "summary": totals, "exit_code": exit_code}
