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


def parse_number(token: str) -> tuple[int, str | None]:
    """ "23.000" → (23000, None); "10,32" → (10, "32"). Raises Unreadable on ambiguous forms."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token) or re.fullmatch(r"\d+(?:,\d+)?", token):
        whole, _, frac = token.partition(",")
        digits = whole.replace(".", "")
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
# The scanner
# --------------------------------------------------------------------------------------------

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_CURRENCY_ALT = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
_CODE_PART = rf"[A-ZĐ][{_L}]*\d*"

BASE_PATTERNS = [
    ("url", r"(?:https?://|www\.)[^\s<>)\]]+|<https?://[^>\s]+>|[\w.+-]+@[\w-]+\.[\w.]+"),
    (
        "document_code",
        rf"(?P<code_num>\d+)(?:/(?P<code_year>\d{{4}}))?[/-](?P<code>{_CODE_PART}(?:[-/&]{_CODE_PART})*)"
        + WORD_BOUNDARY_AFTER,
    ),
    ("date", r"(?P<d_day>\d{1,2})[/-](?P<d_month>\d{1,2})[/-](?P<d_year>\d{4})(?![\d/])"),
    ("month_year", r"(?P<my_first>\d{1,2})/(?P<my_year>\d{4})(?![\d/])"),
    ("day_month", r"(?P<dm_day>\d{1,2})/(?P<dm_month>\d{1,2})(?![\d/])"),
    (
        "range",
        rf"(?P<r_from>{NUMBER})\s*[-–—]\s*(?P<r_to>{NUMBER})(?P<r_pct>\s?%)?(?![\d/.,]\d)" + WORD_BOUNDARY_AFTER,
    ),
    ("money", rf"(?P<m_num>{NUMBER})\s?(?P<m_cur>{_CURRENCY_ALT})" + WORD_BOUNDARY_AFTER),
    ("percent", rf"(?P<p_num>{NUMBER})\s?%"),
    ("unit", rf"(?P<u_num>{NUMBER})\s?(?P<u_unit>{_UNIT_ALT})(?![{_L}0-9²³])"),
    ("mixed", rf"\d+[{_L}]+[{_L}0-9]*|[{_L}]+\d+[{_L}0-9]*"),
    ("number", r"\d[\d.,]*\d|\d"),
]
TAIL_PATTERNS = [
    ("roman", rf"{WORD_BOUNDARY_BEFORE}(?P<roman_num>[IVXLCDM]+)(?:/(?P<roman_year>\d{{4}}))?{WORD_BOUNDARY_AFTER}"),
    # Every other word: the handler leaves words alone unless they are all capitals.
    ("caps", rf"{WORD_BOUNDARY_BEFORE}[{_L}]+{WORD_BOUNDARY_AFTER}"),
    ("symbol", r"[&@#§$€£¥¹²³⁴⁵⁶⁷⁸⁹⁰~^|\\]"),
]


def _previous_word(text: str, start: int) -> str:
    match = re.search(rf"([{_L}]+)[^{_L}0-9]*$", text[:start])
    return match.group(1).lower() if match else ""


class Normaliser:
    """Rules bound to one pair of abbreviation lists; build once, call `read()` many times."""

    def __init__(self, abbreviations: Mapping[str, str] | None = None, code_parts: Mapping[str, str] | None = None):
        self.abbreviations = dict(abbreviations or {})
        # Parts of document codes ("CT" is "chỉ thị" in 05-CT/TW but "Chủ tịch" in prose).
        self.code_parts = {**self.abbreviations, **dict(code_parts or {})}
        patterns = list(BASE_PATTERNS)
        if self.abbreviations:
            # Right after web addresses: an abbreviation starts with a letter, so it only competes
            # with the letter rules below ("QH15" in the list beats "letters with digits").
            alt = "|".join(re.escape(a) for a in sorted(self.abbreviations, key=len, reverse=True))
            patterns.insert(1, ("abbreviation", rf"{WORD_BOUNDARY_BEFORE}(?:{alt}){WORD_BOUNDARY_AFTER}"))
        # Registration numbers and codes such as QNg-90123-TS: flagged as one token.
        patterns.insert(
            2 if self.abbreviations else 1,
            (
                "compound",
                rf"{WORD_BOUNDARY_BEFORE}[{_L}]+(?:-[{_L}0-9]+)*-\d[{_L}0-9]*(?:-[{_L}0-9]+)*{WORD_BOUNDARY_AFTER}",
            ),
        )
        patterns += TAIL_PATTERNS
        self.pattern = re.compile("|".join(f"(?P<{name}>{regex})" for name, regex in patterns))

    # -- public ----------------------------------------------------------------------------

    def read(self, text: str) -> Reading:
        reading = Reading(text="")
        out: list[str] = []
        pos = 0
        for match in self.pattern.finditer(text or ""):
            kind = match.lastgroup
            original = match.group()
            out.append(text[pos : match.start()])
            pos = match.end()
            try:
                spoken, rule = self._handle(kind, match, text)
            except Unreadable as exc:
                reading.flags.append(Flag(original.strip("<>"), exc.reason))
                out.append(original)
                continue
            if spoken is None:  # a plain word in capitals: left as printed
                out.append(original)
                continue
            reading.expansions.append(Expansion(original, spoken, rule))
            before = "".join(out).rstrip(" \t")
            if spoken and before and before[-1] in ".!?\n":
                # A sentence that starts with "12 lao động" is printed "Mười hai lao động".
                spoken = spoken[0].upper() + spoken[1:]
            out.append(spoken)
        out.append((text or "")[pos:])
        reading.text = re.sub(r"[ \t]{2,}", " ", "".join(out))
        return reading

    # -- rules -----------------------------------------------------------------------------

    def _handle(self, kind: str, m: re.Match, text: str) -> tuple[str | None, str]:
        before = _previous_word(text, m.start())
        handler = getattr(self, f"_{kind}")
        return handler(m, before)

    def _url(self, m, before):
        raise Unreadable("địa chỉ web hoặc thư điện tử: biên tập viên quyết định đọc hay bỏ")

    def _abbreviation(self, m, before):
        return self.abbreviations[m.group()], "abbreviation"

    def _read_code_part(self, part: str) -> str:
        if part in self.code_parts:
            return self.code_parts[part]
        letters, digits = re.fullmatch(rf"([{_L}]+)(\d*)", part).groups()
        if digits and letters in self.code_parts:
            joiner = " khóa " if letters.endswith("QH") else " "
            return self.code_parts[letters] + joiner + read_int(int(digits))
        raise Unreadable(f"không biết “{part}” trong số hiệu văn bản: thêm vào danh sách viết tắt")

    def _document_code(self, m, before):
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

    def _date(self, m, before):
        spoken = read_date(int(m.group("d_day")), int(m.group("d_month")), int(m.group("d_year")))
        return (spoken if before == "ngày" else f"ngày {spoken}"), "date"

    def _month_year(self, m, before):
        first, year = int(m.group("my_first")), int(m.group("my_year"))
        if before == "số":  # "số 5/2020": a document number and its year
            return f"{read_int(first)} năm {read_int(year)}", "document_code"
        if not 1 <= first <= 12:
            raise Unreadable("không rõ là tháng/năm hay số/năm")
        spoken = f"{read_month(first)} năm {read_int(year)}"
        return (spoken if before == "tháng" else f"tháng {spoken}"), "month_year"

    def _day_month(self, m, before):
        if before not in ("ngày", "hôm"):
            raise Unreadable("không rõ là ngày tháng hay phân số: viết “ngày 2/9” hoặc viết bằng chữ")
        return read_date(int(m.group("dm_day")), int(m.group("dm_month")), None), "date"

    def _range(self, m, before):
        low, high = m.group("r_from"), m.group("r_to")
        if _value(low) >= _value(high):
            raise Unreadable("không rõ là khoảng số hay số hiệu (số đầu không nhỏ hơn số sau)")
        spoken = f"{read_number(low)} đến {read_number(high)}"
        if m.group("r_pct"):
            spoken += " phần trăm"
        return spoken, "range"

    def _money(self, m, before):
        return f"{read_number(m.group('m_num'))} {CURRENCIES[m.group('m_cur')]}", "money"

    def _percent(self, m, before):
        return f"{read_number(m.group('p_num'))} phần trăm", "percent"

    def _unit(self, m, before):
        return f"{read_number(m.group('u_num'))} {UNITS[m.group('u_unit')]}", "unit"

    def _compound(self, m, before):
        raise Unreadable("mã hoặc biển số lẫn chữ và số: không rõ cách đọc")

    def _mixed(self, m, before):
        raise Unreadable("chữ lẫn số: không rõ cách đọc")

    def _number(self, m, before):
        token = m.group()
        whole, frac = parse_number(token)
        if before == "thứ" and frac is None:
            return read_ordinal(whole), "ordinal"
        return read_number(token), ("decimal" if frac is not None else "number")

    def _roman(self, m, before):
        token = m.group("roman_num")
        if not ROMAN_RE.match(token) or token in ("L", "C", "D", "M"):
            # A lone L, C, D or M is a letter ("mục C"), never a Roman numeral in this prose.
            return self._caps(m, before)
        if before not in ROMAN_CONTEXT:
            raise Unreadable("số La Mã (hoặc chữ viết tắt) không có từ đi kèm như “lần thứ”, “khóa”")
        value = _roman_value(token)
        spoken = read_ordinal(value) if before == "thứ" else read_int(value)
        if m.group("roman_year"):  # quý IV/2024 → quý bốn năm hai nghìn không trăm hai mươi tư
            spoken += f" năm {read_int(int(m.group('roman_year')))}"
        return spoken, "roman"

    def _caps(self, m, before):
        token = m.group()
        if len(token) >= 2 and not token.isupper() and any(c.isupper() for c in token[1:]):
            raise Unreadable("chữ hoa giữa từ (viết tắt?): thêm vào danh sách viết tắt hoặc viết đầy đủ")
        if len(token) < 2 or not token.isupper():
            return None, ""
        if SYLLABLE_RE.match(anyascii(token).lower()):
            return None, ""  # a Vietnamese word printed in capitals ("BÁO CÁO")
        raise Unreadable("chữ viết tắt chưa có trong danh sách: thêm vào danh sách hoặc viết đầy đủ")

    def _symbol(self, m, before):
        if m.group() == "&":
            return "và", "symbol"
        raise Unreadable("ký hiệu không có cách đọc")


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
