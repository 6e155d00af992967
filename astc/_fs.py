"""Files astc writes: one atomic writer and one rule for where astc's caches live.

Every file astc writes (compiled outputs, the compile cache, hook cache entries, profiles,
hybridized packages) goes through :func:`write_atomic`: the bytes go to a temporary file in
the target's directory, which is then renamed over the target (``os.replace``). Readers see
the old file or the new one, never half of one; concurrent writers each use their own
temporary file and the last rename wins; the temporary file never outlives a failure, an
interrupt included.

Cache directories (:func:`cache_dir`): ``$ASTC_CACHE_DIR`` when set; else, for a project,
``.astc_cache`` in its root; else the user's cache directory, ``$XDG_CACHE_HOME/astc`` or
``~/.cache/astc``. The import hook keeps its entries beside CPython's ``.pyc`` files and uses
:func:`cache_dir` (without a project) where it cannot or may not write there.

This module is on the import hook's warm path: it imports nothing the interpreter has not
loaded already (``os`` only).
"""

from __future__ import annotations

import os

ENV_CACHE_DIR = "ASTC_CACHE_DIR"
#: The name of a project's cache directory, in the project root.
PROJECT_CACHE = ".astc_cache"


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def file_mode(path: str | os.PathLike[str]) -> int | None:
    """The permission bits of ``path``, or None when it does not exist (or cannot be read)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return None


def write_atomic(path: str | os.PathLike[str], data: str | bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` via ``<path>.<pid>.<random>.tmp`` and ``os.replace``.

    ``str`` is written as UTF-8 (lone surrogates kept) without newline translation, ``bytes``
    as they are. The file gets the permission bits ``mode``; by default an existing file
    keeps its own and a new one gets the umask's default. Missing parent directories are
    created. Raises ``OSError`` when the file cannot be written; the target is then as it was.
    """
    target = os.fspath(path)
    payload = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if mode is None:
        mode = file_mode(target)
    if mode is None:
        mode = _default_mode()
    directory = os.path.dirname(target)
    if directory:
        os.makedirs(directory, exist_ok=True)
    tmp = f"{target}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with open(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def user_cache_dir() -> str:
    """``$XDG_CACHE_HOME/astc``, else ``~/.cache/astc`` (absolute)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.abspath(os.path.join(base, "astc"))


def cache_dir(project_root: str | os.PathLike[str] | None = None) -> str:
    """astc's cache directory: ``$ASTC_CACHE_DIR``, else the project's ``.astc_cache``, else
    :func:`user_cache_dir` (always absolute)."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return os.path.abspath(override)
    if project_root is not None:
        return os.path.abspath(os.path.join(os.fspath(project_root), PROJECT_CACHE))
    return user_cache_dir()


__all__ = [
    "ENV_CACHE_DIR",
    "PROJECT_CACHE",
    "cache_dir",
    "file_mode",
    "user_cache_dir",
    "write_atomic",
]
