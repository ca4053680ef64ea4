"""Fixtures for the API tests: a fresh cache per test and a small public corpus."""

import datetime

import pytest

from django.core.cache import cache

from tests import factories


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def corpus(db):
    places = factories.place_tree()
    edu, health = factories.field("Giáo dục"), factories.field("Y tế")
    giay_khen = factories.award_type()
    chien_si = factories.award_type("Chiến sĩ thi đua cơ sở", category="emulation_title", level="district")
    teacher = factories.exemplar(
        "Cô giáo Lý Thị Hoa",
        kind="individual",
        place=places["dong"],
        fields=[edu],
        birth_year=1980,
        gender="female",
        awards=[
            {"award_type": chien_si, "decision_date": datetime.date(2019, 5, 1)},
            {"award_type": giay_khen, "decision_date": datetime.date(2022, 5, 1)},
            {
                "award_type": giay_khen,
                "decision_date": datetime.date(2023, 5, 1),
                "revoked": True,
                "revoked_date": datetime.date(2024, 1, 1),
            },
        ],
    )
    clinic = factories.exemplar("Trạm y tế An Vĩnh", place=places["tay"], fields=[health], awards=[{}])
    model = factories.exemplar(
        "Mô hình nuôi heo đất", kind="model", place=places["zone"], replication_guide="<p>Các bước làm.</p>"
    )
    campaign = factories.campaign("Dân vận khéo", exemplars=[teacher])
    return {"places": places, "teacher": teacher, "clinic": clinic, "model": model, "campaign": campaign, "edu": edu}
