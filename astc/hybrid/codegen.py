"""The generated modules: their source, how to run them here, and how to save them.

A :class:`Generated` is everything a hybridized callable is made of, in plain Python: the
NumPy module (the fused function, which gives what the original gives), the kernel module
(its Numba version and the loop helpers it calls; None without a kernel), the ``spec``
that :func:`astc.hybrid._runtime.build` reads, and the parameter arrays, passed before the
call's own arguments. The two modules run in separate namespaces, so compiling the kernel
(which rebinds its helpers to compiled ones) never changes what the NumPy code calls.
:meth:`Generated.package_files` adds the (embedded) runtime and a ``load()`` so that a
saved copy needs NumPy (and Numba for speed), not astc.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from astc import __version__, generated
from astc.backends.emit import runtime_source
from astc.diagnostics import Code, ReportEntry

_EMBED_MARKER = "# --- EMBED: the text below is copied into saved packages ---\n"
KERNEL_HEADER = "# ---- the Numba kernel (kernel.py when saved) ----\n"

Layer = tuple[str, str | None, bool]


@dataclass(frozen=True)
class Generated:
    """Generated code for one hybridized callable (see the module docstring)."""

    title: str
    python: str
    kernel: str | None
    spec: dict[str, Any]
    params: list[np.ndarray] = field(default_factory=list)
    #: Module-level arrays the code reads by name (functions): saved with the parameters.
    global_arrays: dict[str, np.ndarray] = field(default_factory=dict)
    #: Other objects the code reads by name, bound when run here; ``save`` refuses them.
    opaque_globals: dict[str, Any] = field(default_factory=dict)
    #: The forward pass as dense layers ``(weight, bias, relu)`` over parameter names, when
    #: it is only that (see :meth:`astc.hybrid.lower.Lowered.chain`); used by ``cuda``.
    chain: list[Layer] | None = None

    @property
    def source(self) -> str:
        """Both modules, as ``.source`` shows them."""
        if self.kernel is None:
            return self.python
        return f"{self.python}\n\n{KERNEL_HEADER}{self.kernel}"

    def namespaces(self, name: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The NumPy module and the kernel module (or None), each executed afresh."""
        python = self._execute(self.python, name)
        kernel = None if self.kernel is None else self._execute(self.kernel, f"{name}_kernel")
        return python, kernel

    def _execute(self, source: str, name: str) -> dict[str, Any]:
        namespace: dict[str, Any] = {"__name__": name, "__builtins__": __builtins__}
        namespace.update(self.global_arrays)
        namespace.update(self.opaque_globals)
        exec(compile(source, f"<astc.hybridize {self.title}: {name}>", "exec"), namespace)
        return namespace

    def package_files(self) -> dict[str, str]:
        """A standalone package: ``model.py`` (the NumPy code), ``kernel.py`` (the kernel
        code, when there is one) and ``__init__.py`` (the runtime and ``load()``). Separate
        modules, so that no name of the generated code can shadow one of the runtime's and
        the NumPy code never calls a compiled helper."""
        kernels = runtime_source()
        runtime = _embedded("astc.hybrid._runtime")
        jit = _embedded("astc.hybrid.jit")
        spec = repr(dict(sorted(self.spec.items())))
        names = repr([f"p{i}" for i in range(len(self.params))])
        global_names = repr(sorted(self.global_arrays))
        kernel_import = "from . import kernel" if self.kernel is not None else "kernel = None"
        init = (
            f'"""{self.title}, hybridized and saved by astc {__version__}.\n\n'
            "Needs NumPy (and Numba for the compiled kernel), not astc::\n\n"
            "    import THIS_PACKAGE\n    f = THIS_PACKAGE.load()\n    y = f(x)\n\n"
            "The NumPy code is in model.py, its Numba version in kernel.py (when there is\n"
            "one), the parameters in params.npz.\n"
            '"""\n\nfrom __future__ import annotations\n\n'
            f"import os as {generated.OS}\n\n"
            "# ---- the Numba runtime compiled modules embed (astc/backends/runtime.py) ----\n"
            f"{kernels}\n"
            f"# ---- hybridize's use of it (astc.hybrid._runtime) ----\n{runtime}\n"
            f"# ---- Numba compilation (astc.hybrid.jit) ----\n{jit}\n"
            f"SPEC = {spec}\nPARAMS = {names}\nGLOBAL_ARRAYS = {global_names}\n\n\n"
            "def load() -> Compiled:\n"
            '    """The saved callable, with its parameters read from params.npz."""\n'
            "    from . import model\n"
            f"    {kernel_import}\n\n"
            f"    path = {generated.OS}.path.join({generated.OS}.path.dirname(__file__), "
            "'params.npz')\n"
            "    with np.load(path, allow_pickle=False) as data:\n"
            "        params = [data[name] for name in PARAMS]\n"
            "        for name in GLOBAL_ARRAYS:\n"
            "            value = data['g_' + name]  # one array, read by both modules\n"
            "            for module in (model, kernel):\n"
            "                if module is not None:\n"
            "                    setattr(module, name, value)\n"
            "    kernel_namespace = vars(kernel) if kernel is not None else None\n"
            "    return build(vars(model), kernel_namespace, SPEC, params, jit, kernel_globals)\n"
        )
        files = {"__init__.py": init, "model.py": self.python}
        if self.kernel is not None:
            files["kernel.py"] = self.kernel
        return files

    def arrays_to_save(self) -> dict[str, np.ndarray]:
        """The ``.npz`` content: ``p0..pN`` and ``g_NAME`` for module-level arrays."""
        arrays = {f"p{i}": p for i, p in enumerate(self.params)}
        arrays.update({f"g_{k}": v for k, v in self.global_arrays.items()})
        return arrays


def entry(code: Code, message: str, *, applied: bool = True, line: int = 0) -> ReportEntry:
    """A ``.report`` entry of ``hybridize`` (``applied``: done, else refused/given up)."""
    return ReportEntry("hybridize", code, applied, line, message)


def _embedded(module: str) -> str:
    mod = importlib.import_module(module)
    text = Path(mod.__file__ or "").read_text(encoding="utf-8")
    at = text.index(_EMBED_MARKER)
    return text[at + len(_EMBED_MARKER) :]
