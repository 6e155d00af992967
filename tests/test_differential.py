"""Differential testing: a compiled module must behave exactly like its source.

A hand-written Hypothesis strategy (:func:`programs`) generates small, executable
modules: a few module-level functions that call the ones defined before them, integer
and float arithmetic, branches, bounded ``for`` loops, defaults and keyword arguments,
module constants, module-level calls, and dead code. Each program is compiled with
:func:`astc.compile_source`; then the original and the compiled module are executed in
fresh namespaces and every function is called with the same random arguments. The two
must agree on every observable: returned value *and* type, the type of any exception
raised, and the module-level names. The compiled text must also ``compile()`` and be a
fixed point of the compiler (idempotence).

The generator bounds what a program can cost at run time: every expression carries a
*degree* (how many times an input's bit length its value can reach) capped at
:data:`MAX_DEGREE`, and every function a *cost* (calls it makes per invocation) capped
at :data:`CALL_BUDGET`, so no generated program can build huge integers or run long.
Loops may only accumulate into variables that their bodies never read.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, event, given, note, settings

import astc
from astc.diagnostics import Code

T = TypeVar("T")

#: Largest degree (multiple of an input's bit length) an expression may reach.
MAX_DEGREE = 6
#: Most function calls one invocation of a generated function may perform.
CALL_BUDGET = 120
#: Parameter names, in order; a function takes a prefix of them.
PARAM_NAMES = ("a", "b", "c", "d")
#: Largest trip count of a generated ``for`` loop.
MAX_TRIPS = 4

INT_LITERALS: st.SearchStrategy[int] = st.one_of(
    st.integers(-10, 30),
    st.sampled_from([0, 1, -1, 2, 100, 255, 2**31 - 1, 10**12, -(2**40)]),
)
FLOAT_LITERALS: st.SearchStrategy[float] = st.sampled_from(
    [0.5, 1.5, -2.25, 3.0, 0.1, 0.0, -0.0, 1e16, 1e-3, 2.5e-8]
)
#: Divisors of ``//``, ``%`` and ``/`` when the generator wants no ZeroDivisionError.
NONZERO_DIVISORS: st.SearchStrategy[int | float] = st.sampled_from(
    [1, 2, 3, 7, -1, -3, 10, 1000, 0.5, -2.5]
)
#: Test-time arguments: mostly small ints, sometimes large ones, rarely floats or bools.
ARGUMENTS: st.SearchStrategy[int | float | bool] = st.one_of(
    st.integers(-30, 30),
    st.integers(-(2**40), 2**40),
    st.sampled_from([0, 1, -1, 2**31, 0.5, -3.25, 0.0, True]),
)
#: Conditions that are always false, opening dead blocks.
DEAD_HEADERS = (
    "if False:",
    "if 0:",
    "if None:",
    "if not True:",
    "if (1 > 2):",
    "if ():",
    "while False:",
    "if (0 and x_undefined):",
)


@dataclass(frozen=True)
class FuncInfo:
    """What callers of a generated function need to know about it."""

    name: str
    params: tuple[str, ...]
    n_required: int
    degree: int  # result degree when every argument has degree 1
    cost: int  # calls performed by one invocation, itself included


@dataclass(frozen=True)
class Ex:
    """A rendered expression and its degree."""

    text: str
    deg: int


@dataclass
class Scope:
    """Generation state of one block of a function body (or of the module level)."""

    names: dict[str, int]  # definitely bound, readable name -> degree
    writable: set[str]  # names that statements of this block may assign
    risky: list[str]  # names that may be unbound here (reading them may raise)
    mult: int  # product of the trip counts of the enclosing loops
    cost: list[int]  # calls so far in the function (shared between copies)
    loop_depth: int = 0
    accs: dict[str, int] = field(default_factory=dict)  # loop accumulators -> degree

    def copy(self) -> Scope:
        """An independent copy sharing the cost counter."""
        return Scope(
            dict(self.names),
            set(self.writable),
            list(self.risky),
            self.mult,
            self.cost,
            self.loop_depth,
            dict(self.accs),
        )


@dataclass(frozen=True)
class Program:
    """A generated module, the functions to call in it, and the arguments to use."""

    source: str
    functions: tuple[FuncInfo, ...]
    module_names: tuple[str, ...]  # module-level data names (constants, call results)
    arguments: tuple[tuple[int | float | bool, ...], ...]

    def __repr__(self) -> str:
        return (
            f"Program(arguments={self.arguments!r}, source=\n"
            + "\n".join("    " + line for line in self.source.splitlines())
            + "\n)"
        )


def literal(value: int | float) -> str:
    """Source text of a number, parenthesized when negative."""
    text = repr(value)
    return f"({text})" if text.startswith("-") else text


class _Builder:
    """Draws one program; every random decision goes through ``draw``."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw
        self.funcs: list[FuncInfo] = []
        self.module_names: dict[str, int] = {}
        self.small_consts: dict[str, int] = {}  # int constants usable as trip counts
        self.fresh = 0
        self.ret_deg = 1  # largest degree returned by the function being generated
        self.const_values: dict[str, object] = {}

    # -- helpers -----------------------------------------------------------------------

    def chance(self, percent: int) -> bool:
        """True with about ``percent`` % probability; shrinks towards False."""
        return bool(self.draw(st.integers(0, 99)) >= 100 - percent)

    def pick(self, items: list[T] | tuple[T, ...]) -> T:
        return self.draw(st.sampled_from(list(items)))  # type: ignore[no-any-return]

    def new_local(self) -> str:
        self.fresh += 1
        return f"x{self.fresh}"

    # -- expressions -------------------------------------------------------------------

    def const_expr(self, depth: int) -> Ex:
        """An expression of literals only (a constant-folding target)."""
        if depth <= 0 or self.chance(30):
            if self.chance(15):
                return Ex(literal(self.draw(FLOAT_LITERALS)), 0)
            return Ex(literal(self.draw(INT_LITERALS)), 0)
        kind = self.pick(["arith", "arith", "compare", "boolop", "ifexp", "not"])
        left = self.const_expr(depth - 1)
        right = self.const_expr(depth - 1)
        if kind == "arith":
            op = self.pick(["+", "-", "*", "//", "%", "/"])
            return Ex(f"({left.text} {op} {right.text})", 0)
        if kind == "compare":
            op = self.pick(["<", "<=", "==", "!=", ">", ">="])
            return Ex(f"({left.text} {op} {right.text})", 0)
        if kind == "boolop":
            return Ex(f"({left.text} {self.pick(['and', 'or'])} {right.text})", 0)
        if kind == "ifexp":
            cond = self.const_expr(depth - 1)
            return Ex(f"({left.text} if {cond.text} else {right.text})", 0)
        return Ex(f"(not {left.text})", 0)

    def leaf(self, sc: Scope) -> Ex:
        roll = self.draw(st.integers(0, 99))
        if roll < 55 and sc.names:
            name = self.pick(sorted(sc.names))
            return Ex(name, sc.names[name])
        if roll < 85 or (roll >= 99 and not sc.risky):
            return Ex(literal(self.draw(INT_LITERALS)), 0)
        if roll < 92:
            return Ex(literal(self.draw(FLOAT_LITERALS)), 0)
        if roll < 99:
            return self.const_expr(2)
        return Ex(self.pick(sorted(sc.risky)), 1)

    def divisor(self, sc: Scope, depth: int) -> Ex:
        if self.chance(15):
            return self.expr(sc, depth)
        return Ex(literal(self.draw(NONZERO_DIVISORS)), 0)

    def expr(self, sc: Scope, depth: int) -> Ex:
        """Any expression over the readable names of ``sc``, degree <= MAX_DEGREE."""
        if depth <= 0 or self.chance(30):
            return self.leaf(sc)
        kind = self.pick(
            [
                "arith",
                "arith",
                "arith",
                "call",
                "call",
                "compare",
                "boolop",
                "ifexp",
                "not",
                "unary",
                "builtin",
                "const",
            ]
        )
        if kind == "arith":
            op = self.pick(["+", "+", "-", "-", "*", "*", "//", "%", "/"])
            left = self.expr(sc, depth - 1)
            if op in ("//", "%", "/"):
                right = self.divisor(sc, depth - 1)
            else:
                right = self.expr(sc, depth - 1)
            if op == "*":
                if left.deg + right.deg > MAX_DEGREE:
                    op = "+"
                else:
                    return Ex(f"({left.text} * {right.text})", left.deg + right.deg)
            return Ex(f"({left.text} {op} {right.text})", max(left.deg, right.deg))
        if kind == "call":
            call = self.call(sc, depth - 1)
            return call if call is not None else self.leaf(sc)
        if kind == "compare":
            parts = [self.expr(sc, depth - 1).text]
            for _ in range(self.draw(st.integers(1, 2))):
                parts.append(self.pick(["<", "<=", "==", "!=", ">", ">="]))
                parts.append(self.expr(sc, depth - 1).text)
            return Ex("(" + " ".join(parts) + ")", 0)
        if kind == "boolop":
            left, right = self.expr(sc, depth - 1), self.expr(sc, depth - 1)
            op = self.pick(["and", "or"])
            return Ex(f"({left.text} {op} {right.text})", max(left.deg, right.deg))
        if kind == "ifexp":
            body, cond, orelse = (self.expr(sc, depth - 1) for _ in range(3))
            return Ex(f"({body.text} if {cond.text} else {orelse.text})", max(body.deg, orelse.deg))
        if kind == "not":
            return Ex(f"(not {self.expr(sc, depth - 1).text})", 0)
        if kind == "unary":
            operand = self.expr(sc, depth - 1)
            return Ex(f"({self.pick(['-', '+', '~'])}{operand.text})", operand.deg)
        if kind == "builtin":
            fn = self.pick(["abs", "min", "max", "int", "float", "bool"])
            arg = self.expr(sc, depth - 1)
            if fn in ("min", "max"):
                other = self.expr(sc, depth - 1)
                return Ex(f"{fn}({arg.text}, {other.text})", max(arg.deg, other.deg))
            return Ex(f"{fn}({arg.text})", 0 if fn == "bool" else arg.deg)
        return self.const_expr(2)

    def call(self, sc: Scope, depth: int, callee: FuncInfo | None = None) -> Ex | None:
        """A call of an earlier function with positional and keyword arguments."""
        if callee is None:
            if not self.funcs:
                return None
            callee = self.pick(self.funcs)
        if sc.cost[0] + callee.cost * sc.mult > CALL_BUDGET:
            return None
        sc.cost[0] += callee.cost * sc.mult
        provided = list(callee.params[: callee.n_required]) + [
            p for p in callee.params[callee.n_required :] if self.chance(50)
        ]
        args = {p: self.expr(sc, depth) for p in provided}
        prefix = 0
        while prefix < len(provided) and provided[prefix] == callee.params[prefix]:
            prefix += 1
        n_positional = self.draw(st.integers(0, prefix))
        keywords = self.draw(st.permutations(provided[n_positional:]))
        texts = [args[p].text for p in provided[:n_positional]]
        texts += [f"{p}={args[p].text}" for p in keywords]
        deg = callee.degree * max([1] + [a.deg for a in args.values()])
        if deg > MAX_DEGREE:
            return None
        return Ex(f"{callee.name}({', '.join(texts)})", deg)

    # -- statements --------------------------------------------------------------------

    def block(self, sc: Scope, indent: str, depth: int, count: int) -> list[str]:
        lines: list[str] = []
        for _ in range(count):
            if sc.loop_depth:
                lines += self.loop_stmt(sc, indent, depth)
            else:
                lines += self.stmt(sc, indent, depth)
        return lines

    def assign(self, sc: Scope, indent: str, target: str | None = None) -> list[str]:
        """``x = e`` to a new or existing local, or an augmented assignment."""
        if target is None:
            candidates = sorted(n for n in sc.writable if n in sc.names)
            if candidates and self.chance(50):
                target = self.pick(candidates)
            else:
                target = self.new_local()
                sc.writable.add(target)
        old = sc.names.get(target)
        if old is not None and self.chance(50):
            op = self.pick(["+=", "-=", "*=", "//=", "%="])
            value = self.divisor(sc, 2) if op in ("//=", "%=") else self.expr(sc, 2)
            if op == "*=" and old + value.deg > MAX_DEGREE:
                op = "+="
            deg = old + value.deg if op == "*=" else max(old, value.deg)
            sc.names[target] = max(1, deg)
            return [f"{indent}{target} {op} {value.text}"]
        value = self.expr(sc, 3)
        sc.names[target] = max(1, value.deg, old or 0)
        return [f"{indent}{target} = {value.text}"]

    def stmt(self, sc: Scope, indent: str, depth: int) -> list[str]:
        """One statement of a function body outside any loop."""
        kinds = [
            "assign",
            "assign",
            "assign",
            "call_assign",
            "call_assign",
            "if",
            "return_if",
            "for",
            "dead",
            "call",
            "assert",
        ]
        kind = self.pick(kinds if depth < 2 else ["assign", "assign", "call_assign", "return_if"])
        if kind == "assign" or (kind == "assert" and not self.chance(30)):
            return self.assign(sc, indent)
        if kind == "call_assign":  # ``e = f(a, b)``: the plainest inlining candidate
            call = self.call(sc, 1)
            if call is None:
                return self.assign(sc, indent)
            target = self.new_local()
            sc.writable.add(target)
            sc.names[target] = max(1, call.deg)
            return [f"{indent}{target} = {call.text}"]
        if kind == "return_if":
            return self.return_if(sc, indent)
        if kind == "call":
            call = self.call(sc, 2)
            return [f"{indent}{call.text}"] if call is not None else self.assign(sc, indent)
        if kind == "assert":
            return [f"{indent}assert {self.expr(sc, 2).text}"]
        if kind == "dead":
            return self.dead_block(sc, indent)
        if kind == "for":
            return self.for_loop(sc, indent, depth)
        return self.if_stmt(sc, indent, depth)

    def return_if(self, sc: Scope, indent: str) -> list[str]:
        """``if cond: return value`` (an early exit)."""
        cond, value = self.expr(sc, 2), self.expr(sc, 3)
        self.ret_deg = max(self.ret_deg, value.deg)
        return [f"{indent}if {cond.text}:", f"{indent}    return {value.text}"]

    def if_stmt(self, sc: Scope, indent: str, depth: int) -> list[str]:
        """``if``/``elif``/``else``; names bound on every path stay readable after it."""
        lines: list[str] = []
        outcomes: list[Scope] = []
        n_elif = self.draw(st.integers(0, 2))
        has_else = self.chance(50)
        headers = ["if"] + ["elif"] * n_elif
        for header in headers:
            lines.append(f"{indent}{header} {self.expr(sc, 2).text}:")
            branch = sc.copy()
            lines += self.block(branch, indent + "    ", depth + 1, self.draw(st.integers(1, 3)))
            outcomes.append(branch)
        if has_else:
            lines.append(f"{indent}else:")
            branch = sc.copy()
            lines += self.block(branch, indent + "    ", depth + 1, self.draw(st.integers(1, 3)))
            outcomes.append(branch)
        else:
            outcomes.append(sc.copy())
        self.merge(sc, outcomes)
        return lines

    @staticmethod
    def merge(sc: Scope, outcomes: list[Scope]) -> None:
        """Fold the scopes at the end of alternative paths back into ``sc``."""
        common = set.intersection(*(set(o.names) for o in outcomes))
        everywhere = set().union(*(set(o.names) for o in outcomes))
        sc.names = {n: max(o.names[n] for o in outcomes) for n in sorted(common)}
        sc.risky = sorted(set(sc.risky) | (everywhere - common))
        for o in outcomes:
            sc.writable |= o.writable
            for acc, deg in o.accs.items():
                sc.accs[acc] = max(sc.accs.get(acc, 0), deg)

    def dead_block(self, sc: Scope, indent: str) -> list[str]:
        """A block under an always-false condition; anything goes inside."""
        lines = [f"{indent}{self.pick(DEAD_HEADERS)}"]
        junk = sc.copy()
        junk.names["x_undefined"] = 1
        junk.cost = [0]
        junk.loop_depth = 0
        for _ in range(self.draw(st.integers(1, 2))):
            roll = self.draw(st.integers(0, 9))
            if roll < 5:
                lines += self.assign(junk, indent + "    ")
            elif roll < 7:
                lines.append(f"{indent}    return {self.expr(junk, 2).text}")
            elif roll < 9:
                lines.append(f"{indent}    {self.expr(junk, 2).text}")
            elif (self.module_names or self.funcs) and self.chance(40):
                # a dead assignment still makes the name local to the whole function
                target = self.pick(sorted(self.module_names) + [f.name for f in self.funcs])
                lines.append(f"{indent}    {target} = 0")
            else:
                lines.append(f"{indent}    pass")
        return lines

    def trip_count(self) -> tuple[str, int]:
        """The argument of ``range()`` and an upper bound of the iterations."""
        if self.small_consts and self.chance(25):
            name = self.pick(sorted(self.small_consts))
            return name, self.small_consts[name]
        n = self.draw(st.integers(0, MAX_TRIPS))
        if self.chance(20):
            return f"({n} + 0 * {self.draw(st.integers(0, 3))})", n
        return str(n), n

    def for_loop(self, sc: Scope, indent: str, depth: int) -> list[str]:
        """``for v in range(n)`` accumulating into names its body never reads."""
        lines: list[str] = []
        candidates = sorted(n for n in sc.writable if n in sc.names and n not in sc.accs)
        chosen = [self.pick(candidates)] if candidates and self.chance(60) else []
        if not chosen:
            fresh = self.new_local()
            lines.append(f"{indent}{fresh} = {literal(self.draw(INT_LITERALS))}")
            sc.names[fresh] = 1
            sc.writable.add(fresh)
            chosen = [fresh]
        var = "ij"[sc.loop_depth] if sc.loop_depth < 2 else f"k{self.fresh}"
        trips_text, trips = self.trip_count()
        lines.append(f"{indent}for {var} in range({trips_text}):")
        body = sc.copy()
        for acc in chosen:
            body.accs[acc] = body.names.pop(acc)
        body.names[var] = 1
        body.writable = set()
        body.mult = sc.mult * max(trips, 1)
        body.loop_depth = sc.loop_depth + 1
        lines += self.block(body, indent + "    ", depth + 1, self.draw(st.integers(1, 3)))
        if self.chance(20):
            after = sc.copy()
            after.accs.update(body.accs)
            for acc in chosen:
                after.names.pop(acc, None)
            after.writable = set()
            after.loop_depth = max(1, sc.loop_depth)
            after.names.pop(var, None)
            lines.append(f"{indent}else:")
            lines += self.acc_update(after, indent + "    ")
            body.accs.update(after.accs)
        for acc in chosen:
            sc.names[acc] = max(1, body.accs[acc])
        for acc, deg in body.accs.items():
            if acc in sc.accs:
                sc.accs[acc] = max(sc.accs[acc], deg)
        sc.risky = sorted(set(sc.risky) | {var} | (set(body.names) - set(sc.names)))
        return lines

    def acc_update(self, sc: Scope, indent: str) -> list[str]:
        """Update a loop accumulator from values that do not depend on it."""
        acc = self.pick(sorted(sc.accs))
        op = self.pick(["+=", "-=", "=", "*="])
        if op == "*=":
            return [f"{indent}{acc} *= {literal(self.draw(st.integers(-3, 3)))}"]
        value = self.expr(sc, 2)
        sc.accs[acc] = max(sc.accs[acc], value.deg)
        return [f"{indent}{acc} {op} {value.text}"]

    def loop_stmt(self, sc: Scope, indent: str, depth: int) -> list[str]:
        """One statement inside a loop body."""
        kinds = ["acc", "acc", "acc", "temp", "break", "continue", "if", "return_if"]
        if depth < 2 and sc.loop_depth < 2:
            kinds.append("for")
        kind = self.pick(kinds)
        if kind == "acc":
            return self.acc_update(sc, indent)
        if kind == "temp":  # a per-iteration temporary, recomputed before use
            return self.assign(sc, indent, target=self.new_local())
        if kind in ("break", "continue"):
            return [f"{indent}if {self.expr(sc, 2).text}:", f"{indent}    {kind}"]
        if kind == "return_if":
            return self.return_if(sc, indent)
        if kind == "for":
            inner = sc.copy()
            inner.writable = set(sc.accs)  # only accumulators may seed the inner loop
            for acc in sc.accs:
                inner.names[acc] = sc.accs[acc]
            inner.loop_depth = sc.loop_depth
            lines = self.for_loop(inner, indent, depth)
            for acc in sc.accs:
                sc.accs[acc] = max(sc.accs[acc], inner.names.get(acc, 1), inner.accs.get(acc, 1))
            return lines
        # if/else inside the loop
        lines = [f"{indent}if {self.expr(sc, 2).text}:"]
        branch = sc.copy()
        lines += self.block(branch, indent + "    ", depth + 1, self.draw(st.integers(1, 2)))
        outcomes = [branch]
        if self.chance(40):
            lines.append(f"{indent}else:")
            other = sc.copy()
            lines += self.block(other, indent + "    ", depth + 1, self.draw(st.integers(1, 2)))
            outcomes.append(other)
        else:
            outcomes.append(sc.copy())
        self.merge(sc, outcomes)
        return lines

    # -- functions and the module ------------------------------------------------------

    def function(
        self, name: str, params: tuple[str, ...], n_required: int
    ) -> tuple[list[str], FuncInfo]:
        defaults = []
        for p in params[n_required:]:
            if self.small_consts and self.chance(30):
                defaults.append(f"{p}={self.pick(sorted(self.small_consts))}")
            elif self.chance(20):
                defaults.append(f"{p}={self.const_expr(1).text}")
            else:
                defaults.append(f"{p}={literal(self.draw(INT_LITERALS))}")
        signature = ", ".join(list(params[:n_required]) + defaults)
        lines = [f"def {name}({signature}):"]
        sc = Scope(
            names={**self.module_names, **{p: 1 for p in params}},
            writable=set(params),
            risky=[],
            mult=1,
            cost=[0],
        )
        shadowable = sorted(set(self.module_names) - set(self.small_consts))
        if shadowable and self.chance(5):  # a local that shadows a module name
            target = self.pick(shadowable)
            sc.writable.add(target)
            lines += self.assign(sc, "    ", target=target)
        self.ret_deg = 1
        lines += self.block(sc, "    ", 0, self.draw(st.integers(1, 5)))
        result = (self.call(sc, 1) if self.chance(30) else None) or self.expr(sc, 3)
        self.ret_deg = max(self.ret_deg, result.deg)
        lines.append(f"    return {result.text}")
        if self.chance(15):  # unreachable code after the return
            junk = sc.copy()
            junk.cost = [0]
            lines += self.assign(junk, "    ")
            if self.chance(50):
                lines.append(f"    return {self.expr(junk, 2).text}")
        return lines, FuncInfo(name, params, n_required, self.ret_deg, sc.cost[0] + 1)

    def module_constant(self, name: str) -> list[str]:
        """``K = <constant expression>``, sometimes built from an earlier constant."""
        if name in self.small_consts:  # a loop trip count: rebind it to a smaller count
            value = self.draw(st.integers(0, self.small_consts[name]))
            self.const_values[name] = value
            return [f"{name} = {value}"]
        for _ in range(5):
            if self.module_names and self.chance(30):
                ref = self.pick(sorted(n for n in self.module_names if n.startswith("K")) or ["0"])
                text = (
                    f"({ref} {self.pick(['+', '-', '*'])} {literal(self.draw(st.integers(-3, 9)))})"
                )
            else:
                text = self.const_expr(2).text
            try:
                value = eval(text, {}, self.const_values)  # noqa: S307 - generated literals
            except Exception:  # noqa: BLE001 - retry with another expression
                continue
            if isinstance(value, (int, float)) and abs(value) < 2**64:
                break
        else:
            text, value = "3", 3
        self.const_values[name] = value
        if type(value) is int and 0 <= value <= MAX_TRIPS:
            self.small_consts[name] = max(value, self.small_consts.get(name, 0))
        elif name in self.small_consts:
            del self.small_consts[name]  # a rebinding made it unsuitable for range()
        self.module_names[name] = 1
        return [f"{name} = {text}"]

    def program(self) -> Program:
        lines: list[str] = []
        n_consts = self.draw(st.integers(0, 3))
        for k in range(n_consts):
            lines += self.module_constant(f"K{k}")
        n_funcs = self.draw(st.integers(2, 5))
        results = 0
        for k in range(n_funcs):
            n_params = self.draw(st.integers(1, len(PARAM_NAMES)))
            n_required = self.draw(st.integers(max(0, n_params - 2), n_params))
            params = PARAM_NAMES[:n_params]
            body, info = self.function(f"f{k}", params, n_required)
            lines.append("")
            lines += body
            if self.chance(10) and self.funcs:  # rebind an earlier function (same signature)
                old = self.pick(self.funcs)
                everything = self.funcs
                self.funcs = everything[: everything.index(old)]  # no recursion
                body, new = self.function(old.name, old.params, old.n_required)
                self.funcs = everything
                lines.append("")
                lines += body
                merged = FuncInfo(
                    old.name,
                    old.params,
                    old.n_required,
                    max(old.degree, new.degree),
                    max(old.cost, new.cost),
                )
                self.funcs = [merged if f.name == old.name else f for f in self.funcs]
            self.funcs.append(info)
            if self.chance(35):  # a module-level call with constant arguments
                module_scope = Scope(dict(self.module_names), set(), [], 1, [0])
                target = f"R{results}"
                call = self.call(module_scope, 0, callee=self.pick(self.funcs))
                if call is not None:
                    results += 1
                    lines.append(f"{target} = {call.text}")
                    self.module_names[target] = max(1, call.deg)
            if n_consts and self.chance(10):  # rebind a module constant
                lines += self.module_constant(f"K{self.draw(st.integers(0, n_consts - 1))}")
        widest = max(len(f.params) for f in self.funcs)
        arguments = self.draw(st.lists(st.tuples(*[ARGUMENTS] * widest), min_size=1, max_size=3))
        return Program(
            "\n".join(lines) + "\n",
            tuple(self.funcs),
            tuple(sorted(self.module_names)),
            tuple(arguments),
        )


