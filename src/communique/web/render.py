"""The package's HTML templates (``web/templates/``): one Jinja environment for all of them.

The web pages, the relationship page, the briefing report and the digest file share their
templates (the base layout, the figures' script), so one environment loads and compiles each
template once per process, with HTML autoescaped.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

__all__ = ["render"]

_TEMPLATES = Environment(
    loader=PackageLoader("communique.web", "templates"), autoescape=select_autoescape(["html"])
)


def render(name: str, **context: Any) -> str:
    """The template ``name`` rendered with ``context``."""
    return _TEMPLATES.get_template(name).render(**context)
