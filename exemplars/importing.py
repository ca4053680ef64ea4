"""Import exemplars and their awards from the office's spreadsheets (.xlsx, .csv, .json).

Three stages, kept apart so each can be tested on its own:

1. `read_table(path)` turns a file into header-keyed rows with their spreadsheet row numbers;
   headers may be English keys or Vietnamese ("Mã", "Họ và tên", "Số quyết định"…).
2. `validate(rows)` checks every row against the vocabularies (places, fields, award types),
   groups rows by `code` (one row per award) and returns plans plus every problem found, with
   row number and column, in Vietnamese. Nothing is written.
3. `apply(plans)` creates or updates draft pages (never publishes) and reports what was
   created, updated and unchanged; with `dry_run=True` it only classifies.

Vocabularies are loaded once into memory so that 10,000 rows need no per-row lookups.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import escape

from modelcluster.models import get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends

from core.text import fold, slugify_vi

from .models import (
    Award,
    AwardType,
    ConsentRecord,
    ConsentStatus,
    ExemplarIndexPage,
    ExemplarPage,
    Field,
    Place,
    SubjectKind,
)

# --------------------------------------------------------------------------------------------
# Columns
# --------------------------------------------------------------------------------------------

#: English key → (Vietnamese label used in messages, accepted headers). Headers are compared
#: folded: case, accents and punctuation do not matter ("Số QĐ" = "so qd").
COLUMNS: dict[str, tuple[str, list[str]]] = {
    "code": ("Mã", ["code", "mã", "mã hồ sơ", "mã số", "mã điển hình"]),
    "kind": ("Loại", ["kind", "loại", "loại điển hình", "đối tượng"]),
    "name": ("Họ và tên", ["name", "họ và tên", "họ tên", "tên", "tên điển hình", "tên tập thể", "tên mô hình"]),
    "place": ("Thôn", ["place", "thôn", "địa bàn", "thôn, tổ dân phố", "thôn/tổ dân phố", "nơi ở"]),
    "field": ("Lĩnh vực", ["field", "fields", "lĩnh vực"]),
    "summary": ("Tóm tắt", ["summary", "tóm tắt"]),
    "story": ("Câu chuyện", ["story", "câu chuyện", "nội dung"]),
    "award_type": (
        "Danh hiệu, hình thức khen thưởng",
        [
            "award_type",
            "award",
            "danh hiệu",
            "hình thức khen thưởng",
            "danh hiệu, hình thức khen thưởng",
            "danh hiệu/hình thức",
            "loại khen thưởng",
            "khen thưởng",
        ],
    ),
    "decision_number": ("Số quyết định", ["decision_number", "số quyết định", "số qđ", "số quyết định khen thưởng"]),
    "decision_date": ("Ngày quyết định", ["decision_date", "ngày quyết định", "ngày qđ", "ngày ký"]),
    "issuer": (
        "Cấp ra quyết định",
        ["issuer", "cấp ra quyết định", "cơ quan ra quyết định", "người ký", "cấp quyết định"],
    ),
    "consent": ("Đồng ý công bố", ["consent", "đồng ý", "đồng ý công bố"]),
    "consent_date": ("Ngày đồng ý", ["consent_date", "ngày đồng ý"]),
    "consent_note": (
        "Người thu thập phiếu",
        ["consent_note", "người thu thập phiếu", "người thu thập", "ghi chú đồng ý"],
    ),
}
REQUIRED = ("code", "kind", "name", "place")
AWARD_COLUMNS = ("award_type", "decision_number", "decision_date", "issuer")
IGNORED_HEADERS = {"stt", "so thu tu", "tt", "#"}

KINDS = {
    "individual": SubjectKind.INDIVIDUAL,
    "ca nhan": SubjectKind.INDIVIDUAL,
    "collective": SubjectKind.COLLECTIVE,
    "tap the": SubjectKind.COLLECTIVE,
    "household": SubjectKind.HOUSEHOLD,
    "ho gia dinh": SubjectKind.HOUSEHOLD,
    "ho": SubjectKind.HOUSEHOLD,
    "gia dinh": SubjectKind.HOUSEHOLD,
    "model": SubjectKind.MODEL,
    "mo hinh": SubjectKind.MODEL,
}
YES = {"co", "yes", "y", "x", "1", "true", "dong y", "da dong y"}
LOCAL_KINDS = {"village", "residential_group", "commune", "ward", "special_zone"}
NO = {"khong", "no", "n", "0", "false", "khong dong y", "chua"}


def _header_key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(str(text))).split())


HEADER_INDEX = {_header_key(alias): key for key, (_label, aliases) in COLUMNS.items() for alias in aliases}


def label(key: str) -> str:
    return COLUMNS[key][0]


# --------------------------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    row: int | None  # spreadsheet row (header = 1); None for file-level problems
    column: str | None  # the header as written in the file, or the Vietnamese label
    message: str
    code: str = ""

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"Dòng {self.row}")
        if self.column:
            where.append(f"cột “{self.column}”")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class ImportFileError(Exception):
    """The file cannot be read at all (format, encoding, missing required columns)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


