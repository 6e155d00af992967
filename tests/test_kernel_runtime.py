"""The one Numba runtime's dispatcher, as ``astc.hybridize`` and compiled modules use it
(``astc/backends/runtime.py``, docs/kernels.md "The runtime").

``_astc_dispatch`` is exercised with plain Python callables standing in for compiled
ones: the routing, warnings, once-per-signature checks, bound arguments and error modes
are the dispatcher's, whatever ``build`` returns. No Numba compile happens here.
"""

from __future__ import annotations

import time
import warnings
from typing import Any

import numpy as np
import pytest

from astc.backends import runtime as rt


def _caught(fn: Any, *args: Any) -> tuple[Any, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = fn(*args)
    return value, [str(w.message) for w in caught if "astc: kernel" in str(w.message)]


def plain_double(x: Any) -> Any:
    """Twice x."""
    return 2 * x


def test_trust_runs_the_compiled_callable_and_keeps_the_plain_identity() -> None:
    calls: list[Any] = []

    def compiled(x: Any) -> Any:
        calls.append(x)
        return 2 * x

    wrapper = rt._astc_dispatch("double", plain_double, lambda: compiled)
    assert wrapper.__name__ == "plain_double" and wrapper.__doc__ == "Twice x."
    # the wrapper has the plain function's own signature: nothing to unwrap
    assert not hasattr(wrapper, "__wrapped__")
    assert wrapper.__code__.co_varnames[:1] == ("x",) and wrapper.__defaults__ is None
    assert wrapper(3) == 6 and wrapper(4) == 8 and calls == [3, 4]
    assert wrapper._astc_state.compiled is compiled
    assert wrapper(x=5) == 10  # keywords are bound to the signature, then dispatched


def test_options_are_the_settings_defaults_overridden_and_nothing_else() -> None:
    wrapper = rt._astc_dispatch("double", plain_double, lambda: plain_double, mutates=True)
    state = wrapper._astc_state
    assert state.mutates is True and state.policy == "trust" and state.errors == "warn"
    assert state.strict is True and state.n == 1  # set by _astc_dispatch itself
    assert not rt._AstcSettings.mutates  # an instance's option, not a changed default
    measured = rt._astc_dispatch("double", plain_double, lambda: plain_double, policy="measure")
    assert measured._astc_state.size_key and not state.size_key
    with pytest.raises(TypeError, match="no kernel dispatch option 'polcy'"):
        rt._astc_dispatch("double", plain_double, lambda: plain_double, polcy="compare")
    with pytest.raises(TypeError, match="no kernel dispatch option '__init__'"):
        rt._astc_dispatch("double", plain_double, lambda: plain_double, __init__=None)


def test_a_failed_build_runs_plain_with_one_warning() -> None:
    def build() -> Any:
        raise RuntimeError("no compiler here")

    wrapper = rt._astc_dispatch("double", plain_double, build)
    first, messages = _caught(wrapper, 3)
    second, more = _caught(wrapper, 4)
    assert (first, second) == (6, 8)
    assert len(messages) == 1 and "no compiler here" in messages[0] and not more


def test_errors_raise_gives_the_exception_and_tries_again() -> None:
    attempts: list[int] = []

    def build() -> Any:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first build fails")
        return lambda x: 2 * x

    wrapper = rt._astc_dispatch("double", plain_double, build, errors="raise")
    with pytest.raises(RuntimeError, match="first build fails"):
        wrapper(1)
    assert wrapper(2) == 4 and len(attempts) == 2


def test_admit_is_checked_once_per_signature_and_routes_silently(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked: list[Any] = []

    def admit(args: tuple[Any, ...]) -> str | None:
        checked.append(type(args[0]))
        return None if isinstance(args[0], np.ndarray) else "not an array"

    wrapper = rt._astc_dispatch("double", plain_double, lambda: lambda x: x * 3, admit=admit)
    a = np.ones(3)
    for _ in range(3):
        assert (wrapper(a) == 3.0).all()  # the compiled callable (it triples)
        value, messages = _caught(wrapper, 5)
        assert value == 10 and not messages  # the plain function, silently
    assert checked == [np.ndarray, int]  # once per signature
    assert wrapper._astc_state.reasons == {"not an array"}
    monkeypatch.setenv("ASTC_KERNEL_WARNINGS", "1")
    loud = rt._astc_dispatch("double", plain_double, lambda: lambda x: x * 3, admit=admit)
    _, messages = _caught(loud, 5)
    assert len(messages) == 1 and "not an array" in messages[0]


def test_bound_arguments_are_passed_by_reference() -> None:
    weights = np.ones(3)

    def plain(w: Any, x: Any) -> Any:
        return w * x

    def compiled(w: Any, x: Any) -> Any:
        return w * x + 0.0

    wrapper = rt._astc_dispatch("scale", plain, lambda: compiled, bound=(weights,))
    assert (wrapper(2.0) == 2.0).all()
    weights[:] = 5.0  # an in-place update is seen: bound once, by reference
    assert (wrapper(2.0) == 10.0).all()
    failing = rt._astc_dispatch("scale", plain, _raise, bound=(weights,))
    value, _ = _caught(failing, 3.0)
    assert (value == 15.0).all()  # the plain function gets the bound arguments too


def _raise() -> Any:
    raise RuntimeError("no")


def test_measure_keeps_the_faster_way_per_signature() -> None:
    def slow(x: Any) -> Any:
        time.sleep(0.002)
        return 2 * x

    slower = rt._astc_dispatch("double", plain_double, lambda: slow, policy="measure")
    faster = rt._astc_dispatch("double", lambda x: slow(x), lambda: plain_double, policy="measure")
    for _ in range(rt._ASTC_MEASURED_CALLS):
        assert slower(np.ones(2)).sum() == 4.0 and faster(np.ones(2)).sum() == 4.0
    (route,) = slower._astc_state.routes.values()
    assert route is plain_double  # the compiled callable was slower: never used again
    (route,) = faster._astc_state.routes.values()
    assert route == faster._astc_state.kernel_call


def test_compare_pins_a_signature_whose_result_differs() -> None:
    wrapper = rt._astc_dispatch(
        "double", plain_double, lambda: lambda x: 2 * x + 1, policy="compare"
    )
    first, messages = _caught(wrapper, 3)
    second, more = _caught(wrapper, 3)
    assert first == second == 6
    assert len(messages) == 1 and "differs" in messages[0] and not more


def test_jit_is_off_when_the_environment_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASTC_DISABLE", "1")
    dispatcher, reason = rt._astc_jit(plain_double)
    assert dispatcher is None and reason == "ASTC_DISABLE is set"


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("np", 1.5, np.float64(1.5)),
        ("tagged", (1.5, True), np.float64(1.5)),
        ("tagged", (1.5, False), 1.5),
        ("tuple:pn", (1.5, 2), (1.5, np.int64(2))),
    ],
)
def test_return_types_are_restored(kind: str, value: Any, expected: Any) -> None:
    """Numba returns Python numbers; CPython would have returned a NumPy scalar where the
    kernel's value is one (``returns`` of the spec)."""
    convert = rt._astc_converter(kind)
    assert convert is not None
    assert rt._astc_kernel_same(convert(value), expected, strict=True)
