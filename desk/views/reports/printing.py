"""Showing and printing a PDF made by desk.reports: the preview (QtPdf) and the printer."""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def load_pdf(data: bytes, parent) -> QPdfDocument:
    """A document over the bytes; the buffer lives as long as the document."""
    doc = QPdfDocument(parent)
    buf = QBuffer(doc)
    buf.setData(QByteArray(data))
    buf.open(QIODevice.ReadOnly)
    doc.load(buf)
    doc._desk_buffer = buf  # keep the bytes alive with the document
    return doc


def a4_printer(printer: QPrinter) -> QPrinter:
    printer.setPageSize(QPageSize(QPageSize.A4))
    printer.setPageOrientation(QPageLayout.Portrait)
    printer.setFullPage(True)
    return printer


def print_pdf(doc: QPdfDocument, printer: QPrinter, dpi: int = 300) -> int:
    """Print every page at the printer's full page (the PDF carries its own margins). Returns pages."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("打印机无法开始打印 (the printer refused the job)")
    pages = doc.pageCount()
    try:
        for i in range(pages):
            if i:
                printer.newPage()
            target = painter.viewport()
            size_pt = doc.pagePointSize(i)
            px = QSize(int(size_pt.width() / 72 * dpi), int(size_pt.height() / 72 * dpi))
            image = doc.render(i, px)
            scaled = image.size().scaled(target.size(), Qt.KeepAspectRatio)
            painter.drawImage(target.x(), target.y(), image.scaled(scaled, Qt.IgnoreAspectRatio, Qt.SmoothTransformation))
    finally:
        painter.end()
    return pages
