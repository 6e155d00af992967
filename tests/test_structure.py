"""The structure promises: a pass is one file plus one registration line.

``tests/_toy_pass.py`` (``x * 1`` -> ``x``) is registered with
:func:`astc.passes.registry.register`, as its line in ``REGISTRY`` would be, and shown to run
through the pipeline, to run only where its pre-scan trigger fired, to be reported under its
name and codes, and to be counted under its own word by ``astc show`` and ``astc compile``.
"""

from __future__ import annotations

import ast
import importlib
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import astc
from astc import generated
from astc.backends import emit, library
from astc.diagnostics import Code
from astc.passes import registry
from astc.passes.base import PassContext
from tests import _toy_pass
from tests.conftest import run_module, without_header

ROOT = Path(__file__).resolve().parent.parent
TOY = ("times-one", "tests._toy_pass:TimesOne")
CASES = sorted((ROOT / "tests" / "cases").glob("*.py"))
_MODULES = [where.partition(":")[0] for _, where in registry.REGISTRY]

SOURCE = textwrap.dedent(
    """\
    def f():
        x = 3
        return x * 1

    def g(y):
        return y * 1

    def h(z):
        return z + 1

    print(f(), g(2), h(4))
    """
)


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The toy pass registered (first: the other passes would fold ``3 * 1`` themselves)
    for one test; the registry is restored afterwards."""
    monkeypatch.setattr(registry, "REGISTRY", list(registry.REGISTRY))
    monkeypatch.setattr(registry, "PASS_NAMES", registry.PASS_NAMES)
    registry.register(*TOY, before="inline")


def test_a_registered_pass_runs_through_the_pipeline(toy: None) -> None:
    assert registry.names()[0] == "times-one"
    assert registry.load()[0] is _toy_pass.TimesOne
    result = astc.compile_source(SOURCE, options=astc.Options(passes=("times-one",)))
    assert result.ok and result.code is not None
    out = without_header(result.code)
    assert "    return x\n" in out  # f: fired
    assert "    return y * 1\n" in out  # g: y is a parameter, not known to be an int: refused
    assert "    return z + 1\n" in out
    assert run_module(out) == run_module(SOURCE)
    done = [(e.pass_name, e.code, e.function) for e in result.report.applied]
    assert done == [("times-one", Code.CONSTANT_FOLDED, "f")]
    refused = [(e.pass_name, e.code, e.function, e.line) for e in result.report.refused]
    assert refused == [("times-one", Code.NOT_FOLDABLE, "g", 6)]


CLASS = textwrap.dedent(
    """\
    class C:
        def f(self):
            x = 3
            return x * 1

        def h(self, z):
            return z + 1
    """
)


def test_a_registered_pass_runs_only_where_its_trigger_fired(
    toy: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[set[str]] = []
    run = _toy_pass.TimesOne.run

    def spy(self: _toy_pass.TimesOne, tree: Any, ctx: PassContext) -> Any:
        seen.append(set(ctx.frozen))
        return run(self, tree, ctx)

    monkeypatch.setattr(_toy_pass.TimesOne, "run", spy)
    options = astc.Options(passes=("times-one",))
    result = astc.compile_source(CLASS, options=options)
    assert result.code is not None and "return x\n" in result.code
    assert seen == [{"C.h"}]  # C.f is where the trigger fired; C.h is frozen
    seen.clear()
    untriggered = "def h(z):\n    return z + 1\n\nprint(h(4) * 2)\n"  # `* 2`; module level
    astc.compile_source(untriggered, options=options)
    assert seen == []  # the pass never ran


def test_a_registered_pass_is_an_option_and_can_be_disabled(toy: None) -> None:
    # Registered after astc.options was imported: named in Options.passes, it runs (the
    # command line below registers it before, and there it is in the default).
    every = astc.compile_source(SOURCE, options=astc.Options(passes=registry.names()))
    assert any(e.pass_name == "times-one" and e.applied for e in every.report.entries)
    others = tuple(p for p in registry.names() if p != "times-one")
    without = astc.compile_source(SOURCE, options=astc.Options(passes=others))
    assert all(e.pass_name != "times-one" for e in without.report.entries)
    with pytest.raises(ValueError, match="registered already"):
        registry.register(*TOY)
    with pytest.raises(ValueError, match="no pass 'nope'"):
        registry.register("other", "tests._toy_pass:TimesOne", before="nope")


def test_a_pass_registered_under_another_name_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "REGISTRY", list(registry.REGISTRY))
    monkeypatch.setattr(registry, "PASS_NAMES", registry.PASS_NAMES)
    registry.register("toy", "tests._toy_pass:TimesOne")
    with pytest.raises(RuntimeError, match="registered as 'toy' but is named 'times-one'"):
        registry.load()


#: The command line with the toy pass registered before anything reads the names: as a
#: line in REGISTRY would be.
_CLI = """\
import sys
from astc.passes import registry
registry.register("times-one", "tests._toy_pass:TimesOne", before="inline")
from astc.cli import main
main(sys.argv[1:], prog_name="astc")
"""


def _astc(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "ASTC_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-c", _CLI, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_line_knows_a_registered_pass(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(SOURCE)
    shown = _astc("show", "m.py", "--passes", "times-one", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "    return x\n" in shown.stdout
    assert "m.py:3: info: times-one: done in f: x * 1 -> x [ASTC103]" in shown.stderr
    assert "m.py:6: info: times-one: refused in g: y * 1: y is not known" in shown.stderr
    stopped = _astc("show", "m.py", "--stop-after", "times-one", "--no-report", cwd=tmp_path)
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout == shown.stdout  # only the first pass ran
    compiled = _astc("compile", "m.py", "-o", "out", "--passes", "times-one", cwd=tmp_path)
    assert compiled.returncode == 0, compiled.stderr
    assert "compiled m.py (1 simplified)" in compiled.stderr
    assert (tmp_path / "out" / "m.py").read_text() == shown.stdout
    default = _astc("show", "m.py", cwd=tmp_path)  # every registered pass: the toy first
    assert default.returncode == 0, default.stderr
    assert "times-one: done in f: x * 1 -> x [ASTC103]" in default.stderr
    disabled = _astc("show", "m.py", "--disable", "times-one", cwd=tmp_path)
    assert disabled.returncode == 0, disabled.stderr
    assert "times-one" not in disabled.stderr
    assert disabled.stdout == default.stdout  # the other passes fold `3 * 1` their own way


# -- the passes' before/after examples -----------------------------------------------------

#: ``Before::`` or ``After (...)::`` and the indented block after it, in a docstring.
_EXAMPLE = re.compile(r"^(Before|After)(?:[^\n]|\n(?=\S))*?::\n\n((?:(?:    [^\n]*)?\n)+)", re.M)


def examples(doc: str) -> dict[str, str]:
    """The ``Before`` and ``After`` blocks of a pass's docstring, dedented."""
    found = {
        kind: textwrap.dedent(block).strip("\n") + "\n" for kind, block in _EXAMPLE.findall(doc)
    }
    assert set(found) == {"Before", "After"}, "a pass's docstring has one Before:: and After::"
    return found


