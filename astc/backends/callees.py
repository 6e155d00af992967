"""Calls of module functions and lifted closures in the abstract interpreter: each is
interpreted with its arguments' abstract values (memoized per argument context) and
compiled with the kernel as its own copy.
"""

from __future__ import annotations

import ast

from astc.backends.facts import HelperResult, numpy_may_warn, strength_key
from astc.backends.problems import Problem
from astc.backends.run_base import RunBase
from astc.backends.syntax import callee_problem, locals_of, own_nodes, params_of
from astc.backends.values import NoneValue, Scalar, Value
from astc.diagnostics import Code


class Callees(RunBase):
    """Module functions and lifted closures called from the function."""

    def call_helper(self, node: ast.Call, name: str) -> Value | None:
        fdef = self.ctx.functions[name]
        self.facts.guards.add(name)
        return self.call_function(node, name, fdef, {}, ("helper", name))

    def call_closure(self, node: ast.Call, name: str) -> Value | None:
        fdef = self.lifted[name]
        captured: dict[str, Value] = {}
        inner_params = set(params_of(fdef))
        for n in own_nodes(fdef):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in inner_params:
                if n.id in self.locals and n.id not in locals_of(fdef):
                    if n.id in self.lifted:
                        raise self.unsupported(node, f"closure `{name}` uses closure `{n.id}`")
                    sites = self.sites.get(n.id, [])
                    if len(sites) > 1 or any(s.in_loop for s in sites):
                        raise self.unsupported(
                            node, f"closure `{name}` reads `{n.id}`, which is rebound"
                        )
                    value = self.env.get(n.id)
                    if value is None:
                        return None
                    captured[n.id] = value
        key = ("closure", self.name + "." + name)
        return self.call_function(node, name, fdef, captured, key)

    def call_function(
        self,
        node: ast.Call,
        name: str,
        fdef: ast.FunctionDef,
        captured: dict[str, Value],
        key_prefix: tuple[str, str],
    ) -> Value | None:
        """``fdef`` called at ``node``: interpreted with the arguments' values (memoized
        per argument context); its facts recorded for the copy compiled with the kernel."""
        line = node.lineno
        qual = key_prefix[1]
        if qual in self.stack:
            raise Problem(Code.KERNEL_CALLEE, line, f"line {line}: `{name}()` is recursive")
        problem = callee_problem(fdef)
        if problem is not None:
            raise Problem(Code.KERNEL_CALLEE, line, f"line {line}: `{name}()` {problem}")
        bound = self.bind_arguments(node, name, fdef)
        if bound is None:
            return None
        params = params_of(fdef)
        context = tuple((p, bound[p]) for p in params) + tuple(sorted(captured.items()))
        key = (*key_prefix, context, self.tier)
        cached = self.memo.get(key)
        if cached is None:
            cached = self.interpret_callee(node, name, fdef, bound, captured, qual, context)
            self.memo[key] = cached
        self.facts.calls[id(node)] = cached.copy_key
        self.facts.guards |= cached.facts.guards
        self.facts.has_loop = self.facts.has_loop or cached.has_loop
        self.facts.array_work = self.facts.array_work or cached.facts.array_work
        self.facts.callee_may_warn = self.facts.callee_may_warn or numpy_may_warn(cached.facts)
        return cached.value

    def bind_arguments(
        self, node: ast.Call, name: str, fdef: ast.FunctionDef
    ) -> dict[str, Value] | None:
        """Parameter -> value for this call (defaults included); None while an argument's
        value is not known yet (the next round sees it)."""
        params = params_of(fdef)
        args = [self.expr(a) for a in node.args]
        kwargs = {k.arg: self.expr(k.value) for k in node.keywords if k.arg is not None}
        if any(a is None for a in args) or any(v is None for v in kwargs.values()):
            return None
        positional = fdef.args.posonlyargs + fdef.args.args
        if len(args) > len(positional):
            raise self.unsupported(node, f"`{name}()` with too many arguments")
        bound: dict[str, Value] = {}
        for p, v in zip(positional, args, strict=False):
            assert v is not None
            bound[p.arg] = v
        for k, v in kwargs.items():
            if k not in params or k in bound:
                raise self.unsupported(node, f"`{name}()` with keyword `{k}`")
            assert v is not None
            bound[k] = v
        defaults = fdef.args.defaults
        for param, default in zip(
            positional[len(positional) - len(defaults) :], defaults, strict=True
        ):
            if param.arg not in bound:
                bound[param.arg] = self.expr(default) or NoneValue()
        for kwparam, kwdefault in zip(fdef.args.kwonlyargs, fdef.args.kw_defaults, strict=True):
            if kwparam.arg not in bound and kwdefault is not None:
                bound[kwparam.arg] = self.expr(kwdefault) or NoneValue()
        if set(bound) != set(params):
            raise self.unsupported(node, f"`{name}()` with missing arguments")
        for v in bound.values():
            self.check_value_use(v, node)
        return bound

    def interpret_callee(
        self,
        node: ast.Call,
        name: str,
        fdef: ast.FunctionDef,
        bound: dict[str, Value],
        captured: dict[str, Value],
        qual: str,
        context: tuple[tuple[str, Value], ...],
    ) -> HelperResult:
        """A run of the callee; its problems are reported at the call. Its copy key is the
        callee, its arguments' strengths and the copies its own calls name, in source
        order: a copy's call sites each name one copy, so runs that call different copies
        (a row of a 2-D array gives an array, of a 1-D array a NumPy scalar whose ``+``
        checks overflow) get copies of their own."""
        line = node.lineno
        sub = type(self)(
            self.ctx, fdef, bound, self.tier, self.memo, (*self.stack, qual), qual, captured
        )
        try:
            value = sub.run()
        except Problem as problem:
            message = f"in `{name}()` (called at line {line}): {problem.message}"
            raise Problem(problem.code, line, message) from None
        mixed = any(isinstance(v, Scalar) and v.mixed for _, v in sub.facts.returns)
        if mixed or (isinstance(value, Scalar) and value.mixed):
            raise Problem(
                Code.KERNEL_MIXED_TYPES,
                line,
                f"line {line}: `{name}()` returns a Python or a NumPy scalar depending on the path",
            )
        nested = tuple(sub.facts.calls[id(n)] for n in ast.walk(fdef) if id(n) in sub.facts.calls)
        copy_key = (qual, strength_key(context), nested)
        return HelperResult(value, sub.facts, sub.facts.has_loop, copy_key)
