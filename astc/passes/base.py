"""What every pass gets (:class:`PassContext`) and is (:class:`Pass`).

A pass rewrites one unit's LibCST tree and returns the new tree (or the same object when
it changed nothing). It reads analysis facts from the context, which the pipeline
refreshes after every change, and records what it did or refused in the report.

To add a pass: write a module in this package with a :class:`Pass` subclass and add its
line to :mod:`astc.passes.registry`.
"""

from __future__ import annotations

import ast
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, TypeVar

import libcst as cst

from astc.analysis.functions import FunctionFacts
from astc.analysis.module import ModuleFacts
from astc.analysis.prescan import Hot, Trigger
from astc.analysis.scopes import Scope, child_qualname
from astc.analysis.walk import statements_in_order
from astc.diagnostics import Code, Report, ReportEntry
from astc.evaluate.interpreter import Environment
from astc.evaluate.values import NotFoldable
from astc.frontend.source import split_lines
from astc.frontend.units import Unit
from astc.guards import guard_names, is_generated
from astc.options import Options
from astc.passes.cst_util import literal_node, literal_value, note_is_operands

#: A module function to inline: its definition and the scope analysis of that definition.
Callee = tuple[cst.FunctionDef, Scope]


def is_guard_alias(stmt: cst.BaseStatement) -> bool:
    """``_astc_f = f`` (or a placeholder): a binding of a guard alias (astc output)."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return False
    small = stmt.body[0]
    return (
        isinstance(small, cst.Assign)
        and isinstance(small.targets[0].target, cst.Name)
        and is_generated(small.targets[0].target.value)
    )


class StatementLines:
    """Where each statement of a unit's current tree stands in the original source.

    The current text's ``ast`` gives every statement's line; its statements and the CST's
    correspond one to one in source order. A line of the current text is mapped back to
    the source through the lines both texts share (a rewritten line maps to the nearest
    shared line above it). ``start`` is the text the passes started from: the unit's
    own, or the same lines with method bodies set aside (:mod:`astc.frontend.stubs`).
    """

    def __init__(self, unit: Unit, text: str, tree: ast.Module, start: str | None = None) -> None:
        self.unit = unit
        self.text = text
        self.start = unit.text if start is None else start
        self.ast_tree = tree
        self._by_node: dict[int, int] = {}
        self._tree: cst.Module | None = None
        self._back: list[int] | None = None

    def of_tree(self, tree: cst.Module) -> None:
        """The CST about to be transformed (it holds the nodes transformers see)."""
        if tree is not self._tree:
            self._tree = tree
            self._by_node = {}

    def line(self, node: cst.CSTNode) -> int | None:
        """The source line of statement ``node`` of the current tree (None: not known)."""
        current = self.current_line(node)
        return None if current is None else self.source_line(current)

    def current_line(self, node: cst.CSTNode) -> int | None:
        """The line of statement ``node`` in the unit's current text (None: not known)."""
        if not self._by_node and self._tree is not None:
            statements = _cst_statements_in_order(self._tree)
            lines = [n.lineno for n in statements_in_order(self.ast_tree)]  # when needed
            if len(statements) == len(lines):
                for s, line in zip(statements, lines, strict=True):
                    self._by_node[id(s)] = line
        if isinstance(node, cst.SimpleStatementLine) and node.body:
            node = node.body[0]  # `a = 1; b = 2` is one line
        return self._by_node.get(id(node))

    def source_line(self, current: int) -> int:
        """The source line of line ``current`` of the unit's current text."""
        if self._back is None:
            new = split_lines(self.text)  # Python's line breaks only (not U+2028)
            back = [1] * (len(new) + 1)
            if self.text == self.start:  # not rewritten yet: each line is its own
                back[: len(new)] = range(1, len(new) + 1)
            else:
                old = split_lines(self.start)
                matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
                for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                    if tag == "delete":
                        continue
                    for k in range(j2 - j1):  # a rewritten line stands for the one it replaced
                        back[j1 + k] = i1 + min(k, max(i2 - i1 - 1, 0)) + 1
            self._back = back
        index = min(current - 1, len(self._back) - 1)
        return self.unit.first_line - 1 + self._back[index]


def _cst_statements_in_order(tree: cst.CSTNode) -> list[cst.CSTNode]:
    """Statements in source order, walking statement containers only (``children`` would
    walk every expression too, at many times the cost)."""
    out: list[cst.CSTNode] = []
    stack: list[cst.CSTNode] = [tree]
    kinds = _KINDS
    while stack:
        node = stack.pop()
        kind = kinds.get(type(node))
        if kind is None:
            kind = kinds[type(node)] = _kind(type(node))
        is_statement, fields = kind
        if is_statement:
            out.append(node)
        parts: list[cst.CSTNode] = []
        for name in fields:
            value = getattr(node, name)
            if isinstance(value, cst.CSTNode):
                parts.append(value)
            elif value is not None:
                parts += value
        stack.extend(reversed(parts))
    return out


