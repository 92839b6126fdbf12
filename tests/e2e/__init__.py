"""End-to-end tests against the reference atproto PDS running on loopback."""
