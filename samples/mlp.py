"""The chapter's MLP in plain NumPy, as a user writes it, before and after hybridization.

Layers 512 -> 256 (relu) -> 128 (relu) -> 2, float32, input of shape (1, 512).
``net.hybridize()`` compiles the network's whole forward pass into one fused function
(and a Numba kernel); the results stay the same.
"""

import numpy as np

import astc


class Dense:
    """A fully connected layer: ``x @ weight + bias``."""

    def __init__(self, in_features, out_features, rng):
        scale = np.float32(1.0 / np.sqrt(in_features))
        self.weight = (rng.standard_normal((in_features, out_features)) * scale).astype(np.float32)
        self.bias = np.zeros(out_features, dtype=np.float32)

    def __call__(self, x):
        return x @ self.weight + self.bias


class ReLU:
    def __call__(self, x):
        return np.maximum(x, 0)


class Sequential(astc.Hybridizable):
    """Layers applied one after the other; ``net.hybridize()`` compiles the whole chain."""

    def __init__(self, *layers):
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


def get_net():
    rng = np.random.default_rng(0)
    return Sequential(
        Dense(512, 256, rng), ReLU(), Dense(256, 128, rng), ReLU(), Dense(128, 2, rng)
    )


x = np.random.default_rng(1).standard_normal((1, 512)).astype(np.float32)
net = get_net()
before = net(x)
print(before)

with astc.Benchmark("Without hybridization"):
    for i in range(1000):
        net(x)

net.hybridize()
after = net(x)
print(after)
print("same result:", after.dtype == before.dtype and np.allclose(after, before, atol=1e-5))

with astc.Benchmark("With hybridization"):
    for i in range(1000):
        net(x)
