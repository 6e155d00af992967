"""The semantic model's promises, tested on real imports (docs/semantics.md)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from unittest import mock

import pytest

import astc
from tests.conftest import without_header

SEED = (Path(__file__).parent.parent / "samples" / "fancy_func.py").read_text()


def _import_compiled(
    tmp_path: Path, name: str, source: str, options: astc.Options | None = None
) -> object:
    result = astc.compile_source(source, filename=f"{name}.py", options=options)
    assert result.code is not None
    (tmp_path / f"{name}.py").write_text(result.code)
    sys.path.insert(0, str(tmp_path))
    try:
        sys.modules.pop(name, None)
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(tmp_path))


def test_seed_compiles_to_the_folded_program(capsys: pytest.CaptureFixture[str]) -> None:
    result = astc.compile_source(SEED)
    assert result.code is not None
    assert without_header(result.code).rstrip().endswith("print(10)")
    # Each inlined call site checks `add` where the original reads it.
    assert result.code.count("if add is _astc_add else add(") == 3
    exec(compile(result.code, "<seed>", "exec"), {})
    assert capsys.readouterr().out == "10\n"
    codes = {e.code for e in result.report.applied}
    assert {astc.Code.INLINED, astc.Code.CALL_FOLDED} <= codes


def test_monkeypatched_callee_is_still_called(tmp_path: Path) -> None:
    """`mock.patch("mod.add")` after import must be seen by compiled fancy_func."""
    mod = _import_compiled(tmp_path, "seed_patch_target", SEED.replace("print(", "_ = ("))
    assert mod.fancy_func(1, 2, 3, 4) == 10  # type: ignore[attr-defined]
    with mock.patch.object(mod, "add", lambda a, b: a * b):
        assert mod.fancy_func(1, 2, 3, 4) == (1 * 2) * (3 * 4)  # type: ignore[attr-defined]
    assert mod.fancy_func(1, 2, 3, 4) == 10  # type: ignore[attr-defined]


def test_assume_stable_drops_the_guard(tmp_path: Path) -> None:
    mod = _import_compiled(
        tmp_path, "seed_stable", SEED.replace("print(", "_ = ("), astc.Options(assume_stable=True)
    )
    assert "_astc_add" not in Path(mod.__file__).read_text()  # type: ignore[attr-defined]
    with mock.patch.object(mod, "add", lambda a, b: a * b):
        # The documented relaxation: patches after import are not seen.
        assert mod.fancy_func(1, 2, 3, 4) == 10  # type: ignore[attr-defined]


def test_patched_module_constant_is_seen_by_default(tmp_path: Path) -> None:
    source = "N = 10\ndef f(x):\n    return x * N\n"
    mod = _import_compiled(tmp_path, "const_patch_target", source)
    with mock.patch.object(mod, "N", 3):
        assert mod.f(2) == 6  # type: ignore[attr-defined]


def test_code_that_rebinds_before_the_call_makes_the_guard_fail(tmp_path: Path) -> None:
    """The guard is checked at the call site, after `o.run()` ran: it sees the rebinding."""
    source = "def inc(x):\n    return x + 1\ndef f(o, x):\n    o.run()\n    return inc(x)\n"
    mod = _import_compiled(tmp_path, "opaque_call_target", source)
    assert "return x + 1 if inc is _astc_inc else inc(x)" in Path(
        mod.__file__  # type: ignore[attr-defined]
    ).read_text()

    class Rebinder:
        def run(self) -> None:
            mod.inc = lambda x: -x  # type: ignore[attr-defined]

    assert mod.f(Rebinder(), 5) == -5  # type: ignore[attr-defined]


def test_folding_never_hangs_or_explodes() -> None:
    source = "a = 2 ** 10 ** 8\nb = 'a' * 10 ** 10\nc = (1,) * 10 ** 9\n"
    result = astc.compile_source(source)
    assert result.code is not None
    assert "2 ** 100000000" in result.code and "'a' * 10000000000" in result.code
    assert {e.code for e in result.report.refused} == {astc.Code.LIMIT_EXCEEDED}


def test_untouched_code_is_byte_identical() -> None:
    source = "x = 1  # a comment\n\n\ny = 'single'   # spacing kept\nz = 2 * 3\n"
    result = astc.compile_source(source)
    assert result.code is not None
    body = without_header(result.code)
    assert body.startswith("x = 1  # a comment\n")
    assert "y = 'single'   # spacing kept\n" in body and "z = 6\n" in body


def test_line_numbers_of_later_statements_are_kept() -> None:
    source = "def f():\n    a = 1\n    b = 2\n    return a + b\n\n\n\nraise ValueError('line 8')\n"
    result = astc.compile_source(source, options=astc.Options(assume_stable=True))
    assert result.code is not None
    lines = result.code.splitlines()
    assert lines[7] == "raise ValueError('line 8')"


def test_header_is_the_last_line_and_names_version_and_hash() -> None:
    source = "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nx = 1 + 1\n"
    result = astc.compile_source(source)
    assert result.code is not None
    lines = result.code.splitlines()
    assert lines[:3] == ["#!/usr/bin/env python", "# -*- coding: utf-8 -*-", "x = 2"]
    assert lines[3].startswith(f"# Compiled by astc {astc.__version__} from sha256:")
    import hashlib

    assert hashlib.sha256(source.encode()).hexdigest() in lines[3]


def test_unchanged_module_keeps_every_byte_and_line() -> None:
    source = '"""Doc."""\n\nimport os\n\nprint(os.sep)'  # no newline at the end, even
    result = astc.compile_source(source)
    assert result.code is not None and not result.changed
    assert result.code.startswith(source + "\n# Compiled by astc ")
    assert astc.compile_source(result.code).code == result.code


def test_syntax_error_is_a_diagnostic() -> None:
    result = astc.compile_source("def f(:\n", filename="bad.py")
    assert not result.ok and result.code is None
    assert result.diagnostics[0].format() == "bad.py:1:7: error: invalid syntax [ASTC001]"


def test_compiled_output_does_not_import_astc() -> None:
    result = astc.compile_source(SEED)
    assert result.code is not None and "astc" not in "".join(
        line for line in without_header(result.code).splitlines() if "import" in line
    )


def test_unknown_pass_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown pass"):
        astc.Options(passes=("nope",))


def test_disabled_pass_does_not_run() -> None:
    result = astc.compile_source(SEED, options=astc.Options(passes=("constant-fold",)))
    assert result.code is not None and "fancy_func(1, 2, 3, 4)" in result.code


SELF_IMPORT = """\
def add(a, b):
    return a + b


def f(x):
    return add(x, 2)


def patch():
    import selfimp

    selfimp.add = lambda a, b: a - b
"""


def test_assume_stable_is_not_applied_to_a_module_importing_itself() -> None:
    # `import selfimp` in selfimp.py is this module's own object when it is imported by
    # that name: the module can rebind its own globals through it.
    stable = astc.Options(assume_stable=True)
    result = astc.compile_source(SELF_IMPORT, filename="pkg/selfimp.py", options=stable)
    assert "add is _astc_add" in (result.code or "")  # the guard stays
    assert any(e.code is astc.Code.NOT_STABLE for e in result.report.entries)
    other = astc.compile_source(SELF_IMPORT, filename="pkg/other.py", options=stable)
    assert "add is _astc_add" not in (other.code or "")  # the promise holds elsewhere
    assert not any(e.code is astc.Code.NOT_STABLE for e in other.report.entries)
