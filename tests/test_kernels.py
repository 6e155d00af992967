"""The Numba backend: selection, emission, fallback, cache key, verify mode (docs/kernels.md)."""

from __future__ import annotations

import ast
import inspect
import json
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import astc
from astc import Code, Options
from tests.conftest import without_header

PAIRWISE = '''\
import math
import numpy as np
import astc


def sq(x):
    return x * x


@astc.kernel
def pairwise(x, out):
    """Pairwise distances."""
    n = x.shape[0]
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(x.shape[1]):
                s += sq(x[i, k] - x[j, k])
            out[i, j] = math.sqrt(s)
'''

AUTO = """\
import numpy as np


def add(a, b):
    return a + b


def fancy_func(a, b, c, d):
    e = add(a, b)
    f = add(c, d)
    return add(e, f)


def dot(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


def factorial(a):
    r = 1
    for i in range(1, a.shape[0] + 1):
        r *= i
    return r


def zeros_list(a):
    n = a.shape[0]
    out = [0] * n
    for i in range(n):
        out[i] = i
    return out
"""


def compile_text(source: str, **options: Any) -> astc.CompileResult:
    result = astc.compile_source(source, filename="<kernels>", options=Options(**options))
    assert result.code is not None
    return result


def load(code: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "kernel_test_module"}
    exec(compile(code, "<kernels-out>", "exec"), namespace)
    return namespace


def kernel_names(result: astc.CompileResult) -> set[str]:
    return {e.function for e in result.report.entries if e.code is Code.KERNEL and e.function}


def refused(result: astc.CompileResult) -> dict[str, Code]:
    """Functions the kernel stage did not make kernels, and the code of the reason."""
    return {
        e.function: e.code
        for e in result.report.entries
        if e.pass_name == "kernels" and not e.applied and e.function
    }


def test_explicit_marker_emits_kernel_and_strips_astc() -> None:
    result = compile_text(PAIRWISE)
    assert kernel_names(result) == {"pairwise"}
    tree = ast.parse(result.code or "")
    imports = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert "astc" not in imports and "@astc" not in (result.code or "")
    ns = load(result.code or "")
    plain = load(PAIRWISE)
    x = np.random.default_rng(0).random((15, 3))
    got, want = np.zeros((15, 15)), np.zeros((15, 15))
    assert ns["pairwise"].__name__ == "pairwise"
    assert ns["pairwise"].__doc__ == "Pairwise distances."
    ns["pairwise"](x, got)
    plain["pairwise"](x, want)
    np.testing.assert_allclose(got, want, rtol=1e-12)
    fast = ns["pairwise"]  # the module global now is the thin wrapper around Numba
    assert not hasattr(fast, "__wrapped__")  # its own signature is the plain one's
    assert str(inspect.signature(fast)) == "(x, out)"
    dispatcher = fast._astc_dispatcher
    assert type(dispatcher).__name__ == "CPUDispatcher" and dispatcher.signatures
    assert ns["_astc_kernel_pairwise__sq"].signatures  # the helper was jitted with it


def test_comment_and_config_and_option_markers(tmp_path: Path) -> None:
    source = AUTO.replace("def dot(a, b):", "def dot(a, b):  # astc: kernel")
    assert kernel_names(compile_text(source)) == {"dot"}
    assert kernel_names(compile_text(AUTO, kernel_functions=("dot",))) == {"dot"}
    (tmp_path / "pyproject.toml").write_text('[tool.astc.kernels]\nfunctions = ["dot"]\n')
    path = tmp_path / "mod.py"
    path.write_text(AUTO)
    assert kernel_names(astc.compile_file(path)) == {"dot"}


def test_explicit_mode_ignores_unmarked_and_off_strips_markers() -> None:
    assert kernel_names(compile_text(AUTO)) == set()
    off = compile_text(PAIRWISE, kernels="off")
    body = without_header(off.code or "")
    assert kernel_names(off) == set() and "astc" not in body
    assert "_astc_kernel_bind" not in (off.code or "")


