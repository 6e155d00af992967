"""The kernel stage of the pipeline: decide and build kernels before the core passes, emit
them after.

The stage talks to the pipeline through :class:`KernelHost` only (what it reads and what
it may change); the pipeline provides one (``astc.pipeline.PipelineHost``) and this
module never imports the pipeline.

:func:`prepare` runs before the passes. From the module's *original* source it selects the
kernels (:mod:`astc.backends.selection`), runs the exactness analysis of automatic ones
(:mod:`astc.backends.analysis`), builds each kernel copy and the copies of the module
functions it calls (:mod:`astc.backends.lower`) and tells the inliner not to inline
kernels into their callers (Numba should run them, not the caller's Python loop). Every
function is judged independently and in source order, so the result depends on nothing
but the source and the options (never on ``PYTHONHASHSEED``).

:func:`finish` runs after the passes: on each kernel's unit, as the passes left it, it
strips astc markers and appends the runtime (once per module) and the dispatcher binding.
Every decision becomes a report entry with its own code (docs/kernels.md).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import libcst as cst

from astc import generated
from astc.analysis.functions import Refusal
from astc.backends import emit
from astc.backends.problems import entry
from astc.backends.selection import Refused, Selection, module_aliases, select
from astc.diagnostics import Code, ReportEntry
from astc.options import Options

if TYPE_CHECKING:
    from astc.backends.build import Emission

RUNTIME_MARKER = generated.KERNEL_BIND


class KernelHost(Protocol):
    """What the kernel stage needs from the pipeline, and all it may change."""

    filename: str
    source: str
    lines: list[str]
    options: Options

    def module_tree(self) -> ast.Module:
        """The module as parsed (original source), top-level statements in order."""

    def stable_functions(self) -> Mapping[str, ast.FunctionDef]:
        """Top-level functions bound once by their ``def`` (original nodes)."""

    def stable_constants(self) -> Mapping[str, object]:
        """Module constants bound once to a literal value."""

    def forbid_inlining(self, name: str, refusal: Refusal) -> None:
        """The core passes must not inline ``name`` into its callers."""

    def unit_text(self, name: str) -> str | None:
        """Current text (after the passes) of the unit that defines function ``name``."""

    def set_unit_text(self, name: str, text: str) -> None:
        """Replace that unit's text."""

    def blank_units(self, predicate: Callable[[list[ast.stmt]], bool]) -> None:
        """Replace units whose statements satisfy ``predicate`` by blank lines."""

    def keep_alias(self, name: str, user: str) -> None:
        """The dispatcher bound in the unit defining function ``user`` compares ``name``
        with its alias ``_astc_<name>``: emit the alias (astc.guards)."""

    def report(self, entry: ReportEntry) -> None:
        """Add a report entry."""


@dataclass
class StagePlan:
    selection: Selection = field(default_factory=Selection)
    tree: ast.Module | None = None
    kernels: dict[str, Emission] = field(default_factory=dict)
    entries: list[ReportEntry] = field(default_factory=list)


def prepare(host: KernelHost) -> StagePlan:
    """Select and build kernels; keep them from being inlined into callers."""
    tree = host.module_tree()
    if RUNTIME_MARKER in host.source and any(
        isinstance(n, ast.Name) and n.id == RUNTIME_MARKER for n in ast.walk(tree)
    ):
        return StagePlan()  # astc output already: nothing to do again
    # Functions named in the options (the config layer put `[tool.astc.kernels]` there).
    return plan_kernels(host, tree, host.options.kernel_functions, None)


