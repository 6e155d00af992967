"""Inlining of calls to functions defined in the same module.

Precondition: the callee passes :meth:`FunctionFacts.inline_refusal` (stated in
:mod:`astc.analysis.functions`); the caller is a function without ``locals()``/``exec``;
the callee's global names are not locals of the caller; inside a class (where Python
mangles ``__x``), the callee uses no ``__x`` name.

Default model: each inlined call site is guarded where Python reads the callee's name
(:mod:`astc.guards`): ``(<body> if f is _astc_f else f(args))``, or for a statement
``if f is _astc_f: <body> else: <the original statement>``. Nothing the caller does
elsewhere matters: code that rebinds ``f`` before the call makes the check fail, and the
original call runs. ``--assume-stable`` drops the guard, except where the callee is
defined below the caller (the caller may run before ``def f`` does: definition order is
never assumed).

A callee whose body is a single ``return E`` is substituted into any expression when every
argument is *trivial* (an immutable literal, or a caller parameter/local that is certainly
bound and never rebound), because then no evaluation is reordered, dropped or repeated. A
longer callee is inlined at a statement ``x = f(...)``, ``return f(...)`` or ``f(...)``:
arguments are bound to fresh ``_astc_`` names in call order (a list display or any other
non-trivial argument is evaluated once, as the call did), the callee's locals are
renamed, and its final ``return`` becomes the statement's value.

Before::

    def add(a, b):
        return a + b

    def fancy_func(a, b, c, d):
        e = add(a, b)
        return e * c + d

    print(fancy_func(1, 2, 3, 4))

After (default; ``--assume-stable`` gives ``e = a + b`` and no alias)::

    def add(a, b):
        return a + b
    _astc_add = add
    def fancy_func(a, b, c, d):
        e = a + b if add is _astc_add else add(a, b)
        return e * c + d

    print(fancy_func(1, 2, 3, 4))
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Collection, Iterable, Sequence

import libcst as cst

from astc import guards
from astc.analysis.functions import FunctionFacts, own_calls, private_names
from astc.analysis.prescan import Scan
from astc.analysis.scopes import Scope
from astc.diagnostics import Code
from astc.evaluate.values import is_immutable
from astc.passes.base import Pass, PassContext, ScopedTransformer
from astc.passes.cst_util import (
    TidyParens,
    calls_within,
    code,
    literal_value,
    note_is_operands,
    parenthesize,
    replace_expr,
    replace_reads,
)
from astc.passes.statements import body_of, is_plain_local, simple_assign, stable_param, with_body

MAX_INLINES_PER_FUNCTION = 32


def caller_refusal(scope: Scope) -> tuple[Code, str] | None:
    """Why no call may be inlined or folded into this function (see module docstring)."""
    if scope.uses_dynamic_features():
        return Code.DYNAMIC_SCOPE, f"{scope.qualname} uses {', '.join(sorted(scope.dynamic))}"
    return None


def must_guard(ctx: PassContext, names: list[str]) -> bool:
    """Whether code relying on these module names needs a guard here (module docstring).

    Default model: always. ``--assume-stable``: only if one of them is bound below the
    unit being compiled, which may run (or define what runs) before that binding.
    """
    if not ctx.options.assume_stable:
        return True
    first = ctx.unit.first_line
    return any((ctx.facts.line_of(n) or first) >= first for n in names)


def shadows(scope: Scope | None, name: str) -> bool:
    """True if ``name`` is a local of this function or of an enclosing one."""
    while scope is not None and scope.kind != "module":
        if scope.kind != "class" and (scope.is_local(name) or name in scope.declared_nonlocal):
            return True
        scope = scope.parent
    return False


class _Callee:
    """An inlinable function, parsed once: params, defaults, body and its free names."""

    def __init__(self, name: str, node: cst.FunctionDef, scope: Scope) -> None:
        self.name = name
        self.node = node
        self.scope = scope
        params = node.params
        self.positional = [p.name.value for p in [*params.posonly_params, *params.params]]
        self.keyword_only = [p.name.value for p in params.kwonly_params]
        self.posonly = {p.name.value for p in params.posonly_params}
        self.defaults = {
            p.name.value: p.default
            for p in [*params.posonly_params, *params.params, *params.kwonly_params]
            if p.default is not None
        }
        body = body_of(node)
        if body is None:  # def f(): return x
            assert isinstance(node.body, cst.SimpleStatementSuite)
            body = [cst.SimpleStatementLine(body=list(node.body.body))]
        if body and isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1:
            first = body[0].body[0]
            if isinstance(first, cst.Expr) and isinstance(
                first.value, cst.SimpleString | cst.ConcatenatedString
            ):
                body = body[1:]
        self.body = body
        self.returns: cst.BaseExpression | None = None
        self.has_return = False
        if (
            body
            and isinstance(body[-1], cst.SimpleStatementLine)
            and len(body[-1].body) == 1
            and isinstance(body[-1].body[0], cst.Return)
        ):
            self.has_return = True
            self.returns = body[-1].body[0].value
            self.stmts = body[:-1]
        else:
            self.stmts = body
        params_all = set(self.positional) | set(self.keyword_only)
        self.free = {n for n in scope.reads if not scope.is_local(n)}
        self.locals = set(scope.bindings) - params_all
        self.rebound_params = {
            p for p in params_all if scope.binding_count(p) > 1 or p in scope.deletes
        }
        assert isinstance(scope.node, ast.FunctionDef | ast.AsyncFunctionDef)
        #: Parameters compared with ``is``: a literal argument is bound to a temporary
        #: (``1 is None`` would be a SyntaxWarning, and literals have no defined identity).
        nodes = list(ast.walk(scope.node))  # one walk for both
        self.identity_params = _identity_operands(nodes) & params_all
        #: ``__x`` names: mangled differently inside a class, so never pasted there.
        self.private = private_names(nodes)

    def needs_temporary(self, param: str, argument: cst.BaseExpression) -> bool:
        """``param`` is bound to a fresh name, not replaced by ``argument``'s text."""
        return param in self.rebound_params or (
            param in self.identity_params and literal_value(argument)[0]
        )

    @property
    def single_expression(self) -> bool:
        return not self.stmts and self.has_return

    def bind(self, call: cst.Call) -> dict[str, cst.BaseExpression] | None:
        """Parameter -> argument expression, or None when the call does not match simply."""
        bound: dict[str, cst.BaseExpression] = {}
        positional = [a for a in call.args if a.keyword is None]
        if any(a.star for a in call.args) or len(positional) > len(self.positional):
            return None
        if any(a.keyword is None for a in call.args[len(positional) :]):
            return None
        for param, arg in zip(self.positional, positional, strict=False):
            bound[param] = arg.value
        for arg in call.args[len(positional) :]:
            assert arg.keyword is not None
            key = arg.keyword.value
            if (
                key in bound
                or key in self.posonly
                or key not in (*self.positional, *self.keyword_only)
            ):
                return None
            bound[key] = arg.value
        for param in [*self.positional, *self.keyword_only]:
            if param not in bound:
                default = self.defaults.get(param)
                if default is None:
                    return None
                bound[param] = default
        return bound


