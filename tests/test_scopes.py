"""Unit tests of the scope analysis (:mod:`astc.analysis.scopes`) and of the module facts
built on it (:mod:`astc.analysis.module`: stable names, constants, barriers).

Each test states CPython's rule and checks the analysis follows it; where Python itself can
tell (``symtable``, ``__qualname__``), the test asks it too. Barriers over a whole module
are also tested in ``tests/test_effects.py``.
"""

from __future__ import annotations

import ast
import symtable
import textwrap

import pytest

from astc.analysis.module import module_facts
from astc.analysis.scopes import Scope, analyze, child_qualname, function_scopes


def _analyze(source: str) -> Scope:
    return analyze(ast.parse(textwrap.dedent(source)))


def _scope(module: Scope, qualname: str, kind: str = "function") -> Scope:
    found = [s for s in module.walk() if s.qualname == qualname and s.kind == kind]
    assert len(found) == 1, [(s.kind, s.qualname) for s in module.walk()]
    return found[0]


def _symbols(source: str, name: str) -> symtable.SymbolTable:
    """CPython's own symbol table of function ``name`` (top level or nested)."""
    stack = [symtable.symtable(textwrap.dedent(source), "<test>", "exec")]
    while stack:
        table = stack.pop()
        if table.get_name() == name and table.get_type() == "function":
            return table
        stack.extend(table.get_children())
    raise LookupError(name)


# -- bindings and reads --------------------------------------------------------------------


def test_every_kind_of_binding_is_recorded_in_its_scope() -> None:
    source = """\
    import os.path
    from json import dumps as d
    def f(a, /, b, *c, d=1, **e):
        g = 1
        h: int = 2
        i += 1
        for j in c:
            pass
        with open(a) as k:
            pass
        l, [m, *n] = 1, [2, 3]
        del g
    class C:
        x = 1
    """
    module = _analyze(source)
    assert {"os", "d", "f", "C"} <= set(module.bindings)
    assert "x" not in module.bindings
    f = _scope(module, "f")
    assert f.params == ["a", "b", "d", "c", "e"]
    assert set("abcdeghijklmn") <= set(f.bindings)
    assert f.binding_count("g") == 2 and f.deletes == {"g"}  # `del` binds and is recorded
    assert all(f.is_local(n) for n in "abcdeghijklmn")
    table = _symbols(source, "f")
    assert {n for n in f.bindings} == {s.get_name() for s in table.get_symbols() if s.is_local()}
    assert set(_scope(module, "C", "class").bindings) == {"x"}


def test_reads_are_recorded_where_evaluated() -> None:
    module = _analyze(
        """\
        def f(a=default, *, b: Ann = other) -> Ret:
            return a + b + free
        @deco
        class C(Base, metaclass=Meta):
            y = z
        """
    )
    assert {"default", "other", "Ann", "Ret", "deco", "Base", "Meta"} <= set(module.reads)
    f = _scope(module, "f")
    assert set(f.reads) == {"a", "b", "free"}
    assert "default" not in f.reads  # defaults and annotations: the enclosing scope
    assert set(_scope(module, "C", "class").reads) == {"z"}


def test_augmented_assignment_reads_then_binds() -> None:
    f = _scope(_analyze("def f():\n    x = 0\n    x += 1\n"), "f")
    assert f.binding_count("x") == 2 and len(f.reads["x"]) == 1


# -- global and nonlocal -------------------------------------------------------------------


def test_global_declaration_routes_bindings_to_the_module() -> None:
    module = _analyze(
        """\
        counter = 0
        def bump():
            global counter
            counter = counter + 1
        """
    )
    bump = _scope(module, "bump")
    assert bump.declared_global == {"counter"} and not bump.is_local("counter")
    assert module.binding_count("counter") == 2  # the function's write counts for the module
    assert not module.captured


def test_nonlocal_declaration_binds_and_captures_in_the_owner() -> None:
    module = _analyze(
        """\
        def outer():
            n = 0
            def inc():
                nonlocal n
                n += 1
            return inc
        """
    )
    outer, inc = _scope(module, "outer"), _scope(module, "outer.<locals>.inc")
    assert inc.declared_nonlocal == {"n"} and not inc.is_local("n")
    assert "n" in outer.captured and outer.binding_count("n") == 2


