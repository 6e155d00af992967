"""Helpers for the import-hook tests: throw-away packages on sys.path, subprocess runs."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import astc
from astc.hook.finder import AstcFinder

#: A module astc compiles visibly: the guard alias ``_astc_add`` exists only in compiled code.
FANCY = (
    (Path(__file__).resolve().parent.parent / "samples" / "fancy_func.py")
    .read_text()
    .replace("print(fancy_func(1, 2, 3, 4))", "RESULT = fancy_func(1, 2, 3, 4)")
)

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ASTC = [PYTHON, "-m", "astc"]


def compiled(module: object) -> bool:
    """Whether ``module`` runs astc's code (the guard alias only exists there)."""
    return hasattr(module, "_astc_add")


class Project:
    """A source directory on sys.path in which tests write packages."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def write(self, relpath: str, text: str) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
        return path

    def package(self, name: str, modules: dict[str, str]) -> Path:
        """A package ``name`` with ``__init__.py`` and the given modules (name -> source)."""
        self.write(f"{name}/__init__.py", "")
        for mod, source in modules.items():
            self.write(f"{name}/{mod}.py", source)
        return self.root / name

    def entries(self) -> list[Path]:
        """Every astc cache entry under the project (in __pycache__ folders)."""
        return sorted(self.root.rglob("*.opt-astc-*.pyc"))


def forget(prefix: str) -> None:
    """Drop ``prefix`` and its submodules from sys.modules (a fresh import follows)."""
    for name in [n for n in sys.modules if n == prefix or n.startswith(prefix + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def fresh_import(name: str) -> object:
    forget(name.partition(".")[0])
    return importlib.import_module(name)


def astc_finders() -> list[AstcFinder]:
    return [f for f in sys.meta_path if isinstance(f, AstcFinder)]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a child Python: caching on, no inherited astc settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ASTC_", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"))
    }
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(extra)
    return env


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=clean_env(**env), capture_output=True, text=True, timeout=60
    )


__all__ = ["ASTC", "FANCY", "PYTHON", "Project", "astc", "compiled", "fresh_import", "run"]
