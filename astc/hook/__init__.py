"""The import hook: compile selected packages with astc as they are imported.

``astc.install(packages=[...])`` puts a finder at the front of ``sys.meta_path`` that lets
the normal path machinery find each selected module and only swaps in a loader that
compiles the source with astc, caching the result next to CPython's own ``.pyc`` files
under a name of its own (see :mod:`astc.hook.cache`). ``astc run`` (:mod:`astc.hook.runner`)
runs a program with the hook active, its main script compiled too.

The warm path (every module a cache hit) imports neither LibCST nor the compiler: the modules
here import only what a bare interpreter has already loaded; the compiler comes in on the
first miss. See docs/hook.md.
"""

from astc.hook.installer import HookHandle, install, uninstall
from astc.hook.loader import AstcHookWarning

__all__ = ["AstcHookWarning", "HookHandle", "install", "uninstall"]
