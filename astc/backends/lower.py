"""The kernel copies Numba compiles, as source text, built from the original ``def`` s.

For a kernel ``f`` the copy ``_astc_kernel_f`` is ``f``'s body with:

* calls of module functions (and lifted closures) renamed to their copies
  ``_astc_kernel_f__<helper>`` (compiled with the kernel; closures get the names they
  capture as extra arguments);
* for automatic kernels (a :class:`~astc.backends.analysis.Plan`), the exactness rewrites
  of the analysis: divisions and powers of Python numbers through the runtime's checking
  helpers (``ZeroDivisionError`` as CPython raises it), ``math`` functions through
  helpers that raise CPython's ``ValueError``/``OverflowError``, int64 NumPy scalar
  ``+ - *`` and unary ``-`` through overflow-checked helpers, ``numpy.sum``/``mean``
  through NumPy's pairwise summation, ``x ** y`` through the C library's ``pow``;
  *strength flags* ``_astc_np_<name>`` beside names that hold a Python or a NumPy scalar
  depending on the path, so that such a value is returned as the type CPython returns;
  an entry check ``raise _AstcOutside()`` when the int64 proofs assumed bounded values.

Explicit kernels (the user's opt-in to Numba semantics) only get the renaming.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field

from astc import generated
from astc.backends.analysis import Plan
from astc.backends.facts import CopyKey, Facts
from astc.backends.problems import Problem
from astc.backends.syntax import body_of, own_nodes, params_of
from astc.backends.values import NP, Array, Function, Iter, NoneValue, Scalar, Tuple, Value
from astc.diagnostics import Code

_DIV_HELPERS = {ast.Div: "div", ast.FloorDiv: "floordiv", ast.Mod: "mod"}


@dataclass
class Lowered:
    """The kernel copy and its callee copies, as one source text."""

    source: str
    #: Callee copies, in the order they must be compiled (callees before callers).
    callees: list[str] = field(default_factory=list)
    #: How the runtime turns the kernel's return value into CPython's:
    #: "plain" | "np" | "tagged" | "tuple:<p|n>..." (see runtime.py).
    returns: str = "plain"
    #: Runtime helpers the copies call.
    runtime: set[str] = field(default_factory=set)


def _copy(fn: ast.FunctionDef) -> tuple[ast.FunctionDef, dict[int, int]]:
    """A deep copy and the map id(copy node) -> id(original node)."""
    memo: dict[int, object] = {}
    new = copy.deepcopy(fn, memo)
    back = {id(v): k for k, v in memo.items() if isinstance(v, ast.AST)}
    return new, back


def _strip(fn: ast.FunctionDef, name: str) -> None:
    fn.name = name
    fn.decorator_list = []
    fn.returns = None
    for a in [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]:
        a.annotation = None
    if fn.args.vararg:
        fn.args.vararg.annotation = None
    if fn.args.kwarg:
        fn.args.kwarg.annotation = None
    fn.body = body_of(fn) or [ast.Pass()]


def _call(name: str, args: list[ast.expr], like: ast.AST) -> ast.Call:
    return ast.copy_location(ast.Call(ast.Name(name, ast.Load()), args, []), like)


#: Helpers called like functions that may have NumPy warn: they take the line last.
_WARNING_HELPERS = frozenset(generated.overflow_checked(op) for op in ("neg", "abs"))


def _line(node: ast.AST) -> ast.expr:
    """The source line of ``node``, passed last to the runtime helpers that may have NumPy
    warn (``_astc_div_m``, ``_astc_add_np``, ``_astc_pow_np``...): the warning is shown
    at that line of the user's file, as CPython shows it."""
    return ast.Constant(getattr(node, "lineno", 0))


def copy_name(kernel: str, callee: str, index: int) -> str:
    return generated.kernel_callee(kernel, callee, index)


