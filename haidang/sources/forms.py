from django import forms

from .models import Source


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["name", "kind", "url", "platform", "interval_minutes", "is_press", "credibility", "place_hint",
                  "link_filter", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            else:
                widget.attrs["class"] = "form-control"
