"""``net.hybridize()`` sugar, as in MXNet's ``HybridBlock``."""

from __future__ import annotations

from typing import Any


class Hybridizable:
    """Mixin for model classes: write ``forward``; call ``hybridize()`` to compile it.

    Until ``hybridize()`` is called, ``obj(x)`` runs ``obj.forward(x)``; after it, the
    compiled forward pass (see :func:`astc.hybridize`). Parameters are read by reference;
    after replacing a layer, call ``hybridize()`` again.
    """

    _astc_hybridized: Any = None

    def hybridize(self, **options: Any) -> Any:
        """Compile ``self``'s forward pass now; return the :class:`Hybridized` object."""
        from astc.hybrid import hybridize

        self._astc_hybridized = None  # trace the plain forward, not a previous compile
        self._astc_hybridized = hybridize(self, **options)
        return self._astc_hybridized

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        compiled = self._astc_hybridized
        if compiled is not None:
            return compiled(*args, **kwargs)
        return self.forward(*args, **kwargs)  # type: ignore[attr-defined]
