"""Function facts (:mod:`astc.analysis.functions`): recursion is found once per module, by
the call graph's cycles, and says what a walk from each function says."""

from __future__ import annotations

import ast
import random

from astc import compile_source
from astc.analysis.functions import FunctionFacts, on_cycles
from astc.analysis.module import module_facts
from astc.diagnostics import Code


def _walk_back(graph: dict[str, set[str]], name: str) -> bool:
    """The general rule: a path from ``name``'s callees leads back to it."""
    seen: set[str] = set()
    stack = list(graph.get(name, ()))
    while stack:
        n = stack.pop()
        if n == name:
            return True
        if n not in seen:
            seen.add(n)
            stack.extend(graph.get(n, ()))
    return False


def test_cycles_are_the_walk_on_random_graphs() -> None:
    rng = random.Random(7)
    for _ in range(500):
        names = [f"f{i}" for i in range(rng.randint(1, 10))]
        p = rng.choice([0.05, 0.2, 0.4])
        graph = {a: {b for b in names if rng.random() < p} for a in names}
        found = on_cycles(graph)
        assert {a for a in names if _walk_back(graph, a)} == found, graph


def test_a_long_chain_has_no_cycle_and_a_self_call_is_one() -> None:
    chain = {f"f{i}": ({f"f{i - 1}"} if i else set()) for i in range(50_000)}
    assert on_cycles(chain) == set()  # iterative: no recursion limit on a long chain
    assert on_cycles({"f": {"f"}, "g": {"f"}}) == {"f"}
    assert on_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {"a", "b", "c"}


def test_recursive_functions_are_not_inlined_others_are() -> None:
    source = (
        "def fact(n):\n    return 1 if n < 2 else n * fact(n - 1)\n\n"
        "def even(n):\n    return True if n == 0 else odd(n - 1)\n\n"
        "def odd(n):\n    return False if n == 0 else even(n - 1)\n\n"
        "def add(a, b):\n    return a + b\n\n"
        "def use(x):\n    return add(x, 1) + fact(x) + even(x)\n"
    )
    facts = FunctionFacts(module_facts(ast.parse(source)))
    assert [n for n in ("fact", "even", "odd", "add", "use") if facts.recursive(n)] == [
        "fact",
        "even",
        "odd",
    ]
    refusal = facts.inline_refusal("fact")
    assert refusal is not None and refusal.code is Code.RECURSIVE
    assert facts.inline_refusal("add") is None
    namespace: dict[str, object] = {}
    result = compile_source(source)
    assert result.code is not None
    exec(compile(result.code, "<astc>", "exec"), namespace)
    assert namespace["use"](5) == 5 + 1 + 120 + False  # type: ignore[operator]
