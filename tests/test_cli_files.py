"""Which files ``astc compile`` takes: includes, excludes, ``.gitignore``, --force-exclude."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _cli_project import FANCY, astc, make_project
from click.testing import CliRunner

from astc.cli import main


def compiled(project: Path, *args: str) -> list[str]:
    """The outputs a run writes, relative to the output directory."""
    out = project / "out"
    shutil.rmtree(out, ignore_errors=True)
    result = CliRunner().invoke(main, ["compile", *args, "-o", str(out), "-W", "1"])
    assert result.exit_code == 0, result.output
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.py")) if out.exists() else []


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "proj")
    for skipped in ("build", ".venv/lib", "pkg/__pycache__", "dist"):
        (root / skipped).mkdir(parents=True, exist_ok=True)
        (root / skipped / "junk.py").write_text("x = 1\n")
    (root / "pkg" / "notes.txt").write_text("not python\n")
    (root / "pkg" / "stub.pyi").write_text("x: int\n")
    return root


def test_default_excludes_and_include(project: Path) -> None:
    assert compiled(project, str(project)) == [
        "pkg/__init__.py",
        "pkg/fancy.py",
        "pkg/plain.py",
        "pkg/sub/__init__.py",
        "pkg/sub/const.py",
    ]


def test_exclude_replaces_and_extend_exclude_adds(project: Path) -> None:
    got = compiled(project, str(project), "--exclude", "sub/", "--exclude", ".venv")
    assert "pkg/sub/const.py" not in got and "build/junk.py" in got and "dist/junk.py" in got
    assert ".venv/lib/junk.py" not in got
    got = compiled(project, str(project), "--extend-exclude", "pkg/plain.py")
    assert "pkg/plain.py" not in got and "pkg/fancy.py" in got and "build/junk.py" not in got


def test_include_glob(project: Path) -> None:
    got = compiled(project, str(project), "--include", "*.pyi", "--include", "const.py")
    assert got == ["pkg/sub/const.py"]  # .pyi written as .pyi: not listed by *.py


def test_gitignore_root_and_nested(project: Path) -> None:
    (project / ".gitignore").write_text("# generated\nplain.py\n")
    (project / "pkg" / "sub" / ".gitignore").write_text("/const.py\n")
    assert compiled(project, str(project)) == [
        "pkg/__init__.py",
        "pkg/fancy.py",
        "pkg/sub/__init__.py",
    ]


def test_gitignore_of_the_root_applies_when_a_subdirectory_is_given(project: Path) -> None:
    (project / ".gitignore").write_text("sub/\n")
    assert compiled(project, str(project / "pkg")) == [
        "pkg/__init__.py",
        "pkg/fancy.py",
        "pkg/plain.py",
    ]


def test_named_files_are_compiled_unless_force_exclude(project: Path) -> None:
    (project / ".gitignore").write_text("plain.py\n")
    named = [str(project / "pkg" / "plain.py"), str(project / "build" / "junk.py")]
    assert compiled(project, *named) == ["build/junk.py", "pkg/plain.py"]
    assert compiled(project, *named, "--force-exclude") == []


def test_pre_commit_style_run_with_force_exclude(project: Path) -> None:
    proc = astc(
        "compile", "--check", "--force-exclude", "pkg/fancy.py", "build/junk.py", cwd=project
    )
    assert proc.returncode == 1  # fancy's output is missing; build/ is excluded
    assert "would compile pkg/fancy.py" in proc.stderr and "junk" not in proc.stderr


def test_output_and_cache_directories_are_never_walked(project: Path) -> None:
    gen = project / "gen"  # not excluded by name: only being the output directory skips it
    args = ["compile", str(project), "-o", str(gen), "--exclude", ".git", "-W", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert (gen / "pkg" / "fancy.py").exists()
    (gen / "pkg" / "extra.py").write_text(FANCY)
    again = CliRunner().invoke(main, [*args, "-v"])
    assert again.exit_code == 0
    assert "extra.py" not in again.stderr and not (gen / "gen").exists()
    assert f"{project / '.astc_cache'}/" not in again.stderr  # nothing below it is listed


def test_exclude_from_config_as_a_string_or_a_list(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.astc]\nextend-exclude = "sub/"\n')
    assert "pkg/sub/const.py" not in compiled(project, str(project))
    (project / "pyproject.toml").write_text('[tool.astc]\nextend-exclude = ["sub/", "plain.py"]\n')
    got = compiled(project, str(project))
    assert "pkg/plain.py" not in got and "pkg/fancy.py" in got and "pkg/sub/const.py" not in got