# --------------------------------------------------------------------------------------------
# Stage 1: reading
# --------------------------------------------------------------------------------------------


@dataclass
class Table:
    headers: dict[str, str]  # key → header as written
    rows: list[tuple[int, dict[str, object]]]  # (row number, key → raw value)
    ignored: list[str] = field(default_factory=list)  # unknown headers, reported as warnings


def read_table(path: str | Path) -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        raw_headers, raw_rows = _read_xlsx(path)
    elif suffix == ".csv":
        raw_headers, raw_rows = _read_csv(path)
    elif suffix == ".json":
        raw_headers, raw_rows = _read_json(path)
    else:
        raise ImportFileError([Problem(None, None, f"Không đọc được tệp “{path.name}”: chỉ nhận .xlsx, .csv, .json.")])
    return _map_headers(raw_headers, raw_rows)


def _read_xlsx(path: Path):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several unrelated types for a broken file
        raise ImportFileError([Problem(None, None, f"Tệp Excel không hợp lệ: {exc}")]) from exc
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    headers = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    data = []
    for number, values in enumerate(rows, start=2):
        data.append((number, list(values)))
    workbook.close()
    return headers, data


def _read_csv(path: Path):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # with or without BOM
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            [Problem(None, None, "Tệp CSV không ở mã UTF-8. Trong Excel hãy chọn “CSV UTF-8 (Comma delimited)”.")]
        ) from exc
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    headers = [h.strip() for h in next(reader, [])]
    data = [(number, values) for number, values in enumerate(reader, start=2)]
    return headers, data


def _read_json(path: Path):
    try:
        payload = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ImportFileError([Problem(None, None, f"Tệp JSON không hợp lệ: {exc}")]) from exc
    if isinstance(payload, dict):
        payload = payload.get("rows", payload.get("exemplars"))
    if not isinstance(payload, list) or not all(isinstance(item, dict) for item in payload):
        raise ImportFileError(
            [Problem(None, None, "Tệp JSON phải là một danh sách các đối tượng, mỗi đối tượng là một dòng.")]
        )
    headers: list[str] = []
    for item in payload:
        headers += [k for k in item if k not in headers]
    # Object n is reported as row n + 1, as if the keys were a header row.
    data = [(number, [item.get(h) for h in headers]) for number, item in enumerate(payload, start=2)]
    return headers, data


def _missing_columns(keys: list[str]) -> list[Problem]:
    problems = []
    for key in keys:
        accepted = ", ".join(f"“{a}”" for a in COLUMNS[key][1][:4])
        problems.append(Problem(1, label(key), f"Thiếu cột bắt buộc {label(key)} (tên cột chấp nhận: {accepted}…)."))
    return problems


