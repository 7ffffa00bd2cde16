"""Geometry of the street: GeoJSON import and validation, point-in-polygon assignment,
the grid balance check and the figures the map shows. No Qt here."""
