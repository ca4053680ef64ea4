"""`manage.py import_awards`: the office's lists, exactly as headed, into the register."""

import csv
import datetime

import pytest
from openpyxl import Workbook

from django.core.management import CommandError, call_command

from exemplars.models import Award
from tests import factories

pytestmark = pytest.mark.django_db

HEADERS = [
    "Năm",
    "Hình thức khen thưởng",
    "Tên cá nhân/tập thể",
    "Loại đối tượng",
    "Nhóm",
    "Số quyết định",
    "Ngày quyết định",
    "Người ký",
]
ROWS = [
    ["2019", "Giấy khen", "Trần Văn Sóng", "Cá nhân", "Ngư dân", "88/QĐ-UBND", "12/03/2019", "Chủ tịch UBND xã An Hải"],
    ["2019", "Giấy khen", "Lê Thị Tỏi", "Cá nhân", "Nông dân", "88/QĐ-UBND", "12/03/2019", "Chủ tịch UBND xã An Hải"],
    ["2021", "Giấy khen", "Hộ ông Võ Văn Lưới", "Hộ gia đình", "Ngư dân", "301/QĐ-UBND", "20/12/2021", "Chủ tịch UBND huyện Lý Sơn"],
    ["2024", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Tổ đoàn kết tàu cá số 3", "Tập thể", "Ngư dân", "2001/QĐ-UBND", "01/09/2024", "Chủ tịch UBND tỉnh Quảng Ngãi"],
    ["2024", "Bằng khen của Thủ tướng Chính phủ", "Nguyễn Thị Hoa", "Cá nhân", "Cán bộ, công chức, viên chức", "1234/QĐ-TTg", "15/10/2024", "Thủ tướng Chính phủ"],
]  # fmt: skip
IMPLIED = {"commune": 2, "district": 1, "province": 1, "national": 1}


@pytest.fixture
def award_types(db):
    factories.award_type()
    factories.award_type("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", level="province")
    factories.award_type("Bằng khen của Thủ tướng Chính phủ", level="national")
    factories.place_tree()


def write_csv(path, headers, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return str(path)


def write_xlsx(path, headers, rows):
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return str(path)


def stats(client):
    response = client.get("/api/v1/stats/awards?from=2014&to=2024")
    assert response.status_code == 200
    data = response.json()
    return data["total"], {row["level"]: row["count"] for row in data["by_level"]}


def run(path, *extra):
    out, err = __import__("io").StringIO(), __import__("io").StringIO()
    call_command("import_awards", path, *extra, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


@pytest.mark.parametrize("writer", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_import_grows_the_statistics_at_the_levels_the_signers_imply(client, award_types, tmp_path, writer):
    # Statistics count the profile's award too; the import adds exactly its rows.
    factories.exemplar("Chi đoàn thôn Đông", awards=[{"issuer_as_printed": "Chủ tịch UBND huyện Lý Sơn"}])
    before_total, before_levels = stats(client)
    path = writer(tmp_path / f"danh-sach.{'csv' if writer is write_csv else 'xlsx'}", HEADERS, ROWS)
    assert "Đã thêm 5, cập nhật 0, không đổi 0" in run(path)
    total, levels = stats(client)
    assert total == before_total + len(ROWS)
    for level, count in IMPLIED.items():
        assert levels.get(level, 0) == before_levels.get(level, 0) + count, level
    # The same list again changes nothing.
    rows_before = list(Award.objects.order_by("pk").values())
    assert "Đã thêm 0, cập nhật 0, không đổi 5" in run(path)
    assert list(Award.objects.order_by("pk").values()) == rows_before
    assert stats(client) == (total, levels)


def test_headers_typed_without_accents_and_the_optional_columns(award_types, tmp_path):
    headers = [
        "nam",
        "hinh thuc khen thuong",
        "Ten ca nhan/tap the",
        "LOAI DOI TUONG",
        "nhom",
        "so quyet dinh",
        "ngay quyet dinh",
        "nguoi ky",
        "Cap",
        "Dia ban",
        "Khen thuong dot xuat",
    ]
    rows = [
        [*ROWS[0], "", "thôn Đông", "có"],
        [*ROWS[2], "Tỉnh", "", ""],
    ]
    output = run(write_csv(tmp_path / "khong-dau.csv", headers, rows))
    assert "Đã thêm 2" in output
    song = Award.objects.get(recipient_name="Trần Văn Sóng")
    assert (song.resolved_level, song.occasion, song.place.name, song.recipient_group) == (
        "commune",
        "ad_hoc",
        "Đông",
        "fisher",
    )
    household = Award.objects.get(recipient_name="Hộ ông Võ Văn Lưới")
    assert (household.level, household.resolved_level, household.recipient_kind) == (
        "province",
        "province",
        "household",
    )
    assert "khác cấp suy ra từ người ký" in output  # the explicit level is kept, with a warning


def test_a_file_with_errors_imports_nothing_and_says_where_in_vietnamese(award_types, tmp_path):
    rows = [
        ROWS[0],
        ["2020", "Giấy khenn", "X", "Cá nhân", "Ngư dân", "1/QĐ", "12/03/2021", "Chủ tịch UBND huyện Lý Sơn"],
        ["2022", "Giấy khen", "", "Đoàn thể", "thợ lặn", "", "32/13/2022", ""],
        ROWS[0],
    ]
    path = write_csv(tmp_path / "loi.csv", HEADERS, rows)
    with pytest.raises(CommandError, match="Không nhập gì"):
        run(path)
    assert not Award.objects.exists()
    err = __import__("io").StringIO()
    with pytest.raises(CommandError):
        call_command("import_awards", path, stdout=__import__("io").StringIO(), stderr=err)
    messages = err.getvalue()
    assert "Dòng 3, cột “Hình thức khen thưởng”: Không có danh hiệu, hình thức khen thưởng “Giấy khenn”" in messages
    assert "Gần giống: Giấy khen" in messages
    assert "Dòng 3, cột “Năm”: Năm 2020 không khớp ngày quyết định 12/03/2021." in messages
    assert "Dòng 4, cột “Tên cá nhân/tập thể”: Ô này không được để trống." in messages
    assert "Dòng 4, cột “Loại đối tượng”: “Đoàn thể” không phải loại đối tượng" in messages
    assert "Dòng 4, cột “Nhóm”: Không có nhóm “thợ lặn”" in messages
    assert "Dòng 4, cột “Ngày quyết định”: “32/13/2022” không phải ngày hợp lệ" in messages
    assert "Dòng 5: Trùng với dòng 2" in messages


def test_missing_columns_are_named(award_types, tmp_path):
    path = write_csv(tmp_path / "thieu.csv", HEADERS[:5], [ROWS[0][:5]])
    with pytest.raises(CommandError, match="Thiếu cột bắt buộc: Số quyết định, Ngày quyết định, Người ký"):
        run(path)


def test_dry_run_writes_nothing(award_types, tmp_path):
    output = run(write_csv(tmp_path / "thu.csv", HEADERS, ROWS), "--dry-run")
    assert "Sẽ thêm 5" in output and "Chạy thử" in output
    assert not Award.objects.exists()


def test_a_changed_row_updates_its_entry(award_types, tmp_path):
    run(write_csv(tmp_path / "a.csv", HEADERS, ROWS[:1]))
    changed = [[*ROWS[0][:4], "Người lao động trực tiếp", *ROWS[0][5:]]]
    assert "cập nhật 1" in run(write_csv(tmp_path / "b.csv", HEADERS, changed))
    award = Award.objects.get()
    assert award.recipient_group == "direct_worker" and award.decision_date == datetime.date(2019, 3, 12)