@st.composite
def programs(draw: Callable[[st.SearchStrategy[Any]], Any]) -> Program:
    """Small executable modules of calling functions (see the module docstring)."""
    return _Builder(draw).program()


# -- running and comparing -------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """A returned value or the type of the exception raised."""

    value: object = None
    error: type[BaseException] | None = None

    def __repr__(self) -> str:
        if self.error is not None:
            return f"raises {self.error.__name__}"
        return f"returns {self.value!r} ({type(self.value).__name__})"


def observe(fn: Callable[[], object]) -> Outcome:
    try:
        return Outcome(value=fn())
    except Exception as exc:  # noqa: BLE001 - the exception type is the observation
        return Outcome(error=type(exc))


def same_value(a: object, b: object) -> bool:
    """Equal value and identical type; floats compare by ``repr`` (nan, -0.0, inf)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return repr(a) == repr(b) or (math.isnan(a) and math.isnan(b))  # type: ignore[arg-type]
    return bool(a == b)


def same_outcome(a: Outcome, b: Outcome) -> bool:
    if a.error is not None or b.error is not None:
        return a.error is b.error
    return same_value(a.value, b.value)


def execute(code: str, filename: str) -> tuple[dict[str, Any], Outcome]:
    """Run a module in a fresh namespace; the namespace and how the run ended."""
    namespace: dict[str, Any] = {"__name__": "astc_generated"}
    compiled = compile(code, filename, "exec", dont_inherit=True)

    def run() -> None:
        exec(compiled, namespace)  # noqa: S102 - running generated test programs is the point

    return namespace, observe(run)


OPTIONS = {
    "default": astc.Options(),
    "assume_stable": astc.Options(assume_stable=True),
}


def check_program(
    program: Program,
    options: astc.Options,
    *,
    note: Callable[[str], None] = note,
    event: Callable[[str], None] = event,
) -> None:
    """Compile ``program`` and assert that the result behaves exactly like the source.

    ``note`` and ``event`` default to Hypothesis' (usable only inside ``@given`` tests).
    """
    note(f"source:\n{program.source}")
    compile(program.source, "<original>", "exec", dont_inherit=True)  # generator sanity

    res = astc.compile_source(program.source, filename="<generated>", options=options)
    assert res.ok, [d.format() for d in res.diagnostics]
    assert res.code is not None
    note(f"compiled:\n{res.code}")
    for entry in res.report.applied:
        event(f"applied {entry.code.name}")
    last_line = res.code.rstrip("\n").rsplit("\n", 1)[-1]
    assert last_line.startswith("# Compiled by astc "), last_line

    again = astc.compile_source(res.code, filename="<generated>", options=options)
    assert again.code == res.code, "compiling the compiled module changed it again"

    original_ns, original_run = execute(program.source, "<original>")
    compiled_ns, compiled_run = execute(res.code, "<compiled>")
    assert same_outcome(original_run, compiled_run), (
        f"module execution: original {original_run}, compiled {compiled_run}"
    )
    if original_run.error is not None:
        event("module-level code raised")
        return

    for name in program.module_names:
        if name in original_ns:
            assert name in compiled_ns, f"module name {name} missing after compilation"
            want, got = Outcome(original_ns[name]), Outcome(compiled_ns[name])
            assert same_outcome(want, got), f"{name}: original {want}, compiled {got}"

    for func in program.functions:
        assert callable(compiled_ns.get(func.name)), f"{func.name} missing after compilation"
        for args in program.arguments:
            for count in {func.n_required, len(func.params)}:
                call_args = args[:count]
                want = observe(lambda f=func.name, a=call_args: original_ns[f](*a))
                got = observe(lambda f=func.name, a=call_args: compiled_ns[f](*a))
                event(f"call {'raised' if want.error else 'returned'}")
                assert same_outcome(want, got), (
                    f"{func.name}{call_args!r}: original {want}, compiled {got}"
                )


#: Examples per mode in ``make test``; raise it for a soak run (ASTC_DIFF_EXAMPLES=5000).
DIFF_EXAMPLES = int(os.environ.get("ASTC_DIFF_EXAMPLES", "150"))


@pytest.mark.parametrize("mode", sorted(OPTIONS))
@settings(
    max_examples=DIFF_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(program=programs())
def test_compiled_program_behaves_like_source(mode: str, program: Program) -> None:
    """Random programs: same results, types, exceptions and module names; idempotent."""
    check_program(program, OPTIONS[mode])


HAND_WRITTEN = """\
K = 3


