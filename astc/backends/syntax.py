"""What the syntax alone says about a function, before any abstract interpretation:
its parameters and body, the roles of its parameters (which array classes and scalars to
try, the rank each needs), which statements are inside loops, and the accumulation sites
``x = x + step`` that bound a Python int's growth.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

OPTIONS_ARRAY = ("Af", "Ai", "Ab")


def params_of(fn: ast.FunctionDef) -> list[str]:
    a = fn.args
    return [p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]]


def body_of(fn: ast.FunctionDef) -> list[ast.stmt]:
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        if isinstance(body[0].value.value, str):
            return body[1:]
    return body


def own_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """Nodes of a function body, not descending into nested functions or lambdas."""
    stack = list(ast.iter_child_nodes(node))
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        stack.extend(ast.iter_child_nodes(n))


@dataclass(frozen=True)
class Role:
    """How a parameter is used, from the syntax alone."""

    options: tuple[str, ...]
    rank: int | None
    #: Array parameters whose elements are only stored / only used as indices.
    store_only: bool = False
    index_only: bool = False
    shape_only: bool = False


def _int_indices(index: ast.expr) -> tuple[int, int]:
    """(indices, of which ints) of a subscript's index."""
    elts = index.elts if isinstance(index, ast.Tuple) else [index]
    return len(elts), sum(1 for e in elts if not isinstance(e, ast.Slice))


def _need(need: dict[str, int], name: str, rank: int) -> None:
    need[name] = max(need.get(name, 0), rank)


def _callee_needs(
    node: ast.Call,
    functions: Mapping[str, ast.FunctionDef],
    stack: tuple[str, ...],
    need: dict[str, int],
    links: list[tuple[str, str, int]],
) -> None:
    """``helper(m[i])`` where helper indexes its parameter once makes ``m`` need 2."""
    func = node.func
    if not (isinstance(func, ast.Name) and func.id in functions and func.id not in stack):
        return
    callee = functions[func.id]
    inner = _ranks(callee, params_of(callee), functions, (*stack, func.id))
    for param, arg in zip(params_of(callee), node.args, strict=False):
        rank = inner.get(param)
        if rank is None:
            continue
        if isinstance(arg, ast.Name):
            _need(need, arg.id, rank)
        elif isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
            _need(need, arg.value.id, rank + _int_indices(arg.slice)[1])


def _ranks(
    fn: ast.FunctionDef,
    names: list[str],
    functions: Mapping[str, ast.FunctionDef],
    stack: tuple[str, ...] = (),
) -> dict[str, int]:
    """Rank each name needs: ``a[i, j]`` needs 2; ``row = m[i]; row[j]`` makes m need 2;
    ``for c in coeffs`` with ``c`` used as a number makes coeffs need 1; a module function
    called with ``m[i]`` that indexes its parameter makes m need 2."""
    need: dict[str, int] = {}
    links: list[tuple[str, str, int]] = []  # (alias, base, indices used on base)
    loop_items: set[str] = set()
    for node in own_nodes(fn):
        if isinstance(node, ast.Call):
            _callee_needs(node, functions, (fn.name, *stack), need, links)
            if node.args and isinstance(node.args[0], ast.Name):
                if any(k.arg == "axis" for k in node.keywords):  # astc's axis= versions: 2-D
                    _need(need, node.args[0].id, 2)
        for arg in _array_arguments(node):
            if isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
                count, ints = _int_indices(arg.slice)
                _need(need, arg.value.id, count + (ints == count))
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            _need(need, node.value.id, _int_indices(node.slice)[0])
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            if isinstance(target, ast.Name):
                if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
                    links.append((target.id, value.value.id, _int_indices(value.slice)[1]))
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            if isinstance(node.iter, ast.Name):
                links.append((node.target.id, node.iter.id, 1))
                loop_items.add(node.target.id)
    for item in loop_items:
        need.setdefault(item, 0)  # an item nothing indexes is a number
    for _ in range(8):
        changed = False
        for alias, base, ints in links:
            if alias in need:
                want = need[alias] + ints
                if want > need.get(base, 0):
                    need[base] = want
                    changed = True
        if not changed:
            break
    return {n: need[n] for n in names if n in need and need[n] > 0}


