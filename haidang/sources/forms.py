from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Source


class SourceForm(forms.ModelForm):
    # Declared to pass assume_scheme: a bare host typed by an officer means https, as in Django 6.
    url = forms.URLField(label=Source._meta.get_field("url").verbose_name, required=False,
                         max_length=Source._meta.get_field("url").max_length, assume_scheme="https")

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


class ImportForm(forms.Form):
    """A file to import into one of the sources the user manages."""

    FORMATS = [("auto", _("detect")), ("jsonl", "JSONL"), ("json", "JSON"), ("csv", "CSV"), ("rss", "RSS"),
               ("atom", "Atom"), ("html", "HTML")]

    source = forms.ModelChoiceField(label=_("Into source"), queryset=Source.objects.none(),
                                    widget=forms.Select(attrs={"class": "form-select"}))
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="auto",
                               widget=forms.Select(attrs={"class": "form-select"}))
    file = forms.FileField(label=_("File"), widget=forms.ClearableFileInput(
        attrs={"class": "form-control", "accept": ".jsonl,.json,.csv,.xml,.rss,.atom,.html,.txt"}))

    def __init__(self, *args, sources=None, **kwargs):
        super().__init__(*args, **kwargs)
        if sources is not None:
            self.fields["source"].queryset = sources.order_by("name")
