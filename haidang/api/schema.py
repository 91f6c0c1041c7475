"""OpenAPI post-processing: the error answers every operation may give (RFC 9457 problem details),
and the API's description, in the request's language (Vietnamese first)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension

from .problems import PROBLEM_CONTENT_TYPE

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
    },
    "required": ["type", "title", "status"],
}


def _problem(description: str) -> dict:
    return {"description": description,
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _plain_error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"type": "object"}}}}


def add_problem_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    result["info"]["description"] = _(
        "The Hải Đăng API: read the monitoring workflow your agency may see and act on it as on the "
        "screens. Authenticate with `Authorization: Bearer <token>`; a token has scopes (read, push, act) "
        "and an expiry, and acts for its agency only. Lists are cursor-paginated (follow `next`). Errors "
        "are RFC 9457 problem details. Writes accept an `Idempotency-Key` header. See docs/api.md.")
    common = {
        "400": _("The request is not valid"),
        "401": _("No token, or an unknown, revoked or expired one"),
        "403": _("The token's scope or the user's role does not allow this"),
        "404": _("Not found, or you may not see it"),
        "405": _("Method not allowed"),
        "406": _("Cannot answer in the requested format"),
        "415": _("Unsupported content type"),
        "429": _("Too many requests"),
    }
    writes = {"409": _("The workflow does not allow this now"),
              "422": _("This Idempotency-Key was used for another request")}
    for path, path_item in result.get("paths", {}).items():
        # The push endpoint answers its errors as {"error": "..."} JSON, as docs/ingest.md says.
        plain = not path.endswith("/")
        for method, operation in path_item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = operation.setdefault("responses", {})
            wanted = dict(common)
            if method != "get":
                wanted.update(writes)
            for code, text in wanted.items():
                responses.setdefault(code, _plain_error(text) if plain else _problem(text))
    return result


class TokenAuthScheme(OpenApiAuthenticationExtension):
    target_class = "haidang.api.auth.AgencyTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": _("An agency token (hd_...), issued by the agency's coordinator.")}