class _Inliner(ScopedTransformer):
    descends = False  # the work is in leave_FunctionDef, through _CallSites

    def __init__(self, ctx: PassContext, ffacts: FunctionFacts) -> None:
        super().__init__(ctx)
        self.ffacts = ffacts
        self.callees: dict[str, _Callee | None] = {}
        self.counter = itertools.count()

    def _callee(self, name: str) -> _Callee | None:
        if name not in self.callees:
            callee = None
            if self.ffacts.inline_refusal(name) is None:
                found = self.ctx.callee(name)
                if found is not None:
                    callee = self._parsed(name, *found)
            self.callees[name] = callee
        return self.callees[name]

    def _parsed(self, name: str, node: cst.FunctionDef, scope: Scope) -> _Callee:
        """The callee's :class:`_Callee`, made once per compile for each form of it."""
        forms = self.ctx.view.callee_forms
        known = forms.get(name)
        if known is not None and known[0] is node and known[1] is scope:
            assert isinstance(known[2], _Callee)
            return known[2]
        callee = _Callee(name, node, scope)
        forms[name] = (node, scope, callee)
        return callee

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        qualname, scope = self.function, self.scope
        result = updated
        if (
            qualname
            and scope is not None
            and qualname not in self.ctx.frozen
            and body_of(updated) is not None
        ):
            result = self._inline_into(updated, qualname, scope, original)
        self._stack.pop()
        return result

    def _candidates(self, scope: Scope) -> list[str]:
        assert isinstance(scope.node, ast.FunctionDef | ast.AsyncFunctionDef)
        names = []
        for call in own_calls(scope.node):
            if (
                isinstance(call.func, ast.Name)
                and call.func.id in self.ctx.facts.scope.bindings
                and not shadows(scope, call.func.id)
            ):
                if (
                    call.func.id in self.ctx.facts.functions
                    or self.ctx.facts.binding_count(call.func.id) > 0
                ):
                    names.append(call.func.id)
        return names

    def _inline_into(
        self, fn: cst.FunctionDef, qualname: str, scope: Scope, original: cst.FunctionDef
    ) -> cst.FunctionDef:
        ok_names = self._inlinable_callees(qualname, scope)
        if not ok_names:
            return fn
        why = caller_refusal(scope)
        if why is not None:
            self.ctx.note("inline", why[0], False, why[1], qualname)
            return fn
        body = body_of(fn)
        assert body is not None
        sites = _CallSites(self, scope, qualname, set(ok_names), self.in_class)
        new_body = self._visit_body(body, body_of(original) or [], scope, sites)
        if not sites.inlined:
            return fn
        self.ctx.outcome.inlined_into.add(qualname)
        tidy = with_body(fn, new_body).visit(TidyParens())  # only the function that changed
        assert isinstance(tidy, cst.FunctionDef)
        return tidy

    def _inlinable_callees(self, qualname: str, scope: Scope) -> list[str]:
        """The module functions the function calls that may be inlined into it (refusals
        are noted; a module function calling itself by name is skipped silently)."""
        ok_names = []
        for name in dict.fromkeys(self._candidates(scope)):
            refusal = self.ffacts.inline_refusal(name)
            if refusal is not None:
                if (
                    name in self.ctx.facts.functions
                    or refusal.code is not Code.REBOUND
                    or self.ctx.facts.binding_count(name) > 1
                ):
                    message = f"call to {name}: {refusal.message}"
                    self.ctx.note("inline", refusal.code, False, message, qualname)
                continue
            if (
                name == qualname.rpartition(".")[2]
                and scope.parent is not None
                and scope.parent.kind == "module"
            ):
                continue
            ok_names.append(name)
        return ok_names

    def _visit_body(
        self,
        body: Sequence[cst.BaseStatement],
        original: Sequence[cst.BaseStatement],
        scope: Scope,
        sites: _CallSites,
    ) -> list[cst.BaseStatement]:
        """The body with ``sites`` applied to each statement that calls a candidate; the
        others are kept as they are, unvisited."""
        new_body: list[cst.BaseStatement] = []
        assigned_before: set[str] = set()
        # Without nested functions (the only code this pass rewrote below this def), the
        # body is unchanged: visit the tree's own statements, whose lines are known.
        nested = any(child.kind == "function" for child in scope.children)
        originals = [] if nested or len(original) != len(body) else list(original)
        wanted = _lines_calling(scope, sites.names)
        positions = self.ctx.positions
        for i, stmt in enumerate(body):
            sites.pure = {p for p in scope.params if stable_param(scope, p)} | assigned_before
            result: cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel
            if originals:
                stmt = originals[i]
                line = positions.current_line(stmt) if positions is not None else None
                if line is None or line in wanted:
                    result = sites.apply(stmt, wanted)
                else:
                    result = stmt
            else:
                result = sites.apply(stmt, None)
            if isinstance(result, cst.FlattenSentinel):
                new_body.extend(result.nodes)
            elif isinstance(result, cst.BaseStatement):
                new_body.append(result)
            match = simple_assign(stmt)
            if match is not None and is_plain_local(scope, match[0]):
                assigned_before.add(match[0])
        return new_body


