"""Which operations can run code astc has not analysed (astc.analysis.effects), and the
barriers module facts derive from them."""

from __future__ import annotations

import ast

import libcst as cst
import pytest

from astc.analysis.effects import Judge, evaluation_order
from astc.analysis.module import module_facts
from astc.passes.prefix import prefix_problem


def judge(known: set[str] | None = None) -> Judge:
    return Judge(known or set(), frozenset())


SAFE = [
    "x = 1",
    "x = (1, 2, [3])",
    "x = N + 1",  # N is a known constant
    "x = 'a' * 3 + f'{2}'",
    "x = len('abc')",
    "def f(a=1, *, b=(2,)):\n    print(a)",  # the body does not run here
    "class C:\n    X = 1\n    def m(self):\n        return 1",
    "if 1:\n    y = 2\nelse:\n    y = 3",
    "from __future__ import annotations",
    "from builtins import len as _astc_len",
    "a, b = 1, 2",
    "f = lambda x=1: x.anything",
    "'''docstring'''",
    "pass",
]

UNSAFE = {
    "import os": "import",
    "from m import x": "import",
    "print(1)": "calls print",
    "x = y + 1": "operator",
    "x = o.attr": "attribute",
    "x = f(1)": "calls f",
    "@d\ndef f():\n    pass": "decorator",
    "class C(B):\n    pass": "bases",
    "for i in (1, 2):\n    pass": "for",
    "with m:\n    pass": "with",
    "try:\n    pass\nexcept E:\n    pass": "try",
    "del x": "delete",
    "x = [i for i in (1, 2)]": "",
    "a, b = t": "unpacks",
    "x = {k: 1}": "hashes",
    "x = f'{y}'": "format",
    "x.y = 1": "attribute",
    "x[0] = 1": "subscript",
    "def f(a=g()):\n    pass": "calls g",
    "def f(a: g()):\n    pass": "calls g",
    "if y:\n    pass": "",
    "assert x": "assert",
    "raise E": "raise",
}


@pytest.mark.parametrize("source", SAFE)
def test_statements_that_run_no_unanalysed_code(source: str) -> None:
    stmt = ast.parse(source).body[0]
    assert judge({"N"}).first_problem(stmt) is None


@pytest.mark.parametrize("source", sorted(UNSAFE))
def test_statements_that_may_run_unanalysed_code(source: str) -> None:
    stmt = ast.parse(source).body[0]
    why = judge().first_problem(stmt)
    assert why is not None and UNSAFE[source] in why


def test_annotations_are_not_evaluated_under_lazy_annotations() -> None:
    stmt = ast.parse("def f(a: g()) -> h():\n    pass").body[0]
    assert Judge(set(), frozenset(), lazy_annotations=True).first_problem(stmt) is None


def test_a_rebound_constant_is_no_longer_known() -> None:
    body = ast.parse("N = g\nx = N + 1").body
    j = judge({"N"})
    assert j.first_problem(body[0]) is None  # reading g and storing N run nothing
    assert j.first_problem(body[1]) is not None  # but N is no longer the constant


def test_a_shadowed_builtin_is_not_safe() -> None:
    stmt = ast.parse("x = len('abc')").body[0]
    assert Judge(set(), frozenset({"len"})).first_problem(stmt) is not None


def test_evaluation_order_puts_the_value_before_the_targets_and_callee_before_args() -> None:
    stmt = ast.parse("t.a = f(g(1), k=h)").body[0]
    names = [n.id for n in evaluation_order(stmt) if isinstance(n, ast.Name)]
    assert names == ["f", "g", "h", "t"]


def test_evaluation_order_is_iterative() -> None:
    deep: ast.expr = ast.Constant(1)
    for _ in range(20_000):  # deeper than any recursive walk could go
        deep = ast.BinOp(deep, ast.Add(), ast.Constant(1))
    assert sum(1 for _ in evaluation_order(deep)) > 40_000
    assert judge().first_problem(ast.Expr(deep)) is None


def test_module_barriers_and_constants() -> None:
    facts = module_facts(
        ast.parse(
            "K = 2 ** 8\n"
            "def sq(x):\n    return x * x\n"
            "R = sq(K) + 1\n"
            "import os\n"
            "L = sq(3)\n"
            "M = len('ab')\n"
            "T = ([1], 2)\n"
        )
    )
    # After the import, sq may have been rebound and len shadowed: L and M are barriers.
    assert [line for line, _ in facts.barriers] == [5, 6, 7]
    assert {n: v for n, (v, _) in facts.constants.items()} == {"K": 256, "R": 65537}
    assert facts.clear_between(1, 5) is None and facts.clear_between(4, 6) is not None


def _call(stmt: cst.BaseStatement, name: str) -> cst.Call:
    found: list[cst.Call] = []

    class _Find(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if isinstance(node.func, cst.Name) and node.func.value == name:
                found.append(node)

    stmt.visit(_Find())
    return found[0]


@pytest.mark.parametrize(
    ("source", "clear"),
    [
        ("print(f(1))", True),
        ("x = [1, f(1)]", True),
        ("x = g() + f(1)", False),
        ("x = o.m(f(1))", False),
        ("x = y and f(1)", False),
        ("x = 1 and f(1)", True),
        ("x = f(1) if y else 0", False),  # the test (a truth test of y) runs first
        ("x = 0 if y else f(1)", False),
        ("x = a < b < f(1)", False),
        ("x = f(1) + g()", True),
    ],
)
def test_what_a_statement_evaluates_before_a_call(source: str, clear: bool) -> None:
    stmt = cst.parse_module(source).body[0]
    assert (prefix_problem(stmt, _call(stmt, "f"), judge()) is None) is clear


_SHORTCUT_SOURCES = [
    "x = 17 * 2 + 1",
    "y = -a < b <= (c if k else 2) and not d[1:2]",
    "z = (a, *b)",  # a tuple: judged by the chain (a starred element)
    "print(len('ab'), k=1)",
    "w = K + 1; pass",  # a known name: judged by the chain (it depends on the judge)
    "f'{x!r:>{w}}'",
]


@pytest.mark.parametrize("source", _SHORTCUT_SOURCES)
def test_exact_type_shortcuts_judge_as_the_chain(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from astc.analysis import effects

    nodes = list(ast.walk(ast.parse(source)))

    def verdicts() -> list[object]:
        j = judge({"K"})
        out: list[object] = []
        for node in nodes:
            operands = j._value_operands(node)
            out.append(None if operands is None else [id(o) for o in operands])
            out.append(j.operation(node))
            out.append(j.builtin_valued(node) if isinstance(node, ast.expr) else None)
        return out

    assert ast.Name not in effects._VALUE_OPERANDS and ast.Tuple not in effects._VALUE_OPERANDS
    fast = verdicts()
    monkeypatch.setattr(effects, "_VALUE_OPERANDS", {})
    monkeypatch.setattr(effects, "_NO_OPERATION", frozenset())
    assert verdicts() == fast
