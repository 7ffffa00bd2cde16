"""The grid map page: a folium map in a QWebEngineView (fully offline), a grid profile panel,
and live event markers updated by JavaScript without rebuilding the page."""
