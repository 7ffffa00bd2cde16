import pytest


@pytest.fixture(autouse=True)
def _no_leftover_windows(no_leftover_windows):
    yield


@pytest.fixture
def demo_ctx(ctx):
    from desk.demo import DemoOptions, build_demo

    build_demo(ctx, DemoOptions(seed=7, households=4000, days=30))
    return ctx


@pytest.fixture
def shell(demo_ctx, qtbot):
    from desk.app import build_shell

    sh = build_shell(demo_ctx)
    qtbot.addWidget(sh.window)
    sh.window.show()
    yield sh
    sh.close()


@pytest.fixture(autouse=True)
def _own_ui_settings(tmp_path_factory):
    """Remembered dialog sizes and the font size go to a scratch folder, never the user's own."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path_factory.mktemp("ui")))
    yield
