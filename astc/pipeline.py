"""The pipeline: parse → analyse → run the passes on each unit to a fixed point → emit.

Units (top-level statements) that the pre-scan finds nothing in are copied through as
text. A unit that is rewritten is checked before it is accepted (it must compile —
symbol table included — with no warning the original did not give, keep every docstring
and keep each function a generator or not); a unit that fails the check keeps its
original text and the report says why. The aliases that the guards in rewritten units
compare against (:mod:`astc.guards`) are added when the module is assembled, and the
assembled module is compiled once more before it is returned.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import itertools
import os
import warnings
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property

import libcst as cst

from astc import guards
from astc.analysis.effects import BUILTIN_NAMES
from astc.analysis.functions import CompiledForms, FunctionFacts, Refusal
from astc.analysis.module import ModuleFacts, module_facts
from astc.analysis.prescan import Hot, Scan, scan, trigger_table
from astc.analysis.scopes import Scope, analyze, function_scopes
from astc.analysis.walk import breadth_first, statements_in_order
from astc.backends import stage as kernel_stage
from astc.diagnostics import Code, Report, ReportEntry
from astc.frontend.source import (
    cookie_encoding,
    line_ending,
    split_lines,
    with_header,
)
from astc.frontend.stubs import Stubs
from astc.frontend.units import Unit, parse_exactly, split_units
from astc.options import Options
from astc.passes import registry
from astc.passes.base import Callee, ModuleView, Pass, PassContext, StatementLines


def _find_function(tree: cst.Module, qualname: str) -> cst.FunctionDef | None:
    """The ``def`` with this qualified name (``C.m``, ``f.<locals>.g``) in a unit's tree."""
    parts = qualname.replace(".<locals>", "").split(".")
    nodes: list[cst.CSTNode] = list(tree.body)
    found: cst.CSTNode | None = None
    for part in parts:
        found = None
        for node in nodes:
            if isinstance(node, cst.FunctionDef | cst.ClassDef) and node.name.value == part:
                found = node
                break
        if found is None:
            return None
        body = found.body
        nodes = list(body.body) if isinstance(body, cst.IndentedBlock) else []
    return found if isinstance(found, cst.FunctionDef) else None


def _guarded_names(tree: ast.Module, text: str) -> set[str]:
    """Every module name a guard in ``tree`` (the ``ast`` of ``text``) checks, ``f`` in
    ``f is _astc_f`` (each needs its alias)."""
    found: set[str] = set()
    if text.isascii() and guards.PREFIX not in text:
        return found  # no alias spelled (nor one NFKC-normalized to it): no guard
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Compare)
            and len(node.ops) == 1
            and isinstance(node.ops[0], ast.Is)
            and isinstance(node.left, ast.Name)
            and isinstance(node.comparators[0], ast.Name)
            and node.comparators[0].id == guards.alias(node.left.id)
        ):
            found.add(node.left.id)
    return found


_NO_ROUND_TRIP = "LibCST cannot reproduce this statement exactly; left unchanged"


def keep_line_numbers(old: str, new: str, tree: ast.Module) -> str:
    """``new`` with blank lines inserted so that its statements kept from ``old`` start on
    the lines they had there (code removed above them would move them up: tracebacks and
    reports would point at the wrong line). Blank lines go only before a line where a
    statement starts, never inside a bracket or a string."""
    old_lines, new_lines = split_lines(old), split_lines(new)
    if len(old_lines) <= 1:
        return new  # nothing above a one-line unit's only statement to move it
    starts = {n.lineno - 1 for n in statements_in_order(tree)}
    newline = line_ending(new_lines)
    out: list[str] = []
    done = 0
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for old_at, new_at, size in matcher.get_matching_blocks():
        if not size:
            continue
        out.extend(new_lines[done:new_at])
        missing = old_at - len(out)
        if missing > 0 and new_at in starts:
            out.extend([newline] * missing)
        out.extend(new_lines[new_at : new_at + size])
        done = new_at + size
    out.extend(new_lines[done:])
    return "".join(out)


