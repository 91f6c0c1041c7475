"""Models of the coordination domain."""
