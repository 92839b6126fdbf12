"""Desktop Bluesky client: an atproto OAuth public native client."""

from importlib.metadata import PackageNotFoundError, version

from . import build_config

try:
    __version__ = build_config.load().get("version") or version("desktop-app")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"
