from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.settings import Settings, load_settings


def test_settings_layers_later_wins(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text("max_bytes = 1000\nclean_short_words = 5\n", encoding="utf-8")
    settings = load_settings(
        user_file=user,
        environ={"COMMUNIQUE_MAX_BYTES": "2000", "COMMUNIQUE_DB": "/tmp/x.db"},
        overrides=["clean_short_words=6"],
    )
    assert settings.max_bytes == 2000
    assert settings.clean_short_words == 6
    assert settings.db == "/tmp/x.db"
    assert settings.sources["max_bytes"] == "environment"
    assert settings.sources["clean_short_words"] == "--set"
    assert settings.sources["model"] == "default"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        (["colour=blue"], "E301"),
        (["max_bytes=lots"], "E302"),
        (["max_bytes"], "E302"),
        (["query_time_limit=-1"], "E302"),
        (["query_time_limit=nan"], "E302"),
    ],
)
def test_settings_refuse_bad_values(overrides: list[str], code: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={}, overrides=overrides)
    assert caught.value.code == code


def test_settings_every_field_is_documented_in_packaged_file() -> None:
    packaged = resources.files("communique").joinpath("data/settings.toml").read_text("utf-8")
    assert set(tomllib.loads(packaged)) == set(load_settings(environ={}).to_dict())
    for name in Settings.__dataclass_fields__:
        if name != "sources":
            line = next(i for i, text in enumerate(packaged.splitlines()) if text.startswith(name))
            assert packaged.splitlines()[line - 1].startswith("#"), f"{name} has no comment"
