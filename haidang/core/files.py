"""Small file helpers shared by the apps that keep attachments (cases, coordination)."""

from __future__ import annotations

import hashlib


def sha256_of_upload(fileobj) -> str:
    """SHA-256 of an uploaded file (or any file-like object), leaving it rewound for saving."""
    digest = hashlib.sha256()
    for chunk in fileobj.chunks() if hasattr(fileobj, "chunks") else [fileobj.read()]:
        digest.update(chunk)
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    return digest.hexdigest()
