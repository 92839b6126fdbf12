"""Loopback fakes for tests: a scriptable HTTP server, a DNS server, a local-only transport."""