def _pass_modules() -> list[tuple[str, str]]:
    return [(name, where.partition(":")[0]) for name, where in [*registry.REGISTRY, TOY]]


@pytest.mark.parametrize(("name", "module"), _pass_modules(), ids=lambda v: str(v))
def test_the_docstring_example_of_each_pass_is_its_output(
    name: str, module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled with that pass alone (default model), ``Before`` gives exactly ``After``
    (blank lines included: removed code leaves the lines below where they were), and both
    run the same."""
    if name == TOY[0]:
        monkeypatch.setattr(registry, "REGISTRY", list(registry.REGISTRY))
        monkeypatch.setattr(registry, "PASS_NAMES", registry.PASS_NAMES)
        registry.register(*TOY)
    doc = importlib.import_module(module).__doc__
    assert doc is not None
    example = examples(doc)
    result = astc.compile_source(example["Before"], options=astc.Options(passes=(name,)))
    assert result.ok and result.code is not None, result.diagnostics
    assert without_header(result.code) == example["After"]
    assert any(e.pass_name == name and e.applied for e in result.report.entries)
    assert run_module(example["After"]) == run_module(example["Before"])


# -- the documentation's tables follow the registry ----------------------------------------

_CODE = re.compile(r"ASTC\d{3}")


def _semantics_rows() -> dict[str, str]:
    """``docs/semantics.md``'s table of preconditions: pass name -> its row."""
    text = (ROOT / "docs" / "semantics.md").read_text()
    table = text[text.index("| pass | precondition") :].split("\n\n")[0]
    rows = [line for line in table.splitlines()[2:] if line.startswith("| `")]
    return {row.split("`")[1]: row for row in rows}


def test_the_semantics_table_lists_every_pass_with_its_codes() -> None:
    rows = _semantics_rows()
    assert set(rows) == set(registry.names())
    for cls in registry.load():
        declared = {c.value for c in (*cls.applied, *cls.refusals)}
        named = set(_CODE.findall(rows[cls.name]))
        assert named <= declared, f"{cls.name}: the table names codes it does not declare"
        missing = {c.value for c in cls.refusals} - named
        assert not missing, f"{cls.name}: refusals missing from docs/semantics.md: {missing}"


@pytest.mark.parametrize(
    ("doc", "before"), [("README.md", "(passes: "), ("docs/cli.md", "(pass order: ")]
)
def test_the_lists_of_passes_are_the_registry_in_order(doc: str, before: str) -> None:
    text = " ".join((ROOT / doc).read_text().split())
    listed = text[text.index(before) + len(before) :].split(")")[0]
    assert re.findall(r"`([a-z-]+)`", listed) == list(registry.names())


def test_astc_codes_lists_every_code() -> None:
    from click.testing import CliRunner

    from astc.cli import main

    listed = CliRunner().invoke(main, ["codes"])
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [c.value for c in Code]
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)  # each has a title
    for code in (Code.INLINED, Code.CHANGES_SCOPE):
        one = CliRunner().invoke(main, ["codes", code.value])
        assert one.exit_code == 0 and code.value in one.stdout


