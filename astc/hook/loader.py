"""The loader: a ``SourceFileLoader`` whose ``get_code`` serves astc-compiled code.

Everything else (``get_source``, ``get_data``, resources, ``is_package``, reload) is the
stock loader's, so the module looks to every tool exactly like a plainly imported one.
On a cache miss the source is compiled (:mod:`astc.hook.compiler`); if that fails for any
reason other than the source being invalid, the module is imported unchanged through the
stock ``get_code`` and a warning (:class:`AstcHookWarning`) says why, once per module.
A module whose source has a line ``# astc: skip-file`` (at module level, i.e. unindented)
is always imported unchanged.

This module is on the warm path: it imports nothing the interpreter has not loaded already.
"""

from __future__ import annotations

import _thread
import re
import sys
import warnings
from contextlib import contextmanager
from importlib.machinery import SourceFileLoader
from importlib.util import source_hash
from typing import TYPE_CHECKING

from astc.hook import cache

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import CodeType

    from astc.hook.settings import HookSettings

#: An unindented ``# astc: skip-file`` comment line, possibly followed by a reason.
_SKIP_FILE = re.compile(rb"^#[ \t]*astc:[ \t]*skip-file(?![\w-])", re.MULTILINE)
#: Threads now inside the compiler or the cache writer: imports they trigger are plain.
_busy: set[int] = set()
_warned: set[str] = set()


class AstcHookWarning(RuntimeWarning):
    """The hook could not do what was asked; the program runs on, unchanged."""


def is_busy() -> bool:
    """Whether this thread is inside the hook's compiler (its imports must not be hooked)."""
    return _thread.get_ident() in _busy


@contextmanager
def _busy_section() -> Iterator[None]:
    ident = _thread.get_ident()
    nested = ident in _busy
    _busy.add(ident)
    try:
        yield
    finally:
        if not nested:
            _busy.discard(ident)


def warn(message: str, stacklevel: int = 2) -> None:
    """Emit an :class:`AstcHookWarning`; never let a ``-W error`` filter break an import."""
    try:
        warnings.warn(message, AstcHookWarning, stacklevel=stacklevel)
    except Exception:  # noqa: BLE001 - the warning was turned into an error; say it on stderr
        try:
            sys.stderr.write(f"AstcHookWarning: {message}\n")
        except Exception:  # noqa: BLE001
            pass


def _warn_once(fullname: str, reason: str) -> None:
    if fullname not in _warned:
        _warned.add(fullname)
        warn(f"astc: could not compile {fullname} ({reason}); imported it unchanged")


def _reason(error: Exception) -> str:
    """Why a compile failed: astc's own diagnostic, else the exception (an internal error)."""
    if type(error).__name__ == "CannotCompile":  # astc.hook.compiler is not imported here
        return str(error)
    return f"{type(error).__name__}: {error}"


def skips_itself(data: bytes) -> bool:
    """Whether the source opts out with an unindented ``# astc: skip-file`` line."""
    return b"astc" in data and _SKIP_FILE.search(data) is not None


def _load_compiler() -> None:
    """Import the compiler without ever showing it a half-imported module.

    The compiler's own imports (LibCST, json, dataclasses...) happen while some modules are
    mid-import (the one being loaded, its parent packages). Those are set aside for the
    duration, so that if the compiler needs one of them it imports a private, complete copy
    instead of failing on a partial one; afterwards the modules being imported are put back.
    """
    if "astc.hook.compiler" in sys.modules:
        return
    pending = {name: module for name, module in list(sys.modules.items()) if _initializing(module)}
    for name in pending:
        del sys.modules[name]
    try:
        import astc.hook.compiler  # noqa: F401
    finally:
        sys.modules.update(pending)


def _initializing(module: object) -> bool:
    """Whether ``module`` is still executing its body (mid-import), as importlib marks it."""
    try:
        return bool(getattr(getattr(module, "__spec__", None), "_initializing", False))
    except Exception:  # noqa: BLE001 - sys.modules may hold any object
        return False


def module_loader(module: object) -> object:
    """``module.__spec__.loader``, or None; never raises (sys.modules may hold any object)."""
    try:
        return getattr(getattr(module, "__spec__", None), "loader", None)
    except Exception:  # noqa: BLE001
        return None


class AstcLoader(SourceFileLoader):
    """Loads a selected module's code from astc's cache, compiling it on a miss."""

    def __init__(
        self, fullname: str, path: str, settings: HookSettings, entry: str | None = None
    ) -> None:
        super().__init__(fullname, path)
        self.settings = settings
        #: The cache entry's path beside __pycache__ (computed on first use when not given).
        self.entry = entry
        #: Where the code last returned by :meth:`get_code` is cached (None: nowhere).
        self.cached_at: str | None = None

    def get_code(self, fullname: str) -> CodeType | None:
        path = self.get_filename(fullname)
        try:
            data = cache.read_file(path)
        except OSError:
            return super().get_code(fullname)  # the stock loader raises the usual ImportError
        if skips_itself(data):
            return self._plain(fullname)
        key = source_hash(data)
        found = cache.load(path, self.settings.fingerprint, key, self.entry)
        if found is not None:
            self._cached_at(fullname, found[1])
            return found[0]
        with _busy_section():
            try:
                _load_compiler()
                from astc.hook.compiler import compile_module

                code = compile_module(data, path, self.settings.options)
            except Exception as error:  # noqa: BLE001 - never break the user's program
                _warn_once(fullname, _reason(error))
                code = None
            if code is None:
                return self._plain(fullname)
            self._cached_at(fullname, cache.store(path, self.settings.fingerprint, key, code))
        return code

    def _plain(self, fullname: str) -> CodeType | None:
        """The stock loader's code; ``__cached__`` then names CPython's own ``.pyc``."""
        self._cached_at(fullname, cache.plain_name(self.get_filename(fullname)))
        return super().get_code(fullname)

    def _cached_at(self, fullname: str, where: str | None) -> None:
        """Make ``__cached__`` (and the spec's ``cached``) name the file the code is in.

        The finder guessed astc's entry beside the source; the code may instead come from the
        fallback directory, from CPython's ``.pyc`` (a module kept plain), or from no file at
        all (a cache that could not be written): then ``__cached__`` is None.
        """
        self.cached_at = where
        module = sys.modules.get(fullname)
        spec = getattr(module, "__spec__", None)
        if module is None or spec is None or spec.loader is not self:
            return
        try:
            spec.cached = where
            module.__cached__ = where  # type: ignore[attr-defined]
        except (AttributeError, TypeError):
            pass
