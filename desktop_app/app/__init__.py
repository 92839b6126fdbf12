"""The application layer shared by the window and the command line: accounts, sign-in flows,
session lifetimes, wiring. Qt-free.

Import from this face, not from the private modules behind it.
"""

from ._accounts import (
    ACCOUNTS_FILE,
    REFRESH_INTERVAL,
    AccountNotFoundError,
    Accounts,
    AccountSnapshot,
    Listener,
    agent_for,
    iso,
)
from ._diagnose import Check, Diagnosis, diagnose
from ._lifetime import (
    DAY,
    HOUR,
    MINUTE,
    REASON_TEXT,
    WHY_LIMITED,
    LifetimePolicy,
    LifetimePolicyError,
    SessionStatus,
    State,
    describe_duration,
    ended_status,
    policy_for,
    renewal_threshold,
    session_end,
    session_status,
)
from ._reading import HIDDEN_POLL, VISIBLE_POLL, Moderator, NewActivity, UnreadWatcher
from ._refresh import BACKOFF_MAX, BACKOFF_START, backoff, refresh_due
from ._renewal import RenewalPath, SignInRun, renew
from ._services import USER_AGENT, Core, Services, client_config, make_core, make_oauth_client
from ._signin import (
    DEFAULT_TIMEOUT,
    Flow,
    OpenBrowser,
    SignIn,
    SignInFlows,
    SignInOptions,
    SignInReplacedError,
)
from ._tasks import TaskOwner

__all__ = [
    "ACCOUNTS_FILE",
    "BACKOFF_MAX",
    "BACKOFF_START",
    "DAY",
    "DEFAULT_TIMEOUT",
    "HIDDEN_POLL",
    "HOUR",
    "MINUTE",
    "REASON_TEXT",
    "REFRESH_INTERVAL",
    "USER_AGENT",
    "VISIBLE_POLL",
    "WHY_LIMITED",
    "AccountNotFoundError",
    "AccountSnapshot",
    "Accounts",
    "Check",
    "Core",
    "Diagnosis",
    "Flow",
    "LifetimePolicy",
    "LifetimePolicyError",
    "Listener",
    "Moderator",
    "NewActivity",
    "OpenBrowser",
    "RenewalPath",
    "Services",
    "SessionStatus",
    "SignIn",
    "SignInFlows",
    "SignInOptions",
    "SignInReplacedError",
    "SignInRun",
    "State",
    "TaskOwner",
    "UnreadWatcher",
    "agent_for",
    "backoff",
    "client_config",
    "describe_duration",
    "diagnose",
    "ended_status",
    "iso",
    "make_core",
    "make_oauth_client",
    "policy_for",
    "refresh_due",
    "renew",
    "renewal_threshold",
    "session_end",
    "session_status",
]