def test_auto_selects_only_safe_loops() -> None:
    result = compile_text(AUTO, kernels="auto")
    # factorial: `r *= i` grows past int64; it stores nothing, so it is checked as it runs
    assert kernel_names(result) == {"dot", "factorial"}
    why = refused(result)
    # add: no loop and no sign of NumPy (scalars, most likely: inlined instead)
    assert why["fancy_func"] is why["add"] is Code.KERNEL_NO_WORK
    assert why["zeros_list"] is Code.KERNEL_UNSUPPORTED
    ns, plain = load(result.code or ""), load(AUTO)
    a, b = np.arange(5.0), np.arange(5.0) + 1
    assert ns["dot"](a, b) == plain["dot"](a, b)
    for n in (5, 20, 21, 30):  # 21! > 2**63: the plain function's big int, not wrapped
        got, want = ns["factorial"](np.zeros(n)), plain["factorial"](np.zeros(n))
        assert got == want and type(got) is int
    assert ns["fancy_func"](1, 2, 3, 4) == 10


def test_auto_kernel_gives_lists_to_the_plain_function() -> None:
    source = (
        "import numpy as np\n\n\ndef sumprod(a, b):\n    s = 0.0\n    n = len(a)\n"
        "    for i in range(n):\n        s += a[i] * b[i]\n    return s + np.sqrt(0.0)\n\n\n"
        "def siftdown(heap, pos):\n    item = heap[pos]\n    while pos > 0:\n"
        "        parent = heap[pos - 1]\n        if item < parent:\n"
        "            heap[pos] = parent\n            pos = pos - 1\n            continue\n"
        "        break\n    heap[pos] = item\n"
    )
    result = compile_text(source, kernels="auto")
    assert kernel_names(result) == {"sumprod"}
    assert refused(result)["siftdown"] is Code.KERNEL_LISTS  # heapq-style list code
    ns = load(result.code or "")
    assert ns["sumprod"](np.ones(3), np.ones(3)) == 3.0  # compiled with arrays first
    big = [2**40, 2**40]  # Python ints: Numba's int64 product would wrap to 0
    assert ns["sumprod"](big, big) == 2.0 * 2**80


def test_line_numbers_below_kernels_are_kept() -> None:
    source = PAIRWISE + "\n\nRESULT = 1 / 0\n"
    code = compile_text(source).code or ""
    line = source.splitlines().index("RESULT = 1 / 0")
    assert code.splitlines()[line] == "RESULT = 1 / 0"


def test_profile_mode_picks_hot_functions(tmp_path: Path) -> None:
    profile = tmp_path / "prof.json"
    entries = [
        {"file": "mod.py", "function": "dot", "cumtime_s": 0.9},
        {"file": "mod.py", "function": "factorial", "cumtime_s": 0.001},
    ]
    profile.write_text(json.dumps({"total_s": 1.0, "functions": entries}))
    path = tmp_path / "mod.py"
    path.write_text(
        AUTO.replace(
            "def zeros_list",
            "def cold_loop(a):\n    for i in range(3):\n        a[i] = 1.0\n\n\ndef zeros_list",
        )
    )
    result = astc.compile_file(path, options=Options(profile=str(profile)))
    assert kernel_names(result) == {"dot"}
    assert refused(result)["cold_loop"] is Code.KERNEL_NOT_HOT


def test_kernels_are_not_inlined_into_callers() -> None:
    source = AUTO + "\n\ndef use(a, b):\n    return dot(a, b) + 1.0\n"
    code = compile_text(source, kernels="auto", assume_stable=True).code or ""
    assert "return dot(a, b) + 1.0" in code