def _lines_calling(scope: Scope, names: Collection[str]) -> set[int]:
    """Lines (in the ``ast`` of the current text) of the function's statements, at any
    depth, whose code calls one of ``names`` (a statement on none of them is not entered)."""
    assert isinstance(scope.node, ast.FunctionDef | ast.AsyncFunctionDef)
    lines: set[int] = set()
    enclosing: list[int] = []  # lines of the statements around the node, outermost first
    stack: list[ast.AST | None] = list(reversed(scope.node.body))
    while stack:  # iteratively: expressions can be deep
        node = stack.pop()
        if node is None:  # the end of a statement
            enclosing.pop()
            continue
        if isinstance(node, ast.stmt):
            enclosing.append(node.lineno)
            stack.append(None)
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names
        ):
            lines.update(enclosing)
        stack.extend(reversed(list(ast.iter_child_nodes(node))))
    return lines


class _CallSites(cst.CSTTransformer):
    """Rewrites the call sites in one function's own statements (nested scopes skipped)."""

    def __init__(
        self, inliner: _Inliner, scope: Scope, qualname: str, names: set[str], in_class: bool
    ) -> None:
        super().__init__()
        self.inliner = inliner
        self.ctx = inliner.ctx
        self.scope = scope
        self.qualname = qualname
        self.names = names
        self.in_class = in_class
        self.pure: set[str] = set()
        self.inlined: set[str] = set()
        self.count = 0
        self.is_operands: set[int] = set()
        self.settled: set[int] = set()  # see guards.settled_parts
        #: Ids of the nodes of the statement being visited that hold a call of a
        #: candidate (:func:`calls_within`): no other node is entered.
        self.keep: set[int] = set()

    def apply(
        self, stmt: cst.BaseStatement, lines: set[int] | None
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel:
        """``stmt`` with its calls of candidates inlined (the nodes around them only).
        ``lines``: where the statements calling one are (see :func:`_lines_calling`), when
        ``stmt`` is a statement of the unit's current tree (None: not known)."""
        enter = None
        positions = self.ctx.positions
        if lines is not None and positions is not None:

            def enter(node: cst.BaseStatement) -> bool:
                line = positions.current_line(node)
                return line is None or line in lines

        self.keep = calls_within(stmt, self.names, enter)
        if not self.keep:
            return stmt
        try:
            return stmt.visit(self)
        finally:
            self.keep = set()

    def visit_Comparison(self, node: cst.Comparison) -> bool:
        note_is_operands(node, self.is_operands)
        return True

    def on_visit(self, node: cst.CSTNode) -> bool:
        if id(node) in self.settled or id(node) not in self.keep:
            return False
        self.settled.update(id(n) for n in guards.settled_parts(node))
        if isinstance(node, cst.BaseSmallStatement | cst.BaseStatement):
            self.ctx.statements.append(node)  # for the report's line
        return super().on_visit(node)

    def on_leave(  # type: ignore[override]  # LibCST's own signature is generic
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode]:
        if id(original_node) in self.settled:
            return updated_node  # LibCST calls leave_* even for a node whose visit said no
        result = super().on_leave(original_node, updated_node)
        if self.ctx.statements and self.ctx.statements[-1] is original_node:
            self.ctx.statements.pop()
        return result

    def visit_FormattedStringExpression(self, node: cst.FormattedStringExpression) -> bool:
        return node.equal is None  # `f"{g(x)=}"` shows its source text

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ListComp(self, node: cst.ListComp) -> bool:
        return False

    def visit_SetComp(self, node: cst.SetComp) -> bool:
        return False

    def visit_DictComp(self, node: cst.DictComp) -> bool:
        return False

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> bool:
        return False

    def visit_Annotation(self, node: cst.Annotation) -> bool:
        return False

    def _target(self, call: cst.BaseExpression) -> _Callee | None:
        if (
            not isinstance(call, cst.Call)
            or not isinstance(call.func, cst.Name)
            or call.func.value not in self.names
        ):
            return None
        if self.count >= MAX_INLINES_PER_FUNCTION:
            return None
        callee = self.inliner._callee(call.func.value)
        if callee is None:
            return None
        private = set(callee.private)
        if guards.would_be_mangled(callee.name):
            private.add(callee.name)  # `__f(x)` in a class calls `_C__f`
        if self.in_class and private:
            self.ctx.note(
                "inline",
                Code.CLASS_SCOPE,
                False,
                f"call to {callee.name}: its name(s) {', '.join(sorted(private))} "
                "would be mangled in a class",
                self.qualname,
            )
            return None
        clash = sorted(n for n in callee.free if shadows(self.scope, n))
        if clash:
            self.ctx.note(
                "inline",
                Code.NAME_CLASH,
                False,
                f"call to {callee.name}: its global(s) {', '.join(clash)} are locals here",
                self.qualname,
            )
            return None
        return callee

    def _trivial(self, expr: cst.BaseExpression) -> bool:
        """Evaluating it twice, later or not at all is unobservable (a list display is not:
        each evaluation makes a new list)."""
        if isinstance(expr, cst.Name):
            return expr.value in self.pure or expr.value in ("True", "False", "None")
        ok, value = literal_value(expr)
        return ok and is_immutable(value)

    def _done(self, callee: _Callee) -> None:
        self.count += 1
        self.inlined.add(callee.name)
        self.ctx.note("inline", Code.INLINED, True, f"call to {callee.name}", self.qualname)

    # expression position: single `return E` callees with trivial arguments
    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        callee = self._target(updated)
        if callee is None or not callee.single_expression or callee.rebound_params:
            return updated
        bound = callee.bind(updated)
        if bound is None:
            self.ctx.note(
                "inline",
                Code.UNSUPPORTED_CALL,
                False,
                f"call to {callee.name} does not match its parameters simply",
                self.qualname,
            )
            return updated
        if not all(self._trivial(v) for v in bound.values()) or any(
            literal_value(bound[p])[0] for p in callee.identity_params & bound.keys()
        ):
            return updated  # statement-level inlining may still take it
        assert callee.returns is not None
        body, _ = replace_reads(callee.returns, {k: parenthesize(v) for k, v in bound.items()})
        if must_guard(self.ctx, [callee.name]):
            self._done(callee)
            return replace_expr(updated, guards.guarded_expression(body, updated, [callee.name]))
        if id(original) in self.is_operands and literal_value(body)[0]:
            return updated  # never a literal operand of `is` (see note_is_operands)
        self._done(callee)
        return replace_expr(updated, parenthesize(body))

    # statement position: any inlinable callee
    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        if len(updated.body) != 1:
            return updated
        small = updated.body[0]
        if (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
        ):
            value: cst.BaseExpression | None = small.value
        elif isinstance(small, cst.Return | cst.Expr):
            value = small.value
        else:
            return updated
        if value is None:
            return updated
        callee = self._target(value)
        if callee is None:
            return updated
        assert isinstance(value, cst.Call)
        bound = callee.bind(value)
        if bound is None:
            return updated
        stmts = self._expand(callee, value, bound)
        if isinstance(small, cst.Assign):
            final: list[cst.BaseSmallStatement] = [
                small.with_changes(value=callee_value(callee, stmts[1]))
            ]
        elif isinstance(small, cst.Return):
            final = [small.with_changes(value=callee_value(callee, stmts[1]))]
        else:
            final = [cst.Expr(callee_value(callee, stmts[1]))] if callee.returns is not None else []
        lines: list[cst.BaseStatement] = [*stmts[0]]
        if final:
            lines.append(cst.SimpleStatementLine(final))
        if not lines:
            lines = [cst.SimpleStatementLine([cst.Pass()])]
        self._done(callee)
        if must_guard(self.ctx, [callee.name]):
            site = guards.guarded_statement(lines, updated, [callee.name])
            return site.with_changes(leading_lines=updated.leading_lines)
        lines[0] = lines[0].with_changes(leading_lines=updated.leading_lines)
        return cst.FlattenSentinel(lines)

    def _fresh(self, base: str) -> str:
        while True:
            name = guards.temporary(base, next(self.inliner.counter))
            if name not in self.scope.bindings and name not in self.ctx.facts.scope.bindings:
                return name

    def _expand(
        self, callee: _Callee, call: cst.Call, bound: dict[str, cst.BaseExpression]
    ) -> tuple[list[cst.BaseStatement], dict[str, cst.BaseExpression]]:
        mapping: dict[str, cst.BaseExpression] = {}
        temps: list[cst.BaseStatement] = []
        # Arguments in call order: what the call evaluated, in the order it evaluated it.
        order = [a.value for a in call.args]
        by_value = {id(v): k for k, v in bound.items()}
        for expr in order:
            param = by_value[id(expr)]
            if self._trivial(expr) and not callee.needs_temporary(param, expr):
                mapping[param] = parenthesize(expr)
            else:
                fresh = self._fresh(param)
                temps.append(
                    cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(cst.Name(fresh))], expr)])
                )
                mapping[param] = cst.Name(fresh)
        for param, expr in bound.items():
            if param not in mapping:  # defaults: literals
                if callee.needs_temporary(param, expr):
                    fresh = self._fresh(param)
                    temps.append(
                        cst.SimpleStatementLine(
                            [cst.Assign([cst.AssignTarget(cst.Name(fresh))], expr)]
                        )
                    )
                    mapping[param] = cst.Name(fresh)
                else:
                    mapping[param] = parenthesize(expr)
        for local in sorted(callee.locals):
            mapping[local] = cst.Name(self._fresh(local))
        body = [_rename(stmt, mapping) for stmt in callee.stmts]
        return [*temps, *body], mapping


