"""``astc compile``: write compiled modules next to (never over) the sources."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from astc.cli._shared import EXIT_FAILED, _options, _report_errors, _write_atomic, common


@click.command("compile")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build/astc"),
    show_default=True,
    help="Where compiled modules are written (sources are never overwritten).",
)
@common
def compile_cmd(
    files: tuple[Path, ...], out_dir: Path, assume_stable: bool, disable: tuple[str, ...]
) -> None:
    """Compile FILES into OUT_DIR."""
    from astc.api import compile_file  # LibCST loads only when a command needs it

    options = _options(assume_stable, disable)
    failed = 0
    for path in files:
        result = compile_file(path, options=options)
        if result.code is None:
            _report_errors(result)
            failed += 1
            continue
        target = out_dir / path.name
        if target.resolve() == path.resolve():
            click.echo(f"error: cannot compile {path}: output would overwrite the source", err=True)
            failed += 1
            continue
        try:
            _write_atomic(target, result.code)
        except OSError as error:
            click.echo(f"error: cannot write {target}: {error.strerror or error}", err=True)
            failed += 1
            continue
        n = len(result.report.applied)
        click.echo(
            f"compiled {path} -> {target} ({n} transformation{'s' if n != 1 else ''})", err=True
        )
    if failed:
        click.echo(f"{failed} file{'s' if failed != 1 else ''} failed to compile.", err=True)
        sys.exit(EXIT_FAILED)
