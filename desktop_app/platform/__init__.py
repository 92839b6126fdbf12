"""The operating system's parts: keychain, URI scheme registration, loopback redirect, browser.

Qt-free. Import from this face, not from the private modules behind it.
"""

from ._browser import BrowserError, open_system_browser
from ._errors import PlatformError
from ._files import FILE_MODE, JsonFile, private_dir
from ._keychain import (
    KeychainLockedError,
    KeychainStatus,
    KeyringSessionStore,
    KeyringStateStore,
    NoKeychainError,
    is_secure_backend,
    keychain_status,
    secure_backend,
    service_name,
    warm_keychain,
)
from ._loopback import LoopbackRedirectListener
from ._memory import release_free_memory, tune_allocator
from ._scheme import (
    LinuxScheme,
    MacOSScheme,
    RegistrationResult,
    RegistryBackend,
    SchemeRegistrar,
    SchemeRegistrationError,
    WindowsScheme,
    desktop_entry,
    ensure_registered,
    escape_desktop_value,
    launcher_command,
    macos_url_types,
    quote_exec_arg,
    registrar_for_platform,
    windows_command_line,
)

__all__ = [
    "FILE_MODE",
    "BrowserError",
    "JsonFile",
    "KeychainLockedError",
    "KeychainStatus",
    "KeyringSessionStore",
    "KeyringStateStore",
    "LinuxScheme",
    "LoopbackRedirectListener",
    "MacOSScheme",
    "NoKeychainError",
    "PlatformError",
    "RegistrationResult",
    "RegistryBackend",
    "SchemeRegistrar",
    "SchemeRegistrationError",
    "WindowsScheme",
    "desktop_entry",
    "ensure_registered",
    "escape_desktop_value",
    "is_secure_backend",
    "keychain_status",
    "launcher_command",
    "macos_url_types",
    "open_system_browser",
    "private_dir",
    "quote_exec_arg",
    "registrar_for_platform",
    "release_free_memory",
    "secure_backend",
    "service_name",
    "tune_allocator",
    "warm_keychain",
    "windows_command_line",
]
