from haidang.sources.tests.server import loopback  # noqa: F401  (fixture)