@pytest.mark.parametrize("cause", ["ASTC_DISABLE", "NUMBA_DISABLE_JIT", "numba-missing", "typing"])
def test_fallback_warns_once_and_gives_plain_result(
    cause: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = AUTO
    if cause == "typing":  # object() does not type in nopython mode
        source += (
            "\n\ndef lookup(a):\n    d = object()\n    for i in range(3):\n"
            "        d = a[i]\n    return d\n"
        )
        options = Options(kernel_functions=("dot", "lookup"))
    else:
        options = Options(kernel_functions=("dot",))
    if cause == "numba-missing":
        monkeypatch.setitem(sys.modules, "numba", None)
    elif cause != "typing":
        monkeypatch.setenv(cause, "1")
    code = astc.compile_source(source, options=options).code or ""
    ns = load(code)
    name, args = (
        ("lookup", (np.arange(4.0),)) if cause == "typing" else ("dot", (np.ones(3), np.ones(3)))
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = ns[name](*args)
        second = ns[name](*args)
    assert first == second == load(source)[name](*args)
    messages = [str(w.message) for w in caught if "astc: kernel" in str(w.message)]
    assert len(messages) == 1 and f"{name}()" in messages[0]
    expected = {
        "ASTC_DISABLE": "ASTC_DISABLE",
        "NUMBA_DISABLE_JIT": "NUMBA_DISABLE_JIT",
        "numba-missing": "numba cannot be imported",
        "typing": "TypingError",
    }[cause]
    assert expected in messages[0]


def test_rebound_helper_is_honoured() -> None:
    ns = load(compile_text(PAIRWISE).code or "")
    x = np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    out = np.zeros((2, 2))
    ns["pairwise"](x, out)
    assert out[0, 1] == 1.0
    ns["sq"] = lambda v: 4 * v * v  # monkeypatched helper: the plain function must see it
    ns["pairwise"](x, out)
    assert out[0, 1] == 2.0


def test_verify_mode_raises_on_difference(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "def powers(n):\n    r = 1\n    for i in range(n):\n        r *= 3\n    return r\n"
    code = compile_text(source, kernel_functions=("powers",)).code or ""
    monkeypatch.setenv("ASTC_VERIFY_KERNELS", "1")
    ns = load(code)
    assert ns["powers"](5) == 243
    with pytest.raises(AssertionError, match="powers"):
        ns["powers"](50)  # Numba's int64 wraps, CPython's int does not


def test_recompiling_output_is_idempotent() -> None:
    code = compile_text(PAIRWISE).code or ""
    again = astc.compile_source(code, options=Options()).code
    assert again == code


def _run(path: Path, env: dict[str, str]) -> str:
    blocker = "import sys; sys.modules['astc'] = None; import runpy; runpy.run_path(sys.argv[1])"
    full = {**os.environ, **env}
    proc = subprocess.run(
        [sys.executable, "-c", blocker, str(path)],
        capture_output=True,
        text=True,
        env=full,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


CACHED = """\
import numpy as np


def helper(x):
    return x * FACTOR


def total(a):  # astc: kernel
    s = 0.0
    for i in range(a.shape[0]):
        s += helper(a[i])
    return s


print(total(np.ones(4)))
"""


def test_cache_key_follows_inlined_helper(tmp_path: Path) -> None:
    """Change the helper, recompile: the new result, from a new cache entry (no astc import)."""
    out = tmp_path / "out.py"
    results = []
    for factor in ("2.0", "3.0"):
        source = CACHED.replace("FACTOR", factor)
        out.write_text(compile_text(source, assume_stable=True).code or "")
        results.append(_run(out, {"NUMBA_CACHE_DIR": str(tmp_path / "cache")}))
        results.append(_run(out, {"NUMBA_CACHE_DIR": str(tmp_path / "cache")}))  # from cache
    assert results == ["8.0", "8.0", "12.0", "12.0"]
    entries = [
        e for e in (tmp_path / "cache" / "astc-kernels").iterdir() if "__helper" not in e.name
    ]
    assert len(entries) == 2  # one directory per kernel fingerprint (and per jitted helper)
    assert all(list(e.glob("*.nbi")) for e in entries)


def test_parallel_kernel_uses_prange_and_matches() -> None:
    source = textwrap.dedent(
        """\
        import astc

        @astc.kernel(parallel=True)
        def scale(a, out, f):
            for i in range(a.shape[0]):
                t = a[i] * f
                out[i] = t + 1.0

        @astc.kernel(parallel=True)
        def prefix(a, out):
            out[0] = a[0]
            for i in range(1, a.shape[0]):
                out[i] = out[i - 1] + a[i]
        """
    )
    result = compile_text(source)
    code = result.code or ""
    assert "for i in _astc_prange(a.shape[0]):" in code
    assert "for i in _astc_prange(1" not in code
    assert any(
        e.code is Code.KERNEL_PARALLEL and e.function == "scale" for e in result.report.entries
    )
    assert refused(result)["prefix"] is Code.KERNEL_NO_PRANGE
    assert "written by other iterations" in " ".join(
        e.message for e in result.report.entries if e.code is Code.KERNEL_NO_PRANGE
    )
    ns, plain = load(code), load(source)
    a = np.arange(1000.0)
    for name in ("scale", "prefix"):
        got, want = np.zeros(1000), np.zeros(1000)
        args = (a, got, 2.0) if name == "scale" else (a, got)
        ns[name](*args)
        plain[name](*((a, want, 2.0) if name == "scale" else (a, want)))
        np.testing.assert_array_equal(got, want)


def test_astc_profile_then_compile_with_profile(tmp_path: Path) -> None:
    """`astc profile SCRIPT` writes times that `--profile` mode turns into kernel choices."""
    from click.testing import CliRunner

    from astc.cli import main

    script = tmp_path / "work.py"
    script.write_text(
        AUTO.replace(
            "def zeros_list",
            "def cold_loop(a):\n    for i in range(2):\n        a[i] = 1.0\n\n\ndef zeros_list",
        )
        + "\nx = np.ones(200_000)\nfor _ in range(3):\n    dot(x, x)\ncold_loop(np.ones(2))\n"
    )
    output = tmp_path / "prof.json"
    run = CliRunner().invoke(main, ["profile", "-o", str(output), str(script)])
    assert run.exit_code == 0, run.output
    data = json.loads(output.read_text())
    names = {e["function"] for e in data["functions"]}
    assert {"dot", "cold_loop"} <= names
    result = astc.compile_file(script, options=Options(kernels="profile", profile=str(output)))
    assert kernel_names(result) == {"dot"}
    assert refused(result)["cold_loop"] is Code.KERNEL_NOT_HOT


@pytest.mark.parametrize(
    ("body", "after", "reason"),
    [
        ("out[i] = a[i] * 2.0", "", None),
        ("t = a[i]\n    out[i, 0] = t * t", "", None),
        ("s += a[i]", "", "`s`"),
        ("out[i + 1] = a[i]", "", "not indexed by"),
        ("out[i] = out[i - 1] + a[i]", "", "written by other iterations"),
        ("if a[i] > 0:\n        t = a[i]\n    out[i] = t", "", "not assigned on every path"),
        ("t = a[i]\n    out[i] = t", "return t", "read after the loop"),
        ("out[i] = a[i]\n    if a[i] > 1:\n        break", "", "break"),
        ("out[i] = helper(a[i])", "", "calls `helper()`"),
    ],
)
def test_prange_independence(body: str, after: str, reason: str | None) -> None:
    from astc.backends.parallel import independence_refusal

    lines = ["def f(a, out):", "    s = 0.0", "    t = 0.0", "    for i in range(a.shape[0]):"]
    lines += [
        "        " + line.strip() if not line.startswith("        ") else "    " + line
        for line in body.split("\n")
    ]
    lines += ["    " + after] if after else []
    source = "\n".join(lines) + "\n"
    fn = ast.parse(textwrap.dedent(source)).body[0]
    assert isinstance(fn, ast.FunctionDef)
    loop = fn.body[2]
    assert isinstance(loop, ast.For)
    problem = independence_refusal(loop, fn.body[3:])
    if reason is None:
        assert problem is None
    else:
        assert problem is not None and reason in problem


def test_def_keeps_its_line_when_the_marker_is_stripped() -> None:
    code = compile_text(PAIRWISE).code or ""
    line = PAIRWISE.splitlines().index("def pairwise(x, out):")
    assert code.splitlines()[line] == "def pairwise(x, out):"


GUARDED = """\
import numpy as np


def add(a, b):
    return a + b


def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        x = a[i]
        s = add(s, x)
    return s
"""


def test_astc_output_compiled_again_takes_the_fast_paths() -> None:
    """Output of the default model (guards at call sites) compiled again with kernels:
    the kernel takes every fast path (``guards.fast_paths``) and the dispatcher checks the
    guarded names once per call; a rebound helper sends the call to the plain function."""
    first = compile_text(GUARDED)
    assert "if add is _astc_add:" in (first.code or "")
    second = compile_text(first.code or "", kernels="auto")
    assert kernel_names(second) == {"total"}
    binding = (second.code or "").split("total = _astc_kernel_bind")[1].split("\n")[0]
    assert "'guards': ('add',)" in binding and "_astc_add" not in binding
    ns, a = load(second.code or ""), np.arange(5.0)
    assert ns["total"](a) == load(GUARDED)["total"](a) == 10.0
    ns["add"] = lambda x, y: x + 2 * y
    assert ns["total"](a) == 20.0


def test_marker_problems_and_plain_defs_have_their_codes() -> None:
    source = textwrap.dedent(
        """\
        import functools
        import astc

        @astc.kernel(speed=3)
        def bad_option(a):
            for i in range(3):
                a[i] = 0.0

        @functools.cache
        @astc.kernel
        def decorated(n):
            for i in range(n):
                pass
        """
    )
    result = compile_text(source)
    assert refused(result) == {
        "bad_option": Code.KERNEL_MARKER,
        "decorated": Code.KERNEL_REFUSED,
    }
