import pytest

from desk.views.map.tiles import register_scheme

register_scheme()  # before pytest-qt makes the QApplication, as the program does


@pytest.fixture(autouse=True)
def _no_leftover_windows(no_leftover_windows):
    yield
