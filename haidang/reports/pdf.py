"""PDF rendering of an `OfficialDocument`: WeasyPrint from an HTML print template.

Why WeasyPrint and not a LibreOffice conversion of the DOCX: it is a Python library already in the
venv (no 300 MB office suite on the server, no headless soffice process to babysit, no profile
directory lock when two jobs convert at once), it is deterministic, and CSS paged media states the
Decree 30 page (A4, margins, fonts) exactly. The DOCX and the PDF render the same document object.
"""

from __future__ import annotations

import base64

from django.template.loader import render_to_string

from .document import NATIONAL_MOTTO, NATIONAL_NAME, Image, OfficialDocument, Paragraph, Section, Table


def _block(block) -> dict:
    if isinstance(block, Section):
        return {"kind": "section", "text": block.text}
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "text": block.text, "bold": block.bold, "italic": block.italic,
                "indent": block.indent}
    if isinstance(block, Table):
        rows = [[{"text": f"{v:n}" if isinstance(v, float) else str(v),
                  "align": "center" if i == 0 else ("num" if isinstance(v, int | float) else "")}
                 for i, v in enumerate(row)] for row in block.rows]
        return {"kind": "table", "headers": block.headers, "rows": rows, "caption": block.caption}
    if isinstance(block, Image):
        src = "data:image/png;base64," + base64.b64encode(block.png).decode()
        return {"kind": "image", "src": src, "caption": block.caption, "width_mm": block.width_mm}
    raise TypeError(block)


def render_html(d: OfficialDocument) -> str:
    return render_to_string("reports/print/document.html", {
        "doc": d, "blocks": [_block(b) for b in d.blocks],
        "national_name": NATIONAL_NAME, "national_motto": NATIONAL_MOTTO,
    })


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango, which costs ~0.5 s

    return HTML(string=html).write_pdf()


def render_pdf(d: OfficialDocument) -> bytes:
    return html_to_pdf(render_html(d))
