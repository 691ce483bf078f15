"""AskOnce core: domain, encrypted store, keys, services. No Qt, no network."""

__version__ = "0.1.0"
