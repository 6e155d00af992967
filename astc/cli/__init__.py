"""The ``astc`` command line: a thin click layer over the library API.

One module per command (``astc/cli/<command>.py``), each defining a click command that
:func:`main` registers below; helpers shared by commands live in :mod:`astc.cli._shared`.

Exit codes: 0 success; 1 ``--check`` found stale output; 2 usage or configuration error;
123 at least one file failed to compile (the others are still compiled).
"""

from __future__ import annotations

import click

from astc import __version__
from astc.cli._shared import EXIT_FAILED, EXIT_OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="astc")
def main() -> None:
    """astc — a source-to-source compiler for Python.

    \b
    Exit codes: 0 ok, 2 usage error, 123 a file failed to compile.
    """


def _register() -> None:
    from astc.cli.compile import compile_cmd
    from astc.cli.run import run_cmd
    from astc.cli.show import show_cmd

    for command in (compile_cmd, show_cmd, run_cmd):
        main.add_command(command)


_register()

__all__ = ["EXIT_FAILED", "EXIT_OK", "main"]
