"""What several commands share: option sets, error printing, atomic writes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from astc.diagnostics import CompileResult
from astc.options import PASS_NAMES, Options

EXIT_OK = 0
EXIT_STALE = 1
EXIT_USAGE = 2
EXIT_FAILED = 123

F = TypeVar("F", bound=Callable[..., Any])


def _options(assume_stable: bool, disable: tuple[str, ...]) -> Options:
    return Options(
        assume_stable=assume_stable, passes=tuple(p for p in PASS_NAMES if p not in disable)
    )


def _report_errors(result: CompileResult) -> None:
    for diag in result.diagnostics:
        click.echo(diag.format(), err=True)


def _write_atomic(target: Path, text: str) -> None:
    """Write via a temporary file in the same directory and rename: never half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_common = [
    click.option(
        "--assume-stable",
        is_flag=True,
        help="Assume module functions and constants are never rebound from outside (no guards).",
    ),
    click.option(
        "--disable", type=click.Choice(PASS_NAMES), multiple=True, help="Skip a pass (repeatable)."
    ),
]


def common(fn: F) -> F:
    """Add the options every compiling command takes."""
    for option in reversed(_common):
        fn = option(fn)
    return fn
