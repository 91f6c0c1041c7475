"""Models of the alerts domain."""
