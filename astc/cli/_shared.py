"""What every command shares: exit codes, the one way to exit, and configuration errors.

A command ends by returning (exit 0), by :func:`leave` with an :class:`ExitCode`, or by
raising ``click.UsageError`` (a bad option or argument: click prints the usage, exit 2) or
:class:`ConfigProblem` (a bad ``[tool.astc]`` value: one message, exit 2). Ctrl-C anywhere
exits 130 (the group catches ``KeyboardInterrupt``; ``astc compile`` first saves its cache).
"""

from __future__ import annotations

import enum
from typing import IO, Any, NoReturn

import click

from astc.cli._output import echo_message
from astc.config import ConfigError
from astc.diagnostics import Code, Level, format_message


class ExitCode(enum.IntEnum):
    """The exit statuses of every astc command (docs/cli.md)."""

    OK = 0
    STALE = 1  # --check found a missing or stale compiled output
    USAGE = 2  # usage or configuration error
    FAILED = 123  # at least one file failed to compile (the others were compiled)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)


def leave(code: ExitCode) -> NoReturn:
    """End the command with ``code`` (click's own way out: it runs cleanups and exits)."""
    raise click.exceptions.Exit(int(code))


class ConfigProblem(click.ClickException):
    """A configuration error: ``path: error: [tool.astc] key: expected ..., got ... [ASTC006]``."""

    exit_code = int(ExitCode.USAGE)

    def __init__(self, error: ConfigError) -> None:
        super().__init__(error.detail)
        self.error = error

    def show(self, file: IO[Any] | None = None) -> None:
        path = str(self.error.path) if self.error.path is not None else "pyproject.toml"
        line = format_message(path, 0, 0, Level.ERROR, self.error.detail, Code.CONFIG_ERROR)
        echo_message(line, Level.ERROR)
