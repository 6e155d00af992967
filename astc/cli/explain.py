"""``astc explain FILE[::QUALNAME]``: what astc did to each function, and why not more.

For every function of the module (in source order, nested ones by qualified name, then
``<module>`` for module-level code) it lists the report entries: transformations applied
(inlined, folded, handed to a backend...) and the ones refused, each with its reason code.
``FILE::QUALNAME`` limits the listing to one function and the functions nested in it.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import click

from astc.cli._command import AstcCommand, loaded_config
from astc.cli._compile_one import compile_one, say_where, verbose_option
from astc.cli._params import build_options, compiler_options
from astc.diagnostics import ReportEntry

MODULE = "<module>"

EXAMPLES = """\b
Examples:
  astc explain mod.py                  every function, then module-level code
  astc explain mod.py::Class.method    one function (and those nested in it)
  astc explain mod.py --assume-stable  what the relaxed model would do
  astc codes ASTC214                   what a reason code means
"""


def function_qualnames(tree: ast.Module) -> list[str]:
    """Qualified names (``C.m``, ``f.<locals>.g``) of the module's functions, in order."""
    names: list[str] = []

    def visit(body: list[ast.stmt], prefix: str, in_function: bool) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                qual = prefix + node.name
                if not isinstance(node, ast.ClassDef):
                    names.append(qual)
                inner = qual + (".<locals>." if not isinstance(node, ast.ClassDef) else ".")
                visit(node.body, inner, not isinstance(node, ast.ClassDef))
            else:
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.stmt):
                        visit([child], prefix, in_function)

    visit(tree.body, "", False)
    return names


def _matches(name: str, wanted: str) -> bool:
    short = name.replace(".<locals>", "")
    return (
        wanted in (name, short) or name.startswith(wanted + ".") or short.startswith(wanted + ".")
    )


def _describe(entry: ReportEntry, path: Path) -> str:
    """One entry in the one message format, indented under its function."""
    return "  " + entry.format(str(path))


@click.command("explain", cls=AstcCommand, epilog=EXAMPLES)
@click.argument("file", metavar="FILE[::QUALNAME]")
@verbose_option
@compiler_options
@click.pass_context
def explain_cmd(ctx: click.Context, /, file: str, **params: Any) -> None:
    """Say, function by function, what was inlined or folded in FILE and why not otherwise.

    Each line is a report entry, `path:line: info: pass: done|refused: what [CODE]`;
    `astc codes CODE` explains a code.
    """
    path_text, _, qualname = file.partition("::")
    path = Path(path_text)
    if not path.is_file():
        raise click.BadParameter(f"{path_text!r} is not a file", param_hint="FILE")
    loaded = loaded_config(ctx)
    say_where(loaded, params["verbose"])
    result, _ = compile_one(path, build_options(params, project=loaded.project))
    functions = function_qualnames(ast.parse(result.source))
    by_function: dict[str, list[ReportEntry]] = {}
    for entry in result.report.entries:
        by_function.setdefault(entry.function or MODULE, []).append(entry)
    order = [*functions, *(f for f in by_function if f not in functions and f != MODULE), MODULE]
    if qualname:
        order = [f for f in order if f != MODULE and _matches(f, qualname)]
        if not order:
            raise click.BadParameter(f"no function {qualname!r} in {path}", param_hint="QUALNAME")
    for name in order:
        entries = by_function.get(name, [])
        if name == MODULE and not entries:
            continue
        click.echo(f"{path}::{name}" if name != MODULE else f"{path} (module level)")
        if not entries:
            click.echo("  nothing to do")
        for entry in entries:
            click.echo(_describe(entry, path))
