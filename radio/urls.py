"""Public radio URLs outside the API: the prompter page. Included before Wagtail's catch-all."""

from django.urls import path

from . import views

urlpatterns = [
    path("phat-thanh/<slug:programme>/<str:week>/", views.prompter, name="radio_prompter"),
]
