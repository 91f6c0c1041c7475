"""Models of the content domain."""
