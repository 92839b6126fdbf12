"""Qt widgets and view-models. No protocol logic lives here: it calls the core and lifecycle."""
