"""Generated input against every parser that reads what users hand us: no crash, no hang, only the
product's own errors. Bounded in CI (derandomized, so a red run is reproducible); `make evals` runs
`python -m evals.fuzz` for longer with fresh random inputs."""

from __future__ import annotations

import os

import pytest

from evals.fuzz import fuzz, targets

pytestmark = [pytest.mark.slow]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "250"))


@pytest.mark.parametrize("target", targets(), ids=lambda t: t.name)
def test_fuzz(target):
    result = fuzz(target, EXAMPLES)
    print(f"{result.name}: {result.examples} inputs, {result.refused} refused with a message, {result.seconds:.1f} s")
    assert result.examples >= EXAMPLES * 0.9
