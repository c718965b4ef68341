"""Bounded cost: clean, quotes and near_duplicates take time linear in their input, also on
adversarial input (a megabyte of one character that opens a construct: braces, quote marks,
tags, entities; one repeated word; emoji), and clean's memory is a small multiple of its
input. Timing never decides a test alone on a shared machine: the linear-time checks compare
CPU time per MB at two sizes eight times apart with a generous bound (a quadratic step gives
8x; the bound is 3x) and ignore runs too short to measure; the wall-clock caps are minutes.
The 1, 10 and 100 MB figures are measured by bench/bench_scaling.py (see FUZZING.md).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from functools import cache
from typing import Any

import numpy as np
import pytest

import copydesk as cd

#: One "unit" of each adversarial input; repeated to the size under test.
ADVERSARIAL = {
    "braces": "{",
    "double quotes": '"',
    "single quotes": "'",
    "curly quotes": "\u201c",
    "tags": "<",
    "entities": "&amp;",
    "one word": "word ",
    "emoji": "\U0001f600",
    "sentences": "No. ",
    "newlines": "\n",
    "quoted letters": 'a"',
    "json records": '{"id": 1, "name": "Jane Doe", "tags": ["a", "b"]},',
}

LINEAR_FUNCTIONS = {
    "clean": lambda text: cd.clean(text, n_threads=1),
    "quotes": lambda text: cd.quotes(text, n_threads=1),
}

SMALL_MB, LARGE_MB = 0.25, 2.0
#: Allowed growth of CPU time per MB from the small to the large size (8x the input).
MAX_GROWTH = 3.0
#: Below this many CPU seconds at the large size a run is too short to judge.
MEASURABLE = 0.3


def sized(unit: str, mb: float) -> str:
    return unit * int(mb * 1_000_000 / len(unit.encode()))


def cpu_seconds(fn: Any, text: str) -> float:
    began = time.process_time()
    fn(text)
    return time.process_time() - began


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
@pytest.mark.parametrize("fn", sorted(LINEAR_FUNCTIONS))
def test_adversarial_input_takes_linear_time(fn, name):
    call, unit = LINEAR_FUNCTIONS[fn], ADVERSARIAL[name]
    small = min(cpu_seconds(call, sized(unit, SMALL_MB)) for _ in range(2))
    wall = time.perf_counter()
    large = cpu_seconds(call, sized(unit, LARGE_MB))
    assert time.perf_counter() - wall < 120, f"{fn} on 2 MB of {name!r} took minutes"
    if large < MEASURABLE:
        return
    growth = (large / LARGE_MB) / max(small / SMALL_MB, 1e-9)
    assert growth < MAX_GROWTH, (
        f"{fn} on {name!r}: {small / SMALL_MB:.3f} s/MB at {SMALL_MB} MB, "
        f"{large / LARGE_MB:.3f} s/MB at {LARGE_MB} MB"
    )


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_corpus_near_duplicates_finishes(name):
    # One 1 MB document of it and 1,000 documents of 1 KB of it.
    unit = ADVERSARIAL[name]
    docs = [sized(unit, 1.0), *([sized(unit, 0.001)] * 1000)]
    began = time.perf_counter()
    pairs = cd.near_duplicates(docs)
    assert time.perf_counter() - began < 120
    assert (pairs["a"] < pairs["b"]).all()


@cache
def random_docs(n: int, words: int = 80) -> list[str]:
    """`n` distinct documents of random words (no copies among them)."""
    rng = np.random.default_rng(7)
    vocab = np.array([f"w{i:x}" for i in range(50_000)])
    picks = vocab[rng.integers(0, len(vocab), size=n * words)].reshape(n, words)
    return [" ".join(row) for row in picks]


def test_near_duplicates_time_is_linear_in_documents():
    small = min(cpu_seconds(lambda d: cd.near_duplicates(d, n_threads=1), random_docs(2_000))
                for _ in range(2))  # fmt: skip
    large = cpu_seconds(lambda d: cd.near_duplicates(d, n_threads=1), random_docs(16_000))
    if large < MEASURABLE:
        return
    growth = (large / 16_000) / max(small / 2_000, 1e-9)
    assert growth < MAX_GROWTH, f"{small:.3f} s for 2,000 docs, {large:.3f} s for 16,000"


# ---- memory, measured in a child process (Rust allocations are invisible to tracemalloc) ----

PEAK_PROBE = textwrap.dedent(
    """
    import sys
    import copydesk as cd

    def status(key):
        for line in open("/proc/self/status"):
            if line.startswith(key):
                return int(line.split()[1]) * 1024

    {setup}
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # reset the peak (VmHWM) to the current size
    before = status("VmRSS:")
    {call}
    print(status("VmHWM:") - before)
    """
)


def extra_peak_bytes(setup: str, call: str) -> int:
    """Peak resident memory that `call` adds on top of what `setup` left, in a fresh process."""
    code = PEAK_PROBE.format(setup=setup, call=call)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True
    )
    return int(out.stdout.split()[-1])


def _clear_refs_works() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        return False
    return True


needs_proc = pytest.mark.skipif(not _clear_refs_works(), reason="needs Linux /proc peak reset")

PAGE_UNIT = (
    'Prices rose 3% in May. "We did not expect it," said Jane Doe. '
    '{"id": 7, "tags": ["a"]} &amp; caf\u00e9 \U0001f600\n'
)


@needs_proc
@pytest.mark.parametrize(
    ("unit", "bound"),
    [(PAGE_UNIT, 12.0), ("{", 6.0), ('"', 6.0), ("word ", 6.0), ("\U0001f600", 6.0)],
    ids=["page", "braces", "quotes", "one word", "emoji"],
)
def test_clean_peak_memory_is_a_small_multiple_of_the_input(unit, bound):
    size = 20_000_000
    setup = f"text = {unit!r}\ntext = text * ({size} // len(text.encode()))"
    extra = extra_peak_bytes(setup, "out = cd.clean(text)")
    # The bound includes the output string itself; measured: 8.5x for the page, 2-3x else.
    assert extra < bound * size, f"clean peaked at {extra / size:.1f}x its input"


@needs_proc
@pytest.mark.parametrize("unit", ['"', "'", "x "], ids=["double marks", "single marks", "words"])
def test_quotes_peak_memory_is_bounded_by_the_tokens(unit):
    size = 4_000_000
    setup = f"text = {unit!r}\ntext = text * ({size} // len(text.encode()))"
    extra = extra_peak_bytes(setup, "out = cd.quotes(text, n_threads=1)")
    # One 16-byte token and one 16-byte mark per byte of marks: measured 32x for `"`, 24x for
    # `'`, 8x for words (120x before empty pairs were dropped and tokens shrunk).
    assert extra < 40 * size, f"quotes peaked at {extra / size:.1f}x its input"


@needs_proc
def test_near_duplicates_memory_grows_with_documents_not_pairs():
    def per_doc(n: int) -> float:
        setup = textwrap.dedent(
            f"""
            import numpy as np
            rng = np.random.default_rng(7)
            vocab = np.array([f"w{{i:x}}" for i in range(50_000)])
            picks = vocab[rng.integers(0, len(vocab), size={n} * 60)].reshape({n}, 60)
            docs = [" ".join(row) for row in picks]
            """
        )
        return extra_peak_bytes(setup, "cd.near_duplicates(docs)") / n

    small, large = per_doc(10_000), per_doc(80_000)
    # O(n x signature): 128 permutations x 4 bytes plus keys and shingles in flight, so the
    # cost per document stays flat (a pair table would grow with n).
    assert large < 2.0 * small + 2_000, f"{small:.0f} B/doc at 10k, {large:.0f} B/doc at 80k"
