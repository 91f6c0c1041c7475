"""Hải Đăng: coordinated monitoring and handling of harmful online information."""

__version__ = "0.1.0"
