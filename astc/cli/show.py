"""``astc show``: print a compiled module and the optimization report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from astc.cli._shared import EXIT_FAILED, _options, _report_errors, common


@click.command("show")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--report/--no-report", default=True, help="Print the optimization report on stderr.")
@common
def show_cmd(file: Path, report: bool, assume_stable: bool, disable: tuple[str, ...]) -> None:
    """Print the compiled source of FILE (and what was done, on stderr)."""
    from astc.api import compile_file  # LibCST loads only when a command needs it

    result = compile_file(file, options=_options(assume_stable, disable))
    if result.code is None:
        _report_errors(result)
        sys.exit(EXIT_FAILED)
    click.echo(result.code, nl=False)
    if report:
        for entry in result.report.entries:
            click.echo(entry.format(str(file)), err=True)
