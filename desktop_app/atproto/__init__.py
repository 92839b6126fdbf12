"""The atproto protocol core: identity, OAuth with DPoP, sessions. Async, and never imports Qt."""
