"""The rewrite passes, one per module; :data:`PASSES` is the order one iteration runs them."""

from astc.passes.base import Pass, PassContext
from astc.passes.call_fold import CallFold
from astc.passes.constant_fold import ConstantFold
from astc.passes.dead_code import DeadCode
from astc.passes.inline import Inline
from astc.passes.propagate import Propagate

PASSES: tuple[type[Pass], ...] = (Inline, CallFold, Propagate, ConstantFold, DeadCode)

__all__ = ["PASSES", "Pass", "PassContext"]
