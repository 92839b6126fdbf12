"""The window: Qt widgets grouped by concern, each subpackage behind a face.

`window` (the main window, navigation, the thin controller, `run`), `accounts` (sign-in page,
status panel, banners, their adapters), `posts` (post lists: model, view, delegate, layouts,
images), `screens` (home, thread, profile, notifications, search), `compose` (the composer).
Widgets hold no protocol logic and no account state: they show what the application layer
(`app`) decides and hand it what the reader asked for.
"""