def plan_kernels(
    host: KernelHost, tree: ast.Module, listed: tuple[str, ...], config_problem: str | None
) -> StagePlan:
    """:func:`prepare` on any :class:`KernelHost`."""
    opts = host.options
    mode = "profile" if opts.profile is not None and opts.kernels == "explicit" else opts.kernels
    sel = select(
        tree,
        host.lines,
        mode=mode,
        target=opts.target,
        listed=listed,
        profile=opts.profile,
        filename=host.filename,
    )
    if config_problem is not None:
        sel.refused.append(Refused("<config>", 1, Code.KERNEL_MARKER, config_problem))
    plan = StagePlan(sel, tree)
    for refused in sel.refused:
        plan.entries.append(
            entry(
                refused.code, False, refused.line, f"not a kernel: {refused.message}", refused.name
            )
        )
    if not sel.chosen:
        return plan  # no kernel to build (the common case)
    # The analysis and lowering, imported only now: most compiles build no kernel, and
    # these modules are a tenth of astc's start-up (the CLI, a hook's first compile).
    from astc.backends.build import build_kernel
    from astc.backends.facts import ModuleContext
    from astc.backends.originals import fast_defs

    modules, imported = module_aliases(tree)
    functions, guarded = fast_defs(host.stable_functions(), host.lines)
    constants = {
        k: v
        for k, v in host.stable_constants().items()
        if type(v) in (int, float, bool) and (type(v) is not int or -(2**63) <= v < 2**63)
    }
    bound = _module_names(tree)
    ctx = ModuleContext(modules, imported, functions, constants, frozenset(bound))  # type: ignore[arg-type]
    for name in sorted(sel.chosen, key=lambda n: (sel.chosen[n].line, n)):
        choice = sel.chosen[name]
        fn = functions.get(name)
        if fn is None:
            fn = next(
                (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name), None
            )
        if fn is None:
            continue
        emission = build_kernel(host, ctx, choice, fn, functions, guarded)
        if emission is not None:
            plan.kernels[name] = emission
    for name in plan.kernels:
        host.forbid_inlining(
            name, Refusal(Code.KERNEL_CALL, f"{name} is a Numba kernel: callers keep the call")
        )
    return plan


def _module_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        for n in ast.walk(node) if not isinstance(node, ast.FunctionDef | ast.ClassDef) else []:
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                names.add(n.id)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        if isinstance(node, ast.Import | ast.ImportFrom):
            for a in node.names:
                names.add((a.asname or a.name).split(".")[0])
    return names


def finish(host: KernelHost, plan: StagePlan) -> None:
    """Emit the kernels and strip the markers (see the module docstring)."""
    emit_kernels(host, plan)


def emit_kernels(host: KernelHost, plan: StagePlan) -> None:
    """:func:`finish` on any :class:`KernelHost`."""
    sel = plan.selection
    if plan.tree is None:
        return
    for item in plan.entries:
        host.report(item)
    runtime_done = False
    lines = {n.name: n.lineno for n in plan.tree.body if isinstance(n, ast.FunctionDef)}
    names = sorted(set(plan.kernels) | set(sel.markers), key=lambda n: (lines.get(n, 0), n))
    for name in names:
        text = host.unit_text(name)
        if text is None:
            continue
        emission = plan.kernels.get(name)
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError:
            continue
        extra = ""
        new_body: list[cst.BaseStatement] = []
        for stmt in module.body:
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
                new_body.append(emit.strip_decorators(stmt, sel.markers.get(name, [])))
                if emission is not None:
                    extra = emit.runtime_line("\n") if not runtime_done else ""
                    extra += emit.binding(name, emission.spec, "\n")
            else:
                new_body.append(stmt)
        new_text = module.with_changes(body=new_body).code
        newline = "\r\n" if text.endswith("\r\n") else "\n"
        if extra and not new_text.endswith(("\n", "\r")):
            new_text += newline
        candidate = new_text + extra.replace("\n", newline)
        try:
            compile(candidate, host.filename, "exec", dont_inherit=True)
        except SyntaxError as error:
            host.report(
                entry(
                    Code.INTERNAL_ERROR,
                    False,
                    lines.get(name, 1),
                    f"kernel emission failed ({error}); left plain",
                    name,
                )
            )
            candidate = new_text
            emission = None
        if emission is not None:
            runtime_done = True
            for item in emission.entries:
                host.report(item)
            guards = emission.spec.get("guards", ())
            assert isinstance(guards, tuple)
            for guard in guards:
                host.keep_alias(str(guard), name)
        if candidate != text:
            host.set_unit_text(name, candidate)
    _strip_imports(host, plan.tree, sel)


def _strip_imports(host: KernelHost, tree: ast.Module, sel: Selection) -> None:
    """Drop ``import astc`` / ``from astc import kernel`` when only markers used them."""
    if not sel.astc_names:
        return
    marker_nodes = {
        id(n)
        for fn in tree.body
        if isinstance(fn, ast.FunctionDef)
        for i in sel.markers.get(fn.name, [])
        for n in ast.walk(fn.decorator_list[i])
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Name)
            and node.id in sel.astc_names
            and id(node) not in marker_nodes
        ):
            return  # astc is used for something else: keep the import
    host.blank_units(lambda nodes: all(_is_astc_import(n) for n in nodes))


def _is_astc_import(node: ast.stmt) -> bool:
    if isinstance(node, ast.Import):
        return all(a.name == "astc" for a in node.names)
    if isinstance(node, ast.ImportFrom):
        return (
            node.module == "astc" and not node.level and all(a.name == "kernel" for a in node.names)
        )
    return False


__all__ = ["KernelHost", "StagePlan", "finish", "prepare"]
