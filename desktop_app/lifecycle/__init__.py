"""Session lifecycle: lifetimes, status, background refresh and renewal. Qt-free."""
