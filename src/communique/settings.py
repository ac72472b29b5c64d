"""One frozen Settings object, layered from the packaged file to the command line.

Stages never read the environment: the CLI (or a test) builds a Settings at the edge and passes it
down, so the same input always gives the same output whatever the shell looks like.
Layers, later wins: packaged ``data/settings.toml``, a user TOML file, ``COMMUNIQUE_<NAME>``
environment variables, ``--set name=value`` pairs.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import ConfigError

__all__ = ["Settings", "cache_dir", "load_settings"]

# Environment variables that are secrets for one command, not settings: never stored or shown.
_SECRETS = frozenset({"COMMUNIQUE_WRITE_TOKEN"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Every tunable value; the packaged ``settings.toml`` documents each one."""

    db: str
    max_bytes: int
    model: str
    clean_short_words: int
    clean_max_link_density: float
    clean_min_word_share: float
    clean_repeat_min_docs: int
    clean_repeat_min_share: float
    html_extensive_date_search: bool
    nlp_batch_size: int
    nlp_processes: int
    nlp_piece_chars: int
    ingest_batch_size: int
    scheduler: str
    cluster_chunk_bytes: int
    pipeline_cache: str
    actors_file: str
    query_time_limit: float
    watch_pages: str
    watch_timeout: float
    watch_host_delay: float
    watch_retries: int
    watch_backoff: float
    watch_retry_after_max: float
    watch_crawl_delay_max: float
    watch_max_new: int
    watch_contact: str
    sources: Mapping[str, str] = dataclasses.field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, object]:
        """Return the values (not their sources) as a plain dict."""
        return {f.name: getattr(self, f.name) for f in _fields()}


def _fields() -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(Settings) if f.name != "sources"]


def _coerce(key: str, value: object, kind: type) -> object:
    """Turn a TOML or string value into the field's type, with a coded error if it will not go."""
    try:
        if kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError("expected true or false")
            return text in {"1", "true", "yes", "on"}
        if kind is int:
            return int(str(value).replace("_", ""))
        if kind is float:
            number = float(value)
            if not math.isfinite(number) or number < 0:
                raise ValueError("expected a finite number, 0 or more")  # shares, seconds
            return number
        return str(value)
    except ValueError as err:
        raise ConfigError("E302", key=key, value=value, reason=err) from err


def load_settings(
    *,
    user_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Iterable[str] = (),
) -> Settings:
    """Build Settings from the packaged defaults and the given layers.

    Args:
        user_file: a TOML file holding some of the keys.
        environ: the environment to read ``COMMUNIQUE_*`` from (``os.environ`` when None).
        overrides: ``name=value`` strings from ``--set``.

    """
    kinds = {f.name: {"int": int, "float": float, "bool": bool}.get(f.type, str) for f in _fields()}
    packaged = resources.files("communique").joinpath("data/settings.toml").read_text("utf-8")
    values: dict[str, object] = dict(tomllib.loads(packaged))
    sources = dict.fromkeys(values, "default")

    def apply(layer: Mapping[str, object], source: str) -> None:
        for key, value in layer.items():
            if key not in kinds:
                raise ConfigError("E301", key=key, known=", ".join(sorted(kinds)))
            values[key] = _coerce(key, value, kinds[key])
            sources[key] = source

    if user_file is not None:
        try:
            apply(tomllib.loads(user_file.read_text("utf-8")), str(user_file))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError("E303", path=user_file, reason=err) from err
    env = os.environ if environ is None else environ
    prefix = "COMMUNIQUE_"
    apply(
        {
            k[len(prefix) :].lower(): v
            for k, v in env.items()
            if k.startswith(prefix) and k not in _SECRETS
        },
        "environment",
    )
    pairs: dict[str, object] = {}
    for item in overrides:
        key, sep, value = item.partition("=")
        if not sep:
            raise ConfigError("E302", key=item, value=item, reason="expected name=value")
        pairs[key.strip()] = value.strip()
    apply(pairs, "--set")
    typed = {k: _coerce(k, v, kinds[k]) for k, v in values.items()}
    if typed["pipeline_cache"] == "":
        typed["pipeline_cache"] = str(_user_cache(env) / "communique")
    if typed["watch_pages"] == "":
        typed["watch_pages"] = str(_user_data(env) / "communique" / "pages")
    return Settings(**typed, sources=sources)


def cache_dir(settings: Settings) -> Path | None:
    """Where built tables are kept (setting ``pipeline_cache``; "off": nowhere).

    The spaCy pipeline, the language identifier's model and the gazetteer index are cached
    there, each under a hash of what it was built from.
    """
    value = settings.pipeline_cache.strip()
    return None if value.lower() in {"off", ""} else Path(value).expanduser()


def _user_cache(env: Mapping[str, str]) -> Path:
    """The user's cache folder: $XDG_CACHE_HOME, else ~/.cache (the XDG base directory rule)."""
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"])
    return (Path(env["HOME"]) if env.get("HOME") else Path.home()) / ".cache"


def _user_data(env: Mapping[str, str]) -> Path:
    """The user's data folder: $XDG_DATA_HOME, else ~/.local/share (the XDG base directory rule).

    Fetched pages are the only copy of what a source served, not a cache to rebuild: data.
    """
    if env.get("XDG_DATA_HOME"):
        return Path(env["XDG_DATA_HOME"])
    return (Path(env["HOME"]) if env.get("HOME") else Path.home()) / ".local" / "share"
