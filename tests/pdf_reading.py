"""Reading exported PDFs the way a reviewer would: page text and document metadata."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader


def reader(pdf: bytes | Path) -> PdfReader:
    return PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else str(pdf))


def page_texts(pdf: bytes | Path) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def all_text(pdf: bytes | Path) -> str:
    return "\n".join(page_texts(pdf))
