"""The outside shapes: contract records and exports (the REST API and web UI build on these)."""
