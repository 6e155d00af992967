"""Model classes for the hybridization tests, written the ways users write them."""

from __future__ import annotations

import numpy as np

import astc

RNG = np.random.default_rng(42)


def weights(*shape: int, dtype: type = np.float32) -> np.ndarray:
    return (RNG.standard_normal(shape) / np.sqrt(shape[0])).astype(dtype)


# --- the chapter's shape: a list of layers with __call__ --------------------------------
class Dense:
    def __init__(self, n_in: int, n_out: int, dtype: type = np.float32) -> None:
        self.weight = weights(n_in, n_out, dtype=dtype)
        self.bias = weights(n_out, dtype=dtype)

    def __call__(self, x):  # type: ignore[no-untyped-def]
        return x @ self.weight + self.bias


class ReLU:
    def __call__(self, x):  # type: ignore[no-untyped-def]
        return np.maximum(x, 0)


class Sequential:
    def __init__(self, *layers: object) -> None:
        self.layers = list(layers)

    def __call__(self, x):  # type: ignore[no-untyped-def]
        for layer in self.layers:
            x = layer(x)
        return x


def mlp(sizes: tuple[int, ...] = (16, 12, 8, 2), dtype: type = np.float32) -> Sequential:
    layers: list[object] = []
    for n_in, n_out in zip(sizes, sizes[1:], strict=False):
        layers += [Dense(n_in, n_out, dtype), ReLU()]
    return Sequential(*layers[:-1])


# --- built differently: torch-like Linear (out, in) weights, named attributes, forward -----
class Linear:
    def __init__(self, n_in: int, n_out: int) -> None:
        self.weight = weights(n_out, n_in)
        self.bias = np.zeros(n_out, np.float32)

    def forward(self, x):  # type: ignore[no-untyped-def]
        return x @ self.weight.T + self.bias

    def __call__(self, x):  # type: ignore[no-untyped-def]
        return self.forward(x)


SCALE = 0.5


def squash(x):  # type: ignore[no-untyped-def]
    return np.tanh(x) * SCALE


class TwoTower:
    """Attributes instead of a list, a module-level helper, a tuple loop with enumerate."""

    def __init__(self) -> None:
        self.fc1 = Linear(8, 6)
        self.blocks = (Linear(6, 6), Linear(6, 6))
        self.head = Linear(6, 3)
        self.use_skip = True

    def __call__(self, x):  # type: ignore[no-untyped-def]
        h = squash(self.fc1(x))
        for i, block in enumerate(self.blocks):
            if self.use_skip and i > 0:
                h = h + block(h)
            else:
                h = block(h)
        return self.head(h).astype(np.float32)


# --- MXNet-like: activation chosen by a string attribute -----------------------------------
class MxDense:
    def __init__(self, n_in: int, n_out: int, activation: str | None = None) -> None:
        self.weight = weights(n_in, n_out)
        self.bias = np.zeros(n_out, np.float32)
        self.activation = activation

    def __call__(self, x):  # type: ignore[no-untyped-def]
        y = x @ self.weight + self.bias
        if self.activation == "relu":
            y = np.maximum(y, 0)
        return y


class HybridSequential(astc.Hybridizable):
    def __init__(self) -> None:
        self.blocks: list[object] = []

    def add(self, *blocks: object) -> None:
        self.blocks.extend(blocks)

    def forward(self, x):  # type: ignore[no-untyped-def]
        for block in self.blocks:
            x = block(x)
        return x


# --- cannot be specialized ------------------------------------------------------------------
class DataDependent:
    def __init__(self) -> None:
        self.weight = weights(4, 4)

    def __call__(self, x):  # type: ignore[no-untyped-def]
        if x.sum() > 0:  # a branch on the input's values
            return x @ self.weight
        return -x


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, x):  # type: ignore[no-untyped-def]
        self.calls += 1  # state changes at every call
        return x * 2


class ScaledByFloat:
    def __init__(self) -> None:
        self.weight = weights(4, 4)

    def __call__(self, x):  # type: ignore[no-untyped-def]
        return (x @ self.weight) * 0.5


# --- functions ------------------------------------------------------------------------------
OFFSET = 1.5
TABLE = np.arange(6.0).reshape(2, 3)


def add(a, b):  # type: ignore[no-untyped-def]
    return a + b


def fancy_func(a, b, c, d):  # type: ignore[no-untyped-def]
    e = add(a, b)
    f = add(c, d)
    g = add(e, f)
    return g


def shifted(x):  # type: ignore[no-untyped-def]
    return add(x, OFFSET) * 2.0


def uses_table(x):  # type: ignore[no-untyped-def]
    return x @ TABLE


def make_scaler(k):  # type: ignore[no-untyped-def]
    def scale(x):  # type: ignore[no-untyped-def]
        return x * k + OFFSET

    return scale


def overflowing(n):  # type: ignore[no-untyped-def]
    return n * 2**62  # a Python int: Numba's int64 would wrap


class Slicing:
    """Indexing and slicing of run-time values, with known bounds from attributes."""

    def __init__(self) -> None:
        self.keep = 3
        self.weight = weights(3, 2)

    def __call__(self, x):  # type: ignore[no-untyped-def]
        head = x[:, : self.keep]
        tail = x[1:, ::2]
        return head @ self.weight, tail[:, 0], x[-1]


COUNTER = 0
LOOKUP = {"a": 1.0}


def bumps(x):  # type: ignore[no-untyped-def]
    global COUNTER
    COUNTER += 1
    return x


def reads_dict(x):  # type: ignore[no-untyped-def]
    return x * LOOKUP["a"]


class Normalized:
    """A NumPy submodule function and a dtype object held as an attribute."""

    def __init__(self) -> None:
        self.dtype = np.dtype(np.float32)

    def __call__(self, x):  # type: ignore[no-untyped-def]
        return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(self.dtype)


# --- h01: a helper the passes keep, float32 throughout ---------------------------------------
W32 = np.ones((3, 3), np.float32)


def tanh_twice(x):  # type: ignore[no-untyped-def]
    return np.tanh(x) * 2.0


def keeps_helper(x):  # type: ignore[no-untyped-def]
    return tanh_twice(x @ W32) + 1.0


def bump(x):  # type: ignore[no-untyped-def]
    x += 1.0  # updates the caller's array, as NumPy does
    return x


def scaled_sum(x, scale):  # type: ignore[no-untyped-def]
    total = 0.0
    for i in range(x.shape[0]):
        total += x[i] * scale
    return total