def _map_headers(raw_headers: list[str], raw_rows) -> Table:
    return map_headers(raw_headers, raw_rows, HEADER_INDEX, COLUMNS, REQUIRED, _missing_columns)


def map_headers(raw_headers: list[str], raw_rows, header_index, columns, required, missing) -> Table:
    """A spreadsheet's rows keyed by column: the headers as written, matched (accents, case and
    punctuation aside: `_header_key`) against `header_index` (alias → key); a column given twice
    or a `required` one absent is a file-level problem (`missing(keys)` words the latter), an
    unknown header a warning, and blank lines are skipped. Shared by every importer."""
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored, problems = [], []
    for position, header in enumerate(raw_headers):
        if not header:
            continue
        key = header_index.get(_header_key(header))
        if key is None:
            if _header_key(header) not in IGNORED_HEADERS:
                ignored.append(header)
            continue
        if key in positions:
            problems.append(
                Problem(1, header, f"Trùng cột: “{headers[key]}” và “{header}” cùng là cột “{columns[key][0]}”.")
            )
            continue
        positions[key], headers[key] = position, header
    absent = [key for key in required if key not in positions]
    if absent:
        problems += missing(absent)
    if problems:
        raise ImportFileError(problems)
    rows = []
    for number, values in raw_rows:
        row = {key: values[pos] if pos < len(values) else None for key, pos in positions.items()}
        if all(_text(v) == "" for v in row.values()):
            continue  # blank line
        rows.append((number, row))
    return Table(headers, rows, ignored)


# --------------------------------------------------------------------------------------------
# Stage 2: validation
# --------------------------------------------------------------------------------------------


@dataclass
class AwardPlan:
    award_type: AwardType
    decision_number: str
    decision_date: datetime.date
    issuer: str
    row: int

    @property
    def identity(self):
        return (self.award_type.pk, self.decision_number, self.decision_date)


@dataclass
class ExemplarPlan:
    code: str
    kind: str
    name: str
    place: Place
    rows: list[int]
    fields: list[Field] | None = None  # None: column empty, leave as is
    summary: str = ""
    story: str = ""
    awards: list[AwardPlan] = field(default_factory=list)
    consent: bool | None = None
    consent_date: datetime.date | None = None
    consent_note: str = ""


