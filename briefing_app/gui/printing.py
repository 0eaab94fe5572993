"""Printing the exact PDF the officer previewed: each page drawn onto the printer.

Pages are rasterised at no more than 300 dpi, which prints crisply without building images of
hundreds of megabytes on a high-resolution printer.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page of `data`; returns the number of pages sent to the printer."""
    document = QPdfDocument()
    buffer = QBuffer(document)  # read until the document closes, so deleted after it
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.ReadOnly)
    document.load(buffer)
    pages = document.pageCount()
    painter = QPainter()
    if pages == 0 or not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        area.moveTo(0, 0)
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72),
                                                round(points.height() * dpi / 72)))
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            target.moveCenter(area.center())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return pages
