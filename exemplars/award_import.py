"""Import award lists into the register (`manage.py import_awards FILE [--dry-run]`), CSV or XLSX.

The office's lists have one row per award, with exactly these headers:

    Năm, Hình thức khen thưởng, Tên cá nhân/tập thể, Loại đối tượng, Nhóm, Số quyết định,
    Ngày quyết định, Người ký

and optionally `Cấp, Địa bàn, Khen thưởng đột xuất`. Headers are compared folded, so headers
typed without accents ("Nam", "Hinh thuc khen thuong", "Nguoi ky") are accepted too.

Same stages as the exemplar importer (`exemplars.importing`, whose reading, dates, place and
award-type matching and `Problem` messages are reused): read → validate every row (Vietnamese
errors with row number and column) → apply in one transaction. A file with any error imports
nothing. Rows are identified by decision number + recipient name + award type (compared folded):
importing the same file twice changes nothing; a row whose other columns changed updates its
entry. Levels follow the signer unless the `Cấp` column gives one (`Award.resolve`).
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from core.http_cache import bump_generation
from core.text import fold

from .importing import (
    YES,
    ImportFileError,
    Problem,
    Table,
    Vocabulary,
    _header_key,
    _read_csv,
    _read_xlsx,
    _text,
    map_headers,
    parse_date,
)
from .levels import infer_level
from .models import Award, AwardLevel, AwardSource, Occasion, RecipientGroup, RecipientKind

#: key → (header as the template writes it, other accepted spellings). Compared folded.
COLUMNS: dict[str, tuple[str, list[str]]] = {
    "year": ("Năm", ["năm khen thưởng"]),
    "award_type": ("Hình thức khen thưởng", ["danh hiệu", "danh hiệu, hình thức khen thưởng", "hình thức"]),
    "recipient_name": ("Tên cá nhân/tập thể", ["tên cá nhân, tập thể", "tên", "họ và tên"]),
    "recipient_kind": ("Loại đối tượng", ["đối tượng"]),
    "recipient_group": ("Nhóm", ["nhóm đối tượng"]),
    "decision_number": ("Số quyết định", ["số qđ"]),
    "decision_date": ("Ngày quyết định", ["ngày qđ", "ngày ký"]),
    "signer": ("Người ký", ["người ký quyết định", "cấp ra quyết định"]),
    "level": ("Cấp", ["cấp khen", "cấp khen thưởng"]),
    "place": ("Địa bàn", []),
    "ad_hoc": ("Khen thưởng đột xuất", ["đột xuất"]),
}
REQUIRED = (
    "year",
    "award_type",
    "recipient_name",
    "recipient_kind",
    "recipient_group",
    "decision_number",
    "decision_date",
    "signer",
)
OPTIONAL = ("level", "place", "ad_hoc")
HEADER_INDEX = {_header_key(name): key for key, (label, others) in COLUMNS.items() for name in (label, *others)}

KINDS = {
    "ca nhan": RecipientKind.INDIVIDUAL,
    "tap the": RecipientKind.COLLECTIVE,
    "ho gia dinh": RecipientKind.HOUSEHOLD,
    "ho": RecipientKind.HOUSEHOLD,
    "gia dinh": RecipientKind.HOUSEHOLD,
}
GROUPS = {fold(label): value for value, label in RecipientGroup.choices} | {
    "nong dan": RecipientGroup.FARMER,
    "ngu dan": RecipientGroup.FISHER,
    "cong nhan": RecipientGroup.WORKER,
    "nguoi lao dong truc tiep": RecipientGroup.DIRECT_WORKER,
    "lao dong truc tiep": RecipientGroup.DIRECT_WORKER,
    "can bo cong chuc vien chuc": RecipientGroup.OFFICIAL,
    "can bo cong chuc": RecipientGroup.OFFICIAL,
    "can bo": RecipientGroup.OFFICIAL,
    "cong chuc": RecipientGroup.OFFICIAL,
    "vien chuc": RecipientGroup.OFFICIAL,
    "hoc sinh sinh vien": RecipientGroup.STUDENT,
    "hoc sinh": RecipientGroup.STUDENT,
    "sinh vien": RecipientGroup.STUDENT,
    "doanh nghiep": RecipientGroup.BUSINESS,
    "doanh nhan": RecipientGroup.BUSINESS,
    "luc luong vu trang": RecipientGroup.ARMED_FORCES,
    "khac": RecipientGroup.OTHER,
}
LEVELS = {
    "trung uong": AwardLevel.NATIONAL,
    "nha nuoc": AwardLevel.NATIONAL,
    "tinh": AwardLevel.PROVINCE,
    "huyen": AwardLevel.DISTRICT,
    "xa": AwardLevel.COMMUNE,
    "xa phuong dac khu": AwardLevel.COMMUNE,
    "co so": AwardLevel.COMMUNE,
    "co quan don vi": AwardLevel.UNIT,
} | {_header_key(label): value for value, label in AwardLevel.choices}
NO = {"", "khong", "no", "n", "0", "false"}
THEMATIC = {"chuyen de", "theo chuyen de"}

#: Two example rows for the template (invented; the levels follow the signers).
TEMPLATE_ROWS = [
    ["2023", "Giấy khen", "Nguyễn Văn A", "Cá nhân", "Ngư dân", "123/QĐ-UBND", "15/06/2023", "Chủ tịch UBND xã An Hải", "", "", "Có"],
    ["2024", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Tổ hợp tác trồng tỏi thôn Tây", "Tập thể", "Nông dân", "456/QĐ-UBND", "20/12/2024", "Chủ tịch UBND tỉnh Quảng Ngãi", "", "", ""],
]  # fmt: skip


def template_headers() -> list[str]:
    return [COLUMNS[key][0] for key in (*REQUIRED, *OPTIONAL)]


def template_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(template_headers())
    writer.writerows(TEMPLATE_ROWS)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Khen thưởng"
    sheet.append(template_headers())
    for row in TEMPLATE_ROWS:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -- reading -----------------------------------------------------------------------------------


def _missing_columns(keys: list[str]) -> list[Problem]:
    return [
        Problem(
            1,
            None,
            f"Thiếu cột bắt buộc: {', '.join(COLUMNS[key][0] for key in keys)}. Dòng đầu của tệp phải là: "
            f"{', '.join(template_headers()[:8])} (có thể thêm Cấp, Địa bàn, Khen thưởng đột xuất).",
        )
    ]


def read_table(path: str | Path) -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        raw_headers, raw_rows = _read_xlsx(path)
    elif suffix == ".csv":
        raw_headers, raw_rows = _read_csv(path)
    else:
        raise ImportFileError([Problem(None, None, f"Không đọc được tệp “{path.name}”: chỉ nhận .xlsx hoặc .csv.")])
    return map_headers(raw_headers, raw_rows, HEADER_INDEX, COLUMNS, REQUIRED, _missing_columns)


# -- validation --------------------------------------------------------------------------------


@dataclass
class AwardRow:
    row: int
    values: dict  # Award field name → value
    warnings: list[str] = field(default_factory=list)

    @property
    def identity(self) -> tuple:
        return identity(self.values["decision_number"], self.values["recipient_name"], self.values["award_type"].pk)


def identity(decision_number: str, recipient_name: str, award_type_id: int) -> tuple:
    return (fold(decision_number).replace(" ", ""), fold(recipient_name), award_type_id)


@dataclass
class Validation:
    rows: list[AwardRow]
    problems: list[Problem]
    warnings: list[str]


def validate(table: Table, vocabulary: Vocabulary | None = None) -> Validation:
    vocabulary = vocabulary or Vocabulary()
    problems: list[Problem] = []
    warnings = [f"Bỏ qua cột không dùng: “{h}”." for h in table.ignored]
    rows: list[AwardRow] = []
    seen: dict[tuple, int] = {}

    def col(key: str) -> str:
        return table.headers.get(key, COLUMNS[key][0])

    for number, raw in table.rows:
        errors: list[Problem] = []

        def error(key: str, message: str, number=number, errors=errors) -> None:
            errors.append(Problem(number, col(key), message))

        text = {key: _text(value) for key, value in raw.items()}
        for key in REQUIRED:
            if key != "recipient_group" and not text.get(key):
                error(key, "Ô này không được để trống.")
        values: dict = {"source": AwardSource.IMPORT}
        values["recipient_name"] = text.get("recipient_name", "")
        values["decision_number"] = text.get("decision_number", "")
        values["issuer_as_printed"] = text.get("signer", "")
        if len(values["recipient_name"]) > 250:
            error("recipient_name", "Tên dài quá 250 ký tự.")
        if len(values["decision_number"]) > 80:
            error("decision_number", "Số quyết định dài quá 80 ký tự.")
        if text.get("award_type"):
            award_type, message = vocabulary.match_award_type(text["award_type"])
            if message:
                error("award_type", message)
            values["award_type"] = award_type
        if text.get("recipient_kind"):
            kind = KINDS.get(_header_key(text["recipient_kind"]))
            if kind is None:
                error(
                    "recipient_kind",
                    f"“{text['recipient_kind']}” không phải loại đối tượng: ghi Cá nhân, Tập thể hoặc Hộ gia đình.",
                )
            values["recipient_kind"] = kind
        group = text.get("recipient_group", "")
        values["recipient_group"] = GROUPS.get(_header_key(group), "") if group else ""
        if group and not values["recipient_group"]:
            names = ", ".join(label for _v, label in RecipientGroup.choices)
            error("recipient_group", f"Không có nhóm “{group}”. Các nhóm: {names}.")
        decision_date = None
        if text.get("decision_date"):
            try:
                decision_date = parse_date(raw["decision_date"])
            except ValueError:
                error(
                    "decision_date",
                    f"“{text['decision_date']}” không phải ngày hợp lệ (ghi dd/mm/yyyy, ví dụ 15/06/2023).",
                )
        values["decision_date"] = decision_date
        if text.get("year"):
            try:
                year = int(text["year"])
            except ValueError:
                error("year", f"“{text['year']}” không phải năm (ví dụ 2023).")
            else:
                if decision_date and decision_date.year != year:
                    error("year", f"Năm {year} không khớp ngày quyết định {decision_date:%d/%m/%Y}.")
                elif not 1945 <= year <= datetime.date.today().year + 1:
                    error("year", f"Năm {year} nằm ngoài khoảng hợp lệ.")
        values["level"] = ""
        if text.get("level"):
            level = LEVELS.get(_header_key(text["level"]))
            if level is None:
                error(
                    "level",
                    f"Không có cấp “{text['level']}”: ghi Trung ương, Tỉnh, Huyện, Xã hoặc Cơ quan, đơn vị (hoặc để trống để suy ra từ người ký).",
                )
            values["level"] = level or ""
        row = AwardRow(number, values)
        inferred = infer_level(values["issuer_as_printed"]) if values["issuer_as_printed"] else None
        if values["level"] and inferred and inferred != values["level"]:
            row.warnings.append(
                f"Dòng {number}: cấp “{text['level']}” khác cấp suy ra từ người ký "
                f"“{values['issuer_as_printed']}” ({AwardLevel(inferred).label}); dùng cấp đã ghi."
            )
        elif not values["level"] and values["issuer_as_printed"] and not inferred:
            row.warnings.append(
                f"Dòng {number}: không suy ra được cấp từ người ký “{values['issuer_as_printed']}”; "
                "dùng cấp của hình thức khen thưởng. Ghi cột Cấp nếu cần."
            )
        values["place"] = None
        if text.get("place"):
            place, message = vocabulary.match_place(text["place"])
            if message:
                error("place", message)
            values["place"] = place
        occasion = Occasion.REGULAR
        if text.get("ad_hoc"):
            folded = _header_key(text["ad_hoc"])
            if folded in YES or folded == "dot xuat":
                occasion = Occasion.AD_HOC
            elif folded in THEMATIC:
                occasion = Occasion.THEMATIC
            elif folded not in NO:
                error("ad_hoc", f"“{text['ad_hoc']}” không hiểu được: ghi Có (đột xuất), Chuyên đề, hoặc để trống.")
        values["occasion"] = occasion
        if not errors:
            key = row.identity
            if key in seen:
                errors.append(
                    Problem(
                        number,
                        None,
                        f"Trùng với dòng {seen[key]} (cùng số quyết định, tên và hình thức khen thưởng).",
                    )
                )
            else:
                seen[key] = number
        if errors:
            problems += errors
        else:
            rows.append(row)
            warnings += row.warnings
    return Validation(rows, problems, warnings)


# -- applying ----------------------------------------------------------------------------------

COMPARED = (
    "recipient_kind",
    "recipient_group",
    "decision_date",
    "issuer_as_printed",
    "level",
    "place",
    "occasion",
)


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def apply(rows: list[AwardRow], *, dry_run: bool = False) -> Outcome:
    """Create or update the register entries of valid rows, all in one transaction."""
    outcome = Outcome()
    numbers = {r.values["decision_number"] for r in rows}
    existing: dict[tuple, Award] = {}
    for award in Award.objects.filter(decision_number__in=numbers).select_related("award_type", "page"):
        existing.setdefault(identity(award.decision_number, award.recipient_name, award.award_type_id), award)
    to_create, to_update = [], []
    for row in rows:
        found = existing.get(row.identity)
        if found is None:
            award = Award(**row.values)
            award.resolve()
            to_create.append(award)
            continue
        changed = False
        for name in COMPARED:
            if name == "recipient_kind" and found.page_id:
                continue  # a profile's award follows the profile's kind
            if getattr(found, name) != row.values[name]:
                setattr(found, name, row.values[name])
                changed = True
        if changed:
            found.resolve()
            to_update.append(found)
        else:
            outcome.unchanged += 1
    outcome.created, outcome.updated = len(to_create), len(to_update)
    if dry_run or not (to_create or to_update):
        return outcome
    with transaction.atomic():
        Award.objects.bulk_create(to_create, batch_size=500)
        Award.objects.bulk_update(
            to_update,
            [*COMPARED, "recipient_name", "resolved_level", "year"],
            batch_size=500,
        )
        # Bulk writes send no model signals: retire cached pages and API answers ourselves.
        bump_generation()
    return outcome
