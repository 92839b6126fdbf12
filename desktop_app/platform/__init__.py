"""OS integration: keychain, URI scheme, single instance, loopback redirect."""
