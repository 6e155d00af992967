"""The compile-time evaluator and its value rules (astc.evaluate), tested directly.

Each object-model rule has a case where folding must happen and one where it must not;
the end-to-end tests at the bottom run both programs and compare.
"""

from __future__ import annotations

import ast
from typing import Any

import pytest

import astc
from astc.evaluate import values
from astc.evaluate.interpreter import Environment, Evaluator, literal_expression
from astc.evaluate.values import FoldRaises, NotFoldable
from tests.conftest import run_module


def evaluate(source: str, call: str, budget: int = 10_000) -> tuple[Any, list[str]]:
    """Evaluate ``call`` over the module functions of ``source``; the value and the names
    the evaluation read, in order."""
    tree = ast.parse(source)
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    constants = {
        n.targets[0].id: ast.literal_eval(n.value)
        for n in tree.body
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)
    }

    def locals_of(fn: ast.FunctionDef) -> set[str]:
        names = {a.arg for a in [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]}
        names |= {
            t.id for t in ast.walk(fn) if isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)
        }
        return names

    env = Environment(functions, constants, locals_of)
    value = Evaluator(env, budget).expr(ast.parse(call, mode="eval").body, {}, None)
    return value, env.assumed


def test_in_place_add_changes_the_list_every_alias_sees() -> None:
    value, _ = evaluate("def f():\n    a = [1]\n    b = a\n    b += [2]\n    return a\n", "f()")
    assert value == [1, 2]


def test_plain_add_makes_a_new_list() -> None:
    value, _ = evaluate("def f():\n    a = [1]\n    b = a\n    b = b + [2]\n    return a\n", "f()")
    assert value == [1]


def test_repetition_shares_the_inner_list_and_is_not_emitted() -> None:
    value, _ = evaluate("def f():\n    return [[0]] * 2\n", "f()")
    assert value[0] is value[1]
    with pytest.raises(NotFoldable, match="two places"):
        values.to_source(value)


def test_a_tuple_of_one_list_twice_is_not_emitted() -> None:
    value, _ = evaluate("def f():\n    a = [0]\n    return (a, a)\n", "f()")
    with pytest.raises(NotFoldable):
        values.to_source(value)
    assert values.to_source(([0], [0])) == "([0], [0])"  # two distinct lists: fine


def test_a_list_holding_itself_is_not_evaluated() -> None:
    with pytest.raises(NotFoldable):
        evaluate("def f():\n    a = [0]\n    a += [a]\n    return a\n", "f()")


def test_a_loop_sees_the_list_it_extends() -> None:
    source = "def f():\n    a = [1]\n    n = 0\n    for x in a:\n        n += 1\n        if n < 3:\n            a += [x]\n    return n\n"
    assert evaluate(source, "f()")[0] == 3


def test_a_mutable_default_is_refused() -> None:
    with pytest.raises(NotFoldable, match="mutable default"):
        evaluate("def f(x, acc=[]):\n    acc += [x]\n    return acc\n", "f(1)")
    assert evaluate("def f(x, acc=(1,)):\n    return acc + (x,)\n", "f(2)")[0] == (1, 2)


@pytest.mark.parametrize(
    "source",
    [
        "def f(n):\n    if n <= 0:\n        return\n    yield n\n",
        "def f(n):\n    return (yield)\n",
        "async def f(n):\n    return n\n",
    ],
)
def test_generators_and_coroutines_are_never_called(source: str) -> None:
    tree = ast.parse(source)
    fn = tree.body[0]
    env = Environment({"f": fn}, {}, lambda fn: {"n"})  # type: ignore[dict-item]
    with pytest.raises(NotFoldable):
        Evaluator(env, 1000).call("f", [0], {})


def test_reads_are_recorded_in_evaluation_order() -> None:
    source = "K = 3\ndef g(x):\n    return x + K\ndef f(x):\n    return len('ab') + g(x)\n"
    value, assumed = evaluate(source, "f(1)")
    assert value == 6 and assumed == ["f", "len", "g", "K"]


def test_a_branch_not_taken_is_not_recorded() -> None:
    source = (
        "def h():\n    return 1\ndef f(flag):\n    if flag:\n        return h()\n    return 0\n"
    )
    assert evaluate(source, "f(False)") == (0, ["f"])


def test_step_budget_stops_a_loop() -> None:
    with pytest.raises(NotFoldable, match="budget"):
        evaluate("def f():\n    while True:\n        pass\n", "f()", budget=500)


def test_an_error_is_reported_to_stay_at_run_time() -> None:
    with pytest.raises(FoldRaises, match="ZeroDivisionError"):
        evaluate("def f(x):\n    return 1 // x\n", "f(0)")


@pytest.mark.parametrize("text", ["2 ** 10 ** 8", "'a' * 10 ** 10", "(1,) * 10 ** 9", "1 << 10000"])
def test_limits_refuse_before_computing(text: str) -> None:
    ok, _ = literal_expression(ast.parse(text, mode="eval").body)
    assert not ok


def test_immutability() -> None:
    assert values.is_immutable((1, "a", (2.0, None)))
    assert not values.is_immutable((1, [2]))


def test_non_ascii_literal_is_escaped_when_the_encoding_cannot_write_it() -> None:
    assert values.to_source("é😀", "utf-8") == "'é😀'"
    text = values.to_source("é😀", "iso8859-1")
    assert text.isascii() and ast.literal_eval(text) == "é😀"


# -- end to end: the programs behave the same ---------------------------------------------
PROGRAMS = {
    "iadd alias": "def f():\n    a = [1]\n    b = a\n    b += [2]\n    return a\nprint(f())\n",
    "shared in result": "def pair():\n    a = [0]\n    return (a, a)\np = pair()\np[0].append(1)\nprint(p)\n",
    "repetition": "g = [[0]] * 2\ng[0].append(1)\nprint(g)\n",
    "tuple constant holding a list": "T = ([1], 2)\ndef get():\n    return T\nget()[0].append(5)\nprint(T)\n",
    "mutable default": "def acc(x, store=[]):\n    store += [x]\n    return store\nprint(acc(1), acc(2))\n",
    "generator": "def items(n):\n    if n <= 0:\n        return\n    yield n\nprint(list(items(0)))\n",
    "nested shared": "def f():\n    a = [1]\n    return [[a], a]\nx = f()\nx[1].append(2)\nprint(x)\n",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
@pytest.mark.parametrize("stable", [False, True])
def test_object_model_programs_behave_the_same(name: str, stable: bool) -> None:
    source = PROGRAMS[name]
    result = astc.compile_source(source, options=astc.Options(assume_stable=stable))
    assert result.code is not None
    assert run_module(result.code) == run_module(source)


def test_an_unshared_list_result_is_still_folded() -> None:
    source = "def f():\n    a = [1]\n    a += [2]\n    return a\nx = f()\nx.append(3)\nprint(x)\n"
    result = astc.compile_source(source)
    assert result.code is not None and "x = [1, 2]" in result.code
    assert run_module(result.code) == run_module(source)
