"""`import_exemplars`: good and bad files in every format, re-import, dry run, skip-invalid."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from django.core.management import CommandError, call_command

from exemplars.models import ConsentRecord, ExemplarPage, PlaceKind
from tests import factories

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
HEADERS_VI = [
    "STT",
    "Mã",
    "Loại",
    "Họ và tên",
    "Thôn",
    "Lĩnh vực",
    "Tóm tắt",
    "Danh hiệu",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp ra quyết định",
    "Đồng ý công bố",
    "Ngày đồng ý",
    "Người thu thập phiếu",
]
GOOD = [
    [
        "1",
        "LS-001",
        "cá nhân",
        "Nguyễn Văn Thử",
        "thon dong",
        "Khai thác hải sản",
        "Ngư dân cứu người.",
        "Giấy khen",
        "12/QĐ-UBND",
        "03/04/2019",
        "Chủ tịch UBND huyện Lý Sơn",
        "có",
        "01/06/2024",
        "Phóng viên Trần A",
    ],
    [
        "2",
        "LS-001",
        "cá nhân",
        "Nguyễn Văn Thử",
        "thon dong",
        "",
        "",
        "Bằng khen",
        "99/QĐ-UBND",
        "2021-05-06",
        "Chủ tịch UBND tỉnh Quảng Ngãi",
        "",
        "",
        "",
    ],
    ["3", "LS-002", "mô hình", "Mô hình nhặt rác", "Lý Sơn", "", "Nhặt rác bờ biển.", "", "", "", "", "", "", ""],
]


@pytest.fixture
def vocab(db):
    places = factories.place_tree()
    factories.field("Khai thác hải sản")
    factories.award_type("Giấy khen")
    factories.award_type("Bằng khen", level="province")
    factories.exemplar_index()
    return places


def write_csv(path, rows, headers=HEADERS_VI, bom=True):
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(path, rows, headers=HEADERS_VI):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_exemplars", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def check_imported(places):
    person = ExemplarPage.objects.get(external_code="LS-001")
    assert person.title == "Nguyễn Văn Thử"
    assert not person.live and person.latest_revision_id, "imported as a draft with a revision"
    assert person.place == places["dong"]
    assert sorted((a.decision_date.year, a.issuer_as_printed) for a in person.awards.all()) == [
        (2019, "Chủ tịch UBND huyện Lý Sơn"),
        (2021, "Chủ tịch UBND tỉnh Quảng Ngãi"),
    ]
    assert person.get_latest_revision_as_object().awards.count() == 2
    assert person.consent_record.is_given and person.consent_record.evidence_note == "Phóng viên Trần A"
    model = ExemplarPage.objects.get(external_code="LS-002")
    assert model.kind == "model" and model.place == places["zone"], "“Lý Sơn” is the current đặc khu"


@pytest.mark.django_db
def test_csv_with_bom_imports_drafts_and_reimport_changes_nothing(vocab, tmp_path, client):
    path = write_csv(tmp_path / "ds.csv", GOOD)
    out, _ = run(path)
    assert "Đã tạo mới 2, cập nhật 0, không đổi 0" in out
    check_imported(vocab)
    assert client.get("/dien-hinh/nguyen-van-thu/").status_code == 404, "never published"
    out, _ = run(path)
    assert "Đã tạo mới 0, cập nhật 0, không đổi 2" in out
    assert ExemplarPage.objects.count() == 2


@pytest.mark.django_db
def test_changed_row_updates_the_draft(vocab, tmp_path):
    run(write_csv(tmp_path / "a.csv", GOOD))
    changed = [row[:] for row in GOOD]
    changed[2][6] = "Nhặt rác và vỏ chai bờ biển."
    out, _ = run(write_csv(tmp_path / "b.csv", changed))
    assert "Đã tạo mới 0, cập nhật 1, không đổi 1" in out
    page = ExemplarPage.objects.get(external_code="LS-002")
    assert page.summary == "Nhặt rác và vỏ chai bờ biển."
    assert page.revisions.count() == 2


@pytest.mark.django_db
def test_xlsx_with_english_headers(vocab, tmp_path):
    english = [
        "code",
        "kind",
        "name",
        "place",
        "field",
        "summary",
        "award_type",
        "decision_number",
        "decision_date",
        "issuer",
        "consent",
        "consent_date",
        "consent_note",
    ]
    rows = [row[1:] for row in GOOD]
    out, _ = run(write_xlsx(tmp_path / "ds.xlsx", rows, english))
    assert "Đã tạo mới 2" in out
    check_imported(vocab)


@pytest.mark.django_db
def test_json_list_of_objects(vocab, tmp_path):
    path = tmp_path / "ds.json"
    path.write_text(json.dumps([dict(zip(HEADERS_VI, row, strict=True)) for row in GOOD], ensure_ascii=False), "utf-8")
    out, _ = run(path)
    assert "Đã tạo mới 2" in out
    check_imported(vocab)


@pytest.mark.django_db
def test_dry_run_writes_nothing(vocab, tmp_path):
    out, _ = run(write_csv(tmp_path / "ds.csv", GOOD, bom=False), "--dry-run")
    assert "Sẽ tạo mới 2" in out
    assert not ExemplarPage.objects.exists()
    assert not ConsentRecord.objects.exists()


@pytest.mark.django_db
def test_bad_rows_are_all_reported_with_row_and_column_and_nothing_is_imported(vocab, tmp_path):
    bad = [row[:] for row in GOOD]
    bad[0][3] = ""  # missing name (row 2)
    bad[1][4] = "Thôn Không Có"  # unknown place (row 3)
    bad[2][7:11] = ["Giấy khen", "1/QĐ", "31/02/2020", "Chủ tịch UBND huyện Lý Sơn"]  # malformed date (row 4)
    with pytest.raises(CommandError, match="Không nhập gì"):
        run(write_csv(tmp_path / "bad.csv", bad))
    assert not ExemplarPage.objects.exists()
    _, err = _capture_errors(tmp_path / "bad.csv")
    assert "Dòng 2, cột “Họ và tên”: Thiếu họ và tên (bắt buộc)." in err
    assert "Dòng 3, cột “Thôn”: Không tìm thấy địa bàn “Thôn Không Có”." in err
    assert "Thôn Đông" in err, "the message names the places that exist"
    assert "Dòng 4, cột “Ngày quyết định”: Ngày “31/02/2020” không hợp lệ" in err


def _capture_errors(path):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_exemplars", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_skip_invalid_imports_the_valid_exemplars(vocab, tmp_path):
    bad = [row[:] for row in GOOD]
    bad[1][9] = "hôm qua"  # LS-001's second award: the whole exemplar is skipped
    out, _ = run(write_csv(tmp_path / "bad.csv", bad), "--skip-invalid")
    assert "Bỏ qua 1 điển hình có lỗi" in out
    assert list(ExemplarPage.objects.values_list("external_code", flat=True)) == ["LS-002"]


@pytest.mark.django_db
def test_tie_between_current_places_names_the_candidates(vocab, tmp_path):
    from exemplars.models import Place

    Place.objects.create(name="Đông", kind=PlaceKind.VILLAGE, parent=vocab["province"])
    _, err = _capture_errors(write_csv(tmp_path / "tie.csv", GOOD[:1]))
    assert (
        "khớp với nhiều địa bàn" in err and "Thôn Đông, Đặc khu Lý Sơn" in err and "Thôn Đông, Tỉnh Quảng Ngãi" in err
    )
    # Naming the parent resolves the tie.
    fixed = [GOOD[0][:4] + ["thôn Đông, đặc khu Lý Sơn"] + GOOD[0][5:]]
    out, _ = run(write_csv(tmp_path / "fixed.csv", fixed))
    assert ExemplarPage.objects.get().place == vocab["dong"]


@pytest.mark.django_db
def test_missing_required_column_is_reported_before_any_row(vocab, tmp_path):
    path = write_csv(tmp_path / "cols.csv", [["A", "tập thể", "Tổ A"]], headers=["Mã", "Loại", "Họ và tên"])
    with pytest.raises(CommandError, match="Thiếu cột bắt buộc Thôn"):
        run(path)


@pytest.mark.django_db
def test_shipped_example_files_import_cleanly(tmp_path):
    call_command("seed_demo", stdout=io.StringIO())
    for name in ("exemplars-example.csv", "exemplars-example.xlsx"):
        copy = shutil.copy(EXAMPLES / name, tmp_path / name)
        out, _ = run(copy, "--dry-run")
        assert "Sẽ tạo mới 3" in out, name
    assert load_workbook(EXAMPLES / "exemplars-example.xlsx").active["B1"].value == "Mã"


# --------------------------------------------------------------------------------------------
# Imported drafts are pages like any other: written as Wagtail writes them, publishable, editable.
# --------------------------------------------------------------------------------------------

TEAM_ROWS = [
    ["1", "LS-010", "tập thể", "Tổ đoàn kết khai thác hải sản", "thon dong", "Khai thác hải sản", "Tàu cá giúp nhau."]
    + ["Giấy khen", "12/QĐ-UBND", "03/04/2019", "Chủ tịch UBND huyện Lý Sơn", "", "", ""],
    ["2", "LS-010", "tập thể", "Tổ đoàn kết khai thác hải sản", "thon dong", "", ""]
    + ["Bằng khen", "99/QĐ-UBND", "2021-05-06", "Chủ tịch UBND tỉnh Quảng Ngãi", "", "", ""],
]
# What differs between any two pages (their identity), not how they were written.
IDENTITY = {"id", "page_ptr_id", "pk", "path", "slug", "url_path", "translation_key", "external_code"}
IDENTITY_TIMES = {"latest_revision_id", "latest_revision_created_at"}


def _made_through_wagtail(imported: ExemplarPage, user) -> ExemplarPage:
    """The same exemplar made as the admin's "create" makes it: add_child, then save_revision."""
    from exemplars.models import Award

    page = ExemplarPage(
        title=imported.title,
        slug="tham-chieu",
        kind=imported.kind,
        place=imported.place,
        summary=imported.summary,
        external_code="THAM-CHIEU",
        source=imported.source,
        body=imported.body,
        owner=user,
        live=False,
    )
    for award in imported.awards.order_by("sort_order"):
        page.awards.add(
            Award(
                sort_order=award.sort_order,
                award_type=award.award_type,
                decision_number=award.decision_number,
                decision_date=award.decision_date,
                issuer_as_printed=award.issuer_as_printed,
            )
        )
    page.fields = list(imported.fields.all())
    factories.exemplar_index().add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return ExemplarPage.objects.get(pk=page.pk)


