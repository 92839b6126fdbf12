"""App settings: a JSON file in the platformdirs config directory, overridden by environment."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from . import build_config
from .errors import AppError

log = logging.getLogger(__name__)

APP_NAME = "desktop-app"
APP_AUTHOR = "desktop-app"
SETTINGS_FILE = "settings.json"
DEFAULT_PLC_URL = "https://plc.directory"

ENV_HOME = "DESKTOP_APP_HOME"
ENV_PLC_URL = "DESKTOP_APP_PLC_URL"
ENV_HANDLE_RESOLVER = "DESKTOP_APP_HANDLE_RESOLVER"
ENV_ALLOW_INSECURE_LOOPBACK = "DESKTOP_APP_ALLOW_INSECURE_LOOPBACK"
ENV_CLIENT_ID = "DESKTOP_APP_CLIENT_ID"


class SettingsError(AppError):
    """The settings file exists but cannot be used."""


@dataclass(frozen=True)
class Paths:
    """Where this profile keeps its files; one root per profile when DESKTOP_APP_HOME is set."""

    config: Path
    data: Path
    cache: Path
    logs: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Paths:
        home = env.get(ENV_HOME)
        if home:
            root = Path(home).expanduser()
            return cls(root / "config", root / "data", root / "cache", root / "logs")
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        )


@dataclass(frozen=True)
class Settings:
    paths: Paths
    plc_url: str = DEFAULT_PLC_URL
    handle_resolver_url: str | None = None
    allow_insecure_loopback: bool = False
    client_id: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings file (if any), then apply environment overrides."""
        env = os.environ if env is None else env
        paths = Paths.from_env(env)
        raw = _read_file(paths.config / SETTINGS_FILE)
        plc_url = env.get(ENV_PLC_URL) or _str(raw, "plc_url") or DEFAULT_PLC_URL
        resolver = env.get(ENV_HANDLE_RESOLVER) or _str(raw, "handle_resolver_url")
        insecure_env = env.get(ENV_ALLOW_INSECURE_LOOPBACK)
        if insecure_env is not None and insecure_env != "":
            insecure = insecure_env.strip().lower() in {"1", "true", "yes", "on"}
        else:
            insecure = raw.get("allow_insecure_loopback") is True
        # Environment, then the user's settings file, then what the package was built with.
        client_id = (env.get(ENV_CLIENT_ID) or _str(raw, "client_id")
                     or build_config.load().get("client_id"))
        settings = cls(
            paths=paths,
            plc_url=plc_url.rstrip("/"),
            handle_resolver_url=resolver.rstrip("/") if resolver else None,
            allow_insecure_loopback=insecure,
            client_id=client_id,
            extra={k: v for k, v in raw.items() if k not in _KNOWN},
        )
        if insecure:
            log.warning(
                "INSECURE: plain http is allowed for loopback origins (%s=1). "
                "This is for development and tests only.",
                ENV_ALLOW_INSECURE_LOOPBACK,
            )
        return settings


_KNOWN = {"plc_url", "handle_resolver_url", "allow_insecure_loopback", "client_id"}


def _read_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError(f"cannot read {path}: {exc.strerror}") from exc
    from .atproto import loads  # here: `desktop-app --version` needs no HTTP stack

    data = loads(text, str(path), error=SettingsError)
    if not isinstance(data, dict):
        raise SettingsError(f"{path} must hold a JSON object")
    return data


def _str(raw: Mapping[str, Any], key: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SettingsError(f"setting {key!r} must be a string")
    return value
