"""数据总览: the leaders' dashboard and its big-screen mode."""
from desk.views.dashboard.page import DashboardPage

__all__ = ["DashboardPage"]