def _without_identity(content: dict) -> dict:
    content = {k: v for k, v in content.items() if k not in IDENTITY | {"latest_revision_created_at"}}
    content["awards"] = [{k: v for k, v in a.items() if k not in ("pk", "page")} for a in content["awards"]]
    return content


@pytest.mark.django_db
def test_imported_draft_is_written_as_wagtail_writes_a_new_draft(vocab, tmp_path):
    from django.contrib.auth.models import User

    from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

    from exemplars import importing

    user = User.objects.create_user("nhap", password="x")
    table = importing.read_table(write_csv(tmp_path / "team.csv", TEAM_ROWS))
    result = importing.validate(table)
    assert not result.problems
    importing.apply(result.plans, user=user)
    imported = ExemplarPage.objects.get(external_code="LS-010")
    reference = _made_through_wagtail(imported, user)

    # The page rows.
    for field in [*Page._meta.concrete_fields, *ExemplarPage._meta.local_concrete_fields]:
        if field.attname not in IDENTITY | IDENTITY_TIMES:
            assert getattr(imported, field.attname) == getattr(reference, field.attname), field.attname
    assert not imported.live and imported.has_unpublished_changes
    assert imported.draft_title == imported.title and imported.owner == user

    # One revision each, the page's latest, with the same content; "pk" is the page's id.
    mine, theirs = Revision.objects.for_instance(imported).get(), Revision.objects.for_instance(reference).get()
    assert imported.latest_revision == mine and imported.latest_revision_created_at == mine.created_at
    for field in Revision._meta.concrete_fields:
        if field.attname not in {"id", "object_id", "created_at", "content"}:
            assert getattr(mine, field.attname) == getattr(theirs, field.attname), field.attname
    assert mine.content["pk"] == imported.pk and theirs.content["pk"] == reference.pk
    assert set(mine.content) == set(theirs.content)
    assert _without_identity(mine.content) == _without_identity(theirs.content)

    # The history: "created", then "edited" with the revision.
    def history(page):
        return [
            (e.action, e.user_id, e.revision_id == page.latest_revision_id if e.revision_id else None)
            + (e.content_changed, e.label, e.data, e.uuid, e.content_type_id)
            for e in PageLogEntry.objects.filter(page=page).order_by("pk")
        ]

    assert history(imported) == history(reference)
    assert [entry[0] for entry in history(imported)] == ["wagtail.create", "wagtail.edit"]

    # The reference index: the place and the award types the page points to.
    def references(page):
        rows = ReferenceIndex.get_references_for_object(page).values_list(
            "content_type", "base_content_type", "to_content_type", "to_object_id", "model_path"
        )
        return sorted(rows)

    assert references(imported) == references(reference) and len(references(imported)) == 3


