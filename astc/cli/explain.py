"""``astc explain FILE[::QUALNAME]``: what astc did to each function, and why not more.

For every function of the module (in source order, nested ones by qualified name, then
``<module>`` for module-level code) it lists the report entries: transformations applied
(inlined, folded, handed to a backend...) and the ones refused, each with its reason code.
``FILE::QUALNAME`` limits the listing to one function and the functions nested in it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any

import click

from astc.api import compile_file
from astc.cli._command import AstcCommand
from astc.cli._params import build_options, compiler_options
from astc.cli._report import error_line
from astc.cli._shared import EXIT_FAILED
from astc.diagnostics import ReportEntry

MODULE = "<module>"


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


def _describe(entry: ReportEntry) -> str:
    verdict = "done" if entry.applied else "refused"
    return (
        f"  line {entry.line}: {entry.pass_name}: {verdict}: {entry.message} [{entry.code.value}]"
    )


@click.command("explain", cls=AstcCommand)
@click.argument("target", metavar="FILE[::QUALNAME]")
@compiler_options
def explain_cmd(target: str, **params: Any) -> None:
    """Say, function by function, what was inlined or folded in FILE and why not otherwise."""
    path_text, _, qualname = target.partition("::")
    path = Path(path_text)
    if not path.is_file():
        raise click.BadParameter(f"{path_text!r} is not a file", param_hint="FILE")
    result = compile_file(path, options=build_options(params))
    if result.code is None:
        for diag in result.diagnostics:
            click.echo(error_line(diag), err=True)
        sys.exit(EXIT_FAILED)
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
            click.echo(_describe(entry))