_ARRAY_CONSUMERS = frozenset(
    "sum mean prod min max amin amax argmin argmax any all cumsum cumprod copy zeros_like "
    "empty_like ones_like full_like".split()
)


def _array_arguments(node: ast.AST) -> list[ast.expr]:
    """Expressions that must be arrays: the first argument of a NumPy reduction, of len(),
    and the object of an array attribute or method (``m[i].shape``, ``m[i].sum()``)."""
    if isinstance(node, ast.Call) and node.args:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _ARRAY_CONSUMERS:
            return [node.args[0]]
        if isinstance(func, ast.Name) and func.id == "len":
            return [node.args[0]]
    if isinstance(node, ast.Attribute) and (
        node.attr in ("shape", "size", "ndim", "T") or node.attr in _ARRAY_CONSUMERS
    ):
        return [node.value]
    return []


@dataclass
class _Uses:
    """How often a parameter is read in each way (from the syntax alone)."""

    loads: int = 0
    elements: int = 0  # its elements (or itself) used as values
    indices: int = 0  # its elements used as indices of other arrays
    shapes: int = 0  # only its shape or size
    stores: int = 0
    arrayish: bool = False  # subscripted, iterated, an attribute read, passed to len()...
    intish: bool = False  # a range() bound or an index

    def count(self, node: ast.Name, parents: dict[int, ast.AST]) -> None:
        parent = parents.get(id(node))
        if isinstance(node.ctx, ast.Load):
            self.loads += 1
        if isinstance(parent, ast.Subscript) and parent.value is node:
            self.arrayish = True
            grand = parents.get(id(parent))
            augmented = isinstance(grand, ast.AugAssign) and grand.target is parent
            if isinstance(parent.ctx, ast.Store) or augmented:
                self.stores += 1
                self.elements += augmented
            elif _is_index(parent, parents):
                self.indices += 1
            else:
                self.elements += 1
        elif isinstance(parent, ast.Attribute) and parent.value is node:
            self.arrayish = True
            if parent.attr in ("shape", "size", "ndim"):
                self.shapes += 1
            else:
                self.elements += 1
        elif isinstance(parent, ast.For) and parent.iter is node:
            self.arrayish = True
            self.elements += 1
        elif isinstance(parent, ast.Call) and node in parent.args:
            self.count_argument(node, parent)
        elif _is_index(node, parents):
            self.intish = True
        elif isinstance(node.ctx, ast.Load):
            self.elements += 1

    def count_argument(self, node: ast.Name, call: ast.Call) -> None:
        func = call.func
        fname = func.id if isinstance(func, ast.Name) else None
        if isinstance(func, ast.Attribute) and func.attr in _ARRAY_CONSUMERS:
            if call.args[0] is node:
                self.arrayish = True
                self.elements += 1
                return
        if fname == "len":
            self.arrayish = True
            self.shapes += 1
        elif fname == "range":
            self.intish = True
        else:
            self.elements += 1

    def role(self, rank: int | None) -> Role:
        """Which assumptions to try for a parameter used like this."""
        if self.arrayish or rank is not None:
            store_only = self.stores > 0 and self.elements == 0 and self.indices == 0
            index_only = self.indices > 0 and self.elements == 0 and self.stores == 0
            shape_only = self.shapes > 0 and self.elements + self.indices + self.stores == 0
            if shape_only:
                options: tuple[str, ...] = ("Af",)
            elif index_only:
                options = ("Ai",)
            elif store_only:
                options = ("Af", "Ai")
            else:
                options = OPTIONS_ARRAY
            return Role(options, rank, store_only, index_only, shape_only)
        if self.intish:
            return Role(("Si",), None)
        if self.loads == 0:
            return Role(("Sf",), None, shape_only=True)
        return Role(("Sf", "Si", "Af", "Ai"), rank)


