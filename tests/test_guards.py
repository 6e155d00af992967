"""The guard protocol (docs/semantics.md, "Guards"): checked where Python reads the name.

Each behaviour test compiles a program, runs the original and the compiled module in fresh
interpreters and compares what they print; most also assert the shape of the output, so
that a test cannot pass because nothing was transformed.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import libcst as cst
import pytest

import astc
from astc import guards
from tests.conftest import without_header


def _run(path: Path) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-W", "error", str(path)],
        capture_output=True,
        text=True,
        cwd=path.parent,
        timeout=60,
    )
    last = done.stderr.strip().splitlines()[-1:] if done.stderr.strip() else []
    return done.returncode, done.stdout, "".join(last)


def compiled_behaves_the_same(
    tmp_path: Path, source: str, options: astc.Options | None = None, **modules: str
) -> str:
    """Compile ``source``, run both; assert the same outcome; return the compiled text."""
    source = textwrap.dedent(source)
    for name, text in modules.items():
        (tmp_path / f"{name}.py").write_text(textwrap.dedent(text))
    result = astc.compile_source(source, filename="prog.py", options=options)
    assert result.code is not None, result.diagnostics
    (tmp_path / "plain.py").write_text(source)
    (tmp_path / "compiled.py").write_text(result.code)
    assert _run(tmp_path / "compiled.py") == _run(tmp_path / "plain.py")
    return result.code


# -- the protocol's pieces --------------------------------------------------------------
def test_guard_test_round_trips_in_read_order() -> None:
    test = guards.guard_test(["f", "K", "len"])
    assert cst.Module([]).code_for_node(test) == (
        "f is _astc_f and K is _astc_K and len is _astc_len"
    )
    assert guards.guard_names(test) == ["f", "K", "len"]


def test_other_tests_are_not_guards() -> None:
    for text in ("f is g", "f is _astc_g", "f == _astc_f", "(f is _astc_f) or x", "x"):
        assert guards.guard_names(cst.parse_expression(text)) is None, text


def test_fast_paths_takes_every_guarded_branch() -> None:
    fn = cst.parse_module(
        "def k(x):\n"
        "    y = x + 1 if f is _astc_f else f(x)\n"
        "    if g is _astc_g:\n"
        "        z = y * 2\n"
        "    else:\n"
        "        z = g(y)\n"
        "    return z\n"
    ).body[0]
    assert isinstance(fn, cst.FunctionDef)
    fast, names = guards.fast_paths(fn)
    assert names == ["f", "g"]
    assert cst.Module([fast]).code == "def k(x):\n    y = x + 1\n    z = y * 2\n    return z\n"


# -- checked where the name is read, after code that could rebind it ------------------
REBINDERS = {
    "helper writes the module object": """
        import sys
        def add(a, b):
            return a + b
        def patch():
            sys.modules[__name__].add = lambda a, b: a * b
        def f(x):
            patch()
            return add(x, x)
        print(f(3), f(4))
    """,
    "print calls __str__": """
        import sys
        def add(a, b):
            return a + b
        class Loud:
            def __str__(self):
                sys.modules[__name__].add = lambda a, b: a - b
                return "loud"
        def f(o, x):
            print(o)
            return add(x, 1)
        print(f(Loud(), 5))
    """,
    "an operator runs __add__ between two calls": """
        import sys
        def inc(a):
            return a + 1
        class Sneaky:
            def __add__(self, other):
                sys.modules[__name__].inc = lambda a: a * 100
                return 1
        def f(o):
            first = inc(o)
            return first + inc(2)
        print(f(Sneaky()))
    """,
    "a for loop over a generator": """
        import sys
        def inc(a):
            return a + 1
        def gen():
            yield 1
            sys.modules[__name__].inc = lambda a: -a
            yield 2
        def g():
            out = []
            for v in gen():
                w = inc(v)
                out.append(w)
            return out
        print(g())
    """,
    "a with block patches the callee": """
        import sys
        from unittest import mock
        def add(a, b):
            return a + b
        P = mock.patch.object(sys.modules[__name__], "add", lambda a, b: a * b)
        def f(x):
            before = add(x, x)
            with P:
                inside = add(x, x)
            return before, inside, add(x, x)
        print(f(3))
    """,
    "a property read": """
        import sys
        def add(a, b):
            return a + b
        class C:
            @property
            def v(self):
                sys.modules[__name__].add = lambda a, b: a * b
                return 3
        def f(o):
            x = o.v
            return add(x, x)
        print(f(C()))
    """,
    "a parameter named like a builtin": """
        import sys
        def add(a, b):
            return a + b
        def rebind(v):
            sys.modules[__name__].add = lambda a, b: a * b
        def f(x, print):
            print(x)
            return add(x, x)
        print(f(3, rebind))
    """,
    "a generator caller resumed after a rebinding": """
        import sys
        def add(a, b):
            return a + b
        def g(x):
            yield add(x, 1)
            yield add(x, 1)
        it = g(1)
        print(next(it))
        sys.modules[__name__].add = lambda a, b: a * b * 10
        print(next(it))
    """,
    "an argument rebinds the callee after it was read": """
        import sys
        def add(a, b):
            return a + b
        def rebind():
            sys.modules[__name__].add = lambda a, b: a * b
            return 4
        def f(x):
            return add(x, rebind()) + add(x, 1)
        print(f(3))
    """,
}


@pytest.mark.parametrize("name", sorted(REBINDERS))
def test_rebinding_before_a_call_is_seen(tmp_path: Path, name: str) -> None:
    code = compiled_behaves_the_same(tmp_path, REBINDERS[name])
    assert " is _astc_" in code  # the call site was specialized, behind a guard


def test_mock_patch_of_a_builtin_name_created_in_the_module(tmp_path: Path) -> None:
    code = compiled_behaves_the_same(
        tmp_path,
        """
        import sys
        from unittest import mock
        def f():
            return len("abc")
        with mock.patch.object(sys.modules[__name__], "len", lambda s: 99, create=True):
            print(f())
        print(f())
        """,
    )
    assert "from builtins import len as _astc_len" in code


def test_a_guard_never_reads_a_name_before_the_original_does(tmp_path: Path) -> None:
    # `helper` is defined after the first call of f, which does not reach it.
    code = compiled_behaves_the_same(
        tmp_path,
        """
        import sys
        def f(x, flag):
            if flag:
                return helper(x)
            return x
        print(f(len(sys.argv), False))
        try:
            f(1, True)
        except NameError as e:
            print("NameError", e)
        def helper(a):
            return a + 1
        print(f(1, True))
        """,
    )
    assert code.index("_astc_helper = []") < code.index("def f(")


def test_placeholder_alias_when_the_callee_is_bound_by_other_code_first(tmp_path: Path) -> None:
    compiled_behaves_the_same(
        tmp_path,
        """
        import sys
        def f(x):
            return h(x)
        setattr(sys.modules[__name__], "h", lambda x: -x)
        print(f(1))
        def h(x):
            return x + 1
        print(f(1))
        """,
    )


def test_guard_is_placed_after_global_declarations(tmp_path: Path) -> None:
    compiled_behaves_the_same(
        tmp_path,
        """
        count = 0
        def add(a, b):
            return a + b
        def f(x):
            global count
            count = add(count, x)
            return count
        print(f(1), f(2))
        """,
    )


def test_statement_level_site_keeps_the_original_statement_as_slow_path(tmp_path: Path) -> None:
    code = compiled_behaves_the_same(
        tmp_path,
        """
        import sys
        def hyp(x, y):
            xx = x * x
            yy = y * y
            return xx + yy
        def f(a, b):
            r = hyp(a + 1, b)
            return r
        print(f(1, 2))
        sys.modules[__name__].hyp = lambda x, y: 0
        print(f(1, 2))
        """,
    )
    assert "if hyp is _astc_hyp:" in code and "        r = hyp(a + 1, b)" in code


# -- import time ------------------------------------------------------------------------
def test_import_time_fold_is_unguarded_with_nothing_in_between(tmp_path: Path) -> None:
    seed = (Path(__file__).parent.parent / "samples" / "fancy_func.py").read_text()
    code = compiled_behaves_the_same(tmp_path, seed)
    assert without_header(code).rstrip().endswith("print(10)")


@pytest.mark.parametrize(
    "between",
    [
        'setattr(sys.modules[__name__], "add", lambda a, b: a * b)',
        "sys.modules[__name__].add = lambda a, b: a * b",
        "import mod_patch",
        "mod_patch_fn()",
        "print(Sneaky())",
        "@deco\ndef other():\n    pass",
        "class C(Base):\n    pass",
        "for _ in [0]:\n    rebind()",
    ],
)
def test_import_time_fold_after_a_barrier_is_guarded(tmp_path: Path, between: str) -> None:
    source = (
        "import sys\n"
        "def add(a, b):\n    return a + b\n"
        "def rebind():\n    sys.modules[__name__].add = lambda a, b: a * b\n"
        "def mod_patch_fn():\n    rebind()\n"
        "class Sneaky:\n    def __repr__(self):\n        rebind()\n        return 'S'\n"
        "def deco(fn):\n    rebind()\n    return fn\n"
        "class Meta(type):\n    def __init__(cls, *a):\n        rebind()\n"
        "class Base(metaclass=Meta):\n    pass\n"
        "sys.modules[__name__].add = add\n" + between + "\nprint(add(2, 3))\n"
    )
    code = compiled_behaves_the_same(
        tmp_path,
        source,
        mod_patch="import sys\nsetattr(sys.modules['__main__'], 'add', lambda a, b: a * b)\n",
    )
    assert "print(5 if add is _astc_add else add(2, 3))" in code


def test_import_time_fold_is_guarded_after_code_earlier_in_the_statement(tmp_path: Path) -> None:
    code = compiled_behaves_the_same(
        tmp_path,
        """
        import sys
        def add(a, b):
            return a + b
        def rebind():
            sys.modules[__name__].add = lambda a, b: a * b
            return 0
        print(rebind() + add(2, 3))
        """,
    )
    assert "5 if add is _astc_add else add(2, 3)" in code


def test_module_constant_is_not_propagated_past_a_barrier(tmp_path: Path) -> None:
    code = compiled_behaves_the_same(
        tmp_path,
        """
        import mod_patcher
        N = 10
        mod_patcher.patch_main("N", 3)
        print(N)
        """,
        mod_patcher="import sys\ndef patch_main(k, v):\n    setattr(sys.modules['__main__'], k, v)\n",
    )
    assert without_header(code).rstrip().endswith("print(N)")


# -- --assume-stable relaxes rebinding from outside, never definition order --------------
STABLE = astc.Options(assume_stable=True)


def test_stable_mode_drops_the_guard(tmp_path: Path) -> None:
    code = compiled_behaves_the_same(
        tmp_path,
        "def add(a, b):\n    return a + b\ndef f(x):\n    return add(x, 1)\nprint(f(2))\n",
        STABLE,
    )
    assert "_astc_" not in code and "return x + 1" in code


def test_stable_mode_guards_a_callee_defined_below(tmp_path: Path) -> None:
    code = compiled_behaves_the_same(
        tmp_path,
        """
        def f(s):
            return len(s)
        print(f("abc"))
        def len(x):
            return 100
        print(f("abc"))
        """,
        STABLE,
    )
    assert "len is _astc_len" in code


def test_stable_mode_never_propagates_a_constant_bound_below(tmp_path: Path) -> None:
    code = compiled_behaves_the_same(
        tmp_path,
        """
        def uses():
            return LATE + 1
        try:
            print(uses())
        except NameError as e:
            print("NameError", e)
        LATE = 5
        print(uses())
        """,
        STABLE,
    )
    assert "return LATE + 1" in code
