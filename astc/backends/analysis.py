"""Exactness analysis of automatic kernels: when does Numba give CPython's result?

One abstract interpretation (:class:`~astc.backends.interpreter.Run`) of a function's
``ast`` under an assumption about its parameters: each parameter is an array of a class
(``Af`` float64, ``Ai`` int64, ``Ab`` bool) or a Python scalar (``Sf``, ``Si``, ``Sb``).
The run computes, for every expression, an abstract :mod:`value <astc.backends.values>`
(strength, class, interval of Python ints, array rank) to a fixed point,
flow-insensitively: a name's value is the join of everything it is bound to, so what
holds for it holds on every path.

A run raises a :class:`~astc.backends.problems.Problem` (with a reason code) at the first
operation whose result could differ from CPython's:

* Python-int arithmetic that cannot be shown to stay within int64 — from literals, the
  ranges of loop variables, sizes (``[0, 2**63)``), accumulations bounded by
  :data:`~astc.backends.facts.TRIPS` iterations (``k += step`` in a loop) — ``ASTC233``;
* a name bound to values Numba would unify into one type (int and float) — ``ASTC234``;
* a library function Numba computes differently (:mod:`astc.backends.library`) —
  ``ASTC235``; an operator whose NumPy 2 result type (computed with the installed NumPy,
  :mod:`astc.backends.promotion`) differs from Numba's — ``ASTC236``;
* anything outside the supported subset — ``ASTC232``; module globals — ``ASTC237``...

:func:`analyze` runs it for every plausible parameter assumption (arrays of each class,
Python scalars), keeps the ones that pass (the dispatcher admits exactly those argument
types, checked once per signature), retries with value bounds (int parameters and array
sizes at most 2**31, checked on kernel entry) when only int64 proofs failed, and returns a
:class:`Plan` for :mod:`astc.backends.lower` or a :class:`Problem`.

Assumption documented in docs/kernels.md: a call that completes in CPython runs fewer
than :data:`~astc.backends.facts.TRIPS` loop iterations in total (weeks of CPython time).
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass, field, replace

from astc.backends.facts import (
    CopyKey,
    Facts,
    HelperResult,
    ModuleContext,
    canonical,
    numpy_may_warn,
)
from astc.backends.interpreter import Run
from astc.backends.problems import Problem, most_specific
from astc.backends.syntax import Role, int64_literals, params_of, roles, writes_nothing
from astc.backends.values import (
    INT64_MAX,
    INT64_MIN,
    Array,
    Interval,
    Value,
    py_bool,
    py_float,
    py_int,
)
from astc.diagnostics import Code

#: Value bounds tried when int64 cannot be shown without them (checked on kernel entry).
TIERS: tuple[int | None, ...] = (None, 2**31, 2**20)
#: Most parameter assumptions tried per function.
MAX_ASSUMPTIONS = 64

OPTION_CLASS = {"Af": "f", "Ai": "i", "Ab": "b", "Sf": "f", "Si": "i", "Sb": "b"}


@dataclass
class Plan:
    """An exact automatic kernel: what lowering and the dispatcher need."""

    name: str
    params: list[str]
    roles: dict[str, Role]
    #: Parameter assumptions (one option per parameter) for which the kernel is exact.
    allowed: list[tuple[str, ...]]
    #: Value bound checked on kernel entry (int parameters and array dimensions), or None.
    tier: int | None
    facts: Facts
    #: (helper or closure qualname, context) -> facts, for the copies compiled with it.
    callees: dict[CopyKey, HelperResult]
    #: "trust" (a loop: Numba wins) or "measure" (whole-array code: time both ways).
    policy: str
    result: Value
    #: Parameters whose shapes/values the entry check bounds.
    bounded_arrays: list[str] = field(default_factory=list)
    bounded_ints: list[str] = field(default_factory=list)
    lifted: dict[str, ast.FunctionDef] = field(default_factory=dict)
    #: With run-time int64 checks (``Facts.int64_checks``): the refusal they replace,
    #: which stands when the kernel turns out to store something (its plain function
    #: could then not simply run again).
    checked: Problem | None = None


def _assumption_values(option: str, role: Role, tier: int | None) -> Value:
    cls = OPTION_CLASS[option]
    if option.startswith("A"):
        # dimensions entry-checked under a tier (`_plan`'s bounded_arrays): known rank
        return Array(cls, role.rank, checked=role.rank is not None)
    if cls == "i":
        rng = Interval(INT64_MIN, INT64_MAX) if tier is None else Interval(-tier, tier)
        return py_int(rng)
    if cls == "b":
        return py_bool()
    return py_float()


def _assumptions(param_roles: dict[str, Role], params: list[str]) -> list[tuple[str, ...]]:
    choices = [param_roles[p].options for p in params]
    total = 1
    for c in choices:
        total *= len(c)
    if total <= MAX_ASSUMPTIONS:
        return list(itertools.product(*choices))
    first = tuple(c[0] for c in choices)
    return [first]


Passed = list[tuple[tuple[str, ...], Run]]
Memo = dict[tuple[object, ...], HelperResult]


def _runs(
    fn: ast.FunctionDef,
    ctx: ModuleContext,
    param_roles: dict[str, Role],
    assumptions: list[tuple[str, ...]],
    tier: int | None,
) -> tuple[Passed, list[Problem], Memo]:
    """One run per assumption at this value bound: those that passed, the problems of the
    others, and the callee results they share."""
    params = params_of(fn)
    memo: Memo = {}
    passed: Passed = []
    problems: list[Problem] = []
    for assumption in assumptions:
        values = {
            p: _assumption_values(o, param_roles[p], tier)
            for p, o in zip(params, assumption, strict=True)
        }
        run = Run(ctx, fn, values, tier, memo, (fn.name,), fn.name)
        try:
            run.run()
        except Problem as problem:
            problems.append(problem)
            continue
        passed.append((assumption, run))
    return passed, problems, memo


def analyze(fn: ast.FunctionDef, ctx: ModuleContext) -> Plan | Problem:
    """The plan of an exact automatic kernel for ``fn``, or the first reason it is not.

    While some assumption fails only for want of an int64 proof, the runs are repeated
    with tighter value bounds (:data:`TIERS`, checked on kernel entry); the bound under
    which the most argument kinds are exact wins (the first of equals: the loosest).
    """
    params = params_of(fn)
    param_roles = roles(fn, ctx.functions)
    assumptions = _assumptions(param_roles, params)
    first_problem: Problem | None = None
    no_work: Problem | None = None
    numpy_sign = _numpy_sign(fn, ctx)
    best: tuple[int | None, Passed, Memo] | None = None
    for tier in TIERS:
        passed, problems, memo = _runs(fn, ctx, param_roles, assumptions, tier)
        if first_problem is None and problems:
            first_problem = most_specific(problems)
        paying = _one_copy_per_call(_paying(passed, numpy_sign))
        if no_work is None and passed and not paying:
            ok = {a for a, _ in passed}
            failed = [a for a in assumptions if a not in ok]
            with_arrays = [
                p
                for a, p in zip(failed, problems, strict=True)
                if any(o.startswith("A") for o in a)
            ]
            # why the array kinds failed, if they did; else only scalars: nothing pays
            no_work = (
                most_specific(with_arrays) if with_arrays else _no_work(fn, passed, numpy_sign)
            )
        if paying and (best is None or len(paying) > len(best[1])):
            best = (tier, paying, memo)
        if not any(p.code is Code.KERNEL_INT_RANGE for p in problems):
            break
    if any(p.code is Code.KERNEL_INT_RANGE for p in problems):  # even at the last tier
        checked = _checked_plan(fn, replace(ctx, check_ints=True), params, param_roles)
        if checked is not None and (best is None or len(checked.allowed) > len(best[1])):
            checked.checked = first_problem
            return checked
    if best is not None:
        return _plan(fn, params, param_roles, best[1], best[0], best[2])
    problem = no_work or first_problem
    assert problem is not None
    return problem


def _checked_plan(
    fn: ast.FunctionDef, ctx: ModuleContext, params: list[str], param_roles: dict[str, Role]
) -> Plan | None:
    """The plan with run-time int64 checks where no proof bounds a Python int (no value
    bounds on entry: the checks cover what they would), if it has one. Only the first
    refusal of the proofs leads here: a function refused for another reason stays so."""
    reached = _reached(fn, ctx.functions)
    if not all(writes_nothing(f) and int64_literals(f) for f in reached):
        return None  # a literal beyond int64: Numba types it uint64, which no check covers
    passed, _, memo = _runs(fn, ctx, param_roles, _assumptions(param_roles, params), None)
    # a failed check replays the call in the plain function: a NumPy warning the kernel
    # showed would be shown again (those argument kinds run plain)
    passed = [(a, run) for a, run in passed if not numpy_may_warn(run.facts)]
    paying = _one_copy_per_call(_paying(passed, _numpy_sign(fn, ctx)))
    if not paying:
        return None
    plan = _plan(fn, params, param_roles, paying, None, memo)
    return plan if isinstance(plan, Plan) else None


def _policy(facts: Facts) -> str:
    """ "trust" (loops, no whole-array computation: machine code wins) or "measure" (the
    dispatcher times both ways per signature and keeps the faster)."""
    return "trust" if facts.has_loop and not facts.array_work else "measure"


def _paying(passed: Passed, numpy_sign: bool) -> Passed:
    """The assumptions under which a kernel can pay: all of them for a function with a
    loop; without one, those that do whole-array work, and only in a function that uses
    NumPy by name. For scalars alone any dispatch costs more than it saves: those
    signatures are left out of the plan, so the dispatcher sends them to the plain
    function without compiling a kernel for them. A loop-less function with no sign of
    NumPy (``def add(a, b): return a + b``) is most likely called with scalars, where
    even that routing costs more than the call, and where inlining it into its callers
    pays instead: it is left alone."""
    if any(run.facts.has_loop for _, run in passed):
        return passed
    if not numpy_sign:
        return []
    return [(a, run) for a, run in passed if run.facts.array_work]


def _numpy_sign(fn: ast.FunctionDef, ctx: ModuleContext) -> bool:
    """``fn`` names NumPy: its module (``np.where``) or a name imported from it."""
    for node in ast.walk(fn):
        if isinstance(node, ast.Name):
            if ctx.modules.get(node.id) == "numpy":
                return True
            imported = ctx.imported.get(node.id)
            if imported is not None and imported[0] == "numpy":
                return True
    return False


def _no_work(fn: ast.FunctionDef, passed: Passed, numpy_sign: bool) -> Problem:
    """Why a function without a loop whose exact assumptions do no array work is refused."""
    if not numpy_sign and any(run.facts.array_work for _, run in passed):
        message = (
            "no loop and no sign of NumPy: probably called with scalars, where Numba's "
            "dispatch costs more than the call (inlining it into its callers pays)"
        )
    elif any(any(o.startswith("A") for o in a) for a, _ in passed):
        message = "no loop and no array work: Numba's dispatch would cost more than it saves"
    else:
        message = (
            "no loop, and every parameter may be a scalar: for scalars Numba's dispatch "
            "would cost more than it saves"
        )
    return Problem(Code.KERNEL_NO_WORK, fn.lineno, message)


def _one_copy_per_call(passed: Passed) -> Passed:
    """The assumptions whose runs call the same copy of a helper at each call site, as
    many as agree (the first of equals). A call site names one copy in the kernel, which
    Numba compiles for every admitted signature; a copy made for other argument kinds
    (``x ** 2`` of an array where another signature passes a Python float, whose copy
    raises CPython's ``OverflowError``) would not be exact. The others run plain."""
    groups: dict[tuple[object, ...], Passed] = {}
    for assumption, run in passed:
        key = tuple(sorted(run.facts.calls.items(), key=lambda item: item[0]))
        groups.setdefault(key, []).append((assumption, run))
    return max(groups.values(), key=len) if groups else passed


def _reached(fn: ast.FunctionDef, functions: dict[str, ast.FunctionDef]) -> list[ast.AST]:
    """``fn`` and the module functions it calls, transitively (compiled with it)."""
    out: list[ast.AST] = [fn]
    seen = {fn.name}
    todo = [fn]
    while todo:
        for n in ast.walk(todo.pop()):
            if isinstance(n, ast.Name) and n.id in functions and n.id not in seen:
                seen.add(n.id)
                out.append(functions[n.id])
                todo.append(functions[n.id])
    return out


def _callee_results(memo: Memo) -> dict[CopyKey, HelperResult]:
    """Callee runs merged per copy key (callee, strength of its arguments, copies it
    calls): one copy each."""
    callees: dict[CopyKey, HelperResult] = {}
    for key in sorted(memo, key=lambda k: repr(canonical(k))):
        result = memo[key]
        ckey = result.copy_key
        if ckey in callees:
            callees[ckey].facts.merge(result.facts)
        else:
            merged = Facts()
            merged.merge(result.facts)
            merged.returns = result.facts.returns
            callees[ckey] = HelperResult(result.value, merged, result.has_loop, ckey)
    return callees


def _plan(
    fn: ast.FunctionDef,
    params: list[str],
    param_roles: dict[str, Role],
    passed: Passed,
    tier: int | None,
    memo: Memo,
) -> Plan | Problem:
    facts = Facts()
    for _, run in passed:
        facts.merge(run.facts)
        facts.calls.update(run.facts.calls)
    first = passed[0][1]
    facts.returns = first.facts.returns
    assert first.result is not None
    policy = _policy(facts)
    bounded_arrays: list[str] = []
    bounded_ints: list[str] = []
    if tier is not None:
        for p in params:
            role = param_roles[p]
            if any(o.startswith("A") for o in role.options) and role.rank is not None:
                bounded_arrays.append(p)
            if "Si" in role.options:
                bounded_ints.append(p)
    return Plan(
        fn.name,
        params,
        param_roles,
        [a for a, _ in passed],
        tier,
        facts,
        _callee_results(memo),
        policy,
        first.result,
        bounded_arrays,
        bounded_ints,
        first.lifted,
    )
