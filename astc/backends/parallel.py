"""Which top-level loops of a kernel may become ``prange`` (parallel CPU) or a CUDA grid.

A loop ``for i in range(...)`` is *independent* when no iteration reads what another
writes, shown syntactically:

* every subscript store is ``A[i]`` or ``A[i, ...]`` (first index the bare loop variable)
  and every read of such an ``A`` in the loop is indexed the same way;
* every name stored in the loop is private to the iteration: its first occurrence in the
  body is a store on a straight-line path (not under ``if``/``while``), and it is not read
  after the loop (``prange`` leaves no defined last value);
* no ``break``/``return``/``continue`` leaves the loop, the loop variable is not assigned,
  no augmented assignment targets a name bound outside (that is a reduction: it would
  reorder float additions), and the body calls only ``math``/NumPy/builtin functions.

Anything else is refused: a wrong "independent" would be a race, a missed one costs speed.
"""

from __future__ import annotations

import ast


def range_loop_var(loop: ast.For) -> str | None:
    """The loop variable of ``for i in range(...)`` with step 1 (or None)."""
    it = loop.iter
    if not (
        isinstance(loop.target, ast.Name)
        and isinstance(it, ast.Call)
        and isinstance(it.func, ast.Name)
        and it.func.id == "range"
        and 1 <= len(it.args) <= 2
        and not it.keywords
    ):
        return None
    return loop.target.id


def _first_index(sub: ast.Subscript) -> ast.expr:
    index = sub.slice
    if isinstance(index, ast.Tuple) and index.elts:
        return index.elts[0]
    return index


def _is_var(node: ast.expr, var: str) -> bool:
    return isinstance(node, ast.Name) and node.id == var


def _straight_line_stores(body: list[ast.stmt]) -> set[str]:
    """Names assigned on a path every iteration takes (inner ``for`` bodies count)."""
    out: set[str] = set()
    for stmt in body:
        if isinstance(stmt, ast.Assign):
            for t in stmt.targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        out.add(n.id)
        elif isinstance(stmt, ast.For):
            for n in ast.walk(stmt.target):
                if isinstance(n, ast.Name):
                    out.add(n.id)
            out |= _straight_line_stores(stmt.body)
    return out


def independence_refusal(loop: ast.For, after: list[ast.stmt]) -> str | None:
    """Why this loop's iterations may depend on each other (or None: independent)."""
    var = range_loop_var(loop)
    if var is None:
        return "not a `for i in range(...)` loop"
    if loop.orelse:
        return "loop has an else clause"
    written: set[str] = set()
    stored: set[str] = set()
    for node in ast.walk(ast.Module(body=loop.body, type_ignores=[])):
        if isinstance(node, ast.Break | ast.Continue | ast.Return):
            return f"line {node.lineno}: `{type(node).__name__.lower()}` in the loop"
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
            if not isinstance(node.value, ast.Name) or not _is_var(_first_index(node), var):
                return f"line {node.lineno}: store `{ast.unparse(node)}` not indexed by `{var}`"
            written.add(node.value.id)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            if node.id == var:
                return f"loop variable `{var}` is assigned in the body"
            stored.add(node.id)
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id not in (
                "len",
                "abs",
                "min",
                "max",
                "float",
                "int",
                "range",
            ):
                return f"line {node.lineno}: calls `{func.id}()`"
    for node in ast.walk(ast.Module(body=loop.body, type_ignores=[])):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Load)
            and isinstance(node.value, ast.Name)
            and node.value.id in written
            and not _is_var(_first_index(node), var)
        ):
            return f"line {node.lineno}: reads `{ast.unparse(node)}`, written by other iterations"
    private = _straight_line_stores(loop.body)
    for name in stored:
        if name not in private:
            return f"`{name}` is not assigned on every path before use (loop-carried)"
    first_seen: dict[str, bool] = {}
    for node in _source_order(loop.body):
        if isinstance(node, ast.Name) and node.id in stored and node.id not in first_seen:
            first_seen[node.id] = isinstance(node.ctx, ast.Store)
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            if node.target.id not in first_seen:
                return f"line {node.lineno}: `{node.target.id}` accumulates across iterations"
    for name, store_first in first_seen.items():
        if not store_first:
            return f"`{name}` is read before it is assigned (loop-carried)"
    for stmt in after:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and node.id in stored | {var}:
                return f"`{node.id}` is read after the loop"
    return None


def _source_order(body: list[ast.stmt]) -> list[ast.AST]:
    """Nodes in evaluation order (values of assignments before their targets)."""
    out: list[ast.AST] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Assign):
            visit(node.value)
            for t in node.targets:
                visit(t)
            return
        if isinstance(node, ast.AugAssign):
            out.append(node)
            visit(node.value)
            return
        if isinstance(node, ast.For):
            visit(node.iter)
            visit(node.target)
            for s in node.body:
                visit(s)
            return
        out.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    for stmt in body:
        visit(stmt)
    return out


def parallel_loops(fn: ast.FunctionDef) -> tuple[list[ast.For], list[str]]:
    """Top-level loops of ``fn`` that are independent, and why the others are not."""
    body = fn.body
    found: list[ast.For] = []
    why: list[str] = []
    for index, stmt in enumerate(body):
        if isinstance(stmt, ast.For):
            problem = independence_refusal(stmt, body[index + 1 :])
            if problem is None:
                found.append(stmt)
            else:
                why.append(f"loop at line {stmt.lineno}: {problem}")
    return found, why
