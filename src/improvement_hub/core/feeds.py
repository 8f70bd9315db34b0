"""RSS and Atom feed formats that carry people's text as plain text, whatever it holds.

Django's feeds escape text once, for XML. RSS readers then read ``<description>`` (and
often ``<title>``) as HTML, and Django's Atom ``<summary>`` says ``type="html"``, so an
idea titled ``<script>`` would be markup to a feed reader. These formats send text that
every reader shows as the literal characters people typed:

- RSS: titles and descriptions are HTML-escaped before the XML escaping, so the HTML a
  reader finds is only text (Django's own default for item titles, ticket #6533).
- Atom: the summary is ``type="text"`` (titles already are by default), so no escaping
  beyond XML's is needed.

Both drop control characters, which XML 1.0 cannot hold, from every text in the feed,
so text stored before forms and the API refused them cannot break the feed.
"""

from typing import Any

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape
from django.utils.xmlutils import SimplerXMLGenerator

from improvement_hub.core.validators import strip_control_characters


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(v) for v in value)
    return value


class _PlainTextFeed(SyndicationFeed):
    # The feed and item keys that this format's readers interpret as HTML.
    html_keys: tuple[str, ...] = ()

    def write(self, outfile: Any, encoding: str) -> None:
        feed, items = self.feed, self.items
        self.feed = self._encode(feed)
        self.items = [self._encode(item) for item in items]
        try:
            super().write(outfile, encoding)
        finally:  # as given, so writing twice does not escape twice
            self.feed, self.items = feed, items

    def _encode(self, values: dict[str, Any]) -> dict[str, Any]:
        values = {key: _clean(value) for key, value in values.items()}
        for key in self.html_keys:
            if values.get(key) is not None:
                values[key] = escape(values[key])
        return values


class PlainTextRssFeed(_PlainTextFeed, Rss201rev2Feed):
    """RSS 2.0 whose titles and descriptions a reader shows as the literal text."""

    html_keys = ("title", "description")


class PlainTextAtomFeed(_PlainTextFeed, Atom1Feed):
    """Atom whose summaries are plain text (``type="text"``), not HTML."""

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        # Atom's elements may come in any order: write Django's without the summary,
        # then the summary as text.
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
