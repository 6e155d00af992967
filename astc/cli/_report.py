"""How ``astc compile`` tells what it did: per-file lines, errors, summary, JSON, annotations.

Conventions (Black's): messages on stderr, code and diffs on stdout. ``human`` prints one
line per compiled file (``compiled PATH (2 inlined, 1 folded)``, ``would compile PATH``),
errors as ``error: cannot compile PATH:L:C: message [ASTC###]`` (even with ``-q``) and a
pluralised summary. ``json`` prints one JSON document on stdout at the end and nothing else.
``github`` prints workflow commands (``::error file=...``) on stdout, which GitHub Actions
turns into annotations on the pull request, plus the human lines on stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import click

from astc.cli._work import COMPILED, FAILED, UNCHANGED, Outcome
from astc.diagnostics import Diagnostic


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def describe_counts(counts: dict[str, int]) -> str:
    """``2 inlined, 1 folded, 1 kernel``; nouns (``kernel``) take a plural, participles don't."""
    if not counts:
        return "nothing to optimize"
    return ", ".join(
        plural(n, label) if label == "kernel" else f"{n} {label}" for label, n in counts.items()
    )


def location(diag: Diagnostic) -> str:
    """``PATH:L:C``, or just ``PATH`` for errors without a position (line 0)."""
    return f"{diag.filename}:{diag.line}:{diag.column}" if diag.line else diag.filename


def error_line(diag: Diagnostic) -> str:
    return f"error: cannot compile {location(diag)}: {diag.message} [{diag.code.value}]"


def summary(outcomes: Sequence[Outcome], dry: bool) -> str:
    """``12 files compiled, 40 left unchanged, 1 file failed to compile.``

    The noun is written in the first part and wherever its number changes from the part
    before. ``dry`` (``--check``/``--diff``) says what would happen instead.
    """
    tally = {
        status: sum(1 for o in outcomes if o.status == status)
        for status in (COMPILED, UNCHANGED, FAILED)
    }
    verbs = (
        {
            COMPILED: "would be compiled",
            UNCHANGED: "would be left unchanged",
            FAILED: "would fail to compile",
        }
        if dry
        else {COMPILED: "compiled", UNCHANGED: "left unchanged", FAILED: "failed to compile"}
    )
    parts: list[str] = []
    previous: str | None = None
    for status in (COMPILED, UNCHANGED, FAILED):
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
        self.color = color

    def info(self, message: str) -> None:
        """A verbose-only note on stderr."""
        if self.verbosity > 0 and self.fmt != "json":
            click.echo(message, err=True)

    def file(self, outcome: Outcome) -> None:
        """Report one file (called in job order)."""
        if outcome.diff is not None and self.fmt != "json":
            click.echo(
                color_diff(outcome.diff) if self.color else outcome.diff, nl=False, color=self.color
            )
        if outcome.code is not None and self.fmt != "json":
            sys.stdout.write(outcome.code)
            sys.stdout.flush()
        if self.fmt == "json":
            return
        if self.fmt == "github":
            self._annotate(outcome)
        if outcome.status == FAILED:
            for diag in outcome.diagnostics:
                click.echo(error_line(diag), err=True)
        elif self.verbosity < 0 or outcome.code is not None:
            return
        elif outcome.status == COMPILED:
            if self.dry:
                click.echo(f"would compile {outcome.source}", err=True)
            else:
                click.echo(
                    f"compiled {outcome.source} ({describe_counts(outcome.counts)})", err=True
                )
        elif self.verbosity > 0:
            click.echo(f"unchanged {outcome.source}", err=True)

    def _annotate(self, outcome: Outcome) -> None:
        if outcome.status == FAILED:
            for diag in outcome.diagnostics:
                pos = f",line={diag.line},col={diag.column}" if diag.line else ""
                click.echo(
                    f"::error file={_escape_property(diag.filename)}{pos},"
                    f"title={_escape_property('astc ' + diag.code.value)}::"
                    f"{_escape_data(diag.message)}"
                )
        elif outcome.status == COMPILED and self.dry:
            message = f"compiled output {outcome.output} is missing or stale; run astc compile"
            click.echo(
                f"::error file={_escape_property(outcome.source)},title=astc::"
                f"{_escape_data(message)}"
            )

    def finish(self, outcomes: Sequence[Outcome], exit_code: int) -> None:
        """The summary (stderr), or the JSON document (stdout)."""
        if self.fmt == "json":
            click.echo(json.dumps(self._json(outcomes, exit_code), indent=2))
            return
        if self.verbosity < 0:
            return
        if not outcomes:
            click.echo("No Python files to compile.", err=True)
            return
        click.echo(summary(outcomes, self.dry), err=True)

    def _json(self, outcomes: Sequence[Outcome], exit_code: int) -> dict[str, Any]:
        files = []
        for o in outcomes:
            item: dict[str, Any] = {
                "source": o.source,
                "output": o.output,
                "status": ("stale" if self.dry else "compiled")
                if o.status == COMPILED
                else o.status,
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
                item["code"] = o.code
            files.append(item)
        totals = {
            s: sum(1 for o in outcomes if o.status == s) for s in (COMPILED, UNCHANGED, FAILED)
        }
        return {"files": files, "summary": totals, "exit_code": exit_code}
