"""Settings: file in the config directory, environment overrides, loud insecure mode."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from desktop_app.settings import DEFAULT_PLC_URL, Settings, SettingsError


def test_defaults_under_desktop_app_home(tmp_path: Path) -> None:
    settings = Settings.load({"DESKTOP_APP_HOME": str(tmp_path)})
    assert settings.paths.config == tmp_path / "config"
    assert settings.paths.data == tmp_path / "data"
    assert settings.paths.logs == tmp_path / "logs"
    assert settings.plc_url == DEFAULT_PLC_URL
    assert settings.handle_resolver_url is None
    assert settings.allow_insecure_loopback is False
    assert settings.client_id is None


def test_file_then_environment(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(json.dumps({
        "plc_url": "https://plc.example.com/",
        "handle_resolver_url": "https://resolver.example.com",
        "client_id": "https://app.example.com/client-metadata.json",
        "allow_insecure_loopback": True,
    }))
    from_file = Settings.load({"DESKTOP_APP_HOME": str(tmp_path)})
    assert from_file.plc_url == "https://plc.example.com"
    assert from_file.handle_resolver_url == "https://resolver.example.com"
    assert from_file.allow_insecure_loopback is True
    env = {
        "DESKTOP_APP_HOME": str(tmp_path),
        "DESKTOP_APP_PLC_URL": "http://localhost:2582",
        "DESKTOP_APP_HANDLE_RESOLVER": "http://localhost:2583/",
        "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "0",
    }
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        overridden = Settings.load(env)
    assert overridden.plc_url == "http://localhost:2582"
    assert overridden.handle_resolver_url == "http://localhost:2583"
    assert overridden.allow_insecure_loopback is False
    assert overridden.client_id == "https://app.example.com/client-metadata.json"
    assert "INSECURE" not in caplog.text


def test_insecure_mode_is_logged_loudly(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        settings = Settings.load(
            {"DESKTOP_APP_HOME": str(tmp_path), "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK": "1"}
        )
    assert settings.allow_insecure_loopback is True
    assert "INSECURE" in caplog.text


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"plc_url": 5}'])
def test_broken_settings_file(tmp_path: Path, content: str) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(content)
    with pytest.raises(SettingsError):
        Settings.load({"DESKTOP_APP_HOME": str(tmp_path)})