class _Rewrite(ast.NodeTransformer):
    """The exactness rewrites of one function copy (see the module docstring)."""

    def __init__(
        self,
        facts: Facts | None,
        back: dict[int, int],
        rename: dict[int, tuple[str, list[str]]],
        lifted: set[str],
    ) -> None:
        self.facts = facts
        self.back = back
        self.rename = rename
        self.lifted = lifted
        self.runtime: set[str] = set()
        self.flags_needed: set[str] = set()

    def orig(self, node: ast.AST) -> int:
        return self.back.get(id(node), id(node))

    def value(self, node: ast.AST) -> Value | None:
        if self.facts is None:
            return None
        return self.facts.values.get(self.orig(node))

    # -- strength flags: "is this value a NumPy scalar at run time?"
    def strength(self, node: ast.expr) -> ast.expr:
        v = self.value(node)
        if not isinstance(v, Scalar):
            return ast.Constant(isinstance(v, Array))
        if not v.mixed:
            return ast.Constant(NP in v.strength)
        if isinstance(node, ast.Name):
            self.flags_needed.add(node.id)
            return ast.Name(generated.flag(node.id), ast.Load())
        if isinstance(node, ast.BinOp):
            return _or(self.strength(node.left), self.strength(node.right))
        if isinstance(node, ast.UnaryOp):
            return self.strength(node.operand)
        if isinstance(node, ast.Compare):
            parts = [self.strength(node.left), *(self.strength(c) for c in node.comparators)]
            out = parts[0]
            for p in parts[1:]:
                out = _or(out, p)
            return out
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "abs" and node.args:
                return self.strength(node.args[0])
        raise Problem(
            Code.KERNEL_MIXED_TYPES,
            getattr(node, "lineno", 0),
            f"`{ast.unparse(node)}` is a Python or a NumPy scalar depending on the path, and "
            "astc cannot track which",
        )

    # -- expressions
    def visit_BinOp(self, node: ast.BinOp) -> ast.expr:
        original = node
        kind_div = self.facts.divisions.get(self.orig(node)) if self.facts else None
        kind_pow = self.facts.powers.get(self.orig(node)) if self.facts else None
        flag: ast.expr | None = None
        if kind_div == "mixed" or kind_pow == "mixed":
            flag = _or(self.strength(node.left), self.strength(node.right))
        new = self.generic_visit(node)
        assert isinstance(new, ast.BinOp)
        if kind_div in ("py", "mixed", "npw") and type(new.op) in _DIV_HELPERS:
            name = generated.division(_DIV_HELPERS[type(new.op)], kind_div == "py")
            self.runtime.add(name)
            if kind_div == "npw":  # NumPy scalars: the flag is constantly true
                flag = ast.Constant(True)
            args = [new.left, new.right] + ([flag] if flag is not None else [])
            if kind_div != "py":  # NumPy may warn: at the user's line
                args.append(_line(original))
            return _call(name, args, original)
        if isinstance(new.op, ast.Pow) and kind_pow in ("py", "np", "mixed"):
            name = generated.POW[kind_pow]
            self.runtime.add(name)
            args = [new.left, new.right] + ([flag] if flag is not None else [])
            if kind_pow != "py":
                args.append(_line(original))
            return _call(name, args, original)
        return self.overflow_checked(original, [new.left, new.right], new)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.expr:
        new = self.generic_visit(node)
        assert isinstance(new, ast.UnaryOp)
        return self.overflow_checked(node, [new.operand], new)

    def overflow_checked(self, original: ast.AST, args: list[ast.expr], new: ast.expr) -> ast.expr:
        """An int64 NumPy scalar ``+ - *`` or unary ``-`` through the runtime's checked
        helper (``_astc_add_np``...: on overflow NumPy does it, with its warning); a
        Python-int one not proven within int64 through ``_astc_add_i64``... (on overflow
        the kernel raises ``_AstcOutside``: the plain function runs)."""
        key = self.orig(original)
        checked = self.facts.int64_checks.get(key) if self.facts else None
        if checked is not None:  # Python ints: leave the kernel when it overflows
            name = generated.int64_checked(checked)
            self.runtime.add(name)
            return _call(name, args, original)
        kind = self.facts.overflows.get(key) if self.facts else None
        if kind is None:
            return new
        name = generated.overflow_checked(kind)
        self.runtime.add(name)
        return _call(name, [*args, _line(original)], original)

    def visit_Call(self, node: ast.Call) -> ast.expr:
        key = self.orig(node)
        target = self.rename.get(key)
        helper = self.facts.helpers.get(key) if self.facts else None
        new = self.generic_visit(node)
        assert isinstance(new, ast.Call)
        if target is not None:
            name, extra = target
            new.func = ast.Name(name, ast.Load())
            new.args = [*new.args, *(ast.Name(n, ast.Load()) for n in extra)]
            return new
        if helper is None:
            return new
        self.runtime.add(helper)
        func = new.func
        args = list(new.args)
        callee = self.value(node.func)
        if (
            isinstance(func, ast.Attribute)
            and isinstance(callee, Function)
            and (callee.namespace == "method")
        ):
            # a method: the object becomes the first argument
            if helper == generated.RESHAPE:
                shape = args[0] if len(args) == 1 else ast.Tuple(args, ast.Load())
                args = [func.value, shape]
            else:
                args = [func.value, *args]
        if helper in _WARNING_HELPERS:
            args.append(_line(node))
        keywords = [k for k in new.keywords if k.arg != "axis"]
        return ast.copy_location(ast.Call(ast.Name(helper, ast.Load()), args, keywords), node)