def add(a, b=2):
    return a + b


def scale(x, y):
    e = add(x, y)
    f = add(e, b=K)
    if False:
        f = 1 // 0
    return add(e, f) * ((3 + 4) * 2)


def top(p, q):
    total = 0
    for i in range(4):
        total += scale(p, i) - add(q)
    return total // 7 if total > 0 else -total % 5


R0 = top(1, 2)
"""


@pytest.mark.parametrize("mode", sorted(OPTIONS))
def test_hand_written_program_is_optimized_and_equivalent(mode: str) -> None:
    """The passes the differential test relies on actually fire on obvious candidates."""
    options = OPTIONS[mode]
    program = Program(
        HAND_WRITTEN,
        (
            FuncInfo("add", ("a", "b"), 1, 1, 1),
            FuncInfo("scale", ("x", "y"), 2, 1, 4),
            FuncInfo("top", ("p", "q"), 2, 1, 20),
        ),
        ("K", "R0"),
        ((5, -7), (0, 0), (-(2**40), 3), (0.5, True)),
    )
    check_program(program, options, note=print, event=lambda _: None)
    res = astc.compile_source(HAND_WRITTEN, options=options)
    applied = {entry.code for entry in res.report.applied}
    assert Code.INLINED in applied, res.report.entries
    assert Code.CONSTANT_FOLDED in applied, res.report.entries
    assert Code.DEAD_CODE_REMOVED in applied, res.report.entries


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program=programs())
def test_generated_programs_are_valid_python(program: Program) -> None:
    """Generator self-check (runs without the compiler's passes): programs compile and run."""
    compile(program.source, "<original>", "exec", dont_inherit=True)
    namespace, outcome = execute(program.source, "<original>")
    if outcome.error is None:
        for func in program.functions:
            assert callable(namespace[func.name])
