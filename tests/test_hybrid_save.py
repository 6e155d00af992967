"""Hybridized.save: an importable package that runs without astc (checked in a subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import _hybrid_models as models
import numpy as np
import pytest

import astc

#: Run with -I -S (no site, no user paths, no PYTHONPATH) and ``astc`` blocked outright.
CHILD = """
import sys
sys.modules["astc"] = None  # any ``import astc`` now raises ImportError
sys.path[:0] = [{parent!r}, *{site!r}]
import numpy as np
import {name} as saved
f = saved.load()
for i in range({n_inputs}):
    np.save({out!r} + f"/got{{i}}.npy", f(np.load({out!r} + f"/x{{i}}.npy")))
print("kernel" if f.kernel is not None else "no kernel")
"""


def site_dirs() -> list[str]:
    import numba

    return sorted({str(Path(m.__file__).parent.parent) for m in (np, numba)})  # type: ignore[arg-type]


def run_saved(directory: Path, inputs: list[np.ndarray], tmp_path: Path) -> list[np.ndarray]:
    for i, x in enumerate(inputs):
        np.save(tmp_path / f"x{i}.npy", x)
    code = CHILD.format(
        parent=str(directory.parent),
        site=site_dirs(),
        name=directory.name,
        n_inputs=len(inputs),
        out=str(tmp_path),
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "kernel"
    return [np.load(tmp_path / f"got{i}.npy") for i in range(len(inputs))]


def test_saved_mlp_runs_without_astc(tmp_path: Path) -> None:
    net = models.mlp()
    hybrid = astc.hybridize(net)
    inputs = [
        np.random.default_rng(i).standard_normal((r, 16)).astype(np.float32)
        for i, r in enumerate((1, 2, 50))
    ]
    wanted = [hybrid(x) for x in inputs]
    path = hybrid.save(tmp_path / "pkg" / "saved_mlp")
    assert sorted(os.listdir(path)) == ["__init__.py", "kernel.py", "model.py", "params.npz"]
    net.layers[0].weight[:] = 0.0  # the saved copy holds the values at save time
    for got, want in zip(run_saved(path, inputs, tmp_path), wanted, strict=True):
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_saved_function_with_a_global_array(tmp_path: Path) -> None:
    hybrid = astc.hybridize(models.uses_table)
    x = np.ones((3, 2))
    path = hybrid.save(tmp_path / "saved_table")
    (got,) = run_saved(path, [x], tmp_path)
    np.testing.assert_array_equal(got, models.uses_table(x))


def test_save_refuses_bad_names_and_leaves_nothing(tmp_path: Path) -> None:
    hybrid = astc.hybridize(models.mlp(), kernel=False)
    with pytest.raises(ValueError, match="not a package name"):
        hybrid.save(tmp_path / "not-a-name")
    assert not (tmp_path / "not-a-name").exists()
