"""The unit check's rules (``astc/pipeline.py``'s docstring) fire where they must and only
there, also on the shortcuts that skip their work: a text with no ``class`` has no class
docstring to keep, one with no ``def`` no function scope, one with no alias spelled no guard;
and an unrewritten unit's lines map to themselves."""

from __future__ import annotations

import ast

from astc.frontend.units import split_units
from astc.options import Options
from astc.passes.base import StatementLines
from astc.pipeline import Pipeline, _Analysis, _guarded_names


def _check(before: str, after: str) -> str | None:
    pipeline = Pipeline(before, ast.parse(before), Options(), "m.py")
    old = _Analysis(ast.parse(before), before)
    new = _Analysis(ast.parse(after), after)
    return pipeline._check(before, after, old, new)


def test_class_docstring_change_is_rejected() -> None:
    before = 'class C:\n    """Doc."""\n    x = 1 + 1\n'
    after = 'class C:\n    """Other."""\n    x = 2\n'
    assert _check(before, after) == "class docstring changed"


def test_class_body_change_keeping_its_docstring_is_accepted() -> None:
    before = 'class C:\n    """Doc."""\n    x = 1 + 1\n'
    assert _check(before, before.replace("1 + 1", "2")) is None


def test_text_without_class_is_accepted() -> None:
    assert _check("V = 17 * 2 + 1\n", "V = 35\n") is None


def test_generator_kind_change_is_rejected() -> None:
    before = "def f():\n    yield 1\n"
    assert _check(before, "def f():\n    return 1\n") == "f changed generator/coroutine kind"


def test_function_docstring_change_is_rejected() -> None:
    before = 'def f():\n    """Doc."""\n    return 1 + 1\n'
    after = "def f():\n    return 2\n"
    assert _check(before, after) == "f docstring changed"


def test_new_warning_is_rejected() -> None:
    problem = _check("x = 1\n", "x = 1 is 1\n")
    assert problem is not None and problem.startswith("new warning: SyntaxWarning")


def test_text_without_def_has_no_function_scopes() -> None:
    analysis = _Analysis(ast.parse("V = (lambda: 1)()\n"), "V = (lambda: 1)()\n")
    assert analysis.functions == {}
    assert "scope" not in vars(analysis)  # found without analysing the text
    text = "async def f():\n    pass\n"
    assert set(_Analysis(ast.parse(text), text).functions) == {"f"}


def test_guarded_names() -> None:
    text = "x = f(1) if f is _astc_f else f(2)\n"
    assert _guarded_names(ast.parse(text), text) == {"f"}
    plain = "x = f(1) if f is g else f(2)\n"
    assert _guarded_names(ast.parse(plain), plain) == set()


def test_guarded_names_spelled_in_other_characters() -> None:
    # NFKC folds the full-width letter into `_astc_f`: Python reads the alias itself.
    text = "x = f(1) if f is _\uff41stc_f else f(2)\n"
    assert _guarded_names(ast.parse(text), text) == {"f"}


def test_unrewritten_lines_map_to_themselves() -> None:
    source = "a = 1\n\nb = (1 +\n     2)\n"
    lines = source.splitlines(keepends=True)
    unit = split_units(ast.parse(source), lines)[1]
    positions = StatementLines(unit, unit.text, ast.parse(unit.text))
    assert [positions.source_line(k) for k in (1, 2)] == [3, 4]
    rewritten = StatementLines(unit, "b = 3\n", ast.parse("b = 3\n"))
    assert rewritten.source_line(1) == 3
