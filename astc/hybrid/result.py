"""What :func:`astc.hybridize` returns: the compiled callable with its source and report."""

from __future__ import annotations

import keyword
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from astc._fs import write_atomic as _write_atomic
from astc.diagnostics import Code, Report
from astc.hybrid._runtime import Compiled
from astc.hybrid.codegen import Generated, entry


class Hybridized(Compiled):
    """A callable like the original, running the generated code.

    ``source`` is the generated Python (None when nothing was generated: then the call runs
    ``original`` and ``report`` says why); ``report`` lists what was done and refused —
    including, after the fact, a kernel given up at call time; ``original`` is the function
    or object that was hybridized. Parameters are read by reference: updating a weight array
    in place is seen by the next call; replacing a layer or rebinding an attribute is not
    (hybridize again).
    """

    def __init__(
        self,
        python: Callable[..., Any],
        kernel: Callable[..., Any] | None,
        params: Sequence[Any],
        *,
        original: Any,
        generated: Generated | None,
        report: Report,
        **options: Any,
    ) -> None:
        super().__init__(python, kernel, params, **options)
        self.original = original
        self.generated = generated
        self.report = report

    @property
    def source(self) -> str | None:
        return None if self.generated is None else self.generated.source

    def _pinned(self, message: str) -> None:
        self.report.add(entry(Code.HYBRID_NO_KERNEL, message, applied=False))

    def __repr__(self) -> str:
        state = "compiled" if self.source is not None else "not compiled"
        kernel = "with" if self.kernel is not None else "without"
        return f"<Hybridized {self.original!r}: {state}, {kernel} Numba kernel>"

    def save(self, directory: str | os.PathLike[str]) -> Path:
        """Write ``directory`` as an importable package; return its path.

        It holds ``model.py`` (the generated source), ``__init__.py`` (the runtime and
        ``load()``) and ``params.npz`` (the parameters' values now). ``import NAME;
        NAME.load()(x)`` then needs NumPy (and Numba for speed), not astc. Raises
        ``ValueError`` when nothing was compiled, when the code reads objects other than
        arrays, or when the directory's name is not a Python identifier.
        """
        if self.generated is None:
            raise ValueError(f"nothing to save: {self.original!r} was not hybridized")
        if self.generated.opaque_globals:
            names = ", ".join(sorted(self.generated.opaque_globals))
            raise ValueError(f"cannot save: the code reads non-array object(s) {names}")
        path = Path(directory)
        if not path.name.isidentifier() or keyword.iskeyword(path.name):
            raise ValueError(f"cannot save to {path}: {path.name!r} is not a package name")
        path.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".params.", suffix=".npz", dir=path)
        try:
            with os.fdopen(fd, "wb") as handle:
                np.savez(handle, **self.generated.arrays_to_save())  # type: ignore[arg-type]
            os.replace(tmp, path / "params.npz")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        files = self.generated.package_files()
        init = files.pop("__init__.py")
        for name, text in files.items():
            _write_atomic(path / name, text)
        if "kernel.py" not in files:
            (path / "kernel.py").unlink(missing_ok=True)  # from an earlier save
        _write_atomic(path / "__init__.py", init)  # last: import works after
        return path


class Unspecialized(Hybridized):
    """What ``hybridize`` returns when it cannot specialize: calls run the original as is
    (one Python call in between, no checks), and ``report`` says why."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.python(*args, **kwargs)
