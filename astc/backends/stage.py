"""The backend stage of the pipeline: select kernels before the core passes, emit them after.

:func:`prepare` runs before the passes: it selects the kernels (see
:mod:`astc.backends.selection`) and tells the inliner that they are not to be inlined
into their callers (Numba should run them, not the caller's Python loop).
:func:`finish` runs after the passes, on each kernel's rewritten unit: it strips astc
markers, builds the kernel copy (helpers inlined, guard lifted to the runtime), runs the
final checks of automatic selection on it, rewrites independent loops to ``prange`` when
``parallel=True``, builds the CUDA form when ``target="cuda"``, and appends the runtime
and the dispatcher binding. Every decision becomes a report entry (``ASTC107``,
``ASTC108``, ``ASTC223``, ``ASTC224``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

from astc.analysis.functions import Refusal, called_names
from astc.backends import emit
from astc.backends.compat import error_models, module_aliases
from astc.backends.cuda import THREADS, cuda_form
from astc.backends.parallel import parallel_loops
from astc.backends.selection import Choice, Selection, final_refusal, select
from astc.diagnostics import Code, ReportEntry

if TYPE_CHECKING:
    from astc.frontend.units import Unit
    from astc.pipeline import Pipeline

RUNTIME_MARKER = "_astc_kernel_bind"


@dataclass
class Plan:
    selection: Selection = field(default_factory=Selection)
    tree: ast.Module | None = None


def _module(pipeline: Pipeline) -> ast.Module:
    return ast.Module(body=[n for u in pipeline.units for n in u.nodes], type_ignores=[])


def _listed(pipeline: Pipeline) -> tuple[tuple[str, ...], str | None]:
    """Functions named in the options (the config layer put ``[tool.astc.kernels]`` there)."""
    return pipeline.options.kernel_functions, None


def prepare(pipeline: Pipeline) -> Plan:
    """Select kernels; keep them from being inlined into callers."""
    tree = _module(pipeline)
    if any(isinstance(n, ast.Name) and n.id == RUNTIME_MARKER for n in ast.walk(tree)):
        return Plan()  # astc output already: nothing to do again
    listed, problem = _listed(pipeline)
    opts = pipeline.options
    mode = "profile" if opts.profile is not None and opts.kernels == "explicit" else opts.kernels
    sel = select(
        tree,
        pipeline.lines,
        mode=mode,
        target=opts.target,
        listed=listed,
        profile=opts.profile,
        filename=pipeline.filename,
    )
    if problem is not None:
        sel.refused.append(("<config>", 1, problem))
    for name in sel.chosen:
        pipeline.ffacts.forbid_inlining(
            name, Refusal(Code.KERNEL_CALL, f"{name} is a Numba kernel: callers keep the call")
        )
    return Plan(sel, tree)


def _report(pipeline: Pipeline, code: Code, applied: bool, line: int, msg: str, fn: str) -> None:
    pipeline.report.add(ReportEntry("kernels", code, applied, line, msg, fn))


def finish(pipeline: Pipeline, plan: Plan) -> None:
    """Emit the kernels and strip the markers (see the module docstring)."""
    sel = plan.selection
    if plan.tree is None:
        return
    for name, line, reason in sel.refused:
        _report(pipeline, Code.KERNEL_REFUSED, False, line, f"not a kernel: {reason}", name)
    modules = module_aliases(plan.tree)
    runtime_done = False
    lines = {n.name: n.lineno for n in plan.tree.body if isinstance(n, ast.FunctionDef)}
    names = sorted(set(sel.chosen) | set(sel.markers), key=lambda n: lines.get(n, 0))
    for name in names:
        unit = pipeline._def_unit.get(name)
        if unit is None:
            continue
        text = unit.new_text if unit.new_text is not None else unit.text
        choice = sel.chosen.get(name)
        extra = ""
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError:
            continue
        new_body: list[cst.BaseStatement] = []
        for stmt in module.body:
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
                plain = emit.strip_decorators(stmt, sel.markers.get(name, []))
                new_body.append(plain)
                if choice is not None:
                    extra = _kernel_text(pipeline, unit, plain, choice, modules, not runtime_done)
                    runtime_done = runtime_done or bool(extra)
            else:
                new_body.append(stmt)
        new_text = module.with_changes(body=new_body).code
        newline = "\r\n" if text.endswith("\r\n") else "\n"
        if extra and not new_text.endswith(("\n", "\r")):
            new_text += newline
        candidate = new_text + extra.replace("\n", newline) if newline != "\n" else new_text + extra
        try:
            compile(candidate, pipeline.filename, "exec", dont_inherit=True)
        except SyntaxError as error:
            _report(
                pipeline,
                Code.INTERNAL_ERROR,
                False,
                unit.first_line,
                f"kernel emission failed ({error}); left plain",
                name,
            )
            candidate = new_text
        if candidate != text:
            unit.new_text = candidate
    _strip_imports(pipeline, plan.tree, sel)


def _kernel_text(
    pipeline: Pipeline,
    unit: Unit,
    plain: cst.FunctionDef,
    choice: Choice,
    modules: dict[str, str],
    with_runtime: bool,
) -> str:
    """Runtime (first time), kernel copy, CUDA form and binding; "" when refused."""
    name = choice.name
    kernel, guard_set, deps, dep_texts = _jit_unit(pipeline, plain, unit)
    guards = sorted(guard_set | set(deps))
    kernel_code = cst.Module(body=[kernel]).code
    kernel_ast = ast.parse(kernel_code).body[0]
    assert isinstance(kernel_ast, ast.FunctionDef)
    target = choice.target
    models: set[str] = set()
    if choice.how != "explicit":
        problem = final_refusal(kernel_ast, modules, cuda=target == "cuda")
        models = error_models(kernel_ast, modules)
        for dep in deps if problem is None else []:
            dep_ast = ast.parse(dep_texts[dep]).body[0]
            assert isinstance(dep_ast, ast.FunctionDef)
            problem = final_refusal(dep_ast, modules, cuda=target == "cuda")
            models |= error_models(dep_ast, modules)
            if problem is not None:
                problem = f"helper {dep}(): {problem}"
        if problem is None and len(models) > 1:
            problem = "kernel and helpers divide Python and NumPy numbers (two zero-division rules)"
        if problem is not None:
            _report(
                pipeline, Code.KERNEL_REFUSED, False, choice.line, f"not a kernel: {problem}", name
            )
            return ""
    notes: list[str] = []
    parallel = False
    if choice.parallel:
        loops, why = parallel_loops(kernel_ast)
        if loops:
            positions = _cst_positions(kernel, {kernel_ast.body.index(lp) for lp in loops})
            kernel = emit.use_prange(kernel, positions)
            kernel_code = cst.Module(body=[kernel]).code
            parallel = True
            lines = ", ".join(str(lp.lineno) for lp in loops)
            _report(
                pipeline,
                Code.KERNEL_PARALLEL,
                True,
                choice.line,
                f"prange on independent loop(s) (kernel lines {lines})",
                name,
            )
        for reason in why:
            _report(pipeline, Code.KERNEL_REFUSED, False, choice.line, f"no prange: {reason}", name)
    cuda_text = ""
    if target == "cuda":
        form, why_not = cuda_form(kernel_ast, name)
        if form is None or (form.kind == "reduce" and choice.how != "explicit"):
            reason = why_not or "reductions reorder float additions: explicit kernels only"
            _report(
                pipeline, Code.KERNEL_REFUSED, False, choice.line, f"no CUDA form: {reason}", name
            )
            target = "cpu"
        else:
            cuda_text = (
                form.source
                + "\n"
                + emit.cuda_host(name, form.kind, form.written, form.init, THREADS)
            )
            notes.append(f"CUDA {form.kind} kernel with a grid-stride loop")
    options: dict[str, object] = {
        "target": target,
        "parallel": parallel,
        "fastmath": choice.fastmath,
        "cache": True,
        "deps": tuple(sorted(deps)),
        "strict": choice.how != "explicit",
        # Python: division by zero raises; NumPy scalars give inf/nan (see compat.py).
        "error_model": "numpy" if models == {"numpy"} else "python",
    }
    source = "".join(dep_texts[d] for d in sorted(dep_texts)) + kernel_code + cuda_text
    fp = emit.fingerprint(source, options, pipeline.options.fingerprint())
    if guards:
        notes.append(f"runtime checks {', '.join(guards)} unchanged before entering Numba")
    how = {"explicit": "explicitly marked", "auto": "auto-selected", "profile": "hot in profile"}
    _report(
        pipeline,
        Code.KERNEL,
        True,
        choice.line,
        f"Numba kernel ({how.get(choice.how, choice.how)}, target {target})"
        + "".join(f"; {n}" for n in notes),
        name,
    )
    runtime = emit.runtime_line("\n") if with_runtime else ""
    return runtime + emit.binding(name, source, choice.line, fp, options, guards, "\n")


def _jit_unit(
    pipeline: Pipeline, plain: cst.FunctionDef, unit: Unit
) -> tuple[cst.FunctionDef, set[str], set[str], dict[str, str]]:
    """The kernel copy, its guard names, the module functions it calls (jitted too, as
    ``_astc_kernel_<name>`` copies, transitively) and the text of those copies."""
    kernel, guards = emit.kernel_copy(plain)
    guard_set = set(guards)
    deps: set[str] = set()
    texts: dict[str, str] = {}
    todo = [kernel]
    done: list[cst.FunctionDef] = []
    while todo:
        fn = todo.pop()
        fn_ast = ast.parse(cst.Module(body=[fn]).code).body[0]
        local = {
            n.id
            for n in ast.walk(fn_ast)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        called = (called_names(fn_ast) & set(pipeline.facts.functions)) - local
        fn = emit.rename_calls(fn, called)
        done.append(fn)
        for dep in sorted(called - deps):
            deps.add(dep)
            dep_def = _current_def(pipeline, dep)
            if dep_def is None:
                continue
            copy, dep_guards = emit.kernel_copy(dep_def)
            guard_set.update(dep_guards)
            todo.append(copy)
    kernel = done[0]
    for fn in done[1:]:
        texts[fn.name.value.removeprefix("_astc_kernel_")] = cst.Module(body=[fn]).code
    pipeline.use_aliases(guard_set | deps, unit)
    return kernel, guard_set, deps, texts


def _current_def(pipeline: Pipeline, name: str) -> cst.FunctionDef | None:
    """``name``'s def as the core passes left it (markers included; they are stripped)."""
    unit = pipeline._def_unit.get(name)
    if unit is None:
        return None
    text = unit.new_text if unit.new_text is not None else unit.text
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError:
        return None
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
            return stmt.with_changes(decorators=[])
    return None


def _cst_positions(fn: cst.FunctionDef, ast_positions: set[int]) -> set[int]:
    """Map ast body indices to CST body indices (``a = 1; b = 2`` is one CST line)."""
    assert isinstance(fn.body, cst.IndentedBlock)
    out: set[int] = set()
    ast_index = 0
    for i, stmt in enumerate(fn.body.body):
        width = len(stmt.body) if isinstance(stmt, cst.SimpleStatementLine) else 1
        if any(ast_index + k in ast_positions for k in range(width)):
            out.add(i)
        ast_index += width
    return out


def _strip_imports(pipeline: Pipeline, tree: ast.Module, sel: Selection) -> None:
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
    for unit in pipeline.units:
        if all(_is_astc_import(n) for n in unit.nodes):
            newline = "\r\n" if unit.text.endswith("\r\n") else "\n"
            lines = unit.text.count("\n") or 1
            unit.new_text = newline * lines


def _is_astc_import(node: ast.stmt) -> bool:
    if isinstance(node, ast.Import):
        return all(a.name == "astc" for a in node.names)
    if isinstance(node, ast.ImportFrom):
        return (
            node.module == "astc" and not node.level and all(a.name == "kernel" for a in node.names)
        )
    return False
