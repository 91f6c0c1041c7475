from django.conf import settings

from . import access


def haidang(request):
    user = getattr(request, "user", None)
    agency = access.primary_agency(user) if user is not None and user.is_authenticated else None
    return {
        "current_agency": agency,
        "is_lead_member": bool(user and user.is_authenticated and access.is_lead_member(user)),
        "SITE_NAME": "Hải Đăng",
        "HAIDANG_VERSION": getattr(settings, "HAIDANG_VERSION", "0.1.0"),
    }
