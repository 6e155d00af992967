"""The minimal CLI of the core issue: compile, show, exit codes, nothing half-written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from astc.cli import main
from tests.conftest import without_header

SEED = Path(__file__).parent.parent / "samples" / "fancy_func.py"


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files here have no project root: keep their cache out of the current directory."""
    monkeypatch.setenv("ASTC_CACHE_DIR", str(tmp_path / "cache"))


def test_show_prints_code_and_report() -> None:
    result = CliRunner().invoke(main, ["show", str(SEED)])
    assert result.exit_code == 0
    assert without_header(result.stdout).rstrip().endswith("print(10)")
    assert "call-fold: done" in result.stderr


def test_compile_writes_outputs_and_bad_file_exits_123(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f(:\n")
    seed = tmp_path / "fancy_func.py"
    seed.write_text(SEED.read_text())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(bad), str(seed), "-o", str(out)])
    assert result.exit_code == 123
    assert f"{bad}:1:7: error: invalid syntax [ASTC001]" in result.stderr
    assert (out / "fancy_func.py").exists() and not (out / "bad.py").exists()
    assert bad.read_text() == "def f(:\n"


def test_unreadable_file_exits_123_and_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    undecodable = tmp_path / "m.py"
    undecodable.write_bytes(b"# -*- coding: no-such-codec -*-\nx = 1\n")
    result = CliRunner().invoke(main, ["compile", str(undecodable), "-o", str(tmp_path / "o")])
    assert result.exit_code == 123
    assert "cannot read" in result.stderr
    missing = CliRunner().invoke(main, ["compile", str(tmp_path / "missing.py")])
    assert missing.exit_code == 2
    assert "does not exist" in missing.stderr


def test_never_overwrites_the_source(tmp_path: Path) -> None:
    src = tmp_path / "m.py"
    src.write_text("x = 1 + 1\n")
    result = CliRunner().invoke(main, ["compile", str(src), "-o", str(tmp_path)])
    assert result.exit_code == 2  # one usage error: the output directory holds the source
    assert "holds the source" in result.stderr
    assert src.read_text() == "x = 1 + 1\n"


def test_python_dash_m_astc_and_compiled_output_runs(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "astc", "compile", str(SEED), "-o", str(tmp_path), "--no-cache"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    ran = subprocess.run(
        [sys.executable, "-I", str(tmp_path / "samples" / "fancy_func.py")],
        capture_output=True,
        text=True,
    )
    assert ran.stdout == "10\n"


def test_usage_error_exits_2() -> None:
    assert CliRunner().invoke(main, ["compile"]).exit_code == 2
