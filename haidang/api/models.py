"""Models of the api domain."""
