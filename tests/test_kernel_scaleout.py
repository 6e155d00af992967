"""Compiled modules with kernels in worker processes (issue 10, "Scale-out").

``multiprocessing`` with the ``spawn`` start method imports the module afresh in each
worker, and Dask/Ray-style schedulers pickle functions by reference (module and
qualified name): a kernel's public name is one wrapper object for the module's life, so
both work, and each worker compiles (or loads from Numba's cache) its own kernel.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pytest

import astc
from astc import Code, Options

SOURCE = """\
import numpy as np


def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s


def total_and_dispatcher(a):
    value = total(a)
    return value, type(getattr(total, "_astc_dispatcher", None)).__name__
"""


@pytest.fixture(scope="module")
def module_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = astc.compile_source(SOURCE, filename="kscale.py", options=Options(kernels="auto"))
    assert {e.function for e in result.report.entries if e.code is Code.KERNEL} == {"total"}
    where = tmp_path_factory.mktemp("scaleout")
    (where / "kscale_mod.py").write_text(result.code or "")
    return where


def test_kernels_pickle_by_reference(module_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(module_dir))
    monkeypatch.delitem(sys.modules, "kscale_mod", raising=False)
    import kscale_mod  # type: ignore[import-not-found]

    before = pickle.dumps(kscale_mod.total)
    assert pickle.loads(before) is kscale_mod.total and len(before) < 100  # by reference
    kscale_mod.total(np.ones(3))  # the wrapper's code is specialised; the object stays
    assert pickle.loads(pickle.dumps(kscale_mod.total)) is kscale_mod.total


def test_spawned_workers_run_the_kernel(module_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(module_dir))  # spawned workers inherit sys.path
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(module_dir / "numba-cache"))
    monkeypatch.delitem(sys.modules, "kscale_mod", raising=False)
    import kscale_mod

    arrays = [np.arange(float(n)) for n in (3, 10, 1000, 7)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        results = list(pool.map(kscale_mod.total_and_dispatcher, arrays))
        plain = list(pool.map(kscale_mod.total, arrays))
    namespace: dict[str, object] = {}
    exec(SOURCE, namespace)
    expected = [namespace["total"](a) for a in arrays]  # type: ignore[operator]
    assert [value for value, _ in results] == plain == expected
    assert {kind for _, kind in results} == {"CPUDispatcher"}
