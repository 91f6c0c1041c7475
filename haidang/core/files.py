"""Small file helpers shared by the apps that keep attachments (cases, coordination)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def sha256_of_upload(fileobj) -> str:
    """SHA-256 of an uploaded file (or any file-like object), leaving it rewound for saving."""
    digest = hashlib.sha256()
    for chunk in fileobj.chunks() if hasattr(fileobj, "chunks") else [fileobj.read()]:
        digest.update(chunk)
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    return digest.hexdigest()


def upload_max_bytes() -> int:
    return int(settings.HAIDANG_UPLOAD_MAX_BYTES)


def _size(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None and hasattr(upload, "seek") and hasattr(upload, "tell"):
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    return int(size or 0)


def upload_size_errors(uploads: Iterable) -> list[str]:
    """Why these uploads (one form's files) may not be stored: each file and all of them together are
    limited to HAIDANG_UPLOAD_MAX_BYTES. Empty when they may."""
    uploads = [u for u in uploads if u]
    limit = upload_max_bytes()
    errors = []
    for upload in uploads:
        if _size(upload) > limit:
            errors.append(_("“%(name)s” is %(size)s; a file may be at most %(limit)s.") % {
                "name": getattr(upload, "name", "") or "?", "size": filesizeformat(_size(upload)),
                "limit": filesizeformat(limit)})
    total = sum(_size(u) for u in uploads)
    if not errors and len(uploads) > 1 and total > limit:
        errors.append(_("The attachments together are %(size)s; at most %(limit)s may be sent at once.") % {
            "size": filesizeformat(total), "limit": filesizeformat(limit)})
    return errors