@pytest.mark.django_db
def test_imported_draft_publishes_and_shows_on_its_public_url(vocab, tmp_path, client):
    run(write_csv(tmp_path / "ds.csv", GOOD))
    for code, text in (("LS-001", "Nguyễn Văn Thử"), ("LS-002", "Nhặt rác bờ biển.")):
        page = ExemplarPage.objects.get(external_code=code)
        assert client.get(page.url).status_code == 404
        page.latest_revision.publish()
        page.refresh_from_db()
        assert page.live and not page.has_unpublished_changes
        response = client.get(page.url)
        assert response.status_code == 200, code
        assert text in response.content.decode()
    assert client.get("/dien-hinh/nguyen-van-thu/").status_code == 200


@pytest.mark.django_db
def test_imported_draft_opens_and_saves_in_the_admin(vocab, tmp_path, client):
    from django.contrib.messages import get_messages

    from tests.moderation.helpers import edit_url, form_data, team

    run(write_csv(tmp_path / "ds.csv", GOOD))
    page = ExemplarPage.objects.get(external_code="LS-001")
    client.force_login(team()["editor"])
    assert client.get(edit_url(page)).status_code == 200
    data = form_data(client, edit_url(page), summary="Ngư dân cứu 12 người (biên tập sau khi nhập).")
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    levels = [m.level_tag for m in get_messages(response.wsgi_request)]
    assert "error" not in levels and "success" in levels
    page.refresh_from_db()
    assert page.revisions.count() == 2 and not page.live
    draft = page.get_latest_revision_as_object()
    assert draft.summary == "Ngư dân cứu 12 người (biên tập sau khi nhập)."
    assert draft.awards.count() == 2 and draft.external_code == "LS-001"


