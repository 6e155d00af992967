"""The meta path finder: select by name, let the path machinery find, swap the loader.

``find_spec`` first checks the module name against the selected package prefixes (a string
comparison; no file system access for the modules it does not select), then asks the stock
``PathFinder`` for the spec. Only plain source modules are taken over: namespace packages
(no loader), zip imports, extension modules, sourceless ``.pyc`` files and anything loaded
by a custom path hook keep their own loader, as do astc itself and the libraries its
compiler runs on. Imports made while the hook compiles or writes its cache are never hooked.

This module is on the warm path: it imports nothing the interpreter has not loaded already.
"""

from __future__ import annotations

from importlib.machinery import ModuleSpec, PathFinder, SourceFileLoader
from typing import TYPE_CHECKING

from astc.hook import cache
from astc.hook.loader import AstcLoader, is_busy

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import ModuleType

    from astc.hook.settings import HookSettings

#: Never compiled by the hook: astc and what its compiler imports (no recursion).
EXCLUDED = ("astc", "libcst", "numba", "llvmlite", "click")
_EXCLUDED_PREFIXES = tuple(f"{name}." for name in EXCLUDED)


class AstcFinder:
    """Finds the selected packages' modules and gives them an :class:`AstcLoader`."""

    def __init__(self, settings: HookSettings) -> None:
        self.settings = settings
        self._names = frozenset(settings.packages)
        self._prefixes = tuple(f"{name}." for name in settings.packages)

    def __repr__(self) -> str:
        return f"AstcFinder(packages={list(self.settings.packages)!r})"

    def selects(self, fullname: str) -> bool:
        """Whether ``fullname`` is in a selected package (by name only) and not excluded."""
        return (fullname in self._names or fullname.startswith(self._prefixes)) and not (
            fullname in EXCLUDED or fullname.startswith(_EXCLUDED_PREFIXES)
        )

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if not self.selects(fullname) or is_busy():
            return None
        spec = PathFinder.find_spec(fullname, path, target)
        if spec is None or type(spec.loader) is not SourceFileLoader or not spec.origin:
            return None  # let the other finders (or PathFinder again) handle it as usual
        entry = cache.entry_name(spec.origin, self.settings.fingerprint)
        spec.loader = AstcLoader(fullname, spec.origin, self.settings, entry)
        if entry is not None:
            spec.cached = entry  # __cached__ names astc's entry, not a plain .pyc
        return spec

    def invalidate_caches(self) -> None:
        """Nothing of its own to forget (``PathFinder`` is invalidated on its own)."""
