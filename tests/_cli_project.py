"""Fixture trees for the command-line tests: a small project with a package in it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FANCY = (Path(__file__).resolve().parent.parent / "samples" / "fancy_func.py").read_text()

CONST = "WIDTH = 2 * 21\nprint(WIDTH + 1)\n"
PLAIN = "import sys\nprint(len(sys.argv) > 0)\n"  # nothing to optimize

#: A recursive function (never inlined), a method calling two module functions.
RECURSIVE = """\
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def sq(x):
    return x * x

class C:
    def m(self, y):
        return sq(y) + fact(3)

print(C().m(2))
"""


def make_project(root: Path, pyproject: str | None = None) -> Path:
    """``root`` as a Git-less project root (``.git`` marks it) with ``pkg/`` inside."""
    (root / ".git").mkdir(parents=True)
    pkg = root / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "fancy.py").write_text(FANCY)
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "const.py").write_text(CONST)
    (pkg / "plain.py").write_text(PLAIN)
    if pyproject is not None:
        (root / "pyproject.toml").write_text(pyproject)
    return root


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file below ``directory`` (relative POSIX path -> bytes)."""
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def astc(
    *args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m astc ARGS`` in a real subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "astc", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def run_python(path: Path, cwd: Path | None = None) -> str:
    """Stdout of running ``path`` with a plain interpreter (no astc on the path)."""
    proc = subprocess.run(
        [sys.executable, "-I", str(path)], capture_output=True, text=True, cwd=cwd, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout
