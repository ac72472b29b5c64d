"""``communique doctor``: checks that this installation can run and its database is sound.

In the spirit of ``pip check``: every check is one line (ok, warning, problem, or n/a where it
does not apply), and any problem makes the command exit non-zero, so scripts and cron jobs can
run it. The database checks live with the store (``store/health.py``); this module adds the
release, the language model and the knowledge base, which live outside the database.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import spacy
import spacy.util

from .errors import CommuniqueError
from .kb import load_kb
from .pipeline import ANALYSIS_VERSION
from .settings import Settings
from .store import SCHEMA_VERSION
from .store.backup import communique_version
from .store.health import Check, database_checks, problem

__all__ = ["kb_digest", "run_checks"]


def run_checks(settings: Settings) -> list[Check]:
    """Every check, the database's first; a problem in one does not stop the others."""
    release = Check(
        "communique",
        "ok",
        f"{communique_version()} (schema {SCHEMA_VERSION}, analysis {ANALYSIS_VERSION})",
    )
    return [
        *database_checks(settings.db, analysis_version=ANALYSIS_VERSION),
        release,
        _model(settings.model),
        _knowledge_base(settings.actors_file),
    ]


def _model(name: str) -> Check:
    """The spaCy model is installed and built for the installed spaCy (without loading it)."""
    if not spacy.util.is_package(name):
        return problem("model", "E436", model=name, reason="not installed")
    meta = spacy.util.get_model_meta(spacy.util.get_package_path(name))
    wanted = meta.get("spacy_version", "")
    if wanted and not spacy.util.is_compatible_version(spacy.about.__version__, wanted):
        reason = f"built for spaCy {wanted}, but spaCy {spacy.about.__version__} is installed"
        return problem("model", "E436", model=name, reason=reason)
    detail = f"{name} {meta.get('version', '?')} (spaCy {spacy.about.__version__})"
    return Check("model", "ok", detail)


def kb_digest() -> str:
    """A short sha256 of the packaged knowledge-base tables: the version of what they know.

    The tables change between releases without a number of their own; two installations with
    the same digest resolve names alike.
    """
    digest = hashlib.sha256()
    folder = resources.files("communique").joinpath("data/kb")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".jsonl"):
            digest.update(item.name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()[:12]


def _knowledge_base(actors_file: str) -> Check:
    """The packaged tables and the user's actors file (setting ``actors_file``) load."""
    user = Path(actors_file) if actors_file else None
    try:
        kb = load_kb(user)
    except CommuniqueError as err:
        return problem("knowledge base", "E437", reason=err)
    extra = f", with {user}" if user else ""
    detail = (
        f"sha256 {kb_digest()}: {len(kb.states)} states, {len(kb.organisations)} organisations, "
        f"{len(kb.offices)} offices, {len(kb.people)} people{extra}"
    )
    return Check("knowledge base", "ok", detail)