#: The nodes that hold statements, and their fields that do (a node, a sequence of nodes
#: or None), in source order.
_PARTS: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (cst.Module | cst.IndentedBlock, ("body",)),
    (cst.SimpleStatementSuite | cst.SimpleStatementLine, ("body",)),
    (cst.If | cst.For | cst.While, ("body", "orelse")),
    (cst.Try | cst.TryStar, ("body", "handlers", "orelse", "finalbody")),
    (cst.Match, ("cases",)),
    (
        cst.With
        | cst.FunctionDef
        | cst.ClassDef
        | cst.Else
        | cst.Finally
        | cst.ExceptHandler
        | cst.ExceptStarHandler
        | cst.MatchCase,
        ("body",),
    ),
)

#: By node type: whether it is a statement, and the fields holding statements.
_KINDS: dict[type[cst.CSTNode], tuple[bool, tuple[str, ...]]] = {}


def _kind(node_type: type[cst.CSTNode]) -> tuple[bool, tuple[str, ...]]:
    is_statement = issubclass(node_type, cst.BaseSmallStatement | cst.BaseCompoundStatement)
    fields = next((f for t, f in _PARTS if issubclass(node_type, t)), ())
    return is_statement, fields


class ModuleView:
    """Module-wide values the passes need, derived once per compile and on demand.

    Every pass runs once per unit and iteration; anything proportional to the module's
    size computed there would make a compile quadratic. It is computed here instead.
    """

    def __init__(
        self, facts: ModuleFacts, function_facts: FunctionFacts, encoding: str = "utf-8"
    ) -> None:
        self.facts = facts
        self.function_facts = function_facts
        self.encoding = encoding  # the module's: constants are written so it can hold them
        self._constant_nodes: dict[str, cst.BaseExpression | None] = {}
        #: What a pass derived from one callee (its node and scope) for the whole compile:
        #: name -> (node, scope, value), valid while the callee's node and scope are those.
        self.callee_forms: dict[str, tuple[cst.FunctionDef, Scope, object]] = {}

    @cached_property
    def foldable(self) -> dict[str, ast.FunctionDef]:
        """Stable functions the evaluator may interpret (plain, undecorated)."""
        return {
            n: fn
            for n, (fn, _) in self.facts.functions.items()
            if isinstance(fn, ast.FunctionDef) and not fn.decorator_list
        }

    @cached_property
    def constant_values(self) -> dict[str, Any]:
        return {n: v for n, (v, _) in self.facts.constants.items()}

    @cached_property
    def lines(self) -> dict[str, int]:
        """Line of the statement binding each stable function or constant."""
        return {
            n: line
            for n, (_, line) in [*self.facts.functions.items(), *self.facts.constants.items()]
        }

    @cached_property
    def _locals(self) -> dict[int, set[str]]:
        scopes = self.function_facts.scopes
        return {
            id(fn): set(scopes[n].bindings) - scopes[n].declared_global
            for n, fn in self.foldable.items()
            if n in scopes
        }

    def environment(self, shadowed: frozenset[str]) -> Environment:
        """A fresh evaluation environment over the module's functions and constants."""
        return Environment(
            self.foldable,
            self.constant_values,
            lambda fn: self._locals.get(id(fn), set()),
            shadowed,
        )

    def constant_node(self, name: str) -> cst.BaseExpression | None:
        """The literal that a read of constant ``name`` may become (None: not small)."""
        if name not in self._constant_nodes:
            node: cst.BaseExpression | None = None
            if name in self.facts.constants:
                try:
                    node = literal_node(self.facts.constants[name][0], self.encoding)
                except NotFoldable:
                    node = None
                if node is not None and not small_literal(node):
                    node = None
            self._constant_nodes[name] = node
        return self._constant_nodes[name]


#: Longest string a constant read is replaced by (longer ones are left as names).
MAX_PROPAGATED_STR = 64


def small_literal(node: cst.BaseExpression) -> bool:
    """A literal small enough to paste at every use: a number or short string."""
    ok, value = literal_value(node)
    if not ok or isinstance(value, tuple | list):
        return False
    return not (isinstance(value, str | bytes) and len(value) > MAX_PROPAGATED_STR)


