"""``astc show``: print a compiled module (optionally as it stands after one pass).

The module is written to stdout as bytes in the encoding its source declares (a coding
cookie or a BOM; UTF-8 otherwise), so ``astc show m.py > out.py`` gives a file Python reads
as it reads ``m.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from astc.cli._command import AstcCommand, loaded_config
from astc.cli._compile_one import compile_one, fail, say_where, verbose_option
from astc.cli._output import echo_message, write_stdout
from astc.cli._params import build_options, compiler_options
from astc.cli._work import encode_output
from astc.diagnostics import CompileError, Level
from astc.options import PASS_NAMES

EXAMPLES = """\\b
Examples:
  astc show samples/fancy_func.py               compiled module, report on stderr
  astc show mod.py --stop-after inline          as it stands after inlining
  astc show mod.py --no-report > out.py         just the module
  astc show mod.py --assume-stable              without guards
"""


@click.command("show", cls=AstcCommand, epilog=EXAMPLES)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--stop-after",
    type=click.Choice(PASS_NAMES),
    help="Print the module as it is after this pass (the passes before it run as usual).",
)
@click.option("--report/--no-report", default=True, help="Print the optimization report on stderr.")
@verbose_option
@compiler_options
@click.pass_context
def show_cmd(
    ctx: click.Context, /, file: Path, stop_after: str | None, report: bool, **params: Any
) -> None:
    """Print the compiled source of FILE on stdout (and what was done, on stderr)."""
    loaded = loaded_config(ctx)
    say_where(loaded, params["verbose"])
    options = build_options(params, stop_after=stop_after, project=loaded.project)
    result, encoding = compile_one(file, options)
    assert result.code is not None
    try:
        data = encode_output(result.code, encoding, str(file))
    except CompileError as error:
        fail([error.diagnostic])
    write_stdout(data)
    if report:
        for entry in result.report.entries:
            echo_message(entry.format(str(file)), Level.INFO)
