import pytest


@pytest.fixture(autouse=True)
def _no_leftover_windows(no_leftover_windows):
    yield
