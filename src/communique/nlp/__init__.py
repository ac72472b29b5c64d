"""Stage 3, nlp: the language stage, chosen by each article's language.

English articles go through the spaCy pipeline of :mod:`communique.nlp.english`; Russian ones
(and Belarusian written in Cyrillic, which the Russian models read well enough, with a warning)
through :mod:`communique.nlp.russian`, which turns natasha's models' output into a spaCy Doc
and runs the same actor and extraction components on it. Both share one knowledge base, so a
person learned from an English report is known in a Russian one.

The Russian stage is imported and its models loaded on the first Russian article only: a run
without one costs exactly what it did before.
"""

from __future__ import annotations

import gc
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.language import Language

from ..errors import warning
from ..model import Analysis, Article
from . import english
from .english import (
    PhraseTrie,
    _preshed_order,
    build_pipeline,
    cached_pipeline,
    kb_patterns,
    person_patterns,
    pipeline_key,
    split_pieces,
    title_patterns,
)

if TYPE_CHECKING:
    from .russian import RussianPipeline

__all__ = [
    "PhraseTrie",
    "_preshed_order",
    "analyse",
    "build_pipeline",
    "cached_pipeline",
    "kb_patterns",
    "language_stage",
    "person_patterns",
    "pipeline_key",
    "russian_pipeline",
    "split_pieces",
    "title_patterns",
]

logger = logging.getLogger(__name__)

# Languages read by the Russian stage; those other than Russian itself are read with a warning.
_RUSSIAN = {"ru", "be"}
# The Russian stage made for an English pipeline (keyed by its id; the pipeline is kept too, so
# the id is not reused while the entry lives). Few pipelines live in one process.
_STAGES: dict[int, tuple[Language, RussianPipeline]] = {}
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЎў]")


def language_stage(article: Article) -> str:
    """Which stage reads the article: "ru" for Russian (and Belarusian in Cyrillic), else "en"."""
    code = (article.language or "").casefold().replace("_", "-").split("-")[0]
    if code not in _RUSSIAN or (code != "ru" and not _CYRILLIC.search(article.text[:1000])):
        return "en"
    if code != "ru":
        logger.warning(warning("W103", doc=article.doc, language=code))
    return "ru"


def russian_pipeline(nlp: Language) -> RussianPipeline:
    """The Russian stage sharing ``nlp``'s knowledge base, built on first use and kept."""
    kb = nlp.get_pipe("communique_actors").resolver.kb
    entry = _STAGES.get(id(nlp))
    if entry is None or entry[0] is not nlp:
        from .russian import RussianPipeline

        entry = _STAGES[id(nlp)] = (nlp, RussianPipeline(kb))
        # the models, dictionaries and name tables just loaded (with the English pipeline's) are
        # some 700,000 objects that live as long as the process: the collector's full passes,
        # every few dozen articles, would walk them all again, for a fifth of the articles'
        # time. Collected once, then left out of its passes.
        gc.collect()
        gc.freeze()
    elif entry[1].kb is not kb:  # the English pipeline was given another knowledge base
        entry[1].attach(kb)
    return entry[1]


def analyse(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    piece_chars: int = 100_000,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[tuple[Article, Analysis]]:
    """Run each article through its language's stage, in order (see :func:`english.analyse`).

    Consecutive articles of one language go through their stage as one stream, so an English
    corpus is one ``nlp.pipe`` stream as before, and roles learned from one article reach the
    next in article order whatever its language.
    """
    for stage, run in itertools.groupby(articles, key=language_stage):
        if stage == "ru":
            yield from russian_pipeline(nlp).analyse(run, on_error=on_error, batch_size=batch_size)
        else:
            yield from english.analyse(
                run,
                nlp,
                batch_size=batch_size,
                n_process=n_process,
                piece_chars=piece_chars,
                on_error=on_error,
            )
