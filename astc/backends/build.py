"""One kernel, from its chosen ``def`` to what the compiled module binds it with.

:func:`build_kernel` runs the exactness analysis (automatic kernels), lowers the kernel
copy and the copies of what it calls (:mod:`astc.backends.lower`), makes independent
loops ``prange`` (``parallel=True``), adds the CUDA form (``target="cuda"``), and
assembles the *spec* the runtime's ``_astc_kernel_bind`` receives: the source, jit
options, the names checked before entering Numba, and for automatic kernels the argument
conditions checked once per signature (:func:`conditions`). Every decision becomes a
report entry with its own code.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from astc import generated
from astc.backends import emit
from astc.backends.analysis import Plan, analyze
from astc.backends.cuda import THREADS, cuda_form, device_inexact
from astc.backends.facts import ModuleContext
from astc.backends.lower import Lowered, lower_explicit, lower_plan
from astc.backends.parallel import parallel_loops
from astc.backends.problems import Problem, entry
from astc.backends.selection import Choice
from astc.backends.syntax import writes_nothing
from astc.diagnostics import Code, ReportEntry

if TYPE_CHECKING:
    from astc.backends.stage import KernelHost


@dataclass
class Emission:
    """One kernel, ready to emit after the passes."""

    choice: Choice
    spec: dict[str, object]
    entries: list[ReportEntry] = field(default_factory=list)


@dataclass
class _Kernel:
    """A kernel being built: its lowering, and what the later steps decide."""

    choice: Choice
    lowered: Lowered
    analysis: Plan | None
    source: str
    target: str
    entries: list[ReportEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    parallel: bool = False
    cuda_text: str = ""

    @property
    def name(self) -> str:
        return self.choice.name

    def report(self, code: Code, applied: bool, message: str) -> None:
        self.entries.append(entry(code, applied, self.choice.line, message, self.name))


def build_kernel(
    host: KernelHost,
    ctx: ModuleContext,
    choice: Choice,
    fn: ast.FunctionDef,
    functions: dict[str, ast.FunctionDef],
    guarded: dict[str, list[str]],
) -> Emission | None:
    """The kernel for ``choice`` (reported), or None when it is refused (reported)."""
    kernel = _lower(host, ctx, choice, fn, functions)
    if kernel is None:
        return None
    kernel_ast = _kernel_def(kernel.source, generated.kernel(kernel.name))
    if choice.parallel:
        _make_parallel(kernel, kernel_ast)
    if kernel.target == "cuda":
        _add_cuda(kernel, kernel_ast)
    guards: list[str] = []
    if not host.options.assume_stable:
        guards = _guards(kernel, fn, functions, guarded)
    spec = _spec(kernel, fn, guards, host.options.fingerprint())
    kernel.report(Code.KERNEL, True, _summary(kernel, guards))
    return Emission(choice, spec, kernel.entries)


def _lower(
    host: KernelHost,
    ctx: ModuleContext,
    choice: Choice,
    fn: ast.FunctionDef,
    functions: dict[str, ast.FunctionDef],
) -> _Kernel | None:
    """Analysis (automatic kernels) and lowering; None, reported, when refused."""
    analysis: Plan | None = None
    try:
        if choice.how != "explicit":
            result = analyze(fn, ctx)
            if isinstance(result, Problem):
                raise result
            analysis = result
            lowered = lower_plan(analysis, fn, functions)
            if analysis.checked is not None and not writes_nothing(lowered.source):
                # a failed int64 check runs the plain function again: nothing may be
                # stored by then (a callee copy stores). (Kinds whose runs may have NumPy
                # warn are left out of a checked plan: facts.numpy_may_warn.)
                raise analysis.checked
        else:
            lowered = lower_explicit(fn, choice.name, functions)
    except Problem as problem:
        host.report(
            entry(problem.code, False, choice.line, f"not a kernel: {problem.message}", choice.name)
        )
        return None
    except RecursionError:
        message = "not a kernel: too deeply nested"
        host.report(entry(Code.KERNEL_UNSUPPORTED, False, choice.line, message, choice.name))
        return None
    return _Kernel(choice, lowered, analysis, lowered.source, choice.target)


def _make_parallel(kernel: _Kernel, kernel_ast: ast.FunctionDef) -> None:
    """``parallel=True``: independent top-level loops become ``prange``."""
    loops, why = parallel_loops(kernel_ast)
    if loops:
        for loop in loops:
            assert isinstance(loop.iter, ast.Call)
            loop.iter.func = ast.Name(generated.PRANGE, ast.Load())
        kernel.source = _replace_def(kernel.source, kernel_ast)
        kernel.parallel = True
        lines = ", ".join(str(lp.lineno) for lp in loops)
        kernel.report(
            Code.KERNEL_PARALLEL, True, f"prange on independent loop(s) (kernel lines {lines})"
        )
    for reason in why:
        kernel.report(Code.KERNEL_NO_PRANGE, False, f"no prange: {reason}")


def _cuda_refusal(kernel: _Kernel, kernel_ast: ast.FunctionDef, kind: str) -> str | None:
    """Why an automatic kernel's CUDA form would not give the CPU's results, or None."""
    if kernel.analysis is None:
        return None  # explicit: the user's opt-in
    if kind == "reduce":
        return "reductions reorder float additions: explicit kernels only"
    why_device = device_inexact(kernel_ast)
    if why_device is not None:
        return why_device
    if kernel.lowered.runtime:
        helpers = ", ".join(sorted(kernel.lowered.runtime))
        return f"it calls astc's exact CPU helpers ({helpers})"
    return None


def _add_cuda(kernel: _Kernel, kernel_ast: ast.FunctionDef) -> None:
    """``target="cuda"``: the CUDA form and its host factory, or a CPU kernel, reported."""
    form, why_not = cuda_form(kernel_ast, kernel.name)
    reason: str | None = why_not
    if form is not None:
        reason = _cuda_refusal(kernel, kernel_ast, form.kind)
        form = form if reason is None else None
    if form is None:
        kernel.report(Code.KERNEL_NO_CUDA, False, f"no CUDA form: {reason}")
        kernel.target = "cpu"
        return
    host = emit.cuda_host(kernel.name, form.kind, form.written, form.init, THREADS)
    kernel.cuda_text = form.source + "\n" + host
    kernel.notes.append(f"CUDA {form.kind} kernel with a grid-stride loop")


def _guards(
    kernel: _Kernel,
    fn: ast.FunctionDef,
    functions: dict[str, ast.FunctionDef],
    guarded: dict[str, list[str]],
) -> list[str]:
    """Names the dispatcher checks before entering Numba: the module functions and
    constants compiled into the kernel, and what the fast paths of astc output (compiled
    again) rely on."""
    if kernel.analysis is not None:
        compiled = set(kernel.analysis.facts.guards)
        for result in kernel.analysis.callees.values():
            compiled |= result.facts.guards
    else:
        compiled = _called_functions(fn, functions)
    for name in {kernel.name} | (compiled & set(functions)):
        compiled |= set(guarded.get(name, ()))
    return sorted(compiled)


def _called_functions(fn: ast.FunctionDef, functions: dict[str, ast.FunctionDef]) -> set[str]:
    """Module functions ``fn`` calls, transitively (compiled with an explicit kernel)."""
    out: set[str] = set()
    todo = [fn]
    while todo:
        current = todo.pop()
        for n in ast.walk(current):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
                callee = n.func.id
                if callee in functions and callee not in out and callee != fn.name:
                    out.add(callee)
                    todo.append(functions[callee])
    return out


def _spec(
    kernel: _Kernel, fn: ast.FunctionDef, guards: list[str], astc_options: str
) -> dict[str, object]:
    """What ``_astc_kernel_bind`` receives (see astc/backends/runtime.py)."""
    auto = kernel.analysis is not None
    jit: dict[str, object] = {
        "parallel": kernel.parallel,
        "fastmath": kernel.choice.fastmath,
        "cache": True,
        # automatic kernels: NumPy's rule in Numba, Python's through the runtime's helpers
        "error_model": "numpy" if auto else "python",
    }
    spec: dict[str, object] = {
        "source": kernel.source + kernel.cuda_text,
        "line": kernel.choice.line,
        "jit": jit,
        "callees": tuple(kernel.lowered.callees),
        "guards": tuple(guards),
        "target": kernel.target,
        "strict": auto,
    }
    if kernel.analysis is not None:
        spec.update(conditions(kernel.analysis, fn))
        spec["returns"] = kernel.lowered.returns
        spec["policy"] = kernel.analysis.policy
        spec["loops"] = kernel.analysis.facts.has_loop
        spec["pure"] = writes_nothing(kernel.source)
        if not kernel.analysis.facts.has_loop and all(
            any(o.startswith("A") for o in a) for a in kernel.analysis.allowed
        ):
            spec["arrays"] = True  # whole-array code: scalar-only calls run plain, unkeyed
    spec["fingerprint"] = emit.fingerprint(
        str(spec["source"]), {k: v for k, v in spec.items() if k != "source"}, astc_options
    )
    return spec


_HOW = {"explicit": "explicitly marked", "auto": "auto-selected", "profile": "hot in profile"}


def _summary(kernel: _Kernel, guards: list[str]) -> str:
    """The ``ASTC107`` message: how it was chosen, the target, and what is checked."""
    notes = list(kernel.notes)
    if guards:
        notes.append(f"runtime checks {', '.join(guards)} unchanged before entering Numba")
    plan = kernel.analysis
    if plan is not None:
        notes.append(exact_for(plan))
        if plan.policy == "measure":
            notes.append("whole-array code: the first calls of each signature are timed both ways")
        if plan.tier is not None:
            notes.append(f"ints and sizes checked to be at most {plan.tier} on entry")
        checks = len(plan.facts.int64_checks) + sum(
            len(c.facts.int64_checks) for c in plan.callees.values()
        )
        if checks:
            notes.append(
                f"{checks} Python-int operation(s) checked to stay within int64 as it runs "
                "(it stores nothing: beyond, the plain function runs)"
            )
    how = _HOW.get(kernel.choice.how, kernel.choice.how)
    return f"Numba kernel ({how}, target {kernel.target})" + "".join(f"; {n}" for n in notes)


# -- what the dispatcher checks per argument signature ----------------------------------

#: Dtypes of arrays whose elements a kernel never reads (only shapes).
_ANY_DTYPE = (
    "float64 float32 int64 int32 int16 int8 uint64 uint32 uint16 uint8 bool complex128".split()
)
_INT_DTYPES = "int64 int32 int16 int8 uint64 uint32 uint16 uint8".split()
_SCALAR_KEYS = {"Si": "S:int", "Sf": "S:float", "Sb": "S:bool"}
_OPTION_NAMES = {
    "Af": "float64",
    "Ai": "int64",
    "Ab": "bool",
    "Sf": "float",
    "Si": "int",
    "Sb": "bool",
}


def _dtype_table(plan: Plan, param: str) -> dict[str, str]:
    """Numba type key of an argument -> the analysis option it is an instance of."""
    role = plan.roles[param]
    table: dict[str, str] = {}
    for option in role.options:
        if option in _SCALAR_KEYS:
            table[_SCALAR_KEYS[option]] = option
            continue
        dtypes = {"Af": ["float64"], "Ai": ["int64"], "Ab": ["bool"]}[option]
        if role.store_only and option == "Af":
            dtypes = ["float64", "float32"]  # stores round as NumPy's casts do
        if role.index_only and option == "Ai":
            dtypes = _INT_DTYPES  # elements used only as indices: any int dtype
        if role.shape_only:
            dtypes = _ANY_DTYPE
        for d in dtypes:
            table["A:" + d] = option
    return table


def _default_options(plan: Plan, fn: ast.FunctionDef) -> tuple[str, ...]:
    """The option of each parameter's default value ("" when it has none)."""
    positional = fn.args.posonlyargs + fn.args.args
    defaults = dict.fromkeys(plan.params, "")
    for param, default in zip(
        positional[len(positional) - len(fn.args.defaults) :], fn.args.defaults, strict=True
    ):
        if isinstance(default, ast.Constant):
            v = default.value
            kind = "Sb" if isinstance(v, bool) else ("Si" if isinstance(v, int) else "Sf")
            defaults[param.arg] = kind
    return tuple(defaults[p] for p in plan.params)


