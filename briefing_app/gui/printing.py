"""Printing the exact PDF the officer previewed.

A PDF the printer is asked to write to a file is the exported file itself, so print-to-PDF
keeps its text. A real printer gets the PDF through the system's spooler (`lp`, CUPS on Linux
and macOS), which prints it as vectors, the way it prints an exported file. Only where there is
no spooler command (Windows) are the pages drawn as images, at no more than 300 dpi: crisp on
paper without images of hundreds of megabytes on a high-resolution printer.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300
SPOOLER_SECONDS = 60


def printer_file(printer: QPrinter) -> Path | None:
    """The PDF file a "print to file" printer writes, or None for a real printer."""
    if printer.outputFormat() == QPrinter.PdfFormat and printer.outputFileName():
        return Path(printer.outputFileName())
    return None


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print `data`, `printer.copyCount()` times; returns the number of pages of one copy."""
    pages = _document(data).pageCount()
    spooler = shutil.which("lp")
    if spooler:
        _spool(spooler, data, printer)
    else:
        _draw(data, printer)
    return pages


def _spool(spooler: str, data: bytes, printer: QPrinter) -> None:
    command = [spooler, "-n", str(max(1, printer.copyCount())), "-t", printer.docName() or "brief"]
    if printer.printerName():
        command += ["-d", printer.printerName()]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=SPOOLER_SECONDS)
    except subprocess.TimeoutExpired:
        raise OSError(f"the print spooler did not answer within {SPOOLER_SECONDS} seconds") from None
    if done.returncode:
        reason = done.stderr.decode(errors="replace").strip() or f"lp ended with status {done.returncode}"
        raise OSError(f"the printer refused the job: {reason}")


def _document(data: bytes) -> QPdfDocument:
    document = QPdfDocument()
    buffer = QBuffer(document)  # lives as long as the document reading it
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.ReadOnly)
    document.load(buffer)
    return document


def _draw(data: bytes, printer: QPrinter) -> None:
    document = _document(data)
    painter = QPainter()
    if document.pageCount() == 0 or not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        area.moveTo(0, 0)
        for page in range(document.pageCount()):
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
