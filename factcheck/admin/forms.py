"""Forms of the editors' desk."""

from django import forms


class DismissForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