def conditions(plan: Plan, fn: ast.FunctionDef) -> dict[str, object]:
    """What the dispatcher checks per signature: the option of each argument's type, the
    ranks, which parameters are Python scalars, and the combinations that are exact."""
    return {
        "defaults": _default_options(plan, fn),
        "params": tuple(plan.params),
        "options": tuple(_dtype_table(plan, p) for p in plan.params),
        "ndims": tuple(plan.roles[p].rank for p in plan.params),
        "scalars": tuple(
            i
            for i, p in enumerate(plan.params)
            if any(o in _SCALAR_KEYS for o in plan.roles[p].options)
        ),
        "allowed": tuple(",".join(a) for a in plan.allowed),
    }


def exact_for(plan: Plan) -> str:
    """``exact for a: float64/int64, n: int``, or the combinations when not all mix."""
    kinds = [sorted({a[i] for a in plan.allowed}) for i in range(len(plan.params))]
    product = 1
    for k in kinds:
        product *= len(k)
    if product == len(set(plan.allowed)):
        parts = [
            f"{p}: " + "/".join(_OPTION_NAMES[k] for k in ks)
            for p, ks in zip(plan.params, kinds, strict=True)
        ]
        return "exact for " + ", ".join(parts)
    combos = ["(" + ", ".join(_OPTION_NAMES[o] for o in a) + ")" for a in sorted(set(plan.allowed))]
    return f"exact for ({', '.join(plan.params)}) in " + ", ".join(combos)


def _kernel_def(source: str, name: str) -> ast.FunctionDef:
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise AssertionError(f"{name} missing from the kernel source")


def _replace_def(source: str, new: ast.FunctionDef) -> str:
    tree = ast.parse(source)
    tree.body = [
        new if isinstance(n, ast.FunctionDef) and n.name == new.name else n for n in tree.body
    ]
    return ast.unparse(tree) + "\n"
