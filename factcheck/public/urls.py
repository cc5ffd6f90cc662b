"""/factchecks/: the index, one page per fact-check, and the Atom feed."""

from django.urls import path

from factcheck.public import feeds, views

app_name = "public"
urlpatterns = [
    path("", views.index, name="index"),
    path("feed/", feeds.FactCheckFeed(), name="feed"),
    path("<int:pk>-<slug:slug>/", views.factcheck, name="factcheck"),
]