@dataclass
class Validation:
    plans: list[ExemplarPlan]
    problems: list[Problem]
    invalid_codes: set[str]
    warnings: list[str]
    row_count: int


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def parse_date(value) -> datetime.date | None:
    """dd/mm/yyyy (also with - or .), ISO yyyy-mm-dd, or an Excel date cell."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        return datetime.date.fromisoformat("-".join(p.zfill(2) for p in text.split("-")))
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return datetime.date(year, month, day)
    raise ValueError(text)


class Vocabulary:
    """Places, fields and award types, loaded once and matched in memory."""

    def __init__(self, today: datetime.date | None = None):
        self.today = today or timezone.localdate()
        self.places = list(Place.objects.select_related("parent"))
        self.place_by_name: dict[str, list[Place]] = defaultdict(list)
        for place in self.places:
            self.place_by_name[place.folded_name].append(place)
        self.fields = {f.folded_name: f for f in Field.objects.all()}
        self.award_types = {a.folded_name: a for a in AwardType.objects.all()}
        self._place_cache: dict[str, tuple[Place | None, str]] = {}

    def match_place(self, text: str) -> tuple[Place | None, str]:
        """(place, "") or (None, Vietnamese error naming the candidates)."""
        if text not in self._place_cache:
            self._place_cache[text] = self._match_place(text)
        return self._place_cache[text]

    def _match_place(self, text: str) -> tuple[Place | None, str]:
        # "thôn Đông An Vĩnh, đặc khu Lý Sơn": the parts after a comma name ancestors.
        parts = [p.strip() for p in text.split(",") if p.strip()]
        candidates = Place.match_in(self.place_by_name, parts[0])
        for hint in parts[1:]:
            candidates = [p for p in candidates if any(Place.name_matches(a, hint) for a in p.ancestors()[1:])]
        if not candidates:
            wanted = Place.strip_type_word(fold(parts[0]))
            close = set(difflib.get_close_matches(wanted, list(self.place_by_name), n=3, cutoff=0.7))
            if close:
                hint = (
                    " Gần giống: "
                    + ", ".join(sorted(p.path_label for p in self.places if p.folded_name in close))
                    + "."
                )
            else:
                current = sorted(
                    p.full_name for p in self.places if p.is_valid_on(self.today) and p.kind in LOCAL_KINDS
                )
                hint = f" Các địa bàn hiện có: {', '.join(current[:12])}." if current else ""
            return None, f"Không tìm thấy địa bàn “{text}”.{hint}"
        chosen, tie = Place.pick_current(candidates, self.today)
        if chosen:
            return chosen, ""
        listing = "; ".join(p.path_label for p in tie)
        return None, (
            f"“{text}” khớp với nhiều địa bàn: {listing}. Ghi rõ hơn, ví dụ “{tie[0].full_name}, "
            f"{tie[0].parent.full_name if tie[0].parent else ''}”."
        )

    def match_fields(self, text: str) -> tuple[list[Field], str]:
        folded = fold(text)
        if folded in self.fields:
            return [self.fields[folded]], ""
        found, unknown = [], []
        for part in re.split(r"[;,\n]", text):
            if not part.strip():
                continue
            item = self.fields.get(fold(part))
            if item is None:
                unknown.append(part.strip())
            else:
                found.append(item)
        if unknown:
            names = sorted(f.name for f in self.fields.values())
            return [], f"Không có lĩnh vực “{'”, “'.join(unknown)}”. Các lĩnh vực: {', '.join(names)}."
        return found, ""

    def match_award_type(self, text: str) -> tuple[AwardType | None, str]:
        found = self.award_types.get(fold(text))
        if found:
            return found, ""
        names = [a.name for a in self.award_types.values()]
        close = difflib.get_close_matches(text, names, n=3, cutoff=0.4)
        hint = f" Gần giống: {', '.join(close)}." if close else ""
        return None, f"Không có danh hiệu, hình thức khen thưởng “{text}” trong danh mục.{hint}"


def validate(table: Table, vocabulary: Vocabulary | None = None) -> Validation:
    vocabulary = vocabulary or Vocabulary()
    problems: list[Problem] = []
    invalid: set[str] = set()
    groups: dict[str, ExemplarPlan] = {}
    order: list[str] = []

    def col(key: str) -> str:
        return table.headers.get(key, label(key))

    for number, row in table.rows:
        errors: list[Problem] = []

        def err(key: str, message: str, number=number, errors=errors):
            errors.append(Problem(number, col(key), message))

        values = {key: _text(value) for key, value in row.items()}
        code = values.get("code", "")
        for key in REQUIRED:
            if not values.get(key):
                err(key, f"Thiếu {label(key).lower()} (bắt buộc).")
        kind = None
        if values.get("kind"):
            kind = KINDS.get(fold(values["kind"]))
            if kind is None:
                err("kind", f"Loại “{values['kind']}” không hợp lệ: dùng cá nhân, tập thể, hộ gia đình hoặc mô hình.")
        place = None
        if values.get("place"):
            place, message = vocabulary.match_place(values["place"])
            if message:
                err("place", message)
        fields = None
        if values.get("field"):
            fields, message = vocabulary.match_fields(values["field"])
            if message:
                err("field", message)
        award = None
        if any(values.get(k) for k in AWARD_COLUMNS):
            award_type, decision_date = None, None
            if not values.get("award_type"):
                err("award_type", "Có thông tin quyết định nhưng thiếu danh hiệu, hình thức khen thưởng.")
            else:
                award_type, message = vocabulary.match_award_type(values["award_type"])
                if message:
                    err("award_type", message)
            try:
                decision_date = parse_date(row.get("decision_date"))
                if decision_date is None:
                    err("decision_date", "Thiếu ngày quyết định của khen thưởng.")
                elif decision_date > vocabulary.today:
                    err("decision_date", f"Ngày quyết định {decision_date:%d/%m/%Y} ở tương lai.")
            except ValueError:
                err(
                    "decision_date",
                    f"Ngày “{values.get('decision_date')}” không hợp lệ: ghi dạng dd/mm/yyyy hoặc yyyy-mm-dd.",
                )
            if not values.get("issuer"):
                err("issuer", "Thiếu cấp ra quyết định (ghi đúng như in trên quyết định).")
            if award_type and decision_date:
                award = AwardPlan(
                    award_type, values.get("decision_number", ""), decision_date, values.get("issuer", ""), number
                )
        consent = None
        if values.get("consent"):
            folded = fold(values["consent"])
            if folded in YES:
                consent = True
            elif folded in NO:
                consent = False
            else:
                err("consent", f"“{values['consent']}” không hợp lệ: ghi có/không (yes/no).")
            if kind in (SubjectKind.COLLECTIVE, SubjectKind.MODEL):
                err("consent", "Chỉ cá nhân và hộ gia đình cần đồng ý công bố.")
            if consent and not values.get("consent_note"):
                err("consent_note", "Có đồng ý công bố thì cần ghi người thu thập phiếu đồng ý.")
        consent_date = None
        try:
            consent_date = parse_date(row.get("consent_date"))
        except ValueError:
            err(
                "consent_date",
                f"Ngày “{values.get('consent_date')}” không hợp lệ: ghi dạng dd/mm/yyyy hoặc yyyy-mm-dd.",
            )

        if code and code in groups and not errors:
            plan = groups[code]
            for key, mine, theirs in (
                ("kind", kind, plan.kind),
                ("name", values.get("name"), plan.name),
                ("place", place, plan.place),
            ):
                if mine != theirs:
                    err(key, f"Mã {code} đã có ở dòng {plan.rows[0]} với {label(key).lower()} khác.")
        problems += errors
        if errors:
            if code:
                invalid.add(code)
            continue
        plan = groups.get(code)
        if plan is None:
            plan = groups[code] = ExemplarPlan(code, kind, values["name"], place, rows=[])
            order.append(code)
        plan.rows.append(number)
        if fields is not None:
            plan.fields = sorted({*(plan.fields or []), *fields}, key=lambda f: f.name)
        plan.summary = plan.summary or values.get("summary", "")
        plan.story = plan.story or values.get("story", "")
        if award and all(a.identity != award.identity for a in plan.awards):
            plan.awards.append(award)
        if consent is not None:
            plan.consent, plan.consent_date = consent, consent_date
            plan.consent_note = values.get("consent_note", "")
    warnings = [f"Bỏ qua cột không dùng đến: “{h}”." for h in table.ignored]
    plans = [groups[c] for c in order if c not in invalid]
    return Validation(plans, problems, invalid, warnings, len(table.rows))


# --------------------------------------------------------------------------------------------
# Stage 3: writing drafts
# --------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


BATCH = 500
NO_SUMMARY = "(Chưa có tóm tắt — cần biên tập trước khi gửi duyệt.)"


def _summary(plan: ExemplarPlan) -> str:
    if plan.summary:
        return plan.summary[:600]
    if plan.story:
        return plan.story[:597] + "…" if len(plan.story) > 600 else plan.story
    return NO_SUMMARY


def _story_html(story: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\r\n\s*\r\n", story) if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _body_text(page: ExemplarPage) -> str:
    return "".join(str(block.value.source) for block in page.body if block.block_type == "paragraph")


def _apply_fields(page: ExemplarPage, plan: ExemplarPlan) -> bool:
    """Set the plan's values on `page` (in memory); return whether anything changed."""
    changed = False
    wanted = {
        "title": plan.name,
        "kind": plan.kind,
        "place_id": plan.place.pk,
        "summary": _summary(plan) if (plan.summary or plan.story or not page.summary) else page.summary,
    }
    for attr, value in wanted.items():
        if getattr(page, attr) != value:
            setattr(page, attr, value)
            changed = True
    if plan.story:
        html = _story_html(plan.story)
        if _body_text(page) != html:
            page.body = [("paragraph", RichText(html))]
            changed = True
    if plan.fields is not None:
        current = sorted(f.pk for f in page.fields.all())
        if current != sorted(f.pk for f in plan.fields):
            page.fields = list(plan.fields)
            changed = True
    existing = {(a.award_type_id, a.decision_number, a.decision_date): a for a in page.awards.all()}
    for award in plan.awards:
        found = existing.get(award.identity)
        if found is None:
            new = Award(
                award_type=award.award_type,
                decision_number=award.decision_number,
                decision_date=award.decision_date,
                issuer_as_printed=award.issuer,
            )
            page.awards.add(new)
            new.resolve()  # the register's derived fields, as saving would fill them
            changed = True
        elif found.issuer_as_printed != award.issuer:
            found.issuer_as_printed = award.issuer
            page.awards.add(found)
            found.resolve()
            changed = True
    return changed


