"""``--verify``: check a compiled module before it is written.

The checks, each cheap next to compiling, in this order (the first failure is returned as
a message; ``None`` means the output passed):

1. **It compiles, as strictly as the source.** The output goes through CPython's whole
   compiler (``compile()`` of the text: parser, symbol table — ``global`` after use,
   ``nonlocal`` without a binding, ``return`` outside a function — and code generation),
   with every warning turned into an error wherever the source compiles without warnings.
   So a ``SyntaxWarning`` (``x is 1``, an invalid escape) or ``DeprecationWarning`` that
   astc introduced fails; one already in the source does not.
2. **It is a fixed point:** compiling the output again gives it back unchanged.
3. **It binds the same public module-level names** as the source (names not starting with
   ``_``, bound outside functions and classes), so ``from mod import name`` keeps working.

What it does not check: that the output *behaves* like the source (that is what the test
suite and docs/semantics.md are for); names bound dynamically (``globals()[...]``).
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


def _compile_problem(text: str, filename: str, strict: bool) -> str | None:
    """Why CPython's compiler refuses ``text`` (warnings are errors when ``strict``), or None."""
    with warnings.catch_warnings():
        warnings.simplefilter("error" if strict else "ignore")
        try:
            compile(text, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            return f"{type(error).__name__}: {error}"
        except Warning as warning:
            return f"{type(warning).__name__}: {warning}"
    return None


def verify(source: str, code: str, filename: str, options: Options) -> str | None:
    """Why ``code`` (compiled from ``source``) is not acceptable, or None."""
    problem = _compile_problem(code, filename, strict=False)
    if problem is not None:
        return f"the compiled output does not compile: {problem}"
    if _compile_problem(source, filename, strict=True) is None:
        problem = _compile_problem(code, filename, strict=True)
        if problem is not None:
            return f"the compiled output fails under -W error, where the source does not: {problem}"
    again = compile_source(code, filename=filename, options=options)
    if again.code != code:
        return "compiling the output again changes it (not idempotent)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            before = public_names(ast.parse(source, filename=filename))
            after = public_names(ast.parse(code, filename=filename))
    except (SyntaxError, ValueError):
        return None  # both compiled above; a parse quirk here proves nothing
    if before != after:
        lost, gained = sorted(before - after), sorted(after - before)
        parts = [
            f"lost {', '.join(lost)}" if lost else "",
            f"added {', '.join(gained)}" if gained else "",
        ]
        return "public names changed: " + "; ".join(p for p in parts if p)
    return None