def _or(a: ast.expr, b: ast.expr) -> ast.expr:
    if isinstance(a, ast.Constant):
        return ast.Constant(True) if a.value else b
    if isinstance(b, ast.Constant):
        return ast.Constant(True) if b.value else a
    return ast.BoolOp(ast.Or(), [a, b])


class _Statements(ast.NodeTransformer):
    """Statement-level rewrites: flags after bindings, tagged returns, lifted closures."""

    def __init__(self, rw: _Rewrite, flags: set[str], tagged: bool) -> None:
        self.rw = rw
        self.flags = flags
        self.tagged = tagged

    def _flag_assign(
        self, targets: list[ast.expr], value: ast.expr | None, like: ast.stmt, item: Value | None
    ) -> list[ast.stmt]:
        """``_astc_np_x = <is the value NumPy?>`` for the flagged names among ``targets``
        (from the value's expression, or from ``item``, the abstract value bound)."""
        names: list[str] = []
        exprs: list[ast.expr] = []

        def collect(t: ast.expr, v: ast.expr | None, abstract: Value | None) -> None:
            if isinstance(t, ast.Name):
                if t.id in self.flags:
                    names.append(t.id)
                    if v is not None:
                        exprs.append(self.rw.strength(v))
                    else:
                        exprs.append(ast.Constant(_is_np(abstract)))
            elif isinstance(t, ast.Tuple | ast.List):
                items = v.elts if isinstance(v, ast.Tuple) and len(v.elts) == len(t.elts) else None
                parts = abstract.items if isinstance(abstract, Tuple) else None
                if items is None and v is not None:
                    parts = parts or _tuple_items(self.rw.value(v))
                for i, e in enumerate(t.elts):
                    collect(
                        e,
                        items[i] if items is not None else None,
                        parts[i] if parts is not None and i < len(parts) else None,
                    )

        for t in targets:
            collect(t, value, item)
        if not names:
            return []
        if len(names) == 1:
            stmt: ast.stmt = ast.Assign([ast.Name(generated.flag(names[0]), ast.Store())], exprs[0])
        else:
            stmt = ast.Assign(
                [ast.Tuple([ast.Name(generated.flag(n), ast.Store()) for n in names], ast.Store())],
                ast.Tuple(exprs, ast.Load()),
            )
        return [ast.copy_location(stmt, like)]

    def visit_Assign(self, node: ast.Assign) -> object:
        if (
            len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in self.rw.lifted
        ):
            return None  # a lifted closure: compiled as its own copy
        flags = self._flag_assign(node.targets, node.value, node, None)
        new = self.rw.visit(node)
        return [new, *flags] if flags else new

    def visit_AugAssign(self, node: ast.AugAssign) -> object:
        flags: list[ast.stmt] = []
        if isinstance(node.target, ast.Name) and node.target.id in self.flags:
            # the result is NumPy when the name already was or the operand is
            name = node.target.id
            flag = _or(ast.Name(generated.flag(name), ast.Load()), self.rw.strength(node.value))
            flags = [
                ast.copy_location(
                    ast.Assign([ast.Name(generated.flag(name), ast.Store())], flag), node
                )
            ]
        key = self.rw.orig(node)
        facts = self.rw.facts
        if facts is not None and (
            key in facts.divisions
            or key in facts.powers
            or key in facts.overflows
            or key in facts.int64_checks
        ):
            # `s /= n` with Python semantics, `c[j] += 1` checked for int64 overflow:
            # spell it `s = s / n` for the rewrite
            binop = ast.copy_location(
                ast.BinOp(copy.deepcopy(node.target), node.op, node.value), node
            )
            self.rw.back[id(binop)] = key
            target_load = binop.left
            if isinstance(target_load, ast.Name | ast.Subscript | ast.Attribute):
                target_load.ctx = ast.Load()
                if isinstance(target_load, ast.Name):
                    self.rw.back[id(target_load)] = self.rw.orig(node.target)
            assign = ast.copy_location(ast.Assign([node.target], self.rw.visit(binop)), node)
            return [assign, *flags] if flags else assign
        new = self.rw.visit(node)
        return [new, *flags] if flags else new

    def visit_AnnAssign(self, node: ast.AnnAssign) -> object:
        if node.value is None:
            return None
        return self.visit_Assign(ast.copy_location(ast.Assign([node.target], node.value), node))

    def visit_For(self, node: ast.For) -> object:
        item = _item(self.rw.value(node.iter))
        node.iter = self.rw.visit(node.iter)
        flags = self._flag_assign([node.target], None, node, item)
        node.body = self._block(node.body)
        node.body = [*flags, *node.body] if flags else node.body
        return node

    def visit_While(self, node: ast.While) -> object:
        node.test = self.rw.visit(node.test)
        node.body = self._block(node.body)
        return node

    def visit_If(self, node: ast.If) -> object:
        node.test = self.rw.visit(node.test)
        node.body = self._block(node.body) or [ast.Pass()]
        node.orelse = self._block(node.orelse)
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> object:
        return None  # nested defs are lifted closures (the analysis refused any other)

    def visit_Return(self, node: ast.Return) -> object:
        value = node.value if node.value is not None else ast.Constant(None)
        if self.tagged:
            flag = self.rw.strength(value)
            return ast.copy_location(
                ast.Return(ast.Tuple([self.rw.visit(value), flag], ast.Load())), node
            )
        return self.rw.visit(node)

    def generic_visit(self, node: ast.AST) -> ast.AST:
        if isinstance(node, ast.stmt):
            out: ast.AST = self.rw.visit(node)
            return out
        return super().generic_visit(node)

    def _block(self, stmts: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for s in stmts:
            r = self.visit(s)
            if r is None:
                continue
            if isinstance(r, list):
                out.extend(r)
            else:
                out.append(r)
        return out


def _is_np(v: Value | None) -> bool:
    if isinstance(v, Scalar):
        return NP in v.strength and not v.mixed
    return isinstance(v, Array)


def _tuple_items(v: Value | None) -> tuple[Value, ...] | None:
    return v.items if isinstance(v, Tuple) else None


def _item(v: Value | None) -> Value | None:
    """What ``for x in <v>`` binds."""
    if isinstance(v, Iter):
        return v.item
    if isinstance(v, Array):
        return Scalar(frozenset({NP}), v.cls) if v.rank == 1 else v
    return None


def _return_kind(values: list[Value]) -> str | None:
    """How the runtime restores the returned type, or None when it cannot."""

    def one(v: Value) -> str | None:
        if isinstance(v, Scalar):
            return "t" if v.mixed else ("n" if NP in v.strength else "p")
        if isinstance(v, Tuple):
            return None
        return "p"

    kinds: set[str] = set()
    tuples: set[str] = set()
    for v in values:
        if isinstance(v, Tuple):
            parts = [one(x) for x in v.items]
            if any(p is None or p == "t" for p in parts):
                return None
            tuples.add("".join(p for p in parts if p is not None))
        else:
            k = one(v)
            if k is None:
                return None
            kinds.add(k)
    if tuples:
        if kinds or len(tuples) != 1:
            return None
        shape = tuples.pop()
        return "plain" if set(shape) == {"p"} else "tuple:" + shape
    if kinds <= {"p"}:
        return "plain"
    if kinds == {"n"}:
        return "np"
    if any(isinstance(v, NoneValue) for v in values):
        return None
    return "tagged"


def _needed_flags(facts: Facts) -> set[str]:
    return set(facts.mixed_names)


def lower_function(
    fn: ast.FunctionDef,
    name: str,
    facts: Facts | None,
    rename: dict[int, tuple[str, list[str]]],
    lifted: set[str],
    extra_params: list[str],
    tagged: bool,
) -> tuple[str, set[str]]:
    """Source of one copy of ``fn`` named ``name``, and the runtime helpers it calls."""
    new, back = _copy(fn)
    _strip(new, name)
    for p in extra_params:
        new.args.args.append(ast.arg(p))
    rw = _Rewrite(facts, back, rename, lifted)
    flags = _needed_flags(facts) if facts is not None else set()
    st = _Statements(rw, flags, tagged)
    new.body = st._block(new.body) or [ast.Pass()]
    # second pass: flags discovered while rewriting (reads of mixed names) must be bound
    # wherever their names are; the first pass bound every mixed name, so nothing is left.
    missing = rw.flags_needed - flags
    if missing:
        raise Problem(
            Code.KERNEL_MIXED_TYPES, fn.lineno, f"cannot track the type of {sorted(missing)}"
        )
    _drop_unread_flags(new)
    ast.fix_missing_locations(new)
    return ast.unparse(new) + "\n", rw.runtime


class _DropFlags(ast.NodeTransformer):
    """Remove assignments to strength flags nobody reads (a flag matters only where a
    value's type is returned or decides a division's rule)."""

    def __init__(self, unread: set[str]) -> None:
        self.unread = unread
        self.dropped = False

    def visit_Assign(self, node: ast.Assign) -> ast.Assign | None:
        names = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        if names and all(n in self.unread for n in names):
            self.dropped = True
            return None
        return node

    def generic_visit(self, node: ast.AST) -> ast.AST:
        super().generic_visit(node)
        for name in ("body", "orelse"):
            block = getattr(node, name, None)
            if isinstance(block, list) and not block and name == "body":
                block.append(ast.Pass())
        return node


def _drop_unread_flags(fn: ast.FunctionDef) -> None:
    while True:
        read = {
            n.id
            for n in ast.walk(fn)
            if isinstance(n, ast.Name)
            and isinstance(n.ctx, ast.Load)
            and n.id.startswith(generated.FLAG_PREFIX)
        }
        bound = {
            n.id
            for n in ast.walk(fn)
            if isinstance(n, ast.Name)
            and isinstance(n.ctx, ast.Store)
            and n.id.startswith(generated.FLAG_PREFIX)
        }
        dropper = _DropFlags(bound - read)
        dropper.visit(fn)
        if not dropper.dropped:
            return


def _renames_for(
    fn: ast.FunctionDef,
    facts: Facts | None,
    kernel: str,
    copies: dict[CopyKey, str],
    captured: dict[str, list[str]],
    explicit_names: dict[str, str],
) -> dict[int, tuple[str, list[str]]]:
    out: dict[int, tuple[str, list[str]]] = {}
    if facts is not None:
        for node_id, key in facts.calls.items():
            qual = key[0]
            short = qual.rsplit(".", 1)[-1]
            out[node_id] = (copies[key], captured.get(qual, []) if "." in qual else [])
            del short
    else:
        for node in own_nodes(fn):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in explicit_names:
                    out[id(node)] = (explicit_names[node.func.id], [])
    return out


def lower_plan(plan: Plan, fn: ast.FunctionDef, functions: dict[str, ast.FunctionDef]) -> Lowered:
    """The kernel copy of an automatic kernel and the copies of everything it calls."""
    kernel_name = generated.kernel(plan.name)
    copies: dict[CopyKey, str] = {}
    counters: dict[str, int] = {}
    for key in sorted(plan.callees, key=repr):
        qual = key[0]
        index = counters.get(qual, 0)
        counters[qual] = index + 1
        copies[key] = copy_name(plan.name, qual, index)
    captured: dict[str, list[str]] = {}
    closure_defs: dict[str, ast.FunctionDef] = {}
    for cname, cdef in plan.lifted.items():
        qual = f"{plan.name}.{cname}"
        inner = set(params_of(cdef))
        free = sorted(
            {
                n.id
                for n in own_nodes(cdef)
                if isinstance(n, ast.Name)
                and isinstance(n.ctx, ast.Load)
                and n.id not in inner
                and n.id in _locals(fn)
            }
        )
        captured[qual] = free
        closure_defs[qual] = cdef
    results = [v for _, v in plan.facts.returns]
    kind = _return_kind(results)
    if kind is None:
        raise Problem(
            Code.KERNEL_MIXED_TYPES,
            fn.lineno,
            "returns values whose Python/NumPy type the runtime cannot restore",
        )
    runtime: set[str] = set()
    parts: list[str] = []
    order: list[str] = []
    for key in sorted(plan.callees, key=repr):
        qual = key[0]
        result = plan.callees[key]
        callee_def = closure_defs.get(qual) if "." in qual else functions.get(qual)
        if callee_def is None:
            raise Problem(Code.KERNEL_CALLEE, fn.lineno, f"no definition of `{qual}`")
        rename = _renames_for(callee_def, result.facts, plan.name, copies, captured, {})
        text, used = lower_function(
            callee_def,
            copies[key],
            result.facts,
            rename,
            set(),
            captured.get(qual, []),
            tagged=False,
        )
        runtime |= used
        parts.append(text)
        order.append(copies[key])
    rename = _renames_for(fn, plan.facts, plan.name, copies, captured, {})
    text, used = lower_function(
        fn, kernel_name, plan.facts, rename, set(plan.lifted), [], tagged=kind == "tagged"
    )
    runtime |= used
    text = _entry_check(text, plan)
    if plan.tier is not None:
        runtime.add("_AstcOutside")
    # callees first: each copy is compiled before the copies that call it
    return Lowered("".join(reversed(parts)) + text, list(reversed(order)), kind, runtime)


def _locals(fn: ast.FunctionDef) -> set[str]:
    names = set(params_of(fn))
    for n in own_nodes(fn):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            names.add(n.id)
    return names


def _entry_check(text: str, plan: Plan) -> str:
    if plan.tier is None or not (plan.bounded_ints or plan.bounded_arrays):
        return text
    bound = plan.tier
    conds: list[str] = []
    for p in plan.bounded_ints:
        # the parameter may also be an array or a float (typed per signature: Numba
        # prunes the test); only a Python int is bounded
        conds.append(f"isinstance({p}, int) and ({p} < -{bound} or {p} > {bound})")
    for p in plan.bounded_arrays:
        rank = plan.roles[p].rank or 0
        conds.extend(f"{p}.shape[{k}] > {bound}" for k in range(rank))
    tree = ast.parse(text)
    fn = tree.body[0]
    assert isinstance(fn, ast.FunctionDef)
    check = ast.parse(f"if {' or '.join(conds)}:\n    raise _AstcOutside()").body[0]
    fn.body.insert(0, check)
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def lower_explicit(
    fn: ast.FunctionDef, name: str, functions: dict[str, ast.FunctionDef]
) -> Lowered:
    """An explicit kernel (Numba semantics): the module functions it calls, transitively,
    compiled with it as ``_astc_kernel_<kernel>__<helper>`` copies."""
    seen: list[str] = []
    todo = [fn]
    while todo:
        current = todo.pop()
        for node in own_nodes(current):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                callee = node.func.id
                if callee in functions and callee not in seen and callee != name:
                    seen.append(callee)
                    todo.append(functions[callee])
    names = {c: copy_name(name, c, 0) for c in seen}
    parts: list[str] = []
    for callee in seen:
        cdef = functions[callee]
        rename = _renames_for(cdef, None, name, {}, {}, names)
        text, _ = lower_function(cdef, names[callee], None, rename, set(), [], False)
        parts.append(text)
    rename = _renames_for(fn, None, name, {}, {}, names)
    text, _ = lower_function(fn, generated.kernel(name), None, rename, set(), [], False)
    return Lowered("".join(reversed(parts)) + text, list(reversed([names[c] for c in seen])))
