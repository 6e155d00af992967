"""Where a spawned ``multiprocessing`` child of ``astc run`` re-imports the main module.

See :mod:`astc.hook.runner`. This module's globals become the child's ``__mp_main__``
namespace, so it binds no names of its own.
"""

__import__("astc.hook.runner", fromlist=["run_child_main"]).run_child_main(globals())