@dataclass
class PassOutcome:
    """What the passes produced on one unit so far. The pipeline reads it; passes add to
    it only through :meth:`PassContext.note` and :attr:`inlined_into`."""

    report: Report = field(default_factory=Report)
    #: Transformations noted as applied so far. A pass changes the tree only through
    #: transformations it notes, so a run that noted none changed nothing.
    changes: int = 0
    #: What the inliner and the call folder tell propagation, the one value one pass
    #: tells another: the functions they put code into (propagation substitutes
    #: single-use values only there, where the inliner's temporaries are).
    inlined_into: set[str] = field(default_factory=set)


@dataclass
class PassContext:
    """What a pass reads (options, module facts, the unit and the analyses of its current
    text, which the pipeline refreshes after each change) and, in :attr:`outcome`, what
    the passes produce."""

    options: Options
    facts: ModuleFacts
    unit: Unit
    function_facts: FunctionFacts
    #: The ``def`` of a module function to inline, and its scope, by name.
    callee: Callable[[str], Callee | None]
    #: Function scopes of the unit's current text, by qualified name (refreshed on change).
    functions: dict[str, Scope] = field(default_factory=dict)
    #: Where each pass's triggers fired in the unit's current text (refreshed on change).
    hot: dict[str, Hot] = field(default_factory=dict)
    #: Analyses the module-level scope of the unit's current text, when :attr:`unit_scope`
    #: is first read (refreshed on change; most passes never read it).
    scope_of_unit: Callable[[], Scope] | None = None
    #: Functions no pass touches (nothing to do in them, found by the pre-scan).
    frozen: set[str] = field(default_factory=set)
    #: The source's declared encoding: new literals are written so that it can encode them.
    encoding: str = "utf-8"
    #: Module-wide derived values (see :class:`ModuleView`); the pipeline shares one.
    module: ModuleView | None = None
    #: Source lines of the statements of the tree being transformed (set by the pipeline).
    positions: StatementLines | None = None
    #: The statements transformers are inside, innermost last (for the report's lines).
    statements: list[cst.CSTNode] = field(default_factory=list)

    @property
    def unit_scope(self) -> Scope | None:
        """Module-level scope of the unit's current text."""
        return self.scope_of_unit() if self.scope_of_unit is not None else None

    @property
    def view(self) -> ModuleView:
        if self.module is None:
            self.module = ModuleView(self.facts, self.function_facts, self.encoding)
        return self.module

    outcome: PassOutcome = field(default_factory=PassOutcome)

    def line_of(self, qualname: str | None) -> int:
        """Line in the source of the statement being transformed (the innermost one a
        transformer is in), else of the function's ``def``, else the unit's first line."""
        if self.positions is not None:
            for statement in reversed(self.statements):
                line = self.positions.line(statement)
                if line is not None:
                    return line
        if qualname is not None:
            scope = self.function_facts.scopes.get(qualname)
            if scope is not None:
                return getattr(scope.node, "lineno", self.unit.first_line)
        return self.unit.first_line

    def note(
        self,
        pass_name: str,
        code: Code,
        applied: bool,
        message: str,
        function: str | None,
        at: cst.CSTNode | None = None,
        line: int | None = None,
    ) -> None:
        """Report a transformation (``applied``) or a refusal, at statement ``at`` (default:
        the innermost statement a transformer is in) or at source ``line``."""
        if at is not None:
            self.statements.append(at)
        try:
            self._note(pass_name, code, applied, message, function, line)
        finally:
            if at is not None:
                self.statements.pop()

    def _note(
        self,
        pass_name: str,
        code: Code,
        applied: bool,
        message: str,
        function: str | None,
        line: int | None,
    ) -> None:
        if applied:
            self.outcome.changes += 1
        self.outcome.report.add(
            ReportEntry(
                pass_name,
                code,
                applied,
                self.line_of(function) if line is None else line,
                message,
                function,
            )
        )


def shadowed_names(ctx: PassContext) -> frozenset[str]:
    """Names bound anywhere in the module or the unit: not the builtins of the same name."""
    names = set(ctx.facts.shadowed_builtins)
    if ctx.unit_scope is not None:
        for scope in ctx.unit_scope.walk():
            names.update(scope.bindings)
    return frozenset(names)