def compile_warnings(text: str, filename: str) -> list[str] | str:
    """The warnings compiling ``text`` gives (the full compiler: symbol table included),
    or the error message if it does not compile."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(text, filename, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            return f"does not compile: {error}"
    return sorted(f"{w.category.__name__}: {w.message}" for w in caught)


class _Analysis:
    """The scopes of one text of a unit and its ``ast``, computed when first asked for:
    after the last change of a unit no pass runs, most passes never read the unit's own
    scope, and a text without ``def`` has no function scopes."""

    def __init__(self, tree: ast.Module, text: str) -> None:
        self.tree = tree
        self.text = text

    @cached_property
    def scope(self) -> Scope:
        return analyze(self.tree)

    def unit_scope(self) -> Scope:
        return self.scope

    @cached_property
    def functions(self) -> dict[str, Scope]:
        if "def" not in self.text:  # a function's keyword is ASCII: no function here
            return {}
        return function_scopes(self.scope)

    @cached_property
    def by_node(self) -> dict[int, Scope]:
        return {id(s.node): s for s in self.scope.walk()}


class _LazyScopes(Mapping[int, Scope]):
    """The scan's scopes by node id, analysed only if a trigger asks (one in a function)."""

    def __init__(self, analysis: _Analysis) -> None:
        self.analysis = analysis

    def __getitem__(self, key: int) -> Scope:
        return self.analysis.by_node[key]

    def __iter__(self) -> Iterator[int]:
        return iter(self.analysis.by_node)

    def __len__(self) -> int:
        return len(self.analysis.by_node)


@dataclasses.dataclass
class _UnitText:
    """A unit's current text, its analyses and (once a LibCST pass needed it) LibCST's
    tree; ``stubs`` when the passes work on the unit with frozen method bodies set aside
    (:mod:`astc.frontend.stubs`)."""

    text: str
    analysis: _Analysis
    start: str  # the text the passes started from
    stubs: Stubs | None = None
    cst: cst.Module | None = None

    @property
    def ast(self) -> ast.Module:
        return self.analysis.tree


def _tree_of(unit: Unit, state: _UnitText) -> cst.Module | None:
    """LibCST's tree of the unit's current text (None: it does not round-trip)."""
    if state.text != state.start:
        return parse_exactly(state.text)
    if state.stubs is None:
        return unit.parse()
    return parse_exactly(state.text, normalize=True)  # as Unit.parse does


