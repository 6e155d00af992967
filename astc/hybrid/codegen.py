"""The generated module: its source text, how to run it here, and how to save it.

A :class:`Generated` is everything a hybridized callable is made of, in plain Python: the
source of the fused NumPy function (and of its kernel version and loop helpers), the
``spec`` that :func:`astc.hybrid._runtime.build` reads, and the parameter arrays, passed
after the call's own arguments. :meth:`Generated.package_text` adds the (embedded) runtime
and a ``load()`` so that a saved copy needs NumPy (and Numba for speed), not astc.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from astc import __version__

_EMBED_MARKER = "# --- EMBED: the text below is copied into saved packages ---\n"


@dataclass
class Generated:
    """Generated code for one hybridized callable (see the module docstring)."""

    title: str
    source: str
    spec: dict[str, Any]
    params: list[np.ndarray] = field(default_factory=list)
    #: Module-level arrays the code reads by name (functions): saved with the parameters.
    global_arrays: dict[str, np.ndarray] = field(default_factory=dict)
    #: Other objects the code reads by name, bound when run here; ``save`` refuses them.
    opaque_globals: dict[str, Any] = field(default_factory=dict)
    #: The forward pass as dense layers ``(weight, bias, relu)`` over parameter names, when
    #: it is only that (see :meth:`astc.hybrid.lower.Lowered.chain`); used by ``cuda``.
    chain: list[tuple[str, str | None, bool]] | None = None

    def namespace(self, name: str) -> dict[str, Any]:
        """Execute the source in a fresh module namespace called ``name``."""
        namespace: dict[str, Any] = {"__name__": name, "__builtins__": __builtins__}
        namespace.update(self.global_arrays)
        namespace.update(self.opaque_globals)
        exec(compile(self.source, f"<astc.hybridize {self.title}>", "exec"), namespace)
        return namespace

    def package_files(self) -> dict[str, str]:
        """A standalone package: ``model.py`` (the generated code, as shown by ``.source``)
        and ``__init__.py`` (the runtime and ``load()``). Separate modules, so that no name
        of the generated code can shadow one of the runtime's."""
        runtime = _embedded("astc.hybrid._runtime")
        jit = _embedded("astc.hybrid.jit")
        spec = repr(dict(sorted(self.spec.items())))
        names = repr([f"p{i}" for i in range(len(self.params))])
        global_names = repr(sorted(self.global_arrays))
        init = (
            f'"""{self.title}, hybridized and saved by astc {__version__}.\n\n'
            "Needs NumPy (and Numba for the compiled kernel), not astc::\n\n"
            "    import THIS_PACKAGE\n    f = THIS_PACKAGE.load()\n    y = f(x)\n\n"
            "The generated code is in model.py, the parameters in params.npz.\n"
            '"""\n\nfrom __future__ import annotations\n\n'
            "import os as _astc_os\n\n"
            f"# ---- runtime (astc.hybrid._runtime) ----\n{runtime}\n"
            f"# ---- Numba compilation (astc.hybrid.jit) ----\n{jit}\n"
            f"SPEC = {spec}\nPARAMS = {names}\nGLOBAL_ARRAYS = {global_names}\n\n\n"
            "def load() -> Compiled:\n"
            '    """The saved callable, with its parameters read from params.npz."""\n'
            "    from . import model\n\n"
            "    path = _astc_os.path.join(_astc_os.path.dirname(__file__), 'params.npz')\n"
            "    with np.load(path, allow_pickle=False) as data:\n"
            "        params = [data[name] for name in PARAMS]\n"
            "        for name in GLOBAL_ARRAYS:\n"
            "            setattr(model, name, data['g_' + name])\n"
            "    return build(vars(model), SPEC, params, jit)\n"
        )
        return {"__init__.py": init, "model.py": self.source}

    def arrays_to_save(self) -> dict[str, np.ndarray]:
        """The ``.npz`` content: ``p0..pN`` and ``g_NAME`` for module-level arrays."""
        arrays = {f"p{i}": p for i, p in enumerate(self.params)}
        arrays.update({f"g_{k}": v for k, v in self.global_arrays.items()})
        return arrays


def _embedded(module: str) -> str:
    mod = importlib.import_module(module)
    text = Path(mod.__file__ or "").read_text(encoding="utf-8")
    at = text.index(_EMBED_MARKER)
    return text[at + len(_EMBED_MARKER) :]
