"""Models of the analysis domain."""
