"""Printing for people: the one message format, coloured on a terminal.

Messages (``path:line:col: level: message [CODE]``, :func:`astc.diagnostics.format_message`)
go to stderr; code, diffs and listings to stdout. Colour is used when the stream is a
terminal and ``NO_COLOR`` is not set (https://no-color.org), unless ``--color`` or
``--no-color`` says otherwise (:func:`set_color`); under a pipe the text is plain.
"""

from __future__ import annotations

import os
import sys
from typing import IO

import click

from astc.diagnostics import Level

_STYLES = {
    Level.ERROR: {"fg": "red", "bold": True},
    Level.WARNING: {"fg": "yellow", "bold": True},
    Level.INFO: {"fg": "cyan"},
}
_forced: bool | None = None


def set_color(flag: bool | None) -> None:
    """``--color`` (True) / ``--no-color`` (False) for the rest of this run; None: automatic."""
    global _forced
    _forced = flag


def use_color(stream: IO[str] | None = None) -> bool:
    """Whether to colour what goes to ``stream`` (default: stderr)."""
    if _forced is not None:
        return _forced
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def style_message(line: str, level: Level) -> str:
    """``line`` with its position in bold and its level word coloured."""
    marker = f": {level}: "
    at = line.find(marker)
    if at < 0:
        return line
    where, rest = line[:at], line[at + len(marker) :]
    word = click.style(str(level), **_STYLES[level])  # type: ignore[arg-type]
    return f"{click.style(where, bold=True)}: {word}: {rest}"


def echo_message(line: str, level: Level) -> None:
    """Print one message (already in the one format) on stderr, coloured on a terminal."""
    color = use_color(sys.stderr)
    click.echo(style_message(line, level) if color else line, err=True, color=color)


def write_stdout(data: bytes) -> None:
    """Bytes to stdout as they are (compiled modules keep their declared encoding)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def echo_note(text: str, *, bold: bool = False) -> None:
    """Print a plain line on stderr (progress, summaries, verbose notes)."""
    color = use_color(sys.stderr)
    click.echo(click.style(text, bold=True) if bold and color else text, err=True, color=color)
