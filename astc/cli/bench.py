"""``astc bench FILE``: the chapter's measurement, eager vs hybridized, on a user's model.

FILE is run as a module (its own output hidden); it must define a factory (``get_net``
by default) and an input (``x``). A fresh net is called ``--calls`` times eagerly, then
hybridized and called as often again; the two lines of the chapter and the ratio are
printed. The first hybridized call (which compiles the Numba kernel) is timed apart.
"""

from __future__ import annotations

import contextlib
import io
import runpy
import warnings
from pathlib import Path
from typing import Any, NoReturn

import click

from astc.benchmark import Benchmark
from astc.cli._output import echo_message
from astc.cli._shared import ExitCode, leave
from astc.diagnostics import Level, format_message

EXAMPLES = """\b
Examples:
  astc bench samples/mlp.py                   the chapter's model, 1000 calls
  astc bench model.py --factory make --input batch --calls 100
"""


def _fail(file: Path, message: str, code: ExitCode) -> NoReturn:
    echo_message(format_message(str(file), 1, 1, Level.ERROR, message), Level.ERROR)
    leave(code)


def _load(file: Path) -> dict[str, Any]:
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return runpy.run_path(str(file), run_name="__astc_bench__")
    except Exception as error:  # noqa: BLE001 - the user's module failed: say so, exit 123
        _fail(file, f"running the file raised {error!r}", ExitCode.FAILED)


def _call(file: Path, what: str, fn: Any, *args: Any) -> Any:
    """``fn(*args)``; an exception from the user's code is an error for FILE, exit 123."""
    try:
        return fn(*args)
    except Exception as error:  # noqa: BLE001 - the user's code failed: say so, exit 123
        _fail(file, f"{what} raised {error!r}", ExitCode.FAILED)


@click.command("bench", epilog=EXAMPLES)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--calls", default=1000, show_default=True, type=click.IntRange(min=1))
@click.option("--factory", default="get_net", show_default=True, help="Name of the net factory.")
@click.option("--input", "input_name", default="x", show_default=True, help="Name of the input.")
@click.option("--fastmath", is_flag=True, help="Let Numba fuse multiply-adds.")
def bench_cmd(file: Path, calls: int, factory: str, input_name: str, fastmath: bool) -> None:
    """Time CALLS calls of net(x) without and with hybridization; print the ratio."""
    from astc.hybrid import hybridize

    namespace = _load(file)
    make, x = namespace.get(factory), namespace.get(input_name)
    if not callable(make) or x is None:
        _fail(file, f"needs a factory {factory}() and an input {input_name}", ExitCode.USAGE)
    net = _call(file, f"{factory}()", make)
    _call(file, f"net({input_name})", net, x)
    with Benchmark("Without hybridization") as eager:
        for _ in range(calls):
            net(x)
    compiled = hybridize(_call(file, f"{factory}()", make), fastmath=fastmath)
    with Benchmark("First hybridized call (compiles)", file=io.StringIO()) as first:
        compiled(x)
    with Benchmark("With hybridization") as hybrid:
        for _ in range(calls):
            compiled(x)
    assert eager.seconds is not None and hybrid.seconds is not None and first.seconds is not None
    click.echo(
        f"Speedup: {eager.seconds / hybrid.seconds:.2f}x "
        f"({calls} calls; the first hybridized call, not counted, took {first.seconds:.4f} sec)"
    )
    for entry in compiled.report.refused:
        echo_message(entry.format(str(file)), Level.INFO)