def roles(
    fn: ast.FunctionDef, functions: Mapping[str, ast.FunctionDef] | None = None
) -> dict[str, Role]:
    """Parameter roles: which assumptions (array classes, scalar classes) to try;
    ``functions`` are the module functions it may call (their parameters' ranks count)."""
    params = params_of(fn)
    ranks = _ranks(fn, params, functions or {})
    uses = {p: _Uses() for p in params}
    parents: dict[int, ast.AST] = {}
    for node in own_nodes(fn):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    for node in own_nodes(fn):
        if isinstance(node, ast.Name) and node.id in uses:
            uses[node.id].count(node, parents)
    return {p: uses[p].role(ranks.get(p)) for p in params}


def _is_index(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Whether ``node`` is (a component of) a subscript's index."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Tuple):
        node, parent = parent, parents.get(id(parent))
    return isinstance(parent, ast.Subscript) and parent.slice is node


Loop = ast.For | ast.While


def enclosing_loops(fn: ast.FunctionDef) -> dict[int, tuple[Loop, ...]]:
    """id of each statement of ``fn`` -> the loops around it, outermost first."""
    out: dict[int, tuple[Loop, ...]] = {}

    def visit(stmts: list[ast.stmt], loops: tuple[Loop, ...]) -> None:
        for s in stmts:
            out[id(s)] = loops
            if isinstance(s, ast.For | ast.While):
                visit(s.body, (*loops, s))
                visit(s.orelse, loops)
            elif isinstance(s, ast.If):
                visit(s.body, loops)
                visit(s.orelse, loops)

    visit(fn.body, ())
    return out


def positive_in_body(loop: ast.For) -> frozenset[str]:
    """Names that are at least 1 while the body of ``for ... in range(n)`` (or
    ``range(k, n)`` with a literal ``k >= 0``) runs: ``n``, unless the body rebinds it."""
    it = loop.iter
    if not (
        isinstance(it, ast.Call)
        and isinstance(it.func, ast.Name)
        and it.func.id == "range"
        and 1 <= len(it.args) <= 2
        and not it.keywords
    ):
        return frozenset()
    if len(it.args) == 2:
        start = it.args[0]
        if not (isinstance(start, ast.Constant) and type(start.value) is int and start.value >= 0):
            return frozenset()
    bound = it.args[-1]
    if not isinstance(bound, ast.Name):
        return frozenset()
    for node in ast.walk(loop):
        if isinstance(node, ast.Name) and node.id == bound.id and isinstance(node.ctx, ast.Store):
            return frozenset()
    return frozenset({bound.id})


def _reads(node: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))


@dataclass(frozen=True)
class Site:
    """An assignment to a name: its step when it is ``x = x + step`` (for widening)."""

    node: ast.AST
    #: The loops around the assignment, outermost first (their trips bound its runs).
    loops: tuple[Loop, ...]
    step: ast.expr | None
    sign: int
    self_ref: bool

    @property
    def in_loop(self) -> bool:
        return bool(self.loops)


def sites(fn: ast.FunctionDef) -> dict[str, list[Site]]:
    loops = enclosing_loops(fn)
    out: dict[str, list[Site]] = {}
    for node in own_nodes(fn):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            name = node.target.id
            step = None
            sign = 1
            if isinstance(node.op, ast.Add | ast.Sub) and not _reads(node.value, name):
                step, sign = node.value, (1 if isinstance(node.op, ast.Add) else -1)
            out.setdefault(name, []).append(Site(node, loops.get(id(node), ()), step, sign, True))
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                for t in ast.walk(target):
                    if not (isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)):
                        continue
                    name = t.id
                    value = node.value
                    self_ref = _reads(value, name)
                    step, sign = None, 1
                    if (
                        target is t
                        and isinstance(value, ast.BinOp)
                        and isinstance(value.op, ast.Add | ast.Sub)
                    ):
                        left, right = value.left, value.right
                        if (
                            isinstance(left, ast.Name)
                            and left.id == name
                            and not _reads(right, name)
                        ):
                            step, sign = right, (1 if isinstance(value.op, ast.Add) else -1)
                        elif (
                            isinstance(value.op, ast.Add)
                            and isinstance(right, ast.Name)
                            and right.id == name
                            and not _reads(left, name)
                        ):
                            step = left
                    out.setdefault(name, []).append(
                        Site(node, loops.get(id(node), ()), step, sign, self_ref)
                    )
    return out


