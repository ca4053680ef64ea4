"""Read-aloud normaliser: turn printed Vietnamese government prose into what a presenter says.

Pure functions, no database: the caller passes the abbreviation lists (radio editors keep them
in the admin; `radio.abbreviations.current_lists()` loads them). `normalise(text)` returns the
read text, every expansion it made (so the editor can see and check each one) and the tokens it
could not read with confidence. A flagged token is left exactly as printed: the rules never
guess, because a wrong reading on air is worse than a pause for the editor.

Rules, in the order they are tried at each position of the text:
  document codes   14/2015/QĐ-UBND → "mười bốn năm hai nghìn không trăm mười lăm, quyết định
                   Ủy ban nhân dân"; 05-CT/TW → "năm, chỉ thị Trung ương"
                   (number [năm year], then each part of the code expanded, a comma before it)
  dates            07/4/2014 → "ngày mùng bảy tháng tư năm …" ("mùng" for days 1–10, "tư" for
                   April; "ngày" is not repeated when the text already says it); d/m only after
                   "ngày"; m/yyyy → "tháng … năm …"
  ranges           2021-2025, 15 – 20 → "… đến …"
  money, percent   1.500.000đ → "… đồng"; 2,5% → "hai phẩy năm phần trăm"
  units            10,32 km² → "mười phẩy ba mươi hai ki-lô-mét vuông"
  numbers          dot for thousands, comma for decimals; "linh", "mốt", "tư", "lăm";
                   after "thứ": 1 → "nhất", 4 → "tư"
  abbreviations    from the editors' list, case-sensitive, whole tokens only
  Roman numerals   only after a word that announces them (lần thứ XIII, khóa XII, quý IV)
Flagged: unknown all-capital tokens, ambiguous number formats (1,500 · 1.5 · 0912…), numbers
with letters (A1, 5G), Roman numerals without context, d/m without "ngày", impossible dates,
web addresses and symbols that have no reading.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from anyascii import anyascii

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
GROUP_UNITS = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"]
MAX_INT = 10**18 - 1

# Human labels of the rules, shown to editors beside each expansion.
RULE_LABELS = {
    "abbreviation": "viết tắt",
    "document_code": "số hiệu văn bản",
    "date": "ngày tháng",
    "month_year": "tháng năm",
    "range": "khoảng",
    "money": "tiền",
    "percent": "phần trăm",
    "unit": "đơn vị đo",
    "number": "số",
    "decimal": "số thập phân",
    "ordinal": "số thứ tự",
    "roman": "số La Mã",
    "symbol": "ký hiệu",
    "time": "giờ",
    "phone": "điện thoại",
    "fraction": "phân số",
    "score": "tỷ số",
    "lunar": "âm lịch",
    "per": "đơn vị tính",
    "place": "địa danh viết tắt",
    "month": "tháng",
}

UNITS = {
    "km²": "ki-lô-mét vuông",
    "km2": "ki-lô-mét vuông",
    "m²": "mét vuông",
    "m2": "mét vuông",
    "m³": "mét khối",
    "m3": "mét khối",
    "km": "ki-lô-mét",
    "ha": "héc-ta",
    "kg": "ki-lô-gam",
    "cm": "xen-ti-mét",
    "mm": "mi-li-mét",
    "m": "mét",
    "km/h": "ki-lô-mét một giờ",
    "°C": "độ C",
    "MW": "mê-ga-oát",
    "kW": "ki-lô-oát",
    "kWh": "ki-lô-oát giờ",
}
CURRENCIES = {"đ": "đồng", "VNĐ": "đồng", "VND": "đồng", "vnđ": "đồng", "USD": "đô la Mỹ"}

# Words after which a Roman numeral is a number ("lần thứ XIII", "khóa XII", "quý IV").
ROMAN_CONTEXT = {
    "thứ",
    "khóa",
    "khoá",
    "kỳ",
    "kì",
    "hội",  # Đại hội XIII, Hội nghị Trung ương → "đại hội"
    "quý",
    "phần",
    "chương",
    "mục",
    "lục",  # phụ lục II
    "kỷ",  # thế kỷ XXI
    "kỉ",
    "đợt",
    "giai",  # not enough on its own; kept harmless
}

_L = r"A-Za-zÀ-ỹĐđ"  # letters incl. Vietnamese (the Latin Extended Additional block)
WORD_BOUNDARY_BEFORE = rf"(?<![{_L}0-9])"
WORD_BOUNDARY_AFTER = rf"(?![{_L}0-9])"

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
SYLLABLE_RE = re.compile(r"^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?$")


@dataclass
class Expansion:
    original: str
    spoken: str
    rule: str

    def as_dict(self) -> dict:
        return {"original": self.original, "spoken": self.spoken, "rule": self.rule}


@dataclass
class Flag:
    token: str
    reason: str

    def as_dict(self) -> dict:
        return {"token": self.token, "reason": self.reason}


@dataclass
class Reading:
    """What `normalise` returns: the text to read, what was expanded and what was not read."""

    text: str
    expansions: list[Expansion] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "read_text": self.text,
            "expansions": [e.as_dict() for e in self.expansions],
            "flags": [f.as_dict() for f in self.flags],
        }


_MULTIPLE_BLANKS = re.compile(r"[ \t]{2,}")


class Unreadable(Exception):  # noqa: N818 - a signal inside the rules, never leaves this module
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


def _under_thousand(n: int, full: bool) -> list[str]:
    """0–999. `full`: a higher group was read, so 14 is "không trăm mười bốn" (as in 2014)."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units == 5:
            words.append("lăm")
        elif units:
            words.append(DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        words += {0: [], 1: ["mốt"], 4: ["tư"], 5: ["lăm"]}.get(units, [DIGITS[units]])
    return words


def read_int(n: int) -> str:
    """An integer the Vietnamese way: 105 → "một trăm linh năm", 2014 → "hai nghìn không trăm mười bốn"."""
    if n < 0:
        return "âm " + read_int(-n)
    if n == 0:
        return "không"
    if n > MAX_INT:
        raise Unreadable("số quá lớn")
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        words += _under_thousand(group, full=bool(words))
        if GROUP_UNITS[index]:
            words.append(GROUP_UNITS[index])
    return " ".join(words)


def read_digits(digits: str) -> str:
    return " ".join(DIGITS[int(d)] for d in digits)


def read_ordinal(n: int) -> str:
    """After "thứ": 1 → "nhất", 4 → "tư" (lần thứ tư), otherwise the cardinal."""
    return {1: "nhất", 4: "tư"}.get(n, read_int(n))


_NUMBER_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def parse_number(token: str) -> tuple[int, str | None]:
    """ "23.000" → (23000, None); "10,32" → (10, "32"). Raises Unreadable on ambiguous forms."""
    if _NUMBER_RE.fullmatch(token):
        whole, _, frac = token.partition(",")
        digits = whole.replace(".", "")
        if len(digits) > 18:
            raise Unreadable("số quá lớn hoặc dãy chữ số quá dài: không rõ cách đọc")
        if len(digits) > 1 and digits.startswith("0") and len(digits) > 2:
            raise Unreadable("số bắt đầu bằng 0 (số điện thoại, mã số?): không rõ cách đọc")
        if frac and "." not in whole and len(frac) == 3 and len(digits) <= 3:
            raise Unreadable("“1,500” có thể là một nghìn năm trăm (kiểu Anh) hay một phẩy năm: không rõ")
        return int(digits), frac or None
    raise Unreadable("định dạng số không rõ (dấu chấm phân cách hàng nghìn, dấu phẩy cho phần thập phân)")


def read_number(token: str) -> str:
    whole, frac = parse_number(token)
    spoken = read_int(whole)
    if frac is not None:
        stripped = frac.lstrip("0")
        zeros = ["không"] * (len(frac) - len(stripped))
        rest = [read_int(int(stripped)) if len(stripped) <= 3 else read_digits(stripped)] if stripped else []
        spoken += " phẩy " + " ".join(zeros + rest)
    return spoken


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


def read_day(day: int) -> str:
    return f"mùng {read_int(day)}" if day <= 10 else read_int(day)


def read_month(month: int) -> str:
    return "tư" if month == 4 else read_int(month)


def read_date(day: int, month: int, year: int | None) -> str:
    if not 1 <= month <= 12:
        raise Unreadable("tháng không hợp lệ")
    check_year = year if year is not None else 2024  # a leap year, so 29/2 is a real day
    try:
        datetime.date(check_year, month, day)
    except ValueError as exc:
        raise Unreadable("ngày không có thật") from exc
    spoken = f"{read_day(day)} tháng {read_month(month)}"
    if year is not None:
        spoken += f" năm {read_int(year)}"
    return spoken


# --------------------------------------------------------------------------------------------
# Context: the words around a match, looked up in a bounded window (so one pass stays linear)
# --------------------------------------------------------------------------------------------

CONTEXT_WINDOW = 48
_CONTEXT_TOKEN = re.compile(rf"[{_L}]+|\d+|[^\s{_L}\d]")


def _words_before(text: str, start: int, count: int = 2) -> list[str]:
    """The words before `start`, nearest first, as printed; punctuation is skipped, a number stops."""
    words: list[str] = []
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    if index < 0 or text[index].isdigit():  # fast path: nothing, or a number right before
        return words
    for token in reversed(_CONTEXT_TOKEN.findall(text, max(0, start - CONTEXT_WINDOW), start)):
        if token[0].isdigit():
            break
        if token[0].isalpha():
            words.append(token)
            if len(words) == count:
                break
    return words


def _tokens_after(text: str, end: int, count: int = 2) -> list[str]:
    """The next tokens after `end` (words, numbers or single punctuation marks)."""
    return _CONTEXT_TOKEN.findall(text, end, min(len(text), end + CONTEXT_WINDOW))[:count]


def _previous_word(text: str, start: int) -> str:
    words = _words_before(text, start, 1)
    return words[0].lower() if words else ""


# Words after which a day-month in any separator (2-9, 2.9, 2/9) is a date.
TIME_WORDS = {"ngày", "sáng", "chiều", "tối", "đêm", "trưa", "khuya", "hôm", "mùng", "mồng"}
TIME_WORDS_BEFORE_NAY = {"hôm", "sáng", "chiều", "tối", "đêm", "trưa"}  # hôm nay, sáng qua …
# Nouns that follow "18/20" when it means "18 out of 20" (the first word of the noun).
COUNT_NOUNS = {
    "thôn", "xã", "phường", "huyện", "tỉnh", "hộ", "người", "đơn", "tiêu", "chỉ", "trường", "học",
    "đại", "thành", "tổ", "khối", "cơ", "điểm", "lớp", "câu", "bài", "phiếu", "dự", "mô", "làng",
    "bản", "ấp", "khu", "cụm", "đội", "tàu", "chi", "ngành", "sở", "doanh", "hợp", "công", "địa",
}  # fmt: skip
SCORE_WORDS = {"thắng", "thua", "hòa", "hoà", "bại", "cách"}
CODE_WORDS = {"số", "mã", "lô", "phòng", "căn", "ô", "biển", "hiệu", "ký", "kí", "tuyến", "km"}
DAY_FOLLOWERS = {"tháng", "đến", "và", "hoặc", "hằng", "hàng", "âm", "âl", "-", "–", ",", ".", ";", ")", ":"}
PER_WORDS = {
    "người", "hộ", "tháng", "năm", "ngày", "tuần", "giờ", "lượt", "con", "suất", "lít", "tấn", "tạ",
    "chiếc", "cây", "lần", "ca", "vụ", "quý", "km", "ha", "kg", "kWh", "m", "m2", "m²", "m3", "m³",
}  # fmt: skip
PLACE_PREFIXES = {
    "H": "huyện", "TP": "thành phố", "X": "xã", "P": "phường", "Q": "quận", "TX": "thị xã", "TT": "thị trấn",
}  # fmt: skip
LUNAR_MONTHS = {1: "Giêng", 12: "Chạp"}
PHONE_TRIGGERS = {"ĐT": "điện thoại", "SĐT": "số điện thoại"}


def _is_time_context(words: list[str]) -> bool:
    if not words:
        return False
    first = words[0].lower()
    if first in TIME_WORDS:
        return True
    return first in ("nay", "qua", "kia") and len(words) > 1 and words[1].lower() in TIME_WORDS_BEFORE_NAY


def _is_lunar(after: list[str]) -> bool:
    if not after:
        return False
    if after[0] in ("âl", "ÂL", "Âl"):
        return True
    return after[0].lower() == "âm" and len(after) > 1 and after[1].lower() == "lịch"


def _lunar_date(day: int, month: int, after_mung: bool) -> str:
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise Unreadable("ngày âm lịch không hợp lệ")
    spoken_day = read_int(day) if after_mung else read_day(day)
    return f"{spoken_day} tháng {LUNAR_MONTHS.get(month, read_month(month))}"


def _is_date(day: int, month: int) -> bool:
    try:
        datetime.date(2024, month, day)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# The scanner
# --------------------------------------------------------------------------------------------

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_CURRENCY_ALT = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
_PER_ALT = "|".join(re.escape(u) for u in sorted(PER_WORDS | set(UNITS), key=len, reverse=True))
_PLACE_ALT = "|".join(sorted(PLACE_PREFIXES, key=len, reverse=True))
_CODE_PART = rf"[A-ZĐ][{_L}]*\d*"
_NO_DIGIT_BEFORE = r"(?<![\d.,])"

# Phone numbers: printed groups of digits joined by dots, hyphens or spaces.
PHONE_NUMBER = r"\d{3,}(?:[.\-]\d{2,}|[ \u00a0]\d{3,})*+(?!\d|[.,]\d)" + WORD_BOUNDARY_AFTER
PHONE_TRIGGER_RE = re.compile(
    WORD_BOUNDARY_BEFORE
    + r"(?:(?i:đường dây nóng|tổng đài|điện thoại|số máy|hotline)|(?P<abbr>SĐT|ĐT))"
    + WORD_BOUNDARY_AFTER
)
# Between the trigger and the number: "số", "là", a colon, or a short phrase ending in a colon
# ("đường dây nóng của Sở Y tế: 1900 9095"). Bounded, so each trigger costs a constant.
PHONE_LEADS = (
    re.compile(rf"(?:\s*(?:số|là|:)(?![{_L}]))*\s*"),
    re.compile(r"[^\d\n.!?;]{0,40}?:\s*"),
)
PHONE_NUMBER_RE = re.compile(PHONE_NUMBER)
PHONE_NEXT_RE = re.compile(r"\s*(?:,|hoặc|và|/)\s*")

BASE_PATTERNS = [
    # Bounded and anchored at the start of a run, so a long "1-1-1…" is not rescanned at each digit.
    ("url", r"(?:https?://|www\.)[^\s<>)\]]+|<https?://[^>\s]+>|(?<![\w.+-])[\w.+-]{1,64}+@[\w-]+\.[\w.]+"),
    # H. Lý Sơn, TP. Quảng Ngãi: before the list, where "TP" alone is an entry.
    ("place", rf"{WORD_BOUNDARY_BEFORE}(?P<place_abbr>{_PLACE_ALT})\.(?=\s)"),
    # GD&ĐT, KH&CN: the whole code from the list, else each part; before single entries ("KH").
    ("amp", rf"{WORD_BOUNDARY_BEFORE}[{_L}]+(?:&[{_L}]+)+{WORD_BOUNDARY_AFTER}"),
]
NUMBER_PATTERNS = [
    (
        "document_code",
        rf"(?P<code_num>\d+)(?:/(?P<code_year>\d{{4}}))?[/-](?P<code>{_CODE_PART}(?:[-/&]{_CODE_PART})*)"
        + WORD_BOUNDARY_AFTER,
    ),
    # Clock times: 8h, 8h15, 8h15', 14:30, 08 giờ 30 (phút), 8 giờ.
    ("clock_h", rf"{_NO_DIGIT_BEFORE}(?P<h_hour>\d{{1,2}})h(?P<h_min>\d{{2}})?(?:(?P<h_tick>')|{WORD_BOUNDARY_AFTER})"),
    ("clock_colon", rf"{_NO_DIGIT_BEFORE}(?P<c_hour>\d{{1,2}}):(?P<c_min>\d{{2}})(?![\d:]|[.,]\d)"),
    (
        "clock_words",
        rf"{_NO_DIGIT_BEFORE}(?P<w_hour>\d{{1,2}})\s+giờ(?:\s+(?P<w_min>\d{{2}}|\d(?=\s+phút))(?P<w_phut>\s+phút)?)?"
        + WORD_BOUNDARY_AFTER,
    ),
    # 10 - 12/3: a range of days before a month.
    (
        "day_range",
        r"(?P<dr_from>\d{1,2})\s*[-–]\s*(?P<dr_to>\d{1,2})/(?P<dr_month>\d{1,2})(?:/(?P<dr_year>\d{4}))?(?![\d/])",
    ),
    # 30/4 - 1/5: two day-months.
    (
        "date_pair",
        r"(?P<dp_d1>\d{1,2})/(?P<dp_m1>\d{1,2})\s*[-–]\s*(?P<dp_d2>\d{1,2})/(?P<dp_m2>\d{1,2})(?![\d/])",
    ),
    ("date", r"(?P<d_day>\d{1,2})(?P<d_sep>[/.-])(?P<d_month>\d{1,2})(?P=d_sep)(?P<d_year>\d{4})(?![\d/])"),
    # 1-2-3, 12/3/45: more than two numbers joined by hyphens or slashes (not a date): a code.
    ("number_chain", r"\d+(?:[-/]\d+){2,}+"),
    ("month_year", r"(?P<my_first>\d{1,2})/(?P<my_year>\d{4})(?![\d/])"),
    ("day_month", r"(?P<dm_day>\d{1,3})/(?P<dm_month>\d{1,3})(?![\d/])"),
    (
        "range",
        rf"(?P<r_from>{NUMBER})\s*(?P<r_dash>[-–—])\s*(?P<r_to>{NUMBER})(?![\d/.,]\d)(?:(?P<r_pct>\s?%)|"
        rf"\s?(?P<r_unit>{_UNIT_ALT})(?![{_L}0-9²³])|{WORD_BOUNDARY_AFTER})",
    ),
    ("money", rf"(?P<m_num>{NUMBER})\s?(?P<m_cur>{_CURRENCY_ALT})" + WORD_BOUNDARY_AFTER),
    ("percent", rf"(?P<p_num>{NUMBER})\s?%"),
    ("unit", rf"(?P<u_num>{NUMBER})\s?(?P<u_unit>{_UNIT_ALT})(?![{_L}0-9²³])"),
    ("mixed", rf"\d+[{_L}]+[{_L}0-9]*"),
    # Groups of digits separated by spaces (0905 123 456): a phone number or an amount?
    ("spaced_digits", r"\d{1,4}(?:[ \u00a0]\d{3})+(?!\d|[.,]\d)"),
    ("colon_digits", r"\d+:\d[\d.,]*"),
    ("number", r"\d[\d.,]*\d|\d"),
    # đồng/kg, %/năm, m³/ngày: "per" (one …).
    ("per", rf"/(?P<per_unit>{_PER_ALT})(?![{_L}0-9²³])"),
]
TAIL_PATTERNS = [
    ("mixed_letters", rf"[{_L}]+\d+[{_L}0-9]*"),
    ("roman", rf"{WORD_BOUNDARY_BEFORE}(?P<roman_num>[IVXLCDM]+)(?:/(?P<roman_year>\d{{4}}))?{WORD_BOUNDARY_AFTER}"),
    ("lunar", rf"{WORD_BOUNDARY_BEFORE}(?:âl|ÂL|Âl){WORD_BOUNDARY_AFTER}"),
    # Words joined by a slash that no rule above read: đồng/kg, và/hoặc.
    ("slashed", rf"{WORD_BOUNDARY_BEFORE}[{_L}]+(?:/[{_L}0-9²³]+)+{WORD_BOUNDARY_AFTER}"),
    # Every other word: the handler leaves words alone unless they are all capitals.
    ("caps", rf"{WORD_BOUNDARY_BEFORE}[{_L}]+{WORD_BOUNDARY_AFTER}"),
    ("slash", r"/"),
    ("symbol", r"[&@#§$€£¥¹²³⁴⁵⁶⁷⁸⁹⁰~^|\\]"),
]


OTHER_PATTERNS = {"per", "slash", "symbol"}  # rules that start with neither a letter nor a digit


def _alternatives(patterns) -> str:
    return "|".join(f"(?P<{name}>{regex})" for name, regex in patterns)


class Normaliser:
    """Rules bound to one pair of abbreviation lists; build once, call `read()` many times."""

    def __init__(self, abbreviations: Mapping[str, str] | None = None, code_parts: Mapping[str, str] | None = None):
        self.abbreviations = dict(abbreviations or {})
        # Parts of document codes ("CT" is "chỉ thị" in 05-CT/TW but "Chủ tịch" in prose).
        self.code_parts = {**self.abbreviations, **dict(code_parts or {})}
        letter_patterns = [p for p in BASE_PATTERNS if p[0] != "url"]
        if self.abbreviations:
            # An abbreviation starts with a letter, so it only competes with the letter rules
            # below ("QH15" in the list beats "letters with digits").
            alt = "|".join(re.escape(a) for a in sorted(self.abbreviations, key=len, reverse=True))
            letter_patterns.append(("abbreviation", rf"{WORD_BOUNDARY_BEFORE}(?:{alt}){WORD_BOUNDARY_AFTER}"))
        # Hyphenated words and codes such as QNg-90123-TS (possessive: no backtracking).
        letter_patterns.append(("compound", rf"{WORD_BOUNDARY_BEFORE}[{_L}]+(?:-[{_L}0-9]+)++{WORD_BOUNDARY_AFTER}"))
        letter_patterns += [p for p in TAIL_PATTERNS if p[0] not in OTHER_PATTERNS]
        digit_patterns = [p for p in NUMBER_PATTERNS if p[0] not in OTHER_PATTERNS]
        other_patterns = [p for p in NUMBER_PATTERNS + TAIL_PATTERNS if p[0] in OTHER_PATTERNS]
        # An editor's entry may start with something else than a letter ("%o"): let it in too.
        extra = "".join(sorted({re.escape(a[0]) for a in self.abbreviations if a and not a[0].isalpha()}))
        # Each group is guarded by a lookahead on its first character, so that at a space or a
        # digit the engine does not try every letter rule (and the long list) in turn.
        rules = [BASE_PATTERNS[0], *letter_patterns, *digit_patterns, *other_patterns]
        self._handlers = {name: getattr(self, f"_{name}") for name, _ in rules}
        self.pattern = re.compile(
            "|".join(
                [
                    rf"(?=[\w<])(?P<url>{BASE_PATTERNS[0][1]})",
                    rf"(?=[{_L}{extra}])(?:{_alternatives(letter_patterns)})",
                    rf"(?=\d)(?:{_alternatives(digit_patterns)})",
                    _alternatives(other_patterns),
                ]
            )
        )

    # -- public ----------------------------------------------------------------------------

    def read(self, text: str) -> Reading:
        """One pass over the text: phone numbers first (they need the words before them), then the
        rules, each looking only at a bounded window around its match."""
        text = text or ""
        reading = Reading(text="")
        out: list[str] = []
        expansions, flags, handlers = reading.expansions, reading.flags, self._handlers

        def expand(original: str, spoken: str, rule: str) -> None:
            expansions.append(Expansion(original, spoken, rule))
            # The last non-blank chunk written (gaps alternate with readings, so this is short).
            index = len(out) - 1
            while index >= 0 and not out[index].strip(" \t"):
                index -= 1
            last = out[index].rstrip(" \t")[-1] if index >= 0 else ""
            if spoken and last in (".", "!", "?", "\n"):
                # A sentence that starts with "12 lao động" is printed "Mười hai lao động".
                spoken = spoken[0].upper() + spoken[1:]
            out.append(spoken)

        pos = 0
        for start, end, spoken, rule in [*self._phone_spans(text), (len(text), len(text), None, "")]:
            for match in self.pattern.finditer(text, pos, start):
                match_start, match_end = match.span()
                if match_start != pos:
                    out.append(text[pos:match_start])
                pos = match_end
                try:
                    result, result_rule = handlers[match.lastgroup](match, text)
                except Unreadable as exc:
                    original = match.group()
                    flags.append(Flag(original.strip("<>"), exc.reason))
                    out.append(original)
                    continue
                if result is None:  # a plain word: left as printed
                    out.append(match.group())
                else:
                    expand(match.group(), result, result_rule)
            out.append(text[pos:start])
            if spoken is not None:
                expand(text[start:end], spoken, rule)
            pos = end
        reading.text = _MULTIPLE_BLANKS.sub(" ", "".join(out))
        return reading

    # -- phone numbers ---------------------------------------------------------------------

    def _phone_spans(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, spoken, rule) of phone numbers after a trigger word, and of ĐT/SĐT."""
        spans: list[tuple[int, int, str, str]] = []
        claimed = 0
        for trigger in PHONE_TRIGGER_RE.finditer(text):
            if trigger.start() < claimed:
                continue
            number = None
            for lead_re in PHONE_LEADS:
                lead = lead_re.match(text, trigger.end())
                number = PHONE_NUMBER_RE.match(text, lead.end()) if lead else None
                if number:
                    break
            if number is None:
                continue
            if trigger.group("abbr"):
                spans.append((trigger.start(), trigger.end(), PHONE_TRIGGERS[trigger.group("abbr")], "abbreviation"))
            while number:
                spans.append((number.start(), number.end(), _read_phone(number.group()), "phone"))
                claimed = number.end()
                joiner = PHONE_NEXT_RE.match(text, claimed)
                number = PHONE_NUMBER_RE.match(text, joiner.end()) if joiner else None
        return spans

    # -- rules -----------------------------------------------------------------------------

    def _handle(self, kind: str, m: re.Match, text: str) -> tuple[str | None, str]:
        handler = getattr(self, f"_{kind}")
        return handler(m, text)

    def _url(self, m, text):
        raise Unreadable("địa chỉ web hoặc thư điện tử: biên tập viên quyết định đọc hay bỏ")

    def _place(self, m, text):
        after = _tokens_after(text, m.end(), 1)
        before = _words_before(text, m.start(), 1)
        name_before = bool(before) and before[0][0].isupper() and before[0][1:].islower()
        if after and after[0][0].isalpha() and after[0][0].isupper() and not name_before:
            return PLACE_PREFIXES[m.group("place_abbr")], "place"
        raise Unreadable("chữ cái viết tắt có dấu chấm không đứng trước địa danh: tên người hay viết tắt?")

    def _amp(self, m, text):
        token = m.group()
        if token in self.abbreviations:
            return self.abbreviations[token], "abbreviation"
        parts = token.split("&")
        unknown = [p for p in parts if p not in self.abbreviations]
        if unknown:
            raise Unreadable(f"không biết “{'”, “'.join(unknown)}” trong “{token}”: thêm vào danh sách viết tắt")
        return " và ".join(self.abbreviations[p] for p in parts), "abbreviation"

    def _abbreviation(self, m, text):
        return self.abbreviations[m.group()], "abbreviation"

    def _read_code_part(self, part: str) -> str:
        if part in self.code_parts:
            return self.code_parts[part]
        letters, digits = re.fullmatch(rf"([{_L}]+)(\d*)", part).groups()
        if digits and letters in self.code_parts:
            joiner = " khóa " if letters.endswith("QH") else " "
            return self.code_parts[letters] + joiner + read_int(int(digits))
        raise Unreadable(f"không biết “{part}” trong số hiệu văn bản: thêm vào danh sách viết tắt")

    def _document_code(self, m, text):
        number = int(m.group("code_num"))
        spoken = read_int(number)
        year = m.group("code_year")
        if year:
            if not 1900 <= int(year) <= 2100:
                raise Unreadable("năm trong số hiệu văn bản không hợp lệ")
            spoken += f" năm {read_int(int(year))}"
        parts = [p for p in re.split(r"[-/]", m.group("code")) if p]
        readings = []
        for part in parts:
            if "&" in part:
                readings.append(" và ".join(self._read_code_part(p) for p in part.split("&")))
            else:
                readings.append(self._read_code_part(part))
        return f"{spoken}, {' '.join(readings)}", "document_code"

    # -- clock times -------------------------------------------------------------------------

    @staticmethod
    def _clock(hour: int, minute: int | None, minute_word: str = "") -> str:
        if hour > 24 or (minute is not None and minute > 59):
            raise Unreadable("giờ không hợp lệ")
        spoken = f"{read_int(hour)} giờ"
        if minute:  # "08 giờ 00" is "tám giờ"
            spoken += f" {read_int(minute)}{minute_word}"
        return spoken

    def _clock_h(self, m, text):
        minute = m.group("h_min")
        return self._clock(int(m.group("h_hour")), int(minute) if minute else None), "time"

    def _clock_colon(self, m, text):
        words = [w.lower() for w in _words_before(text, m.start(), 2)]
        if words[:1] == ["lệ"] or words[:1] == ["số"]:  # tỷ lệ 1:50, tỷ số 2:1
            raise Unreadable("không rõ là giờ hay tỷ lệ")
        return self._clock(int(m.group("c_hour")), int(m.group("c_min"))), "time"

    def _clock_words(self, m, text):
        hour, minute = int(m.group("w_hour")), m.group("w_min")
        if minute is None:  # "8 giờ", "trong 48 giờ": the number, then "giờ"
            return f"{read_int(hour)} giờ", "time"
        return self._clock(hour, int(minute), " phút" if m.group("w_phut") else ""), "time"

    # -- dates -------------------------------------------------------------------------------

    def _day_range(self, m, text):
        first, last, month = int(m.group("dr_from")), int(m.group("dr_to")), int(m.group("dr_month"))
        year = int(m.group("dr_year")) if m.group("dr_year") else None
        if first >= last:
            raise Unreadable("khoảng ngày không hợp lệ (ngày đầu không nhỏ hơn ngày cuối)")
        read_date(first, month, year)  # both days must exist
        spoken_last = read_date(last, month, year)
        before = _previous_word(text, m.start())
        if before == "từ":
            return f"ngày {read_day(first)} đến ngày {spoken_last}", "date"
        if before == "ngày":
            return f"{read_day(first)} đến ngày {spoken_last}", "date"
        return f"từ ngày {read_day(first)} đến ngày {spoken_last}", "date"

    def _date_pair(self, m, text):
        first = read_date(int(m.group("dp_d1")), int(m.group("dp_m1")), None)
        second = read_date(int(m.group("dp_d2")), int(m.group("dp_m2")), None)
        return f"{first} - {second}", "date"

    def _date(self, m, text):
        spoken = read_date(int(m.group("d_day")), int(m.group("d_month")), int(m.group("d_year")))
        words = _words_before(text, m.start(), 2)
        return (spoken if _is_time_context(words) else f"ngày {spoken}"), "date"

    def _month_year(self, m, text):
        first, year = int(m.group("my_first")), int(m.group("my_year"))
        before = _previous_word(text, m.start())
        if before == "số":  # "số 5/2020": a document number and its year
            return f"{read_int(first)} năm {read_int(year)}", "document_code"
        if before == "quý":  # quý 4/2025
            if not 1 <= first <= 4:
                raise Unreadable("quý không hợp lệ")
            return f"{read_int(first)} năm {read_int(year)}", "month_year"
        if not 1 <= first <= 12:
            raise Unreadable("không rõ là tháng/năm hay số/năm")
        spoken = f"{read_month(first)} năm {read_int(year)}"
        return (spoken if before == "tháng" else f"tháng {spoken}"), "month_year"

    def _day_month(self, m, text):
        first, second = int(m.group("dm_day")), int(m.group("dm_month"))
        words = _words_before(text, m.start(), 2)
        before = words[0].lower() if words else ""
        after = _tokens_after(text, m.end(), 2)
        if _is_lunar(after):
            return _lunar_date(first, second, before in ("mùng", "mồng")), "lunar"
        could_be_date = _is_date(first, second)
        if _is_time_context(words):
            if not could_be_date:
                raise Unreadable("ngày không có thật")
            if before in ("mùng", "mồng"):
                return f"{read_int(first)} tháng {read_month(second)}", "date"
            return read_date(first, second, None), "date"
        if could_be_date and not (after and after[0].lower() in COUNT_NOUNS and before != "thứ"):
            raise Unreadable("không rõ là ngày tháng, phân số hay tên gọi: viết “ngày 2/9”, “2 trên 9” hoặc bằng chữ")
        if first > second or second == 0:
            raise Unreadable("không rõ cách đọc dấu gạch chéo (số trước lớn hơn số sau)")
        spoken_first = read_ordinal(first) if before == "thứ" else read_int(first)
        return f"{spoken_first} trên {read_int(second)}", "fraction"

    # -- numbers -----------------------------------------------------------------------------

    def _range(self, m, text):
        low, high = m.group("r_from"), m.group("r_to")
        words = [w.lower() for w in _words_before(text, m.start(), 2)]
        before = words[0] if words else ""
        plain = not (m.group("r_pct") or m.group("r_unit"))
        if plain and re.fullmatch(r"\d{1,2}", low) and re.fullmatch(r"\d{1,2}", high):
            if _is_time_context(_words_before(text, m.start(), 2)) and m.group("r_dash") == "-":
                return read_date(int(low), int(high), None), "date"  # chiều 2-9
            if before in SCORE_WORDS or words[:2] == ["số", "tỷ"] or words[:2] == ["số", "tỉ"]:
                return f"{read_int(int(low))} - {read_int(int(high))}", "score"
        if before in CODE_WORDS or (before in SCORE_WORDS and plain):
            raise Unreadable("không rõ là khoảng số, tỷ số hay số hiệu")
        if _value(low) >= _value(high):
            raise Unreadable("không rõ là khoảng số hay số hiệu (số đầu không nhỏ hơn số sau)")
        spoken = f"{read_number(low)} đến {read_number(high)}"
        if m.group("r_pct"):
            spoken += " phần trăm"
        elif m.group("r_unit"):
            spoken += " " + UNITS[m.group("r_unit")]
        return spoken, "range"

    def _money(self, m, text):
        return f"{read_number(m.group('m_num'))} {CURRENCIES[m.group('m_cur')]}", "money"

    def _percent(self, m, text):
        return f"{read_number(m.group('p_num'))} phần trăm", "percent"

    def _unit(self, m, text):
        return f"{read_number(m.group('u_num'))} {UNITS[m.group('u_unit')]}", "unit"

    def _per(self, m, text):
        if m.start() == 0 or not (text[m.start() - 1].isalpha() or text[m.start() - 1] in "%²³"):
            raise Unreadable("dấu gạch chéo không rõ cách đọc")
        unit = m.group("per_unit")
        return f" một {UNITS.get(unit, unit)}", "per"

    def _compound(self, m, text):
        token = m.group()
        parts = token.split("-")
        if any(part[0].isdigit() for part in parts[1:]):
            raise Unreadable("mã hoặc biển số lẫn chữ và số: không rõ cách đọc")
        for part in parts:
            if any(c.isdigit() for c in part) or self._caps_unknown(part):
                raise Unreadable("từ nối bằng gạch ngang có chữ viết tắt hoặc số chưa rõ cách đọc")
        return None, ""

    def _mixed(self, m, text):
        raise Unreadable("chữ lẫn số: không rõ cách đọc")

    _mixed_letters = _mixed

    def _number_chain(self, m, text):
        raise Unreadable("dãy số nối bằng gạch ngang hoặc gạch chéo: mã số hay ngày tháng?")

    def _spaced_digits(self, m, text):
        raise Unreadable("nhóm chữ số cách nhau bằng dấu cách: số điện thoại, mã số hay số tiền?")

    def _colon_digits(self, m, text):
        raise Unreadable("số có dấu hai chấm: không rõ là giờ, tỷ lệ hay tỷ số")

    def _number(self, m, text):
        token = m.group()
        words = _words_before(text, m.start(), 2)
        before = words[0].lower() if words else ""
        if not before and len(token) < 7 and token.isdigit():  # fast path: a plain small number
            return _read_plain(token), "number"
        day_month = _DAY_DOT_MONTH.fullmatch(token) if "." in token else None
        if day_month and _is_time_context(words):  # ngày 2.9, chiều 14.4
            day, month = int(day_month.group(1)), int(day_month.group(2))
            if _is_lunar(_tokens_after(text, m.end(), 2)):
                return _lunar_date(day, month, before in ("mùng", "mồng")), "lunar"
            if before in ("mùng", "mồng"):
                read_date(day, month, None)
                return f"{read_int(day)} tháng {read_month(month)}", "date"
            return read_date(day, month, None), "date"
        whole, frac = parse_number(token)
        if frac is None and "." not in token and len(token) >= 7:
            raise Unreadable("dãy số dài không có dấu chấm: mã số, số điện thoại hay số tiền?")
        if frac is None:
            if before == "thứ":
                return read_ordinal(whole), "ordinal"
            if before == "tháng" and 1 <= whole <= 12:
                after = _tokens_after(text, m.end(), 2)
                if _is_lunar(after):
                    return LUNAR_MONTHS.get(whole, read_month(whole)), "lunar"
                return read_month(whole), "month"
            if before == "ngày" and 1 <= whole <= 31:
                after = _tokens_after(text, m.end(), 1)
                if not after or after[0].lower() in DAY_FOLLOWERS:
                    return read_day(whole), "date"
        return read_number(token), ("decimal" if frac is not None else "number")

    def _roman(self, m, text):
        token = m.group("roman_num")
        if not ROMAN_RE.match(token) or token in ("L", "C", "D", "M"):
            # A lone L, C, D or M is a letter ("mục C"), never a Roman numeral in this prose.
            return self._caps(m, text)
        before = _previous_word(text, m.start())
        if before not in ROMAN_CONTEXT:
            raise Unreadable("số La Mã (hoặc chữ viết tắt) không có từ đi kèm như “lần thứ”, “khóa”")
        value = _roman_value(token)
        spoken = read_ordinal(value) if before == "thứ" else read_int(value)
        if m.group("roman_year"):  # quý IV/2024 → quý bốn năm hai nghìn không trăm hai mươi tư
            spoken += f" năm {read_int(int(m.group('roman_year')))}"
        return spoken, "roman"

    def _lunar(self, m, text):
        return "âm lịch", "lunar"

    def _slashed(self, m, text):
        token = m.group()
        first, *rest = token.split("/")
        if token in UNITS:
            return UNITS[token], "unit"
        if all(part in PER_WORDS or part in UNITS for part in rest) and not self._caps_unknown(first):
            spoken_first = CURRENCIES.get(first) or self.abbreviations.get(first) or first
            return spoken_first + "".join(f" một {UNITS.get(part, part)}" for part in rest), "per"
        raise Unreadable("dấu gạch chéo giữa hai từ: không rõ cách đọc (“và/hoặc”, tên riêng?)")

    @staticmethod
    def _caps_unknown(token: str) -> bool:
        """True when a word is an abbreviation the rules cannot read (not a word in capitals)."""
        if token in CURRENCIES:
            return False
        if len(token) >= 2 and not token.isupper() and any(c.isupper() for c in token[1:]):
            return True
        if len(token) < 2 or not token.isupper():
            return False
        return not SYLLABLE_RE.match(anyascii(token).lower())  # "BÁO CÁO" is a word

    def _caps(self, m, text):
        token = m.group()
        if token in CURRENCIES:  # "2,3 triệu USD"
            return CURRENCIES[token], "money"
        if not self._caps_unknown(token):
            return None, ""
        if len(token) >= 2 and not token.isupper():
            raise Unreadable("chữ hoa giữa từ (viết tắt?): thêm vào danh sách viết tắt hoặc viết đầy đủ")
        raise Unreadable("chữ viết tắt chưa có trong danh sách: thêm vào danh sách hoặc viết đầy đủ")

    def _slash(self, m, text):
        raise Unreadable("dấu gạch chéo không rõ cách đọc")

    def _symbol(self, m, text):
        if m.group() == "&":
            return "và", "symbol"
        raise Unreadable("ký hiệu không có cách đọc")


_DAY_DOT_MONTH = re.compile(r"(\d{1,2})\.(\d{1,2})")


@functools.lru_cache(maxsize=1024)
def _read_plain(digits: str) -> str:
    return read_int(int(digits))


def _read_phone(number: str) -> str:
    """0255.3822.123 → "không hai năm năm, ba tám hai hai, một hai ba" (digit by digit, in groups)."""
    return ", ".join(read_digits(group) for group in re.split(r"[.\- \u00a0]", number) if group)


def _value(token: str) -> float:
    whole, frac = parse_number(token)
    return whole + float(f"0.{frac}") if frac else float(whole)


def _roman_value(token: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(token):
        value = values[char]
        if index + 1 < len(token) and values[token[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def normalise(
    text: str, abbreviations: Mapping[str, str] | None = None, code_parts: Mapping[str, str] | None = None
) -> Reading:
    """Normalise `text` with the given abbreviation lists (see the module docstring)."""
    return Normaliser(abbreviations, code_parts).read(text)
