"""Valid input nested deeper than Python's default recursion limit compiles (issue 11).

Each program is one CPython itself compiles; astc must compile it too (or leave it
unchanged with the ``ASTC225`` warning), never report it as a syntax error or crash.
"""

from __future__ import annotations

import pytest

import astc
from tests.conftest import run_module, without_header

DEEP = {
    "a long sum": "x = " + " + ".join(["1"] * 2500) + "\nprint(x)\n",
    "a long boolean chain": "x = " + " and ".join(["1"] * 2000) + "\nprint(x)\n",
    "implicit string concatenation": "s = " + " ".join(['"a"'] * 3000) + "\nprint(len(s))\n",
    "a long comparison chain": "print(" + " < ".join(str(i) for i in range(1500)) + ")\n",
    "a chain of conditionals": "x = 0\ny = " + " if x else ".join(["1"] * 900) + "\nprint(y)\n",
    "a deep call chain": "def f(v):\n    return v\nprint(" + "f(" * 150 + "1" + ")" * 150 + ")\n",
    "a long attribute chain": "class A:\n    pass\na = A()\na.a = a\nprint("
    + ".".join(["a"] * 1500)
    + " is a)\n",
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_valid_input_compiles(name: str) -> None:
    source = DEEP[name]
    compile(source, "<deep>", "exec")  # CPython accepts it
    result = astc.compile_source(source, filename="deep.py")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.code is not None
    assert run_module(result.code) == run_module(source)


def test_a_long_sum_is_folded() -> None:
    result = astc.compile_source(DEEP["a long sum"])
    assert result.code is not None and without_header(result.code) == "x = 2500\nprint(2500)\n"


def test_input_python_rejects_is_a_syntax_error() -> None:
    source = "x = " + " + ".join(["1"] * 20000) + "\n"
    with pytest.raises(RecursionError):
        compile(source, "<deep>", "exec")
    result = astc.compile_source(source, filename="deep.py")
    assert not result.ok and result.diagnostics[0].code is astc.Code.SYNTAX_ERROR
