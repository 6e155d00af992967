"""Frozen method bodies set aside while a class unit is compiled (astc/frontend/stubs.py).

The rule: setting bodies aside changes no output and no report. Each program below is
compiled with and without it (``Stubs.of`` replaced by one that sets nothing aside) and
both results are compared, and run against the original. The cases aim at what would break
if the rule were wrong: a body that binds a module name (``global``), a marker already in
the source, a body on its def line, CRLF and tab-indented text, a last line without a line
ending, a rewrite right after a body set aside (its comment lines), and a restore that
cannot find its marker (the unit is compiled again without).
"""

from __future__ import annotations

import ast
import contextlib
import io
from collections.abc import Iterator

import pytest

import astc
from astc import pipeline
from astc.frontend.stubs import MARKER, Stubs
from astc.frontend.units import split_units

HOT_AND_COLD = '''\
def double(x):
    return x * 2


class C:
    """Doc."""

    LIMIT = 2 + 3

    def cold(self, items):
        total = 0
        for item in items:
            total += item
        return total

    def hot(self, v):
        return double(v) + 1

    def cold_too(self):
        """Its doc."""
        text = "a"
        return text * 3


print(C().cold([1, 2]), C().hot(4), C().cold_too(), C.LIMIT)
'''

GLOBAL_IN_COLD = """\
K = 1


class C:
    def rebinds(self):
        global K
        K = 5
        return K

    def reads(self):
        k = K
        k = k + 0
        return k


c = C()
print(c.reads(), c.rebinds(), c.reads(), K)
"""

MARKER_IN_SOURCE = f'''\
def double(x):
    return x * 2


class C:
    def cold(self):
        s = "{MARKER} 0"
        return s

    def hot(self, v):
        return double(v)


print(C().cold(), C().hot(2))
'''

DEAD_AFTER_COLD = """\
DEBUG = False


class C:
    def cold(self):
        a = 1
        b = 2
        return a + b

    if DEBUG:
        def extra(self):
            return 0

    def hot(self):
        if False:
            return 1
        return 2


print(C().cold(), C().hot(), hasattr(C, "extra"))
"""

ONE_LINE_BODY = """\
def inc(x):
    return x + 1


class C:
    def cold(self): return 7
    def hot(self, v):
        y = inc(v)
        return y
    def cold2(self):
        return 8 \\
            + 1
print(C().cold(), C().hot(1), C().cold2())
"""

TABS_CRLF = (
    "def inc(x):\r\n\treturn x + 1\r\n\r\n\r\nclass C:\r\n\tdef cold(self):\r\n"
    "\t\tq = 3\r\n\t\tr = 4\r\n\t\treturn q * r\r\n\tdef hot(self, v):\r\n"
    "\t\treturn inc(v)\r\nprint(C().cold(), C().hot(1))"
)

NO_FINAL_NEWLINE = """\
def inc(x):
    return x + 1


class C:
    def hot(self, v):
        return inc(v)

    def cold(self):
        a = [1, 2, 3]
        b = sum(a)
        return b"""

PROGRAMS = {
    "hot_and_cold": HOT_AND_COLD,
    "global_in_cold": GLOBAL_IN_COLD,
    "marker_in_source": MARKER_IN_SOURCE,
    "dead_after_cold": DEAD_AFTER_COLD,
    "one_line_body": ONE_LINE_BODY,
    "tabs_crlf": TABS_CRLF,
    "no_final_newline": NO_FINAL_NEWLINE,
}


@contextlib.contextmanager
def _nothing_set_aside() -> Iterator[None]:
    original = pipeline.Stubs.of
    pipeline.Stubs.of = staticmethod(lambda *args: None)  # type: ignore[method-assign]
    try:
        yield
    finally:
        pipeline.Stubs.of = original  # type: ignore[method-assign]


def _run(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<test>", "exec"), {"__name__": "__main__"})
    return out.getvalue()


def _compiled(source: str) -> tuple[str, list[str]]:
    result = astc.compile_source(source, filename="m.py")
    assert result.code is not None
    return result.code, [repr(e) for e in result.report.entries]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_setting_aside_changes_no_output_and_no_report(name: str) -> None:
    source = PROGRAMS[name]
    code, report = _compiled(source)
    with _nothing_set_aside():
        plain_code, plain_report = _compiled(source)
    assert code == plain_code
    assert report == plain_report
    assert _run(code) == _run(source)


def test_hot_and_cold_is_rewritten_with_bodies_set_aside() -> None:
    unit = split_units(ast.parse(HOT_AND_COLD), HOT_AND_COLD.splitlines(True))[1]
    stubs = Stubs.of(unit.nodes, unit.text, unit.first_line, {"C.hot"})
    assert stubs is not None and len(stubs.stubs) == 2  # cold and cold_too (as if), not hot
    assert "total += item" not in stubs.text and "return double(v) + 1" in stubs.text
    assert stubs.text.count("\n") == unit.text.count("\n")  # every line keeps its number
    assert stubs.restore(stubs.text) == unit.text
    code, _ = _compiled(HOT_AND_COLD)
    assert "v * 2 if double is _astc_double" in code and "total += item" in code


def _stubs(text: str, hot: set[str]) -> Stubs:
    tree = ast.parse(text)
    stubs = Stubs.of(tree.body, text, 1, hot)
    assert stubs is not None
    return stubs


def test_global_or_nonlocal_in_a_body_keeps_it() -> None:
    stubs = Stubs.of(ast.parse(GLOBAL_IN_COLD).body, GLOBAL_IN_COLD, 1, set())
    assert stubs is not None and len(stubs.stubs) == 1
    assert "global K" in stubs.text and "k = k + 0" not in stubs.text
    nonlocal_text = GLOBAL_IN_COLD.replace("global K", "nonlocal K")
    stubs = Stubs.of(ast.parse(nonlocal_text).body, nonlocal_text, 1, set())
    assert stubs is not None and "nonlocal K" in stubs.text


def test_marker_in_source_sets_nothing_aside() -> None:
    assert Stubs.of(ast.parse(MARKER_IN_SOURCE).body, MARKER_IN_SOURCE, 1, set()) is None


def test_restore_refuses_a_missing_moved_or_repeated_marker() -> None:
    text = "class C:\n    def f(self):\n        a = 1\n        b = 2\n        return a\n"
    stubs = _stubs(text, set())
    marker = stubs.stubs[0].lines[0]
    assert stubs.restore(stubs.text) == text
    assert stubs.restore(stubs.text.replace(marker, "        pass")) is None
    assert stubs.restore(stubs.text + marker + "\n") is None
    moved = stubs.text.replace(marker + "\n", "") + marker + "\n"
    assert stubs.restore(moved) is None
    # comment lines lost after the marker (a rewrite dropped them): the body still returns
    lines = stubs.text.splitlines(True)
    assert stubs.restore("".join(lines[:3])) == text


def test_restore_failure_compiles_the_unit_again_without(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    original = pipeline.Pipeline._compile_unit

    def spy(self: pipeline.Pipeline, unit: object, hot: object, set_aside: bool = True) -> None:
        calls.append(set_aside)
        original(self, unit, hot, set_aside)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline.Pipeline, "_compile_unit", spy)
    monkeypatch.setattr(Stubs, "restore", lambda self, text: None)
    code, _ = _compiled(HOT_AND_COLD)
    assert calls == [True, False]  # C's unit, twice (nothing else has work)
    with _nothing_set_aside():
        plain, _ = _compiled(HOT_AND_COLD)
    assert code == plain
