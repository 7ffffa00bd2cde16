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


@pytest.fixture
def demo_page_for(qtbot, db_url, request):
    """``make(page_class, actor, size)``: a page on the demo street for ``actor``, shown and activated; its
    database worker stops afterwards. Screens are checked on SQLite only."""
    from desk.views.backend import Backend
    from desk.views.bus import ChangeBus
    from desk.views.workers import DbWorker

    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    demo_ctx = request.getfixturevalue("demo_ctx")
    made = []

    def make(page_class, actor, size):
        worker = DbWorker()
        made.append(worker)
        page = page_class(Backend(demo_ctx.as_actor(actor), worker, ChangeBus()))
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        page.activate()
        return page

    yield make
    for w in made:
        w.stop()


@pytest.fixture
def dashboard_page(qtbot, db_url, request):
    """The leader's 数据总览 on the demo street, live (changes reach it), its figures loaded; a big screen
    opened from it is closed afterwards."""
    from desk.services.unit import Actor
    from desk.views.backend import Backend
    from desk.views.bus import ChangeBus
    from desk.views.dashboard import DashboardPage
    from desk.views.workers import DbWorker

    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    ctx = request.getfixturevalue("demo_ctx")
    worker = DbWorker()
    bus = ChangeBus()
    leader = Actor("zhang", "张国强", role="leader", seat="big-screen")
    p = DashboardPage(Backend(ctx.as_actor(leader), worker, bus))
    bus.changed.connect(p.on_changes)
    qtbot.addWidget(p)
    p.resize(1600, 900)
    p.show()
    p.activate()
    qtbot.waitUntil(lambda: p.data is not None, timeout=30000)
    yield p
    if p.wall is not None:
        p.wall.close()
    p.dispose()
    worker.stop()


@pytest.fixture(autouse=True)
def _own_ui_settings(tmp_path_factory):
    """Remembered dialog sizes and the font size go to a scratch folder, never the user's own."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path_factory.mktemp("ui")))
    yield