# -- captured names and class scopes -------------------------------------------------------


def test_names_read_by_nested_functions_are_captured() -> None:
    source = """\
    def outer(a):
        b = 1
        c = 2
        def inner():
            return a + b
        lam = lambda: c
        return inner, lam
    """
    outer = _scope(_analyze(source), "outer")
    assert outer.captured == {"a", "b", "c"}
    table = _symbols(source, "outer")
    assert outer.captured == {s.get_name() for s in table.get_symbols() if s.is_local()} & {
        n for child in table.get_children() for n in child.get_frees()
    }


def test_class_scope_is_skipped_by_nested_functions() -> None:
    module = _analyze(
        """\
        def outer():
            x = 1
            class C:
                x = 2
                y = x
                def m(self):
                    return x
            return C
        """
    )
    outer, c = _scope(module, "outer"), _scope(module, "outer.<locals>.C", "class")
    assert "x" in outer.captured  # m reads outer's x, not the class's
    assert not c.captured
    assert _scope(module, "outer.<locals>.C.m").qualname == "outer.<locals>.C.m"


def test_class_body_reads_of_its_own_names_are_not_captures() -> None:
    module = _analyze("def f():\n    v = 1\n    class C:\n        v = 2\n        w = v\n")
    assert "v" not in _scope(module, "f").captured


# -- comprehensions and the walrus ---------------------------------------------------------


def test_comprehension_is_a_scope_whose_first_iterable_is_outside() -> None:
    module = _analyze(
        """\
        def f(rows):
            return [x * y for x in rows for y in x if y]
        """
    )
    f = _scope(module, "f")
    (comp,) = f.children
    assert comp.kind == "comprehension" and comp.qualname == "f.<comp>"
    assert set(comp.bindings) == {"x", "y"} and "x" not in f.bindings
    assert "rows" in f.reads and "rows" not in comp.reads  # evaluated in f
    assert "rows" not in f.captured  # so not a capture
    assert {"x", "y"} <= set(comp.reads)


def test_names_read_in_a_comprehension_are_captured() -> None:
    f = _scope(_analyze("def f(rows, k):\n    return [r + k for r in rows]\n"), "f")
    assert f.captured == {"k"}


def test_walrus_in_a_comprehension_binds_in_the_enclosing_function() -> None:
    module = _analyze(
        """\
        def f(xs):
            if any((hit := x) > 2 for x in xs):
                return hit
            y = (z := 3)
        """
    )
    f = _scope(module, "f")
    (gen,) = f.children
    assert "hit" in f.bindings and "hit" not in gen.bindings
    assert {"y", "z"} <= set(f.bindings)


# -- except, match, imports ----------------------------------------------------------------


def test_except_name_is_bound_and_deleted() -> None:
    f = _scope(
        _analyze("def f():\n    try:\n        pass\n    except ValueError as e:\n        e\n"), "f"
    )
    assert f.binding_count("e") == 1 and "e" in f.deletes
    assert "ValueError" in f.reads


def test_match_patterns_bind_their_names() -> None:
    f = _scope(
        _analyze(
            """\
            def f(v):
                match v:
                    case [a, *rest]:
                        pass
                    case {"k": b, **others}:
                        pass
                    case Point(x=c) | (c as d):
                        pass
                    case _:
                        pass
            """
        ),
        "f",
    )
    assert {"a", "rest", "b", "others", "c", "d"} <= set(f.bindings)
    assert "_" not in f.bindings and "Point" in f.reads


def test_import_binds_the_first_component_or_the_alias() -> None:
    module = _analyze("import a.b.c\nimport d.e as f\nfrom g import h, i as j\n")
    assert set(module.bindings) == {"a", "f", "h", "j"}


# -- dynamic features and module objects ---------------------------------------------------


