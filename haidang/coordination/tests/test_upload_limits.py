"""Issue #18 item 17: consultation answers refuse attachments above HAIDANG_UPLOAD_MAX_BYTES."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haidang.cases.errors import CaseError
from haidang.coordination import actions
from haidang.coordination.models import AnswerAttachment

from .helpers import consultation, new_case


@pytest.mark.django_db
def test_answers_refuse_large_attachments_before_storing_them(personas, settings):
    settings.HAIDANG_UPLOAD_MAX_BYTES = 1024
    p = personas
    c = consultation(p, new_case(p))
    big = SimpleUploadedFile("letter.pdf", b"x" * 4096, content_type="application/pdf")
    response = p.client_for(p.bob).post(reverse("coordination:consultation", args=[c.pk]),
                                        {"position": "agree", "text": "We agree.", "attachments": [big]})
    assert response.status_code == 400 and "a file may be at most 1.0\xa0KB" in response.content.decode()
    assert not c.answers.exists() and not AnswerAttachment.objects.exists()
    big.seek(0)
    with pytest.raises(CaseError):
        actions.do_answer_consultation(c, acting_user=p.bob, position="agree", text="We agree.", attachments=[big])
    assert not c.answers.exists()
    root = Path(settings.MEDIA_ROOT)
    assert not (root.exists() and any(f.is_file() for f in root.rglob("*")))
