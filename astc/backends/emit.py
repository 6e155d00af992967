"""Source text of kernels for the compiled module.

For a kernel ``f`` the unit that defines it becomes::

    def f(...):                      # the plain function, as the core passes left it,
        ...                          # astc markers removed
    <runtime, once per module>       # astc/backends/runtime.py, annotations stripped
    f = _astc_kernel_bind(globals(), "f", f, {"source": "def _astc_kernel_f(...): ...", ...})

The kernel copy ``_astc_kernel_f`` (built by :mod:`astc.backends.lower` from the original
``def``) and the copies of the module functions it calls travel as text in the binding
line; the runtime checks that those functions are still the module's (identity, once per
call) before entering Numba (see docs/kernels.md).
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import libcst as cst

from astc import __version__, generated

_BEGIN = "# --- BEGIN RUNTIME ---"
_END = "# --- END RUNTIME ---"


class _StripAnnotations(cst.CSTTransformer):
    def leave_Param(self, original: cst.Param, updated: cst.Param) -> cst.Param:
        return updated.with_changes(annotation=None)

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        return updated.with_changes(returns=None)

    def leave_AnnAssign(
        self, original: cst.AnnAssign, updated: cst.AnnAssign
    ) -> cst.BaseSmallStatement:
        if updated.value is None:
            return cst.Pass()
        return cst.Assign([cst.AssignTarget(updated.target)], updated.value)


#: The runtime's modules, in the order their blocks are emitted.
RUNTIME_MODULES = ("runtime_exact.py", "runtime.py")


@functools.lru_cache(maxsize=1)
def runtime_source() -> str:
    """The runtime's source (no annotations, no typing imports), as it runs in the output:
    the blocks between the markers of :data:`RUNTIME_MODULES`."""
    blocks: list[str] = []
    for module in RUNTIME_MODULES:
        text = (Path(__file__).with_name(module)).read_text(encoding="utf-8")
        blocks.append(text[text.index(_BEGIN) + len(_BEGIN) : text.index(_END)].strip())
    return cst.parse_module("\n\n\n".join(blocks) + "\n").visit(_StripAnnotations()).code


def runtime_line(newline: str) -> str:
    """One line that defines the runtime, so that it shifts no line of the user's code."""
    return (
        f"exec({runtime_source()!r})  # astc: Numba kernel runtime "
        f"(readable source: astc/backends/runtime.py){newline}"
    )


def strip_decorators(fn: cst.FunctionDef, indices: list[int]) -> cst.FunctionDef:
    """``fn`` without the decorators at these positions (astc markers); each removed
    decorator leaves a blank line, so that the ``def`` keeps its line number."""
    kept = [d for i, d in enumerate(fn.decorators) if i not in indices]
    if len(kept) == len(fn.decorators):
        return fn
    lines = list(fn.leading_lines)
    for i, dec in enumerate(fn.decorators):
        if i in indices:
            lines += [*dec.leading_lines, cst.EmptyLine()]
    return fn.with_changes(decorators=kept, leading_lines=lines)


def fingerprint(kernel_source: str, options: dict[str, object], astc_options: str) -> str:
    """Everything that went into the kernel: its source (helpers inlined), options, versions."""
    blob = json.dumps([kernel_source, options, astc_options, __version__], sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:20]


def binding(name: str, spec: dict[str, object], newline: str) -> str:
    """One line binding the public name to the dispatcher; ``spec`` holds the kernel copy,
    its callee copies and CUDA form as source text (defined at the first call, see the
    runtime), the jit options and, for automatic kernels, the argument conditions."""
    body = "{" + ", ".join(f"{k!r}: {v!r}" for k, v in sorted(spec.items())) + "}"
    return f"{name} = {generated.KERNEL_BIND}(globals(), {name!r}, {name}, {body}){newline}"


def cuda_host(name: str, kind: str, written: tuple[int, ...], init: float, threads: int) -> str:
    """The factory the runtime calls to wrap the CPU dispatcher with the CUDA launch."""
    return (
        f"def {generated.cuda_host(name)}(cpu):\n"
        f"    return {generated.CUDA_WRAP}(cpu, {generated.cuda_kernel(name)}, {kind!r}, "
        f"{written!r}, {init!r}, {threads})\n"
    )
