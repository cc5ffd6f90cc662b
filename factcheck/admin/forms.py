"""Forms of the editors' desk."""

from datetime import datetime

from django import forms

from factcheck import ingest
from factcheck.extraction.articles import parse_datetime


class DismissForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class IntakeForm(forms.Form):
    """Take in one article: a URL to fetch, pasted text, pasted HTML or a file, with what the
    editor knows about pasted text (title, where and when it was published)."""

    url = forms.CharField(
        label="URL to fetch",
        required=False,
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://news.example.org/2024/03/story"}),
    )
    text = forms.CharField(
        label="or paste the article's text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "placeholder": "Headline, then paragraphs"}),
    )
    html = forms.CharField(
        label="or paste its HTML",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "placeholder": "<html>…</html>"}),
    )
    file = forms.FileField(
        label="or upload a file (.html, .txt or .pdf, up to 10 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".html,.htm,.txt,.pdf"}),
    )
    title = forms.CharField(required=False, max_length=500, label="Title (pasted or uploaded)")
    original_url = forms.CharField(
        label="Where it was published (URL; not fetched)", required=False, max_length=2000
    )
    publisher = forms.CharField(required=False, max_length=300)
    published = forms.CharField(
        label="Published at",
        required=False,
        max_length=40,
        help_text="With its time zone, e.g. 2024-03-03 19:45 -05:00 (no zone means UTC).",
    )

    def clean_published(self) -> datetime | None:
        raw = self.cleaned_data["published"].strip()
        if not raw:
            return None
        moment = parse_datetime(_iso(raw))
        if moment is None:
            raise forms.ValidationError("Write it as 2024-03-03 19:45 -05:00 (or 2024-03-03).")
        return moment

    def clean(self) -> dict:
        data = super().clean()
        given = [name for name in ("url", "text", "html", "file") if data.get(name)]
        if len(given) != 1:
            raise forms.ValidationError(
                "Give exactly one of a URL to fetch, pasted text, pasted HTML or a file."
            )
        return data

    def submitted(self) -> dict:
        """Keyword arguments for ``ingest.article_submit``."""
        data = self.cleaned_data
        upload = data.get("file")
        meta = ingest.Metadata(
            title=data["title"],
            url=data["original_url"],
            publisher=data["publisher"],
            published_at=data.get("published"),
        )
        return {
            "url": data["url"].strip(),
            "text": data["text"] if data["text"].strip() else "",
            "html": data["html"] if data["html"].strip() else "",
            "file": (upload.name, upload.read()) if upload else None,
            "meta": meta,
        }


def _iso(raw: str) -> str:
    """ "2024-03-03 19:45 -05:00" → "2024-03-03 19:45-05:00" (what ``fromisoformat`` reads)."""
    for sign in ("+", "-"):
        head, found, zone = raw.rpartition(" " + sign)
        if found and ":" in zone or (found and zone.isdigit()):
            return f"{head}{sign}{zone}"
    return raw.replace(" UTC", "+00:00").replace("Z", "+00:00")