@pytest.mark.parametrize(
    ("body", "feature"),
    [
        ("locals()", "locals"),
        ("exec('x = 1')", "exec"),
        ("eval('1')", "eval"),
        ("vars()", "vars"),
        ("globals()", "globals"),
        ("super()", "super"),
        ("__class__", "__class__"),
        ("g.__defaults__ = (1,)", "changes __defaults__"),
        ("g.__code__ = h.__code__", "changes __code__"),
        ("g.__kwdefaults__['k'] = 1", "changes __kwdefaults__"),
        ("setattr(g, '__code__', h.__code__)", "names __code__"),
        ("type(g).__code__.__set__(g, h.__code__)", "calls a descriptor's __set__"),
    ],
)
def test_dynamic_features_are_recorded_in_their_scope(body: str, feature: str) -> None:
    module = _analyze(f"def f():\n    {body}\n")
    f = _scope(module, "f")
    assert f.dynamic == {feature}
    assert not module.dynamic and module.uses_dynamic_features()


def test_reading_function_state_is_not_dynamic() -> None:
    assert not _analyze("d = f.__defaults__\n").dynamic


def test_star_import_is_dynamic() -> None:
    module = _analyze("from os import *\n")
    assert module.dynamic == {"import *"}


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("import sys\nsys.modules[__name__].x = 1\n", "sys.modules"),
        ("from sys import modules\n", "sys.modules"),
        ("import __main__\n", "import __main__"),
        ("import importlib\n", "import importlib"),
        ("import importlib.util\n", "import importlib.util"),
        ("from importlib import import_module\n", "from importlib import"),
    ],
)
def test_ways_to_reach_module_objects_are_recorded(source: str, reason: str) -> None:
    assert set(_analyze(source).module_objects) == {reason}


def test_generators_and_coroutines_are_marked() -> None:
    module = _analyze(
        "def g():\n    yield 1\nasync def c():\n    await x\ndef plain():\n    return 1\n"
    )
    assert _scope(module, "g").is_generator
    assert _scope(module, "c").is_async and not _scope(module, "c").is_generator
    plain = _scope(module, "plain")
    assert not plain.is_generator and not plain.is_async


# -- qualified names -----------------------------------------------------------------------


def test_qualified_names_follow_cpython() -> None:
    source = """\
    def f():
        def g():
            pass
        return g
    class C:
        def m(self):
            pass
        class D:
            def n(self):
                pass
    """
    names = set(function_scopes(_analyze(source)))
    namespace: dict[str, object] = {}
    exec(textwrap.dedent(source), namespace)
    c: object = namespace["C"]
    f = namespace["f"]
    assert callable(f)
    real = {
        f.__qualname__,  # type: ignore[attr-defined]
        f().__qualname__,
        c.m.__qualname__,  # type: ignore[attr-defined]
        c.D.n.__qualname__,  # type: ignore[attr-defined]
    }
    assert names == real == {"f", "f.<locals>.g", "C.m", "C.D.n"}
    assert child_qualname("lambda", "f.<locals>.<lambda>", "h") == "f.<locals>.<lambda>.<locals>.h"


def test_a_function_defined_twice_has_no_scope_by_name() -> None:
    scopes = function_scopes(
        _analyze("def f():\n    pass\ndef f():\n    pass\ndef g():\n    pass\n")
    )
    assert set(scopes) == {"g"}


def test_deeply_nested_input_does_not_overflow() -> None:
    """The builder is iterative: a tree deeper than Python's recursion limit is analysed."""
    expr: ast.expr = ast.Name("y", ast.Load())
    for _ in range(20_000):
        expr = ast.BinOp(expr, ast.Add(), ast.Name("y", ast.Load()))
    tree = ast.Module([ast.Assign([ast.Name("x", ast.Store())], expr)], [])
    module = analyze(tree)  # (no positions needed; fix_missing_locations would recurse)
    assert len(module.reads["y"]) == 20_001 and module.binding_count("x") == 1


