"""Shared pytest fixtures."""

import signal

import pytest


@pytest.fixture
def sigint_raises():
    """Ctrl-C raises KeyboardInterrupt during the test, whatever the runner inherited.

    A test run started in the background by a non-interactive shell inherits SIGINT as ignored,
    and then ``_thread.interrupt_main()`` does nothing; the Ctrl-C tests install Python's own
    handler for their duration.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)