#: Inputs reaching refusals that the golden cases do not.
_REFUSING = [
    "def h(x):\n    return x + 1\ndef g(x):\n    return h(x)\n"
    "def f():\n    h = 5\n    return g(1), h\n",
    "def f():\n    return 1\n    x = 2\n    if False:\n        y = 1\n    return y\n",
]


def test_every_code_a_pass_reports_is_one_it_declares() -> None:
    declared = {p.name: {*p.applied, *p.refusals} for p in registry.load()}
    sources = [p.read_text().partition("# output:\n")[0] for p in CASES]
    sources += [examples(importlib.import_module(m).__doc__ or "")["Before"] for m in _MODULES]
    seen: set[tuple[str, Code]] = set()
    for source in [*sources, *_REFUSING]:
        alone = [astc.Options(passes=(name,)) for name in declared]
        for options in (astc.Options(), astc.Options(assume_stable=True), *alone):
            result = astc.compile_source(source, options=options)
            seen.update((e.pass_name, e.code) for e in result.report.entries)
    undeclared = {(name, code) for name, code in seen if name in declared}
    undeclared = {(n, c) for n, c in undeclared if c not in declared[n]}
    assert not undeclared
    assert {n for n, _ in seen} >= set(declared)  # every pass was exercised


def test_the_readme_layout_names_only_paths_that_exist() -> None:
    """Every path in the layout exists (files a folder's row names included), and the
    layout names every package of astc and every module of astc/passes."""
    text = (ROOT / "README.md").read_text()
    block = text[text.index("## Layout") :].split("```")[1]
    folder, named = ROOT, set()
    for line in block.splitlines():
        where, _, what = line.partition(" ")
        if where:
            folder = ROOT / where
            named.add(folder)
        for file in re.findall(r"[\w/]+\.py", what):
            named.add(ROOT / file if "/" in file else folder / file)
    assert sorted(str(p.relative_to(ROOT)) for p in named if not p.exists()) == []
    packages = {p for p in (ROOT / "astc").iterdir() if (p / "__init__.py").exists()}
    assert packages <= named
    passes = {p for p in (ROOT / "astc" / "passes").glob("*.py") if p.name != "__init__.py"}
    assert passes <= named


