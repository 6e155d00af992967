"""What ``astc show`` and ``astc explain`` share: compile one named file, or say why not."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

from astc.cli._command import LoadedConfig
from astc.cli._output import echo_message, echo_note
from astc.cli._shared import ExitCode, leave
from astc.diagnostics import CompileError, CompileResult, Diagnostic, Level
from astc.options import Options


def fail(diagnostics: list[Diagnostic]) -> NoReturn:
    """Print the errors and exit 123."""
    for diag in diagnostics:
        echo_message(diag.format(), Level.ERROR)
    leave(ExitCode.FAILED)


def compile_one(path: Path, options: Options) -> tuple[CompileResult, str]:
    """The compile result for ``path`` and the encoding its source declares; exits 123 (with
    the errors printed) when it cannot be read or compiled."""
    from astc.api import compile_source, read_source  # the compiler: only when compiling

    try:
        source, encoding = read_source(path)
    except CompileError as error:
        fail([error.diagnostic])
    result = compile_source(source, filename=str(path), options=options)
    if result.code is None:
        fail(result.diagnostics)
    return result, encoding


def say_where(loaded: LoadedConfig, verbose: bool) -> None:
    """``-v``: the project root and configuration file this run uses (stderr)."""
    if verbose:
        echo_note(f"project root: {loaded.project.root or 'none (no .git, .hg or [tool.astc])'}")
        echo_note(f"configuration: {loaded.project.path or 'none'}")


verbose_option = click.option(
    "-v", "--verbose", is_flag=True, help="Say which project root and configuration file are used."
)
