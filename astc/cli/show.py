"""``astc show``: print a compiled module (optionally as it stands after one pass)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from astc.api import compile_file
from astc.cli._command import AstcCommand
from astc.cli._params import build_options, compiler_options
from astc.cli._report import error_line
from astc.cli._shared import EXIT_FAILED
from astc.options import PASS_NAMES


@click.command("show", cls=AstcCommand)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--stop-after",
    type=click.Choice(PASS_NAMES),
    help="Print the module as it is after this pass (the passes before it run as usual).",
)
@click.option("--report/--no-report", default=True, help="Print the optimization report on stderr.")
@compiler_options
def show_cmd(file: Path, stop_after: str | None, report: bool, **params: Any) -> None:
    """Print the compiled source of FILE on stdout (and what was done, on stderr)."""
    options = build_options(params, stop_after=stop_after)
    result = compile_file(file, options=options)
    if result.code is None:
        for diag in result.diagnostics:
            click.echo(error_line(diag), err=True)
        sys.exit(EXIT_FAILED)
    click.echo(result.code, nl=False)
    if report:
        for entry in result.report.entries:
            click.echo(entry.format(str(file)), err=True)
