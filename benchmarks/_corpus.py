"""The standard-library corpus, shared by benchmarks that read real code.

Every ``.py`` file of the running Python's stdlib is a candidate, but files under
``site-packages``/``dist-packages`` and test directories are left out, as are
files that cannot be decoded (``tokenize.detect_encoding``) or that ``compile()`` rejects
(e.g. ``lib2to3`` grammar fixtures written for Python 2). The default is a deterministic
sample: the eligible paths sorted, then every N-th one.
"""

from __future__ import annotations

import io
import os
import sysconfig
import tokenize
import warnings
from dataclasses import dataclass
from pathlib import Path

#: Directory names whose whole subtree is skipped.
EXCLUDED_DIRS = frozenset(
    {"site-packages", "dist-packages", "test", "tests", "idle_test", "__pycache__"}
)


@dataclass(frozen=True)
class SourceFile:
    """One decoded corpus file."""

    path: Path
    rel: str  # path relative to the stdlib root, POSIX separators
    source: str
    lines: int


@dataclass(frozen=True)
class Corpus:
    """The files selected, and how many candidates were looked at and skipped."""

    root: Path
    files: list[SourceFile]
    candidates: int  # eligible paths before sampling
    sampled: int  # paths picked by the sample (== candidates with full=True)
    skipped: list[str]  # sampled paths not decodable or rejected by compile()

    @property
    def lines(self) -> int:
        return sum(f.lines for f in self.files)


def stdlib_root() -> Path:
    """Directory of the pure-Python standard library."""
    return Path(sysconfig.get_paths()["stdlib"])


def candidate_paths(root: Path) -> list[Path]:
    """All eligible ``.py`` paths under ``root``, sorted by relative path."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in EXCLUDED_DIRS)
        found.extend(Path(dirpath, f) for f in filenames if f.endswith(".py"))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def count_lines(source: str) -> int:
    """Physical lines, counting a last line without a newline."""
    return source.count("\n") + (1 if source and not source.endswith("\n") else 0)


def load(path: Path, root: Path) -> SourceFile | None:
    """The decoded file, or ``None`` if it cannot be decoded or does not compile."""
    try:
        data = path.read_bytes()
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        source = data.decode(encoding)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning for invalid escapes etc.
            compile(source, str(path), "exec", dont_inherit=True)
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError, LookupError):
        return None
    rel = path.relative_to(root).as_posix()
    return SourceFile(path, rel, source, count_lines(source))


def select(paths: list[Path], sample: int, full: bool) -> list[Path]:
    """Every path with ``full``; else every N-th, N chosen to give about ``sample`` paths."""
    if full or len(paths) <= sample:
        return list(paths)
    step = len(paths) // sample
    return paths[::step][:sample]


def load_corpus(sample: int = 150, full: bool = False) -> Corpus:
    """The stdlib corpus, sampled deterministically unless ``full``."""
    root = stdlib_root()
    paths = candidate_paths(root)
    chosen = select(paths, sample, full)
    files: list[SourceFile] = []
    skipped: list[str] = []
    for path in chosen:
        loaded = load(path, root)
        if loaded is None:
            skipped.append(path.relative_to(root).as_posix())
        else:
            files.append(loaded)
    return Corpus(root, files, len(paths), len(chosen), skipped)