class _PassFailed(Exception):
    """A pass could not run on a unit, or broke it: the unit is left unchanged."""

    def __init__(self, code: Code, message: str, by: Pass | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.by = code, message, by


_NO_PARSE = "pass produced code that does not parse; unit left unchanged"


def _imports_itself(tree: ast.Module, filename: str) -> bool:
    """The module imports a module of its own name (its own module object, when it is
    imported under that name): ``import m`` in ``m.py``."""
    stem = os.path.splitext(os.path.basename(filename))[0]
    if stem == "__init__":
        stem = os.path.basename(os.path.dirname(filename))
    if not stem.isidentifier():
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if any(a.name.rpartition(".")[2] == stem for a in node.names):
                return True
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").rpartition(".")[2] == stem or node.level:
                return True  # `from . import x`: the package, this module's parent
    return False


class Pipeline:
    def __init__(self, source: str, tree: ast.Module, options: Options, filename: str) -> None:
        self.source = source
        self.options = options
        self.filename = filename
        self.lines = split_lines(source)
        self.facts: ModuleFacts = module_facts(tree, options.fold_step_budget)
        self.report = Report()
        if options.assume_stable and (self.facts.module_objects or _imports_itself(tree, filename)):
            # The module may write its own globals through a module object: the promise
            # (nothing *outside* rebinds them) does not cover that, so guards stay.
            reason, line = min(
                self.facts.module_objects.items() or [("an import of itself", 1)],
                key=lambda item: item[1],
            )
            options = dataclasses.replace(options, assume_stable=False)
            self.options = options
            message = f"assume-stable not applied: the module uses {reason}"
            self.report.add(ReportEntry("pipeline", Code.NOT_STABLE, False, line, message))
        self.encoding = cookie_encoding(self.lines)
        #: Functions the kernel stage keeps from being inlined (through its host).
        self.kernel_refusals: dict[str, Refusal] = {}
        self.compiled = CompiledForms()
        self.ffacts = FunctionFacts(self.facts, self.compiled, self.kernel_refusals)
        self.view = ModuleView(self.facts, self.ffacts, self.encoding)
        self.passes = [p() for p in registry.load() if options.enabled(p.name)]
        self._triggers = {p.name: p.triggers for p in self.passes}
        self._trigger_table = trigger_table(self._triggers)
        self.units = split_units(tree, self.lines)
        self._def_unit: dict[str, Unit] = {}
        for unit in self.units:
            for node in unit.nodes:
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    self._def_unit[node.name] = unit
                elif isinstance(node, ast.Assign):
                    for t in node.targets:
                        if isinstance(t, ast.Name):
                            self._def_unit.setdefault(t.id, unit)
        #: Guarded names -> index of the first unit that uses their alias.
        self._alias_uses: dict[str, int] = {}
        #: Module functions compiled already (see :meth:`callee`).
        self._compiled_defs: dict[str, cst.FunctionDef] = {}

    def callee(self, name: str) -> Callee | None:
        """The definition of module function ``name`` to inline, with its scope.

        A callee compiled already (see :meth:`_order`) is inlined in its compiled form,
        which is equivalent to the original under the model in force (its guards are valid
        anywhere in the module). Inlining the compiled form is also what makes compiling
        astc's output again a no-op.
        """
        fn = self._compiled_defs.get(name)
        if fn is None:
            unit = self._def_unit.get(name)
            tree = unit.parse() if unit is not None else None
            fn = _find_function(tree, name) if tree is not None else None
        scope = self.ffacts.scope_of(name)
        return (fn, scope) if fn is not None and scope is not None else None

    def run(self) -> Report:
        """Compile every unit worth it; :meth:`assemble` then gives the module text."""
        by_node = {id(s.node): s for s in self.facts.scope.walk()}
        host = PipelineHost(self)
        kernels = kernel_stage.prepare(host)  # before the passes: kernels are not inlined
        for unit in self._order():
            hot = self._scan(unit.nodes, by_node, set())
            if any(hot.values()):
                self._compile_unit(unit, hot)
        kernel_stage.finish(host, kernels)  # after: emit kernels from the rewritten units
        return self.report

    def _scan(
        self, nodes: list[ast.stmt], scopes: Mapping[int, Scope], inlined_into: set[str]
    ) -> dict[str, Hot]:
        """Where each enabled pass may have work in these statements (its triggers)."""
        at = Scan(self.facts, self.options.assume_stable, self._inlinable, scopes, inlined_into)
        return scan(nodes, self._triggers, at, self._trigger_table)

    def _inlinable(self, name: str) -> bool:
        return self.ffacts.inline_refusal(name) is None

    def _order(self) -> list[Unit]:
        """Units of module functions, callees before callers; then the rest in source order."""
        rank: dict[str, int] = {}
        done = itertools.count()

        graph = self.ffacts.call_graph
        for root in self.facts.functions:  # depth first, iteratively: chains can be long
            if root in rank:
                continue
            rank[root] = -1  # on the stack: a cycle is cut here
            stack = [(root, iter(sorted(graph.get(root, ()))))]
            while stack:
                name, callees = stack[-1]
                callee = next(callees, None)
                if callee is None:
                    stack.pop()
                    rank[name] = next(done)
                elif callee not in rank:
                    rank[callee] = -1
                    stack.append((callee, iter(sorted(graph.get(callee, ())))))

        def key(unit: Unit) -> tuple[int, int]:
            ranks = [
                rank[n.name]
                for n in unit.nodes
                if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name in rank
            ]
            return (min(ranks), unit.index) if ranks else (len(rank) + 1, unit.index)

        return sorted(self.units, key=key)

    def def_unit(self, name: str) -> Unit | None:
        """The unit whose statements bind module name ``name`` (its ``def``, class or
        first assignment), or None."""
        return self._def_unit.get(name)

    def use_aliases(self, names: set[str], unit: Unit) -> None:
        """Code in ``unit`` compares these names with their aliases: emit the aliases."""
        for name in names:
            self._alias_uses[name] = min(self._alias_uses.get(name, unit.index), unit.index)

    # -- one unit ----------------------------------------------------------------------
    def _context(self, unit: Unit) -> PassContext:
        return PassContext(
            self.options,
            self.facts,
            unit,
            self.ffacts,
            self.callee,
            encoding=self.encoding,
            module=self.view,
        )

    def _refresh(
        self, ctx: PassContext, text: str, hot: dict[str, Hot] | None, start: str
    ) -> _Analysis | None:
        """The analyses of the unit's current ``text`` (None if it does not parse):
        statement lines, where each pass may have work (``hot``, when the caller has
        scanned the same statements already), and scopes (:meth:`_bind` puts them into
        ``ctx`` before a pass runs). ``start`` is the text the passes started from."""
        try:
            tree = ast.parse(text)
        except SyntaxError:
            return None
        analysis = _Analysis(tree, text)
        ctx.positions = StatementLines(ctx.unit, text, tree, start)
        if hot is None:
            hot = self._scan(tree.body, _LazyScopes(analysis), ctx.outcome.inlined_into)
        ctx.hot = hot
        return analysis

    @staticmethod
    def _bind(ctx: PassContext, analysis: _Analysis) -> None:
        """The scopes of the unit's current text, for the pass about to run."""
        ctx.scope_of_unit = analysis.unit_scope
        ctx.functions = analysis.functions

    def _compile_unit(self, unit: Unit, hot: dict[str, Hot], set_aside: bool = True) -> None:
        """Run the passes on one unit to a fixed point; keep the result if it checks.

        The bodies of frozen methods are set aside while the passes run
        (:mod:`astc.frontend.stubs`); if they cannot be put back, the unit is compiled
        again without."""
        ctx = self._context(unit)
        hot_functions = {q for where in hot.values() for q in where.functions}
        stubs = None
        if set_aside:
            stubs = Stubs.of(unit.nodes, unit.text, unit.first_line, hot_functions)
        start = unit.text if stubs is None else stubs.text
        # The module's scan of the same statements stands (its scopes know more).
        first = self._refresh(ctx, start, hot, start)
        if first is None:
            return
        state = _UnitText(start, first, start, stubs)
        try:
            self._fixed_point(unit, ctx, state)
        except _PassFailed as failure:
            self._report_unit(unit, failure.code, failure.message, failure.by)
            return
        if not self._accept(unit, ctx, state, first):
            self._compile_unit(unit, hot, set_aside=False)

    def _fixed_point(self, unit: Unit, ctx: PassContext, state: _UnitText) -> None:
        """Rounds of every pass with work, until none changes the text (or the limit)."""
        idle: dict[str, str] = {}  # pass -> the text it last ran on and changed nothing in
        for _ in range(self.options.max_iterations):
            changed = False
            for p in self.passes:
                where = ctx.hot.get(p.name)
                if not where or idle.get(p.name) == state.text:
                    continue
                # Only where the pass's triggers fired: every other function is frozen.
                self._bind(ctx, state.analysis)
                ctx.frozen = {q for q in ctx.functions if q not in where.functions}
                before = ctx.outcome.changes
                new_text, new_tree = self._run_pass(p, unit, ctx, state)
                if ctx.outcome.changes == before or new_text == state.text:
                    idle[p.name] = state.text  # LibCST rebuilds nodes it visits: no test
                    continue
                refreshed = self._refresh(ctx, new_text, None, state.start)
                if refreshed is None:
                    raise _PassFailed(Code.INTERNAL_ERROR, _NO_PARSE, p)
                state.text, state.analysis, state.cst = new_text, refreshed, new_tree
                changed = True
            if not changed:
                return
        self.report.add(
            ReportEntry(
                "pipeline",
                Code.ITERATION_LIMIT,
                False,
                unit.first_line,
                f"no fixed point after {self.options.max_iterations} iterations",
            )
        )

    def _run_pass(
        self, p: Pass, unit: Unit, ctx: PassContext, state: _UnitText
    ) -> tuple[str, cst.Module | None]:
        """One pass on the unit's current text: its new text, and LibCST's tree of it (None
        after a text pass)."""
        try:
            if p.works_on_text:
                return p.run_text(state.text, state.ast, ctx), None
            if state.cst is None:
                state.cst = _tree_of(unit, state)
            if state.cst is None:
                raise _PassFailed(Code.ROUND_TRIP, _NO_ROUND_TRIP)
            if ctx.positions is not None:
                ctx.positions.of_tree(state.cst)
            before = ctx.outcome.changes
            new_tree = p.run(state.cst, ctx)
            changes = new_tree is not state.cst and ctx.outcome.changes != before
            return (new_tree.code if changes else state.text), new_tree
        except (cst.CSTValidationError, ValueError) as error:  # RecursionError: the API's
            message = f"pass failed, unit left unchanged: {error}"
            raise _PassFailed(Code.INTERNAL_ERROR, message, p) from error

    def _accept(
        self,
        unit: Unit,
        ctx: PassContext,
        state: _UnitText,
        original: _Analysis,
    ) -> bool:
        """Keep the unit's new text if it changed and passes :meth:`_check`; report.
        False: the bodies set aside could not be put back (nothing done, nothing reported)."""
        if state.text == state.start or not ctx.outcome.report.applied:
            for entry in ctx.outcome.report.refused:
                self.report.add(entry)
            return True
        text, tree = state.text, state.ast
        if state.stubs is not None:
            restored = state.stubs.restore(text)
            if restored is None:
                return False
            try:
                text, tree = restored, ast.parse(restored)
            except SyntaxError:
                return False
        # Function invariants compare the analyses the passes saw: bodies set aside are
        # the same before and after.
        problem = self._check(unit.text, text, original, state.analysis)
        if problem is not None:
            message = f"rewrite rejected ({problem}); unit left unchanged"
            self._report_unit(unit, Code.INTERNAL_ERROR, message)
            return True
        for entry in ctx.outcome.report.entries:
            self.report.add(entry)
        self.use_aliases(_guarded_names(tree, text), unit)
        unit.new_text = keep_line_numbers(unit.text, text, tree)
        tree_now = state.cst if state.stubs is None else None  # not one of the whole text
        self._remember_compiled(unit, tree_now, text, state.analysis)
        return True

    def _report_unit(self, unit: Unit, code: Code, message: str, by: Pass | None = None) -> None:
        name = by.name if by is not None else "pipeline"
        self.report.add(ReportEntry(name, code, False, unit.first_line, message))

    def _remember_compiled(
        self, unit: Unit, tree: cst.Module | None, text: str, analysis: _Analysis
    ) -> None:
        """The unit's module functions, compiled, for callers to inline from now on."""
        names = [
            n.name
            for n in unit.nodes
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
            and n.name in self.facts.functions
        ]
        if names and tree is None:
            tree = parse_exactly(text)  # only text passes ran: LibCST's tree now
        if tree is None:
            return
        for name in names:
            fn, scope = _find_function(tree, name), analysis.functions.get(name)
            if fn is not None and scope is not None:
                self._compiled_defs[name] = fn
                self.compiled.record(name, scope)

    def _check(
        self,
        before: str,
        after: str,
        old_analysis: _Analysis,
        new_analysis: _Analysis,
    ) -> str | None:
        """Invariants every accepted rewrite keeps (the texts, their ``ast`` and scopes)."""
        new_warnings = compile_warnings(after, self.filename)
        if isinstance(new_warnings, str):
            return new_warnings
        if new_warnings:  # compile the original only when there is something to compare
            old_warnings = compile_warnings(before, self.filename)
            added = sorted(set(new_warnings) - set(old_warnings))
            if added and not isinstance(old_warnings, str):
                return f"new warning: {added[0]}"
        old, new = old_analysis.tree, new_analysis.tree
        for qualname, scope in old_analysis.functions.items():
            other = new_analysis.functions.get(qualname)
            if other is None:
                continue
            if scope.is_generator != other.is_generator or scope.is_async != other.is_async:
                return f"{qualname} changed generator/coroutine kind"
            assert isinstance(scope.node, ast.FunctionDef | ast.AsyncFunctionDef)
            assert isinstance(other.node, ast.FunctionDef | ast.AsyncFunctionDef)
            if ast.get_docstring(scope.node, clean=False) != ast.get_docstring(
                other.node, clean=False
            ):
                return f"{qualname} docstring changed"
            for name in set(scope.bindings) | set(other.bindings):
                if guards.is_generated(name):
                    continue
                # A read the function had that now finds another binding. (Reads the
                # rewrite added come from inlined code, whose names were checked then.)
                changed = scope.is_local(name) != other.is_local(name)
                if changed and scope.reads.get(name) and other.reads.get(name):
                    return f"{name} changed scope in {qualname}"
        if "class" not in before:
            return None  # no class (the keyword is ASCII): no class docstring to keep
        for o, n in zip(breadth_first(old), breadth_first(new), strict=False):
            if (
                isinstance(o, ast.ClassDef)
                and isinstance(n, ast.ClassDef)
                and ast.get_docstring(o, clean=False) != ast.get_docstring(n, clean=False)
            ):
                return "class docstring changed"
        return None

    # -- output ------------------------------------------------------------------------
    def _first_code_unit(self) -> int:
        """The first unit after the docstring and ``__future__`` imports: where builtins
        are aliased, before any code of the module runs (which could replace them in
        the builtins module: ``builtins.len = ...``)."""
        for unit in self.units:
            first = unit.nodes[0]
            if isinstance(first, ast.ImportFrom) and first.module == "__future__":
                continue
            if (
                unit.index == 0
                and isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                continue
            return unit.index
        return self.units[-1].index

    def assemble(self, header: str) -> str:
        """Splice units back between the untouched gaps, keeping line numbers where possible.

        ``header`` goes after any shebang/encoding lines; the lines it and the rewrites add
        are taken back from blank lines between statements, so that statements below
        keep their line numbers whenever there is room. Each alias goes right after the
        unit binding its name; aliases used before that (or in that unit) get one
        placeholder line before the first unit using them (:mod:`astc.guards`). If the
        assembled module does not compile as the source did, the source is returned.
        """
        if not self._alias_uses and all(u.new_text is None for u in self.units):
            return with_header(self.lines, header)  # nothing changed: every byte kept
        result = with_header(self._splice(self._alias_plan()), header)
        why = self._output_problem(result)
        if why is None:
            return result
        message = f"output rejected ({why}); module left unchanged"
        kept = [e for e in self.report.entries if not e.applied]
        self.report = Report()
        for entry in [*kept, ReportEntry("pipeline", Code.INTERNAL_ERROR, False, 1, message)]:
            self.report.add(entry)
        return with_header(self.lines, header)

    def _alias_plan(self) -> _AliasPlan:
        """Where the alias lines of the guarded names go (see :meth:`assemble`)."""
        plan = _AliasPlan()
        for name, used_in in self._alias_uses.items():
            home = self._def_unit.get(name)
            if home is None:
                if name in BUILTIN_NAMES and name not in self.facts.shadowed_builtins:
                    plan.builtin.append(name)
                continue
            plan.after.setdefault(home.index, []).append(name)
            if used_in <= home.index:
                plan.forward.append(name)
        plan.placeholder_at = min((self._alias_uses[n] for n in plan.forward), default=-1)
        plan.builtins_at = self._first_code_unit() if plan.builtin else -1
        return plan

    def _splice(self, plan: _AliasPlan) -> list[str]:
        """The module's lines: units (rewritten or not) with their alias lines, and the
        gaps between them, which give back as many blank lines as the units added."""
        out: list[str] = []
        pos = 0  # index into self.lines
        shift = 0  # output lines minus original lines so far
        for unit in self.units:
            text = unit.new_text if unit.new_text is not None else unit.text
            unit_newline = line_ending(split_lines(unit.text))
            added = 0
            if unit.index == plan.placeholder_at:
                text = guards.placeholder_line(plan.forward, unit_newline) + text
                added += 1
            if unit.index == plan.builtins_at:
                text = guards.builtin_alias_line(plan.builtin, unit_newline) + text
                added += 1
            if unit.index in plan.after:
                if not text.endswith(("\n", "\r")):
                    text += unit_newline
                text += guards.alias_lines(plan.after[unit.index], unit_newline)
            gap = self.lines[pos : unit.first_line - 1]
            new_gap = _absorb(gap, shift + added, unit_newline)
            out.extend(new_gap)
            shift += len(new_gap) - len(gap)
            new_lines = split_lines(text)
            out.extend(new_lines)
            shift += len(new_lines) - (unit.last_line - unit.first_line + 1)
            pos = unit.last_line
        out.extend(self.lines[pos:])
        return out

    def _output_problem(self, result: str) -> str | None:
        """Why the assembled module may not replace the source: it does not compile, or
        compiling it warns where the source does not (None: it may)."""
        now = compile_warnings(result, self.filename)
        if not now:
            return None
        # The source compiles (the API checked): its warnings only when there are some.
        before = compile_warnings("".join(self.lines), self.filename)
        if isinstance(before, str):
            return None
        if isinstance(now, str):
            return now
        added = sorted(set(now) - set(before))
        return f"new warning: {added[0]}" if added else None


@dataclasses.dataclass
class _AliasPlan:
    """Alias lines to emit: after the unit binding each name (``after``, by unit index),
    a placeholder for names used before that (``forward``, before unit
    ``placeholder_at``), and builtins (before unit ``builtins_at``)."""

    after: dict[int, list[str]] = dataclasses.field(default_factory=dict)
    forward: list[str] = dataclasses.field(default_factory=list)
    builtin: list[str] = dataclasses.field(default_factory=list)
    placeholder_at: int = -1
    builtins_at: int = -1


def _absorb(gap: list[str], shift: int, newline: str) -> list[str]:
    """Drop up to ``shift`` blank lines from a gap, or add ``-shift`` blank lines (also
    where there was no gap: the lines a unit above lost keep the ones below in place)."""
    if shift > 0:
        kept = list(gap)
        for i in range(len(kept) - 1, -1, -1):
            if shift and not kept[i].strip():
                del kept[i]
                shift -= 1
        return kept
    if shift < 0:
        if gap:
            newline = "\r\n" if gap[-1].endswith("\r\n") else "\n"
        return [*gap, *([newline] * -shift)]
    return gap


class PipelineHost:
    """:class:`astc.backends.stage.KernelHost` over a :class:`Pipeline`: all the kernel
    stage reads of the pipeline and all it may change."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.filename = pipeline.filename
        self.source = pipeline.source
        self.lines = pipeline.lines
        self.options = pipeline.options

    def module_tree(self) -> ast.Module:
        return ast.Module(body=[n for u in self.pipeline.units for n in u.nodes], type_ignores=[])

    def stable_functions(self) -> Mapping[str, ast.FunctionDef]:
        return {
            name: fn
            for name, (fn, _) in self.pipeline.facts.functions.items()
            if isinstance(fn, ast.FunctionDef)
        }

    def stable_constants(self) -> Mapping[str, object]:
        return {name: value for name, (value, _) in self.pipeline.facts.constants.items()}

    def forbid_inlining(self, name: str, refusal: Refusal) -> None:
        self.pipeline.kernel_refusals[name] = refusal

    def unit_text(self, name: str) -> str | None:
        unit = self.pipeline.def_unit(name)
        if unit is None:
            return None
        return unit.new_text if unit.new_text is not None else unit.text

    def set_unit_text(self, name: str, text: str) -> None:
        unit = self.pipeline.def_unit(name)
        assert unit is not None, name
        unit.new_text = text

    def blank_units(self, predicate: Callable[[list[ast.stmt]], bool]) -> None:
        for unit in self.pipeline.units:
            if predicate(unit.nodes):
                newline = "\r\n" if unit.text.endswith("\r\n") else "\n"
                unit.new_text = newline * (unit.text.count("\n") or 1)

    def keep_alias(self, name: str, user: str) -> None:
        unit = self.pipeline.def_unit(user)
        if unit is not None:
            self.pipeline.use_aliases({name}, unit)

    def report(self, entry: ReportEntry) -> None:
        self.pipeline.report.add(entry)
