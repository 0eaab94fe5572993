"""Limits on what one line of a document may hold, applied once to the composed `Document`
so that every backend lays out the same, bounded thing.

A brief's fields are bounded when it is read (`brief.MAX_TEXT`), and long paragraphs split
across pages; but a title or heading is set as one unbreakable piece in large type, and a
custom point's title of a million characters would print as hundreds of pages of heading.
Titles, headings and run-in titles longer than `TITLE_LIMIT` characters are cut there, with a
warning that says which one and by how much.
"""

from __future__ import annotations

import re

from .document import Box, Document, Heading, Item, ItemList, Paragraph, Run, Section, Signoff, Title

TITLE_LIMIT = 500  # characters: about five lines of a heading
_NUMBER = re.compile(r"^\d+\.?\s+")


def bounded(document: Document) -> Document:
    """`document` with every title, heading and bold run-in title cut to `TITLE_LIMIT`
    characters; a warning for each cut one joins the document's notes."""
    cut: list[str] = []
    blocks = tuple(_block(block, cut) for block in document.blocks)
    if not cut:
        return document
    metadata = document.metadata._replace(title=_cut(document.metadata.title, []))
    return document._replace(blocks=blocks, metadata=metadata, notes=document.notes + tuple(dict.fromkeys(cut)))


def _cut(text: str, cut: list[str]) -> str:
    if len(text) <= TITLE_LIMIT:
        return text
    title = _NUMBER.sub("", text.strip()).rstrip(".").strip()  # as typed: without "3." or a run-in stop
    start = " ".join(title[:40].split())
    cut.append(f'the title "{start}…" is {len(title):,} characters long; only its first '
               f"{TITLE_LIMIT} print: a title may be at most {TITLE_LIMIT} characters")
    return text[:TITLE_LIMIT].rstrip() + "…"


def _paragraph(paragraph: Paragraph, cut: list[str]) -> Paragraph:
    if not any(run.bold and len(run.text) > TITLE_LIMIT for run in paragraph.runs):
        return paragraph
    runs = tuple(Run(_cut(run.text, cut), True) if run.bold else run for run in paragraph.runs)
    return paragraph._replace(runs=runs)


def _block(block, cut: list[str]):
    if isinstance(block, Title):
        return block._replace(text=_cut(block.text, cut))
    if isinstance(block, Heading):
        return block._replace(text=_cut(block.text, cut))
    if isinstance(block, Section):
        return block._replace(heading=_block(block.heading, cut),
                              blocks=tuple(_block(b, cut) for b in block.blocks))
    if isinstance(block, Paragraph):
        return _paragraph(block, cut)
    if isinstance(block, ItemList):
        return block._replace(items=tuple(Item(i.label, _paragraph(i.paragraph, cut)) for i in block.items))
    if isinstance(block, Box):
        return block._replace(paragraphs=tuple(_paragraph(p, cut) for p in block.paragraphs))
    if isinstance(block, Signoff):
        return block._replace(lines=tuple(_paragraph(p, cut) for p in block.lines))
    return block
