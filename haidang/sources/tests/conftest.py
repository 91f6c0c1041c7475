from .server import loopback  # noqa: F401  (fixture)