@pytest.mark.django_db
def test_imported_draft_goes_live_through_the_two_step_workflow(vocab, tmp_path, client):
    from tests.moderation.helpers import current_task_name, edit_url, form_data, team, workflow_action

    users = team()
    run(write_csv(tmp_path / "ds.csv", GOOD))
    page = ExemplarPage.objects.get(external_code="LS-001")
    assert page.get_workflow().name == "Duyệt hai bước"

    client.force_login(users["editor"])
    data = form_data(client, edit_url(page))
    data["action-submit"] = "1"
    assert client.post(edit_url(page), data).status_code == 302
    assert current_task_name(page) == "Biên tập viên duyệt"
    assert workflow_action(client, page, "approve").status_code == 302
    assert current_task_name(page) == "Lãnh đạo duyệt"

    client.force_login(users["approver"])
    assert workflow_action(client, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200 and "Nguyễn Văn Thử" in response.content.decode()


@pytest.mark.django_db
def test_drafts_imported_before_the_fix_are_repaired_by_the_migration(vocab, tmp_path, client):
    import importlib

    from django.apps import apps
    from django.core.exceptions import ValidationError
    from django.db import transaction

    run(write_csv(tmp_path / "ds.csv", GOOD))
    page = ExemplarPage.objects.get(external_code="LS-002")
    revision = page.latest_revision
    revision.content["pk"] = None  # as the importer used to write it
    revision.save(update_fields=["content"])
    with pytest.raises(ValidationError, match="Mã hồ sơ"), transaction.atomic():
        revision.publish()

    migration = importlib.import_module("exemplars.migrations.0005_imported_revisions_pk")
    migration.set_revision_pk(apps, None)
    migration.set_revision_pk(apps, None)  # idempotent
    revision.refresh_from_db()
    assert revision.content["pk"] == page.pk
    revision.publish()
    assert client.get(ExemplarPage.objects.get(pk=page.pk).url).status_code == 200
