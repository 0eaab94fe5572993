"""The library's templates as they read for one country and carrier, kept with the library.

What a template says depends only on the library and the country and carrier (templates never
see the meeting), so each outcome is kept in the library (`Library.rendered`) and goes with it
into the cache in the user data folder (`core/library_cache.py`): a start or an export after
the first finds the recommendations and the points' wording there, and neither loads Jinja nor
parses a template. Only the library's own templates are kept, never text the officer wrote.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .counterpart import CounterpartCheck
    from .library import Library
    from .models import Carrier, Country


class TemplateFailure(Exception):
    """A library template that fails for this country and carrier; the message says why in words."""


class Rendered:
    """The library's templates for one country and carrier (None: no carrier)."""

    def __init__(self, library: Library, country: Country, carrier: Carrier | None):
        self.library, self.country, self.carrier = library, country, carrier
        self._where = (country.code, carrier.id if carrier else None)
        self._context: dict[str, Any] | None = None
        self._check: CounterpartCheck | None = None

    def text(self, source: str) -> str:
        """The template's output; raises TemplateFailure."""
        if "{" not in source:
            return source.strip()
        return self._outcome("text", source)

    def holds(self, expression: str) -> bool:
        """Whether an `applies_when` expression holds; raises TemplateFailure."""
        return self._outcome("holds", expression)

    def names_itself(self, text: str) -> str:
        """Why `text` holds the counterpart up as its own example (core/counterpart.py), in
        words; "" when it does not. For any text, the officer's too: nothing is kept."""
        if self._check is None:
            from .counterpart import CounterpartCheck

            self._check = CounterpartCheck(self.library, self.country, self.carrier)
        return self._check(text)

    def template_names_itself(self, source: str) -> str:
        """`names_itself` for what a library template says here; raises TemplateFailure."""
        return self._outcome("example", source)

    def context(self) -> dict[str, Any]:
        if self._context is None:
            from .template_context import template_context

            self._context = template_context(self.country, self.carrier)
        return self._context

    def _outcome(self, kind: str, source: str) -> Any:
        key = (kind, source, *self._where)
        found = self.library.rendered.get(key)
        if found is None:
            found = self.library.rendered[key] = self._work_out(kind, source)
        done, value = found
        if not done:
            raise TemplateFailure(value)
        return value

    def _work_out(self, kind: str, source: str) -> tuple[bool, Any]:
        """(True, outcome) or (False, why it fails): Jinja is loaded here, on the first miss."""
        from . import templating

        if kind == "example":
            try:
                return True, self.names_itself(self.text(source))
            except TemplateFailure as err:
                return False, str(err)
        try:
            if kind == "holds":
                return True, templating.evaluate(source, self.context())
            return True, templating.render(source, self.context())
        except templating.TemplateError as err:
            return False, templating.describe_error(err)


_FIELD = re.compile(r"\b(country|carrier)\.(\w+)")


@lru_cache(maxsize=4096)
def fields_used(source: str) -> frozenset[str]:
    """The context fields a template reads, such as 'carrier.vendors' or 'country.policy', so
    the facts it prints can be cited. Read from the text, not a parse: an export reads every
    chosen point's templates, and parsing them all again cost 10-20 ms."""
    return frozenset(f"{name}.{field}" for name, field in _FIELD.findall(source))
