import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from haidang.agencies import access
from haidang.agencies.actions import do_create_agency
from haidang.agencies.models import Agency, Membership
from haidang.agencies.queries import access_agency_for_user, designated_officers


@pytest.mark.django_db
def test_roles_are_scoped_to_agencies(personas):
    p = personas
    assert access.has_role(p.alice, p.lead, ("coordinator",))
    assert not access.has_role(p.alice, p.health)
    assert access.has_role(p.bob, p.health, ("officer",))
    assert not access.has_role(p.bob, p.health, ("leader",))
    assert access.is_lead_leader(p.lena)
    assert not access.is_lead_leader(p.alice)
    assert not access.is_lead_member(p.charlie)


@pytest.mark.django_db
def test_viewers_cannot_write(personas):
    with pytest.raises(PermissionDenied):
        access.require_role(personas.vera, personas.lead)


@pytest.mark.django_db
def test_lead_agency_is_a_setting(personas, settings):
    assert access.lead_agency() == personas.lead
    settings.HAIDANG_LEAD_AGENCY = "SKHCN"
    skhcn = do_create_agency(name="Sở Khoa học và Công nghệ", short_name="SKHCN")
    assert access.lead_agency() == skhcn


@pytest.mark.django_db
def test_outsiders_get_404_for_inactive_agencies_and_anonymous_get_nothing(personas, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    Agency.objects.filter(pk=personas.other.pk).update(active=False)
    with pytest.raises(Http404):
        access_agency_for_user(personas.bob, personas.other.pk)
    assert access_agency_for_user(personas.bob, personas.lead.pk) == personas.lead
    assert Agency.objects.restrict(AnonymousUser()).count() == 0


@pytest.mark.django_db
def test_only_admins_create_agencies(personas):
    with pytest.raises(PermissionDenied):
        do_create_agency(name="X", short_name="X", acting_user=personas.alice)


@pytest.mark.django_db
def test_membership_role_is_unique(personas):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=personas.alice, agency=personas.lead, role="coordinator")


@pytest.mark.django_db
def test_designated_officers_receive_invitations(personas):
    assert list(designated_officers(personas.health)) == [personas.bob]