def _identity_operands(nodes: Iterable[ast.AST]) -> set[str]:
    """Names that are operands of ``is``/``is not`` among ``nodes`` (a function's)."""
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for i, op in enumerate(node.ops):
                if isinstance(op, ast.Is | ast.IsNot):
                    found.update(o.id for o in operands[i : i + 2] if isinstance(o, ast.Name))
    return found


def callee_value(callee: _Callee, mapping: dict[str, cst.BaseExpression]) -> cst.BaseExpression:
    if callee.returns is None:
        return cst.Name("None")
    new, _ = replace_reads(callee.returns, mapping)
    return parenthesize(new)


def _rename(stmt: cst.BaseStatement, mapping: dict[str, cst.BaseExpression]) -> cst.BaseStatement:
    """Rename the callee's variables in a statement: reads get the mapped expression,
    bindings (targets) get the fresh name."""
    return stmt.visit(_Renamer(mapping))  # type: ignore[return-value]


class _Renamer(cst.CSTTransformer):
    def __init__(self, mapping: dict[str, cst.BaseExpression]) -> None:
        super().__init__()
        self.mapping = mapping
        self._skip: set[int] = set()

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self._skip.add(id(node.attr))
        return True

    def visit_Arg(self, node: cst.Arg) -> bool:
        if node.keyword is not None:
            self._skip.add(id(node.keyword))
        return True

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        if id(original) in self._skip:
            return updated
        new = self.mapping.get(original.value)
        if new is None:
            return updated
        if isinstance(new, cst.Name):
            return updated.with_changes(value=new.value)
        return replace_expr(original, new)

    def leave_AssignTarget(
        self, original: cst.AssignTarget, updated: cst.AssignTarget
    ) -> cst.AssignTarget:
        # A binding must stay a name: parameters that are assigned to were given fresh names.
        if not isinstance(
            updated.target,
            cst.Name | cst.Tuple | cst.List | cst.Attribute | cst.Subscript | cst.StarredElement,
        ):
            raise ValueError("non-name assignment target after renaming")
        return updated


