"""``astc run``: run a program with the import hook active, its main module compiled too."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import click

from astc.cli._params import build_options, compiler_options
from astc.cli._shared import ConfigProblem
from astc.config import ConfigError
from astc.hook.runner import BOOTSTRAP
from astc.hook.settings import HookSettings, disabled, load_hook_config

EXAMPLES = """\b
Examples:
  astc run --hook mypkg script.py ARGS...      script.py and mypkg compiled
  astc run --hook mypkg -m mypkg.cli ARGS...   like python -m
  ASTC_DISABLE=1 astc run --hook mypkg app.py  plainly, for comparison
"""


@click.command(
    "run",
    context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False},
    epilog=EXAMPLES,
)
@click.option(
    "--hook",
    "hooks",
    multiple=True,
    metavar="PKG",
    help="Compile package PKG and its submodules on import (repeatable; added to "
    "[tool.astc.hook] packages).",
)
@click.option("-m", "module", metavar="MODULE", help="Run library module MODULE as a script.")
@compiler_options
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def run_cmd(
    hooks: tuple[str, ...], module: str | None, args: tuple[str, ...], **params: Any
) -> None:
    """Run SCRIPT (or -m MODULE) with ARGS, compiled by astc on import.

    \b
    astc run [--hook PKG]... (-m MODULE | SCRIPT) [ARGS]...

    The main module is compiled, and so is every module of the --hook packages and of
    [tool.astc.hook] packages when imported; compiled code is cached in __pycache__.
    Spawned multiprocessing children get the hook too. ASTC_DISABLE=1 runs the program
    plainly. The exit status is the program's.
    """
    if module is None:
        if not args:
            raise click.UsageError("give a SCRIPT or -m MODULE")
        kind, target, rest = "script", args[0], args[1:]
        if not Path(target).is_file():
            raise click.UsageError(f"cannot open file {target!r}")
    else:
        kind, target, rest = "module", module, args
    try:
        configured, hook_options = load_hook_config(Path.cwd())
    except ConfigError as error:
        raise ConfigProblem(error) from None
    # [tool.astc.hook] and the command line each may only relax or narrow: combine both.
    options = build_options(params)
    options = dataclasses.replace(
        options,
        assume_stable=options.assume_stable or hook_options.assume_stable,
        passes=tuple(p for p in options.passes if p in hook_options.passes),
        kernel_functions=tuple(
            dict.fromkeys((*options.kernel_functions, *hook_options.kernel_functions))
        ),
    )
    env = dict(os.environ)
    if not disabled():
        try:
            settings = HookSettings.create([*configured, *hooks], options)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--hook") from None
        env.update(settings.to_env())
    flags = subprocess._args_from_interpreter_flags()  # type: ignore[attr-defined]
    argv = [sys.executable, *flags, "-c", BOOTSTRAP, kind, target, *rest]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, argv, env)
