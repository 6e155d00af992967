"""A model zoo in plain NumPy, written the way users write models (for ``astc.hybridize``).

Every entry of :data:`ZOO` builds a model object (``net(x)``) and says how wide its input
is; ``x`` has one row per sample (for ``attention``, one row per token). The models use
float32 weights and take float32 inputs, and never think about astc: layer objects with
``__call__``, activation functions, a residual connection, layer normalisation, softmax, a
small self-attention block, a 1-D convolution written with slicing, and containers (lists,
dicts, nested) holding the layers. ``data_dependent`` is one astc cannot specialize (a
branch on the input's values): it must fall back to the original and cost nothing.

Used by ``benchmarks/model_zoo.py`` (speed) and ``tests/test_hybrid_zoo.py`` (results).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from benchmarks.mlp import Dense, ReLU, Sequential
from benchmarks.mlp import get_net as chapter_mlp


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


class Tanh:
    def __call__(self, x: Any) -> Any:
        return np.tanh(x)


class Sigmoid:
    def __call__(self, x: Any) -> Any:
        return 1 / (1 + np.exp(-x))


class GELU:
    """The tanh approximation, as in BERT and GPT-2."""

    def __call__(self, x: Any) -> Any:
        return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


def mlp_with(activation: type) -> Sequential:
    rng = _rng(1)
    return Sequential(
        Dense(256, 128, rng), activation(), Dense(128, 128, rng), activation(), Dense(128, 10, rng)
    )


class Residual:
    """``x + f(x)``."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __call__(self, x: Any) -> Any:
        return x + self.inner(x)


def residual_mlp() -> Sequential:
    rng = _rng(2)
    block = [Residual(Sequential(Dense(128, 128, rng), ReLU(), Dense(128, 128, rng)))]
    return Sequential(
        *block, ReLU(), Residual(Sequential(Dense(128, 128, rng))), Dense(128, 10, rng)
    )


class LayerNorm:
    def __init__(self, width: int, eps: float = 1e-5) -> None:
        self.gamma = np.ones(width, np.float32)
        self.beta = np.zeros(width, np.float32)
        self.eps = eps

    def __call__(self, x: Any) -> Any:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.gamma + self.beta


def layernorm_mlp() -> Sequential:
    rng = _rng(3)
    return Sequential(Dense(256, 256, rng), LayerNorm(256), ReLU(), Dense(256, 10, rng))


class Softmax:
    def __call__(self, x: Any) -> Any:
        e = np.exp(x - x.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)


def softmax_classifier() -> Sequential:
    rng = _rng(4)
    return Sequential(Dense(256, 128, rng), ReLU(), Dense(128, 32, rng), Softmax())


def softmax(x: Any) -> Any:
    """A module-level helper, as users write one."""
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


class SelfAttention:
    """One head: ``softmax(q @ k.T / sqrt(d)) @ v`` over the rows (tokens) of ``x``."""

    def __init__(self, width: int, rng: np.random.Generator) -> None:
        scale = np.float32(1 / math.sqrt(width))
        self.wq, self.wk, self.wv = (
            (rng.standard_normal((width, width)) * scale).astype(np.float32) for _ in range(3)
        )
        self.d = width

    def __call__(self, x: Any) -> Any:
        q = x @ self.wq
        k = x @ self.wk
        v = x @ self.wv
        scores = q @ k.T / math.sqrt(self.d)
        return softmax(scores) @ v


def attention() -> SelfAttention:
    return SelfAttention(64, _rng(5))


class Conv1d:
    """A 'valid' 1-D convolution over the columns of ``x``, one tap at a time (slicing)."""

    def __init__(self, taps: int, rng: np.random.Generator) -> None:
        self.w = (rng.standard_normal(taps) / taps).astype(np.float32)
        self.b = np.float32(0.1)
        self.taps = taps

    def __call__(self, x: Any) -> Any:
        n = x.shape[1] - self.taps + 1
        y = x[:, 0:n] * self.w[0]
        for t in range(1, self.taps):
            y = y + x[:, t : t + n] * self.w[t]
        return y + self.b


def conv1d_stack() -> Sequential:
    rng = _rng(6)
    return Sequential(Conv1d(5, rng), ReLU(), Conv1d(3, rng), ReLU(), Dense(250, 10, rng))


class Tower:
    """Layers in a dict of lists and dicts, chosen by a config dict; heads summed."""

    def __init__(self) -> None:
        rng = _rng(7)
        self.blocks = {
            "encoder": [Dense(128, 64, rng), ReLU(), Dense(64, 64, rng), ReLU()],
            "heads": {"a": Dense(64, 8, rng), "b": Dense(64, 8, rng)},
        }
        self.config = {"normalize": False, "order": ("encoder",)}

    def __call__(self, x: Any) -> Any:
        for name in self.config["order"]:
            for layer in self.blocks[name]:
                x = layer(x)
        outputs = [head(x) for _, head in self.blocks["heads"].items()]
        y = outputs[0]
        for other in outputs[1:]:
            y = y + other
        if self.config["normalize"]:
            y = y / len(outputs)
        return y


class DataDependent:
    """Cannot be specialized: which layer runs depends on the input's values."""

    def __init__(self) -> None:
        rng = _rng(8)
        self.small, self.large = Dense(64, 8, rng), Dense(64, 8, rng)

    def __call__(self, x: Any) -> Any:
        if x.mean() > 0:
            return self.large(x)
        return self.small(x)


@dataclass(frozen=True)
class Entry:
    """A zoo model: its name, how to build it, its input width, what the kernel lowers."""

    name: str
    build: Callable[[], Any]
    width: int
    summary: str
    specializable: bool = True


ZOO: list[Entry] = [
    Entry("mlp", chapter_mlp, 512, "the chapter's MLP 512-256-128-2 (Dense, ReLU)"),
    Entry("mlp_tanh", lambda: mlp_with(Tanh), 256, "MLP 256-128-128-10, tanh"),
    Entry("mlp_sigmoid", lambda: mlp_with(Sigmoid), 256, "MLP 256-128-128-10, sigmoid"),
    Entry("mlp_gelu", lambda: mlp_with(GELU), 256, "MLP 256-128-128-10, GELU (tanh form)"),
    Entry("residual", residual_mlp, 128, "two residual blocks x + f(x), width 128"),
    Entry("layernorm", layernorm_mlp, 256, "Dense 256 -> LayerNorm -> ReLU -> Dense 10"),
    Entry("softmax", softmax_classifier, 256, "classifier 256-128-32 with softmax"),
    Entry("attention", attention, 64, "self-attention, one head, d=64 (rows are tokens)"),
    Entry("conv1d", conv1d_stack, 256, "two 1-D convolutions (slicing), then Dense 250-10"),
    Entry("containers", Tower, 128, "layers in a dict of lists/dicts, two heads summed"),
    Entry("data_dependent", DataDependent, 64, "a branch on x.mean(): not specializable", False),
]
