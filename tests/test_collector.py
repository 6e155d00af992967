"""The garbage collector is paused during a compile and left as it was found (issue 11)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import astc
from astc import _collector as collector
from tests.conftest import run_module

SOURCE = "K = 2\n\ndef f(x):\n    return x * K\n\nprint(f(21))\n"


@pytest.fixture
def gc_state() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_compile_keeps_an_enabled_collector_enabled(gc_state: None) -> None:
    gc.enable()
    result = astc.compile_source(SOURCE)
    assert gc.isenabled()
    assert result.code is not None and run_module(result.code) == run_module(SOURCE)


def test_compile_keeps_a_disabled_collector_disabled(gc_state: None) -> None:
    gc.disable()
    result = astc.compile_source(SOURCE)
    assert not gc.isenabled()
    assert result.code is not None and run_module(result.code) == run_module(SOURCE)


def test_the_collector_is_paused_inside_and_restored_after(gc_state: None) -> None:
    gc.enable()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():  # nested (a compile inside a compile's thread)
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer one still runs
    assert gc.isenabled()


def test_a_failing_compile_restores_the_collector(gc_state: None) -> None:
    gc.enable()
    with pytest.raises(ZeroDivisionError), collector.paused():
        raise ZeroDivisionError
    assert gc.isenabled()
    assert astc.compile_source("def (:\n").code is None  # a syntax error: a result
    assert gc.isenabled()


def test_overlapping_compiles_restore_the_collector_once_all_end(gc_state: None) -> None:
    gc.enable()
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with collector.paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    assert inside.wait(10)
    result = astc.compile_source(SOURCE)  # ends while the other is still inside
    assert not gc.isenabled()
    release.set()
    thread.join(10)
    assert gc.isenabled()
    assert result.code is not None and run_module(result.code) == run_module(SOURCE)

