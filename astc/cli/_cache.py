"""The compile cache: which outputs are known to be up to date, so warm runs do no work.

One JSON file per (astc version, option fingerprint, verify) under
``<cache dir>/compile/``; it maps each source's absolute path to what the last run saw:
the source's size, mtime and SHA-256, and the output's path, size and mtime. A file is
*fresh* when its source still matches (same stat, or same hash when only the stat changed:
fresh checkouts reset mtimes) and its output still has the recorded stat. Anything else is
compiled again. The cache directory carries ``CACHEDIR.TAG`` so backup tools skip it and a
``.gitignore`` of ``*`` so Git does not list it; files are written atomically; a missing or
corrupt cache file is an empty cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from astc._fs import write_atomic
from astc._version import __version__

CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by astc.\n"
    "# For information about cache directory tags, see: https://bford.info/cachedir/\n"
)

#: Git ignores the whole cache directory (as Ruff's and pytest's caches do).
GITIGNORE = "# Created by astc automatically.\n*\n"


@dataclass(frozen=True)
class Stamp:
    """A file's size and modification time (ns)."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Stamp | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return cls(st.st_size, st.st_mtime_ns)


@dataclass(frozen=True)
class Entry:
    """What the cache remembers about one compiled source."""

    source: Stamp
    sha256: str
    output: str
    output_stamp: Stamp
    counts: dict[str, int]


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def is_astc_cache(directory: Path) -> bool:
    """Whether ``directory`` is a cache astc made (safe for ``astc clean`` to remove)."""
    try:
        return (directory / "CACHEDIR.TAG").read_text(encoding="utf-8") == CACHEDIR_TAG
    except (OSError, UnicodeDecodeError):
        return False


class Cache:
    """The entries for one options fingerprint; :meth:`save` writes back what changed."""

    def __init__(self, directory: Path, key: str) -> None:
        self.directory = directory
        self.file = directory / "compile" / f"{__version__}-{key}.json"
        self.entries: dict[str, Entry] = {}
        self.dirty = False
        try:
            raw = json.loads(self.file.read_text(encoding="utf-8"))
            for path, e in raw.items():
                self.entries[path] = Entry(
                    Stamp(**e["source"]),
                    e["sha256"],
                    e["output"],
                    Stamp(**e["output_stamp"]),
                    dict(e["counts"]),
                )
        except (OSError, ValueError, KeyError, TypeError):
            self.entries = {}

    def fresh(self, source: Path, output: Path) -> Entry | None:
        """The entry if ``output`` is known to be the up-to-date compiled form of ``source``."""
        entry = self.entries.get(str(source))
        if entry is None or entry.output != str(output):
            return None
        if Stamp.of(output) != entry.output_stamp:
            return None
        stamp = Stamp.of(source)
        if stamp == entry.source:
            return entry
        if stamp is None or stamp.size != entry.source.size:
            return None
        if file_sha256(source) != entry.sha256:
            return None
        renewed = Entry(stamp, entry.sha256, entry.output, entry.output_stamp, entry.counts)
        self.put(source, renewed)  # same content, new mtime (a fresh checkout)
        return renewed

    def put(self, source: Path, entry: Entry) -> None:
        """Remember that ``entry.output`` is now the compiled form of ``source``."""
        self.entries[str(source)] = entry
        self.dirty = True

    def forget(self, source: Path) -> None:
        if self.entries.pop(str(source), None) is not None:
            self.dirty = True

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is no error."""
        if not self.dirty:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", GITIGNORE)):
                if not (self.directory / name).exists():
                    write_atomic(self.directory / name, text)
            data = {path: asdict(entry) for path, entry in sorted(self.entries.items())}
            write_atomic(self.file, json.dumps(data, separators=(",", ":")))
        except OSError:
            pass