def _inlinable_call(node: ast.AST, scan: Scan) -> bool:
    """A call, in a function, of a module function that may be inlined."""
    assert isinstance(node, ast.Call)
    return (
        scan.function is not None
        and isinstance(node.func, ast.Name)
        and node.func.id in scan.facts.functions
        and not scan.facts.dynamic
        and scan.inlinable(node.func.id)
    )


class Inline(Pass):
    """Inline calls of module functions (single-expression anywhere, longer ones at statements)."""

    name = "inline"
    triggers = {ast.Call: _inlinable_call}
    applied = {Code.INLINED: "inlined"}
    refusals = (
        Code.RECURSIVE,
        Code.GENERATOR,
        Code.ASYNC,
        Code.CLOSURE,
        Code.DECORATED,
        Code.STAR_ARGS,
        Code.GLOBAL_NONLOCAL,
        Code.DYNAMIC_SCOPE,
        Code.REBOUND,
        Code.UNSUPPORTED_BODY,
        Code.UNSUPPORTED_CALL,
        Code.NON_CONSTANT_DEFAULT,
        Code.NAME_CLASH,
        Code.CLASS_SCOPE,
        Code.KERNEL_CALL,
    )

    def run(self, tree: cst.Module, ctx: PassContext) -> cst.Module:
        ffacts = ctx.function_facts
        before = ctx.outcome.changes
        inlined = tree.visit(_Inliner(ctx, ffacts))
        return tree if ctx.outcome.changes == before else inlined


__all__ = ["Inline", "caller_refusal", "code", "must_guard", "shadows"]
