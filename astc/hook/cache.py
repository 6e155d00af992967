"""Cache entries: where they live, how they are validated, how they are written.

An entry is a PEP 552 hash-based ``.pyc`` (magic number, flags ``0b11``, the 8-byte
``importlib.util.source_hash`` of the source bytes, marshalled code) stored under a name
that CPython never reads or writes: ``__pycache__/mod.cpython-311.opt-astc-<fp>.pyc``
(PEP 488's optimization tag; ``<fp>`` is the fingerprint of :mod:`astc.hook.fingerprint`).
So a plain import never loads astc's code, astc never loads a plain ``.pyc``, and entries
compiled with other options or another astc/LibCST version sit side by side.

Contracts:

* an entry is used only when its header matches the current source's hash (never mtime);
  anything malformed, truncated or unreadable is a miss, never an error;
* writes go to ``<entry>.<pid>.<random>.tmp`` and are renamed over the entry with
  ``os.replace``: readers see the old entry or the new one, never half of one; a failed
  write (read-only directory, permissions, full disk) is ignored;
* ``sys.pycache_prefix`` is honoured as CPython honours it (one tree, no fallback);
  otherwise an unwritable ``__pycache__`` falls back to astc's cache directory
  (:func:`astc._fs.cache_dir`: ``ASTC_CACHE_DIR``, else ``$XDG_CACHE_HOME/astc``, else
  ``~/.cache/astc``), mirroring the source's absolute path so that two sources never share
  an entry;
* ``sys.dont_write_bytecode`` (``-B``, ``PYTHONDONTWRITEBYTECODE``) asks for no bytecode
  beside the sources: entries then go to astc's cache directory only (which is not beside
  the source), so the cache keeps working; ``ASTC_NO_CACHE=1`` turns writing off entirely.

This module is on the warm path: it imports nothing the interpreter has not loaded already.
"""

from __future__ import annotations

import _imp
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER, cache_from_source
from types import CodeType

from astc._fs import cache_dir, write_atomic

#: Any value but empty or ``0`` stops the hook from writing cache entries anywhere.
ENV_NO_CACHE = "ASTC_NO_CACHE"
#: PEP 552 flags: hash-based (bit 0), check the source (bit 1).
_FLAGS = (0b11).to_bytes(4, "little")
_HEADER = 16


def entry_name(source_path: str, fingerprint: str) -> str | None:
    """The entry's path beside CPython's ``.pyc`` (honouring ``sys.pycache_prefix``), or None
    when this interpreter has no cache tag."""
    try:
        plain = cache_from_source(source_path, optimization="")
    except (NotImplementedError, ValueError):
        return None
    stem, ext = os.path.splitext(plain)
    return f"{stem}.opt-astc-{fingerprint}{ext}"


def plain_name(source_path: str) -> str | None:
    """CPython's own ``.pyc`` for the source (what a plain import reads and writes)."""
    try:
        return cache_from_source(source_path)
    except (NotImplementedError, ValueError):
        return None


def user_cache_dir() -> str:
    """The fallback cache root: astc's cache directory outside any project."""
    return cache_dir(None)


def fallback_name(source_path: str, fingerprint: str) -> str | None:
    """The entry's path under :func:`user_cache_dir`, mirroring the source's absolute path."""
    primary = entry_name(source_path, fingerprint)
    if primary is None:
        return None
    directory = os.path.dirname(os.path.abspath(source_path))
    drive, rest = os.path.splitdrive(directory)
    mirror = os.path.join(drive.replace(":", ""), rest.lstrip("\\/"))
    return os.path.join(user_cache_dir(), mirror, os.path.basename(primary))


def candidates(source_path: str, fingerprint: str) -> list[str]:
    """Where an entry may be written, in the order to try.

    Beside the source first (``__pycache__``, or CPython's ``sys.pycache_prefix`` tree, which
    has no fallback); under ``-B`` / ``PYTHONDONTWRITEBYTECODE`` only astc's cache directory.
    """
    if sys.dont_write_bytecode:
        names = [fallback_name(source_path, fingerprint)]
    elif sys.pycache_prefix:  # CPython's rule: one tree, no fallback
        names = [entry_name(source_path, fingerprint)]
    else:
        names = [entry_name(source_path, fingerprint), fallback_name(source_path, fingerprint)]
    return [name for name in names if name is not None]


def writing_disabled() -> bool:
    """Whether ``ASTC_NO_CACHE`` turns the hook's cache writes off."""
    return os.environ.get(ENV_NO_CACHE, "").strip() not in ("", "0")


def encode(source_hash: bytes, code: CodeType) -> bytes:
    """An entry's bytes: PEP 552 header then the marshalled code."""
    return MAGIC_NUMBER + _FLAGS + source_hash + marshal.dumps(code)


def decode(data: bytes, source_hash: bytes, source_path: str) -> CodeType | None:
    """The code in an entry if it is well-formed and was made from this source, else None."""
    if (
        len(data) <= _HEADER
        or data[:4] != MAGIC_NUMBER
        or data[4:8] != _FLAGS
        or data[8:16] != source_hash
    ):
        return None
    try:
        code = marshal.loads(memoryview(data)[_HEADER:])
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(code, CodeType):
        return None
    # the tree may have moved since: point the code at the file it now comes from, as
    # SourceLoader does for plain .pyc files
    _imp._fix_co_filename(code, source_path)  # type: ignore[attr-defined]
    return code


def read_file(path: str) -> bytes:
    """A file's bytes, with plain ``os`` calls (half the cost of ``open().read()``)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        parts = [os.read(fd, os.fstat(fd).st_size + 1)]
        while parts[-1]:  # a file that grew meanwhile, or a short read
            parts.append(os.read(fd, 1 << 16))
    finally:
        os.close(fd)
    return b"".join(parts)


def load(
    source_path: str, fingerprint: str, source_hash: bytes, primary: str | None = None
) -> tuple[CodeType, str] | None:
    """The cached code for this source and the entry it came from, or None (a miss).

    ``primary`` is :func:`entry_name`'s result when the caller already has it; the fallback
    location is only worked out when the primary one holds no valid entry.
    """
    name = primary or entry_name(source_path, fingerprint)
    code = _load_entry(name, source_hash, source_path)
    if code is not None and name is not None:
        return code, name
    if sys.pycache_prefix and not sys.dont_write_bytecode:
        return None
    name = fallback_name(source_path, fingerprint)
    code = _load_entry(name, source_hash, source_path)
    return (code, name) if code is not None and name is not None else None


def _load_entry(name: str | None, source_hash: bytes, source_path: str) -> CodeType | None:
    if name is None:
        return None
    try:
        data = read_file(name)
    except OSError:
        return None
    return decode(data, source_hash, source_path)


def store(source_path: str, fingerprint: str, source_hash: bytes, code: CodeType) -> str | None:
    """Write the entry atomically to the first location that accepts it; the path, or None.

    Never raises for an I/O problem: a cache that cannot be written only costs speed.
    """
    if writing_disabled():
        return None
    data = encode(source_hash, code)
    try:
        mode = (os.stat(source_path).st_mode | 0o200) & 0o666  # as CPython's _calc_mode
    except OSError:
        mode = 0o644
    for name in candidates(source_path, fingerprint):
        try:
            write_atomic(name, data, mode)
        except OSError:
            continue
        return name
    return None
