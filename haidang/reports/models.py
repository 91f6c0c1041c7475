"""Models of the reports domain."""
