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