def test_semantics_names_only_test_files_that_exist() -> None:
    text = (ROOT / "docs" / "semantics.md").read_text()
    named = set(re.findall(r"`(tests/[\w/.]+)`", text))
    named |= {f"tests/cases/{n}" for n in re.findall(r"`(\w+\.py)`", text) if "_" in n}
    assert {n for n in named if n.startswith("tests/test_")}, "semantics.md names its tests"
    missing = sorted(n for n in named if not (ROOT / n).exists())
    assert not missing


# -- generated names: one home (astc/generated.py), checked against the runtime -----------
#: Where ``_astc_`` names may be spelled: the home, and the runtime text copied into
#: compiled modules and saved packages, which runs without astc and so spells its own.
_NAME_HOMES = {
    "astc/generated.py",
    "astc/backends/runtime.py",
    "astc/backends/runtime_exact.py",
    "astc/hybrid/_runtime.py",
    "astc/hybrid/jit.py",
}
_GENERATED = re.compile(r"(?<!\w)_astc_")


def _code_strings(tree: ast.AST) -> list[ast.Constant]:
    """The string literals of ``tree`` that are not docstrings (f-string parts included)."""
    docs = {
        id(n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)
    }
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    ]


def test_generated_names_are_spelled_only_in_their_home() -> None:
    spelled = [
        f"{path.relative_to(ROOT)}:{s.lineno}: {s.value[:60]!r}"
        for path in sorted((ROOT / "astc").rglob("*.py"))
        if str(path.relative_to(ROOT)) not in _NAME_HOMES
        for s in _code_strings(ast.parse(path.read_text(encoding="utf-8")))
        if _GENERATED.search(s.value)
    ]
    assert spelled == []  # use (or add) a name of astc.generated


def _helpers() -> set[str]:
    return {
        fn.helper
        for table in (library.MATH, library.NUMPY, library.BUILTINS)
        for fn in table.values()
        if fn.helper is not None
    }


def test_the_runtime_defines_every_name_the_compiler_calls() -> None:
    numba = pytest.importorskip("numba")
    space: dict[str, Any] = {"__name__": "runtime_check"}
    exec(emit.runtime_source(), space)
    before = set(space)
    space["_astc_setup"](space, numba)  # the exact helpers: stubs defined at the first kernel
    stubs = set(space) - before - {"_astc_setup_done"}
    table = set(generated.RUNTIME) | _helpers()
    assert table - set(space) == set()  # every name the compiler calls is defined
    assert stubs - table == set()  # and the table lists every helper the runtime defines


def test_the_runtime_reads_generated_names_by_the_home_s_prefixes() -> None:
    strings = {s.value for s in _code_strings(ast.parse(emit.runtime_source()))}
    assert set(generated.READ_BY_RUNTIME) <= strings


def test_hybridize_s_typing_helpers_are_the_ones_the_lowering_calls() -> None:
    jit = importlib.import_module("astc.hybrid.jit")  # astc.hybrid.jit is also a function
    expected = {generated.WEAK} | {
        generated.weak_operator(op, side) for op in jit.WEAK_OPERATORS for side in "lr"
    }
    assert set(jit.kernel_globals()) == expected


def test_start_up_imports_only_what_the_command_needs(tmp_path: Path) -> None:
    """``astc`` commands that compile nothing (``--help``, a warm ``compile`` whose outputs
    are all up to date) never import LibCST or the compiler; a compile without kernels
    never imports the kernel analysis. (Each was a tenth to a half of start-up.)"""
    script = textwrap.dedent(
        """\
        import sys
        import astc.cli
        assert "libcst" not in sys.modules and "astc.pipeline" not in sys.modules
        assert "importlib.metadata" not in sys.modules or "--metadata-ok" in sys.argv
        import astc
        astc.compile_source("def f(a):\\n    return a + 1\\n\\nprint(f(2))\\n")
        heavy = [m for m in ("astc.backends.analysis", "astc.backends.build") if m in sys.modules]
        assert not heavy, heavy
        astc.compile_source("def g(a):\\n    for i in range(3):\\n        a += i\\n    return a\\n",
                            options=astc.Options(kernels="auto"))
        assert "astc.backends.analysis" in sys.modules
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", script, "--metadata-ok" if _site_needs_metadata() else ""],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr


def _site_needs_metadata() -> bool:
    """Whether the interpreter's own start-up (a ``.pth`` file) imports importlib.metadata."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys; print('importlib.metadata' in sys.modules)"],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() == "True"
