"""The ``astc`` command line: a thin click layer over the library API.

One module per command (``astc/cli/<command>.py``), each defining a click command that
:func:`_register` adds below; helpers shared by commands live in ``astc/cli/_*.py``.

Exit codes (:class:`astc.cli._shared.ExitCode`): 0 success; 1 ``--check`` found stale
output; 2 usage or configuration error; 123 at least one file failed to compile (the others
are still compiled); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import platform

import click

from astc import __version__
from astc.cli._output import echo_note
from astc.cli._shared import ExitCode, leave


def _dist_version(name: str) -> str:
    """An installed distribution's version, read from its metadata (importing Numba is slow;
    ``importlib.metadata`` too, for every command: imported here)."""
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def version_text() -> str:
    return (
        f"astc {__version__}\n"
        f"Python {platform.python_version()} ({platform.python_implementation()})\n"
        f"LibCST {_dist_version('libcst')}\n"
        f"Numba {_dist_version('numba')}"
    )


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(version_text())
        leave(ExitCode.OK)


class AstcGroup(click.Group):
    """The ``astc`` group: Ctrl-C in any command exits 130 with one line, no traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            echo_note("interrupted")
            leave(ExitCode.INTERRUPTED)


@click.group(cls=AstcGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Print the versions of astc, Python, LibCST and Numba, and exit.",
)
def main() -> None:
    """astc — a source-to-source compiler for Python.

    \b
    Examples:
      astc compile src/                  compile into build/astc/ (cached)
      astc compile --check src/          CI: exit 1 if compiled output is stale
      astc show mod.py                   the compiled module on stdout
      astc explain mod.py::func          what was done to func, and why not more
      astc codes ASTC214                 what a reason code means
      astc run --hook mypkg app.py       run with compile-on-import

    \b
    Exit codes:
      0    ok
      1    --check found a missing or stale compiled output
      2    usage or configuration error
      123  at least one file failed to compile (the others are still compiled)
      130  interrupted (Ctrl-C)
    """


def _register() -> None:
    from astc.cli.bench import bench_cmd
    from astc.cli.clean import clean_cmd
    from astc.cli.codes import codes_cmd
    from astc.cli.compile import compile_cmd
    from astc.cli.explain import explain_cmd
    from astc.cli.profile import profile_cmd
    from astc.cli.run import run_cmd
    from astc.cli.show import show_cmd
    from astc.cli.show_config import config_cmd

    for command in (
        compile_cmd,
        show_cmd,
        explain_cmd,
        config_cmd,
        clean_cmd,
        codes_cmd,
        run_cmd,
        profile_cmd,
        bench_cmd,
    ):
        main.add_command(command)


_register()

__all__ = ["ExitCode", "main"]
