"""``astc show --stop-after``, ``astc explain``, ``astc clean``, ``--version``, pre-commit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from _cli_project import RECURSIVE, astc, make_project, run_python
from click.testing import CliRunner

from astc.cli import main
from tests.conftest import without_header


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "proj")
    (root / "pkg" / "rec.py").write_text(RECURSIVE)
    return root


def test_show_stop_after_runs_the_passes_up_to_that_one(project: Path, tmp_path: Path) -> None:
    src = str(project / "pkg" / "fancy.py")
    full = CliRunner().invoke(main, ["show", src, "--no-report"])
    inlined = CliRunner().invoke(main, ["show", src, "--stop-after", "inline", "--no-report"])
    assert full.exit_code == inlined.exit_code == 0
    assert without_header(full.stdout).rstrip().endswith("print(10)")
    assert without_header(inlined.stdout).rstrip().endswith("print(fancy_func(1, 2, 3, 4))")
    assert "e = a + b" in inlined.stdout  # inlining happened
    for name, text in (("full.py", full.stdout), ("inlined.py", inlined.stdout)):
        (tmp_path / name).write_text(text)
        assert run_python(tmp_path / name) == "10\n"
    bad = CliRunner().invoke(main, ["show", src, "--stop-after", "nope"])
    assert bad.exit_code == 2


def test_explain_lists_functions_with_reason_codes(project: Path) -> None:
    src = str(project / "pkg" / "rec.py")
    result = CliRunner().invoke(main, ["explain", src])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"{src}::fact\n" in out and f"{src}::sq\n  nothing to do\n" in out
    method = out[out.index(f"{src}::C.m") :]
    assert "info: inline: refused in C.m: call to fact: fact is recursive [ASTC201]" in method
    assert "info: inline: done in C.m: call to sq [ASTC101]" in method
    assert "[ASTC102]" in method  # fact(3) folded


def test_explain_one_function(project: Path) -> None:
    src = str(project / "pkg" / "rec.py")
    one = CliRunner().invoke(main, ["explain", f"{src}::C.m"])
    assert one.exit_code == 0
    assert one.stdout.startswith(f"{src}::C.m\n") and "::fact" not in one.stdout
    missing = CliRunner().invoke(main, ["explain", f"{src}::nope"])
    assert missing.exit_code == 2 and "no function 'nope'" in missing.stderr


def test_explain_and_show_report_syntax_errors(project: Path) -> None:
    bad = project / "bad.py"
    bad.write_text("def f(:\n")
    for command in ("explain", "show"):
        result = CliRunner().invoke(main, [command, str(bad)])
        assert result.exit_code == 123
        assert f"{bad}:1:7: error: invalid syntax [ASTC001]" in result.stderr


def test_clean_removes_only_astc_caches(project: Path) -> None:
    assert astc("compile", "pkg", "-W", "1", cwd=project).returncode == 0
    cache = project / ".astc_cache"
    assert (cache / "CACHEDIR.TAG").exists()
    proc = astc("clean", cwd=project)
    assert proc.returncode == 0 and not cache.exists()
    assert (project / "build" / "astc" / "pkg" / "fancy.py").exists()  # outputs stay
    precious = project / "precious"
    precious.mkdir()
    (precious / "data.txt").write_text("keep me\n")
    refused = CliRunner().invoke(main, ["clean", "--cache-dir", str(precious)])
    assert refused.exit_code == 2 and (precious / "data.txt").exists()


def test_version_names_every_component_without_importing_numba() -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom astc.cli import main\n"
        "r = CliRunner().invoke(main, ['--version'])\n"
        "print(r.output)\nprint('numba' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("astc ") and lines[1].startswith("Python 3.")
    assert lines[2].startswith("LibCST 1.") and lines[3].startswith("Numba ")
    assert lines[-1] == "False"


def test_pre_commit_hook_definition() -> None:
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    check = next(h for h in hooks if h["id"] == "astc-check")
    assert check["entry"].split() == ["astc", "compile", "--check", "--force-exclude"]
    assert check["require_serial"] is True and check["language"] == "python"
