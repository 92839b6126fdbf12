"""Values baked into packages: reading them, and where they rank against settings and env."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app import build_config, cli
from desktop_app.settings import Settings

BAKED = "https://baked.example.com/client-metadata.json"


@pytest.fixture
def baked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "build-config.json"
    path.write_text(json.dumps({"client_id": BAKED, "version": "9.9.9"}))
    monkeypatch.setattr(build_config, "baked_path", lambda: path)
    return path


def test_source_tree_has_nothing_baked(tmp_path: Path) -> None:
    assert build_config.load(tmp_path / "missing.json") == {}


@pytest.mark.parametrize("content", ["[1]", "{", '{"client_id": 3}', '{"other": "x"}'])
def test_a_malformed_file_is_a_bad_build(tmp_path: Path, content: str) -> None:
    path = tmp_path / "build-config.json"
    path.write_text(content)
    with pytest.raises(RuntimeError):
        build_config.load(path)


def test_baked_client_id_is_the_last_resort(baked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert Settings.load({"DESKTOP_APP_HOME": str(home)}).client_id == BAKED
    env = {"DESKTOP_APP_HOME": str(home), "DESKTOP_APP_CLIENT_ID": "https://env.example.com/c.json"}
    assert Settings.load(env).client_id == "https://env.example.com/c.json"


def test_client_metadata_defaults_to_the_configured_client(
    baked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DESKTOP_APP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DESKTOP_APP_CLIENT_ID", raising=False)
    assert cli.main(["client-metadata"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["client_id"] == BAKED
    assert document["redirect_uris"][0] == "com.example.baked:/callback"