def _consent_change(page: ExemplarPage | None, plan: ExemplarPlan) -> ConsentRecord | None:
    """The consent record to save for this plan, or None when nothing changes."""
    if plan.consent is None:
        return None
    record = page.consent_record if page is not None else None
    if plan.consent:
        if record is None:
            record = ConsentRecord(page=page)
        new = {
            "status": ConsentStatus.GIVEN,
            "given_on": plan.consent_date or record.given_on,
            "evidence_note": plan.consent_note,
        }
    else:
        if record is None or record.status == ConsentStatus.WITHDRAWN:
            return None
        new = {
            "status": ConsentStatus.WITHDRAWN,
            "withdrawn_at": timezone.now(),
            "withdrawal_note": "Tệp nhập ghi không đồng ý công bố.",
        }
    if record.pk and all(getattr(record, k) == v for k, v in new.items() if k != "withdrawn_at"):
        return None
    for key, value in new.items():
        setattr(record, key, value)
    return record


def apply(
    plans: Iterable[ExemplarPlan],
    *,
    dry_run: bool = False,
    user=None,
    progress: Callable[[int, int], None] | None = None,
) -> Outcome:
    """Create or update one draft page per plan; never publish. All in one transaction."""
    plans = list(plans)
    outcome = Outcome()
    index = ExemplarIndexPage.objects.first()
    if index is None:
        raise ImportFileError([Problem(None, None, "Chưa có trang “Danh sách điển hình” để đặt hồ sơ vào.")])
    existing = {
        p.external_code: p
        for p in ExemplarPage.objects.filter(external_code__in=[p.code for p in plans])
        .select_related("consent")
        .prefetch_related("awards", "fields")
    }
    taken_slugs = set(index.get_children().values_list("slug", flat=True))
    new_plans = [plan for plan in plans if plan.code not in existing]
    total, done = len(plans), 0
    with transaction.atomic():
        for start in range(0, len(new_plans), BATCH):
            batch = new_plans[start : start + BATCH]
            outcome.created += [plan.code for plan in batch]
            if not dry_run:
                _create_batch(index, batch, taken_slugs, user)
            done += len(batch)
            if progress:
                progress(done, total)
        for plan in plans:
            page = existing.get(plan.code)
            if page is None:
                continue
            _update(page, plan, outcome, dry_run, user)
            done += 1
            if progress and (done % BATCH == 0 or done == total):
                progress(done, total)
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def _slug_for(plan: ExemplarPlan, taken: set[str]) -> str:
    """The slug Wagtail would give a page of this title under the index (see core.slugs):
    `slugify_vi(title)`, then "-2", "-3"… while a sibling has it. `taken` replaces Wagtail's
    query per page with one set for the whole import."""
    base = slugify_vi(plan.name) or "dien-hinh"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _create_batch(index: ExemplarIndexPage, plans: list[ExemplarPlan], taken: set[str], user) -> list[ExemplarPage]:
    """Create draft pages for `plans`, writing what `index.add_child(instance=page)` followed by
    `page.save_revision(user=user, log_action=True)` writes (the admin's "create" path), with a
    handful of bulk queries per batch.

    Those calls cost tens of milliseconds per page (tree bookkeeping, cleaning, signal-driven
    reference and search index updates); a 10,000-row file would take minutes. The rows written
    here are the same, field for field, which tests/content/test_import.py checks against a page
    made through the API:

    1. the page as `add_child` saves it: tree path, `draft_title`, no revision yet,
       `has_unpublished_changes=False`, `live=False`, `owner=user`; its awards, fields, consent;
    2. one revision whose content is `page.serializable_data()` of that page (with `pk` — a
       revision without it cannot be published or edited: Django would insert a second page);
    3. the page updated as `save_revision` does: `latest_revision`, `latest_revision_created_at`,
       `draft_title`, `has_unpublished_changes=True`;
    4. the log entries "wagtail.create" (Page.save) and "wagtail.edit" (save_revision, with the
       revision), in the active log context like `wagtail.log_actions.log`;
    5. the search index and the reference index, as the post_save handlers would (the latter
       with Wagtail's own extraction, `ReferenceIndex._extract_references_from_object`).

    Values were validated in `validate()`.
    """
    page_type = ContentType.objects.get_for_model(ExemplarPage)
    base_type = ContentType.objects.get_for_model(Page)
    index.refresh_from_db(fields=["path", "depth", "numchild", "url_path"])
    last = index.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    depth = index.depth + 1
    pages: list[ExemplarPage] = []
    for plan in plans:
        step += 1
        slug = _slug_for(plan, taken)
        page = ExemplarPage(
            title=plan.name,
            draft_title=plan.name,
            slug=slug,
            path=Page._get_path(index.path, depth, step),
            depth=depth,
            numchild=0,
            url_path=f"{index.url_path}{slug}/",
            content_type=page_type,
            locale_id=index.locale_id,
            owner=user,
            live=False,
            kind=plan.kind,
            place=plan.place,
            summary=_summary(plan),
            external_code=plan.code,
            source="Nhập từ bảng tính",
        )
        if plan.story:
            page.body = [("paragraph", RichText(_story_html(plan.story)))]
        pages.append(page)

    # 1. Page rows, then the exemplar rows that extend them (multi-table inheritance). The
    # instances become saved pages: `id` is what the revision's "pk" is read from.
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = [Page(**{f.attname: getattr(p, f.attname) for f in base_fields}) for p in pages]
    Page.objects.bulk_create(bases)
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.id
        page._state.adding, page._state.db = False, base._state.db
    local_fields = list(ExemplarPage._meta.local_concrete_fields)
    ExemplarPage._base_manager._insert(pages, fields=local_fields, using=bases[0]._state.db)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(pages))

    awards, links, consents = [], [], []
    Through = ExemplarPage.fields.through
    for page, plan in zip(pages, plans, strict=True):
        for order, award in enumerate(plan.awards):
            entry = Award(
                page=page,
                sort_order=order,
                award_type=award.award_type,
                decision_number=award.decision_number,
                decision_date=award.decision_date,
                issuer_as_printed=award.issuer,
            )
            entry.resolve()  # bulk_create skips save(): fill the register's derived fields here
            awards.append(entry)
        links += [Through(exemplarpage_id=page.pk, field_id=f.pk) for f in plan.fields or []]
        record = _consent_change(None, plan)
        if record is not None:
            record.page = page
            consents.append(record)
    Award.objects.bulk_create(awards)
    Through.objects.bulk_create(links)
    ConsentRecord.objects.bulk_create(consents)
    ids = [page.pk for page in pages]
    ExemplarPage.refresh_publication_allowed(ids)  # bulk writes skip save(), which computes it
    allowed = dict(ExemplarPage.objects.filter(pk__in=ids).values_list("pk", "publication_allowed"))

    # 2. Revisions: the page serialised with its awards and fields, as save_revision() does.
    by_page = defaultdict(list)
    for award in awards:
        by_page[award.page_id].append(award)
    # A new page's other child relations (Wagtail's comments) are empty: say so, rather than
    # have serialising and reference extraction query them page by page.
    empty = [r.get_accessor_name() for r in get_all_child_relations(ExemplarPage)]
    empty = [name for name in empty if name != "awards"]
    revisions, now = [], timezone.now()
    for page, plan in zip(pages, plans, strict=True):
        page.publication_allowed = allowed[page.pk]
        page.awards = by_page[page.pk]
        page.fields = list(plan.fields or [])
        for name in empty:
            setattr(page, name, [])
        revisions.append(
            Revision(
                content_type=page_type,
                base_content_type=base_type,
                object_id=str(page.pk),
                created_at=now,
                user=user,
                object_str=str(page),
                content=page.serializable_data(),
            )
        )
    Revision.objects.bulk_create(revisions)
    # 3. What save_revision() then saves on the page.
    for page, base, revision in zip(pages, bases, revisions, strict=True):
        for obj in (page, base):
            obj.latest_revision = revision
            obj.latest_revision_created_at = revision.created_at
            obj.draft_title = page.title
            obj.has_unpublished_changes = True
    latest = Revision.objects.filter(base_content_type=base_type, object_id=Cast(OuterRef("pk"), CharField()))
    Page.objects.filter(pk__in=ids).update(
        latest_revision=Subquery(latest.order_by("-pk").values("pk")[:1]),
        latest_revision_created_at=now,
        has_unpublished_changes=True,
    )
    # 4. Log entries, as wagtail.log_actions.log() writes them.
    context = get_active_log_context()
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        for action, logged_revision in (("wagtail.create", None), ("wagtail.edit", revision)):
            entries.append(
                PageLogEntry(
                    content_type=page_type,
                    page_id=page.pk,
                    label=page.get_admin_display_title(),
                    action=action,
                    data={},
                    timestamp=now,
                    uuid=context.uuid,
                    user=user or context.user,
                    revision=logged_revision,
                    content_changed=True,
                )
            )
    PageLogEntry.objects.bulk_create(entries)
    # 5. Indexes.
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ExemplarPage, pages)
    _index_references(pages)
    return pages


def _index_references(pages: list[ExemplarPage]) -> None:
    """What `ReferenceIndex.create_or_update_for_object(page)` writes for a page that has no
    references yet, for a whole batch in one insert instead of three queries per page."""
    content_types = [
        ContentType.objects.get_for_model(model, for_concrete_model=False)
        for model in [ExemplarPage, *ExemplarPage._meta.get_parent_list()]
    ]
    rows = [
        ReferenceIndex(
            content_type=content_types[0],
            base_content_type=content_types[-1],
            object_id=page.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
    ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=connection.features.supports_ignore_conflicts)


def _update(page: ExemplarPage, plan: ExemplarPlan, outcome: Outcome, dry_run: bool, user) -> None:
    # The editable version is the latest revision when a live page has unpublished changes.
    current = page.get_latest_revision_as_object() if page.live and page.has_unpublished_changes else page
    changed = _apply_fields(current, plan)
    record = _consent_change(page, plan)
    if not (changed or record is not None):
        outcome.unchanged.append(plan.code)
        return
    outcome.updated.append(plan.code)
    if dry_run:
        return
    if changed:
        if not current.live:
            current.save()
        current.save_revision(user=user, log_action=True)
    if record is not None:
        record.save()