def test_comprehension_in_a_class_body_does_not_see_class_names() -> None:
    module = _analyze("x = 0\nclass C:\n    x = 1\n    y = [x for _ in range(3)]\n")
    c = _scope(module, "C", "class")
    (comp,) = c.children
    assert "x" in comp.reads and not c.captured  # the module's x, as at run time
    namespace: dict[str, object] = {}
    exec("x = 0\nclass C:\n    x = 1\n    y = [x for _ in range(3)]\n", namespace)
    assert namespace["C"].y == [0, 0, 0]  # type: ignore[attr-defined]


# -- module facts --------------------------------------------------------------------------


def test_stable_names_are_bound_once_by_a_top_level_statement() -> None:
    facts = module_facts(
        ast.parse(
            textwrap.dedent(
                """\
                def stable():
                    return 1
                def twice():
                    pass
                def twice():
                    pass
                def deleted():
                    pass
                del deleted
                def rebound_inside():
                    pass
                def writer():
                    global rebound_inside
                    rebound_inside = None
                @decorator
                def decorated():
                    pass
                for looped in range(3):
                    pass
                K = 3
                K2 = 4
                K2 += 1
                """
            )
        )
    )
    assert set(facts.functions) == {"stable", "writer", "decorated"}
    assert facts.line_of("stable") == 1 and facts.line_of("K") == 20
    assert set(facts.constants) == {"K"} and facts.line_of("looped") is None


def test_dynamic_module_has_no_stable_names() -> None:
    for feature in ("exec('K = 2')", "globals()['K'] = 2", "from os import *"):
        facts = module_facts(ast.parse(f"K = 1\ndef f():\n    return K\n{feature}\n"))
        assert facts.dynamic and not facts.functions and not facts.constants


def test_super_and_class_cell_do_not_make_a_module_dynamic() -> None:
    facts = module_facts(
        ast.parse("K = 1\nclass C:\n    def m(self):\n        return super(), __class__\n")
    )
    assert facts.dynamic == [] and set(facts.constants) == {"K"}


def test_constants_are_deeply_immutable_values() -> None:
    facts = module_facts(
        ast.parse(
            "A = (1, 'a', b'b', None, 2.5, -3)\n"
            "B = [1, 2]\n"
            "C = (1, [2])\n"
            "D = frozenset({1, 2})\n"  # a value, but no literal writes it
            "E = 'x' * 3\n"
            "F = {1: 2}\n"
        )
    )
    values = {n: v for n, (v, _) in facts.constants.items()}
    assert values == {"A": (1, "a", b"b", None, 2.5, -3), "E": "xxx"}


def test_constant_evaluation_respects_the_step_budget() -> None:
    source = (
        "def total(n):\n"
        "    s = 0\n"
        "    for i in range(n):\n"
        "        s += i\n"
        "    return s\n"
        "T = total(1000)\n"
    )
    assert module_facts(ast.parse(source)).constants["T"][0] == 499500
    assert "T" not in module_facts(ast.parse(source), 100).constants


def test_barriers_end_what_import_time_code_may_rely_on() -> None:
    facts = module_facts(
        ast.parse(
            "K = 1\n"  # 1
            "def f():\n"  # 2
            "    return K\n"
            "print(K)\n"  # 4: a barrier (print runs code astc has not analysed)
            "J = 2\n"  # 5
        )
    )
    assert [line for line, _ in facts.barriers] == [4]
    assert (
        facts.clear_between(1, 4) is None
        and facts.clear_between(1, 5) == "line 4 " + (facts.barriers[0][1])
    )
    assert facts.known_at(3, {"K", "J"}) == {"K"}
    assert facts.known_at(6, {"K", "J"}) == {"J"}  # K bound above the barrier


def test_builtins_shadowed_by_the_module_and_module_objects() -> None:
    facts = module_facts(
        ast.parse("len = 3\ndef f():\n    import importlib\n    global print\n    print = None\n")
    )
    assert facts.shadowed_builtins == {"len", "print"}
    assert set(facts.module_objects) == {"import importlib"}
    assert not facts.lazy_annotations
    lazy = module_facts(ast.parse("from __future__ import annotations\n"))
    assert lazy.lazy_annotations
