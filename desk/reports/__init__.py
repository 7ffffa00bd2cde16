"""Renders figures and documents: briefing sheets as PDF (reportlab), tables as .xlsx (openpyxl)
and CSV. No Qt: the CLI and the window both call this layer."""
