"""Shared helpers of the kernel tests: compile once, run plain and compiled side by side.

Not a test module (pytest collects ``test_*.py`` only). Comparisons use the runtime's own
comparator (``_astc_kernel_same``, strict: types, dtypes and signed zeros too), the one
``ASTC_VERIFY_KERNELS`` uses.
"""

from __future__ import annotations

import copy
import warnings
from dataclasses import dataclass
from typing import Any

import astc
from astc import Code, Options
from astc.backends.runtime import _astc_kernel_same


@dataclass
class Compiled:
    """A source compiled with astc, and both versions loaded."""

    result: astc.CompileResult
    plain: dict[str, Any]
    fast: dict[str, Any]

    @property
    def code(self) -> str:
        return self.result.code or ""

    def codes(self, name: str) -> set[Code]:
        """Codes of the kernel stage's entries about function ``name``."""
        return {
            e.code
            for e in self.result.report.entries
            if e.pass_name == "kernels" and e.function == name
        }

    def message(self, name: str, code: Code) -> str:
        return " ".join(
            e.message for e in self.result.report.entries if e.function == name and e.code is code
        )

    def kernels(self) -> set[str]:
        return {
            e.function for e in self.result.report.entries if e.code is Code.KERNEL and e.function
        }

    def state(self, name: str) -> Any:
        """The dispatcher state of kernel ``name`` (routes, reasons, compiled callable)."""
        return self.fast[name]._astc_state

    def check(self, name: str, *args: Any) -> Any:
        """Call plain and compiled ``name`` on copies of ``args``: the same result (type and
        bits) and the same arguments afterwards. Returns the compiled result."""
        plain_args, fast_args = copy.deepcopy(args), copy.deepcopy(args)
        want = _outcome(self.plain[name], plain_args)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            got = _outcome(self.fast[name], fast_args)
        failures = [str(w.message) for w in caught if "astc: kernel" in str(w.message)]
        assert not failures, failures  # Numba failed on what astc proved (routing is silent)
        assert _astc_kernel_same(got, want, strict=True), (name, got, want)
        assert _astc_kernel_same(list(fast_args), list(plain_args), strict=True), name
        return got


def _outcome(fn: Any, args: tuple[Any, ...]) -> Any:
    try:
        return ("ok", fn(*args))
    except Exception as error:  # noqa: BLE001 - the exception is part of the behaviour
        return ("raised", type(error).__name__, str(error))


def load(code: str, name: str = "kernel_test_module") -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": name}
    exec(compile(code, f"<{name}>", "exec"), namespace)
    return namespace


def compile_both(source: str, **options: Any) -> Compiled:
    result = astc.compile_source(source, filename="<kernels>", options=Options(**options))
    assert result.code is not None
    return Compiled(result, load(source, "kernel_plain"), load(result.code))