def binders(node: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    """Each node under ``node`` (nested definitions included) that binds or deletes a
    name, with the name."""
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
            yield n, n.id
        elif isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield n, n.name
        elif isinstance(n, ast.ExceptHandler) and n.name:
            yield n, n.name
        elif isinstance(n, ast.alias):
            yield n, (n.asname or n.name).split(".")[0]


def locals_of(fn: ast.FunctionDef) -> set[str]:
    names = set(params_of(fn))
    for n in own_nodes(fn):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            names.add(n.id)
    return names


def ends_in_return(body: list[ast.stmt]) -> bool:
    if not body:
        return False
    last = body[-1]
    if isinstance(last, ast.Return | ast.Raise):
        return True
    if isinstance(last, ast.If):
        return ends_in_return(last.body) and ends_in_return(last.orelse)
    if isinstance(last, ast.While) and isinstance(last.test, ast.Constant) and last.test.value:
        return not any(isinstance(n, ast.Break) for n in ast.walk(last))
    return False


def callee_problem(fdef: ast.FunctionDef) -> str | None:
    if fdef.decorator_list:
        return "is decorated"
    if fdef.args.vararg or fdef.args.kwarg:
        return "takes *args/**kwargs"
    for d in [*fdef.args.defaults, *(x for x in fdef.args.kw_defaults if x is not None)]:
        if not (isinstance(d, ast.Constant) and isinstance(d.value, int | float | bool)):
            return "has a default that is not a number"
    for n in own_nodes(fdef):
        if isinstance(n, ast.Yield | ast.YieldFrom | ast.Await):
            return "is a generator"
        if isinstance(n, ast.Global | ast.Nonlocal):
            return "declares global/nonlocal names"
        if isinstance(n, ast.ClassDef):
            return "defines a class"
    return None


#: Methods and functions that write into an array (or other object) they are given.
_MUTATORS = frozenset(
    "fill sort put resize setfield itemset partition byteswap copyto place putmask "
    "put_along_axis fill_diagonal setflags shuffle append extend insert pop remove clear "
    "update add discard".split()
)


def writes_nothing(source: str | ast.AST) -> bool:
    """Whether the kernel copy (and the copies of its callees, in ``source``) cannot change
    any object it did not create — no subscript or attribute store, no ``out=``, no
    mutating method, nothing printed, no random state: then, when the kernel raises, the
    arguments are as they were, and the plain function can run instead (the runtime's
    ``pure``: the caller sees NumPy's own exception). Judged on the syntax alone, so
    stores into the kernel's own arrays count too (conservative)."""
    tree = ast.parse(source) if isinstance(source, str) else source
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript | ast.Attribute) and not isinstance(node.ctx, ast.Load):
            return False
        if isinstance(node, ast.Call):
            if any(k.arg in (None, "out") for k in node.keywords):
                return False
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in _MUTATORS:
                return False
            if isinstance(func, ast.Name) and func.id in ("print", "input", "setattr"):
                return False
        if isinstance(node, ast.Name | ast.Attribute) and "random" in (
            node.id if isinstance(node, ast.Name) else node.attr
        ):
            return False
    return True


def int64_literals(node: ast.AST) -> bool:
    """Every int literal in ``node`` is within int64 (Numba types one beyond as uint64)."""
    return all(
        not (type(n.value) is int and not -(2**63) <= n.value < 2**63)
        for n in ast.walk(node)
        if isinstance(n, ast.Constant)
    )
