"""The ``astc`` command line: a thin click layer over :mod:`astc.api`.

Exit codes: 0 success; 1 ``--check`` found stale output (reserved); 2 usage error;
123 at least one file failed to compile (the others are still compiled).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from astc import __version__
from astc.api import compile_file
from astc.diagnostics import CompileResult
from astc.options import PASS_NAMES, Options

EXIT_OK = 0
EXIT_FAILED = 123


def _options(assume_stable: bool, disable: tuple[str, ...]) -> Options:
    return Options(assume_stable=assume_stable, passes=tuple(p for p in PASS_NAMES if p not in disable))


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
    click.option("--assume-stable", is_flag=True, help="Assume module functions and constants are never rebound from outside (no guards)."),
    click.option("--disable", type=click.Choice(PASS_NAMES), multiple=True, help="Skip a pass (repeatable)."),
]


def common(fn):  # type: ignore[no-untyped-def]
    for option in reversed(_common):
        fn = option(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="astc")
def main() -> None:
    """astc — a source-to-source compiler for Python.

    \b
    Exit codes: 0 ok, 2 usage error, 123 a file failed to compile.
    """


@main.command("compile")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build/astc"), show_default=True, help="Where compiled modules are written (sources are never overwritten).")
@common
def compile_cmd(files: tuple[Path, ...], out_dir: Path, assume_stable: bool, disable: tuple[str, ...]) -> None:
    """Compile FILES into OUT_DIR."""
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
        click.echo(f"compiled {path} -> {target} ({n} transformation{'s' if n != 1 else ''})", err=True)
    if failed:
        click.echo(f"{failed} file{'s' if failed != 1 else ''} failed to compile.", err=True)
        sys.exit(EXIT_FAILED)


@main.command("show")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--report/--no-report", default=True, help="Print the optimization report on stderr.")
@common
def show_cmd(file: Path, report: bool, assume_stable: bool, disable: tuple[str, ...]) -> None:
    """Print the compiled source of FILE (and what was done, on stderr)."""
    result = compile_file(file, options=_options(assume_stable, disable))
    if result.code is None:
        _report_errors(result)
        sys.exit(EXIT_FAILED)
    click.echo(result.code, nl=False)
    if report:
        for entry in result.report.entries:
            click.echo(entry.format(str(file)), err=True)
