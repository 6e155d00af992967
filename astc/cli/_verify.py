"""``--verify``: check a compiled module before it is written.

Three checks, each cheap next to compiling: the output parses and compiles; compiling the
output again gives it back unchanged (idempotence); and it binds the same public
module-level names as the source (so ``from mod import name`` keeps working). The first
failure is returned as a message; ``None`` means the output passed.
"""

from __future__ import annotations

import ast
import warnings

from astc.api import compile_source
from astc.options import Options


def public_names(tree: ast.Module) -> set[str]:
    """Names bound at module level (outside functions and classes) not starting with ``_``."""
    names: set[str] = set()
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
            continue  # their bodies bind local names
        if isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names if a.name != "*")
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        if isinstance(node, ast.Lambda | ast.comprehension):
            continue
        pending.extend(ast.iter_child_nodes(node))
    return {n for n in names if not n.startswith("_")}


def verify(source: str, code: str, filename: str, options: Options) -> str | None:
    """Why ``code`` (compiled from ``source``) is not acceptable, or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(code, filename=filename)
            compile(tree, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        return f"the compiled output does not compile: {error}"
    again = compile_source(code, filename=filename, options=options)
    if again.code != code:
        return "compiling the output again changes it (not idempotent)"
    try:
        before = public_names(ast.parse(source, filename=filename))
    except (SyntaxError, ValueError):
        return None  # the source parsed for the compiler; a parse quirk here proves nothing
    after = public_names(tree)
    if before != after:
        lost, gained = sorted(before - after), sorted(after - before)
        parts = [
            f"lost {', '.join(lost)}" if lost else "",
            f"added {', '.join(gained)}" if gained else "",
        ]
        return "public names changed: " + "; ".join(p for p in parts if p)
    return None
