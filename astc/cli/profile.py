"""``astc profile``: run a script or module under cProfile and write a profile file.

The file (JSON) is what ``astc compile --profile FILE`` reads to pick hot kernels::

    {"version": 1, "total_s": 1.23,
     "functions": [{"file": "/abs/mod.py", "function": "dot", "line": 12,
                    "calls": 10, "tottime_s": 0.4, "cumtime_s": 0.9}, ...]}

``--hook PKG`` (repeatable) records only functions whose file lies under that package's
directory (or file); without it every function with a real source file is recorded.
"""

from __future__ import annotations

import cProfile
import importlib.util
import json
import os
import pstats
import runpy
import sys
import time
from pathlib import Path

import click

from astc._fs import write_atomic

EXAMPLES = """\\b
Examples:
  astc profile script.py ARGS...                 write astc-profile.json
  astc profile --hook mypkg -m mypkg.cli ARGS    only mypkg's functions
  astc compile src/ --profile astc-profile.json  then pick the hot kernels
"""


def _roots(hooks: tuple[str, ...]) -> list[Path]:
    roots = []
    for name in hooks:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise click.UsageError(f"--hook {name}: no such module or package")
        origin = Path(spec.origin).resolve()
        roots.append(origin.parent if origin.name == "__init__.py" else origin)
    return roots


def profile_entries(stats: pstats.Stats, roots: list[Path]) -> list[dict[str, object]]:
    """One entry per Python function with a source file (under ``roots`` when given)."""
    out: list[dict[str, object]] = []
    table = stats.stats  # type: ignore[attr-defined]
    for (file, line, function), (_cc, calls, tottime, cumtime, _callers) in table.items():
        if not file or file.startswith("<") or file == "~":
            continue
        path = Path(file).resolve()
        if roots and not any(path == r or r in path.parents for r in roots):
            continue
        out.append(
            {
                "file": str(path),
                "function": function,
                "line": line,
                "calls": calls,
                "tottime_s": round(tottime, 6),
                "cumtime_s": round(cumtime, 6),
            }
        )
    out.sort(key=lambda e: -float(str(e["cumtime_s"])))
    return out


@click.command("profile", epilog=EXAMPLES)
@click.option("-m", "module", metavar="MODULE", help="Run a module (like python -m).")
@click.option("--hook", "hooks", multiple=True, metavar="PKG", help="Record only this package.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("astc-profile.json"),
    show_default=True,
    help="Profile file to write.",
)
@click.argument("script", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def profile_cmd(
    module: str | None,
    hooks: tuple[str, ...],
    output: Path,
    script: Path | None,
    args: tuple[str, ...],
) -> None:
    """Run SCRIPT (or -m MODULE) under cProfile; write per-function times to OUTPUT."""
    if (module is None) == (script is None):
        raise click.UsageError("give exactly one of SCRIPT or -m MODULE")
    profiler = cProfile.Profile()
    argv = sys.argv
    sys.argv = [module or str(script), *args]
    start = time.perf_counter()
    status = 0
    try:
        profiler.enable()
        if module is not None:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        else:
            sys.path.insert(0, os.path.dirname(os.path.abspath(str(script))))
            runpy.run_path(str(script), run_name="__main__")
    except SystemExit as error:
        status = error.code if isinstance(error.code, int) else 0
    finally:
        profiler.disable()
        sys.argv = argv
    total = time.perf_counter() - start
    entries = profile_entries(pstats.Stats(profiler), _roots(hooks))
    data = {"version": 1, "total_s": round(total, 6), "functions": entries}
    write_atomic(output, json.dumps(data, indent=1) + "\n")
    click.echo(f"wrote {output} ({len(entries)} functions, {total:.2f}s)", err=True)
    if status:
        raise click.exceptions.Exit(status)  # the program's own exit status