class Pass:
    """One rewrite, declared in one place.

    A subclass sets:

    * ``name`` — as listed in :mod:`astc.passes.registry` (and so in ``--passes``);
    * ``triggers`` — for node types of the unit's ``ast``, a predicate saying the pass may
      have work there (:mod:`astc.analysis.prescan`): the pass runs only where one fired,
      with every other function in ``ctx.frozen``;
    * ``applied`` — the codes of the transformations it notes, with the word the command
      line counts them under (``3 inlined``); ``refusals`` — the codes it refuses with;

    and implements :meth:`run`: rewrite the unit's tree and return it (or the same object
    when it changed nothing), noting every transformation and refusal with ``ctx.note``.
    A pass changes the tree only through transformations it notes.
    """

    name: ClassVar[str] = ""
    triggers: ClassVar[Mapping[type[ast.AST], Trigger]] = {}
    #: A pass that rewrites text by ``ast`` positions implements :meth:`run_text` instead
    #: of :meth:`run`, and needs no LibCST tree.
    works_on_text: ClassVar[bool] = False
    applied: ClassVar[Mapping[Code, str]] = {}
    refusals: ClassVar[tuple[Code, ...]] = ()

    def run(self, tree: cst.Module, ctx: PassContext) -> cst.Module:
        raise NotImplementedError

    def run_text(self, text: str, tree: ast.Module, ctx: PassContext) -> str:
        """The unit's new text (``text`` itself when nothing changed); ``tree`` is its ast."""
        raise NotImplementedError


class ScopedTransformer(cst.CSTTransformer):
    """A transformer that knows the qualified name of the function it is in.

    Qualified names follow the analysis (:mod:`astc.analysis.scopes`), so ``ctx.functions``
    can be looked up with :attr:`function`.
    """

    def __init__(self, ctx: PassContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._stack: list[tuple[str, str]] = []  # (kind, qualname)
        #: Ids of (original) nodes that are operands of ``is``: see :func:`note_is_operands`.
        self.is_operands: set[int] = set()

    @property
    def function(self) -> str | None:
        for kind, qualname in reversed(self._stack):
            if kind == "function":
                return qualname
            return None
        return None

    @property
    def scope(self) -> Scope | None:
        name = self.function
        return self.ctx.functions.get(name) if name else None

    def _push(self, kind: str, name: str) -> None:
        parent_kind, parent = self._stack[-1] if self._stack else ("module", "")
        self._stack.append((kind, child_qualname(parent_kind, parent, name)))

    #: False for a transformer that works on statements only: it never enters an
    #: expression (LibCST's visits cost per node; most nodes are in expressions).
    enters_expressions: ClassVar[bool] = True

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.BaseSmallStatement | cst.BaseStatement):
            self.ctx.statements.append(node)
        elif not self.enters_expressions and isinstance(node, cst.BaseExpression):
            return False
        return super().on_visit(node)

    def on_leave(  # type: ignore[override]  # LibCST's own signature is generic
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode]:
        result = super().on_leave(original_node, updated_node)
        statements = self.ctx.statements
        if statements and statements[-1] is original_node:
            statements.pop()
        return result

    #: False for a transformer that rewrites a function only as a whole, when it leaves
    #: it: it then descends into a body only to reach the functions nested there.
    descends: ClassVar[bool] = True

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self._push("function", node.name.value)
        if self.function in self.ctx.frozen:
            return False
        if not self.descends:
            scope = self.scope
            return scope is None or any(c.kind in ("function", "class") for c in scope.walk()[1:])
        return True

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel:
        self._stack.pop()
        return updated

    def visit_Annotation(self, node: cst.Annotation) -> bool:
        # Annotations can be source strings (PEP 563): their text is observable. Never touch.
        return False

    def visit_FormattedStringExpression(self, node: cst.FormattedStringExpression) -> bool:
        # `f"{x + 1=}"` prints the source text of its expression: never rewrite it.
        return node.equal is None

    @property
    def in_class(self) -> bool:
        """Inside a class body or a function nested in one (where ``__x`` is mangled)."""
        return any(kind == "class" for kind, _ in self._stack)

    def leave_IfExp(self, original: cst.IfExp, updated: cst.IfExp) -> cst.BaseExpression:
        return keep_guard_test(original, updated)

    def leave_If(
        self, original: cst.If, updated: cst.If
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel:
        return keep_guard_test(original, updated)

    def visit_Comparison(self, node: cst.Comparison) -> bool:
        note_is_operands(node, self.is_operands)
        return True

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self._push("class", node.name.value)
        return True

    def leave_ClassDef(
        self, original: cst.ClassDef, updated: cst.ClassDef
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement] | cst.RemovalSentinel:
        self._stack.pop()
        return updated


_GuardSite = TypeVar("_GuardSite", cst.IfExp, cst.If)


def keep_guard_test(original: _GuardSite, updated: _GuardSite) -> _GuardSite:
    """A guard's test compares module names with their aliases: no pass may rewrite it
    (propagating a constant into ``K is _astc_K`` would compare a literal)."""
    if guard_names(original.test) is not None and updated.test is not original.test:
        return updated.with_changes(test=original.test)
    return updated
