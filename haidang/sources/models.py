"""Models of the sources domain."""
