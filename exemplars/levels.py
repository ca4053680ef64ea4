"""The level of an award, read from its signer as printed on the decision.

The same "Giấy khen" is a xã award when the chairman of a xã signs it and a huyện award when the
huyện chairman does: the level follows the signer, not the award type (DOMAIN.md, issue #16).
`infer_level` is the one function that reads it; the award register stores its answer (or the
level an editor gives explicitly) so that statistics can filter by level in SQL.

Rules, in order:
- a central office anywhere in the text (Thủ tướng, Chủ tịch nước, Chính phủ, Quốc hội, a
  ministry or its minister, a central body of a mass organisation) → trung ương;
- otherwise the first administrative unit named decides, since the signer's own unit comes
  before any parent unit ("Chủ tịch UBND xã An Hải, huyện Lý Sơn"): xã, phường, thị trấn and
  đặc khu → xã level; huyện, quận, thị xã and a thành phố under a province → huyện; tỉnh and the
  five centrally-run cities → tỉnh; a provincial department (Sở) → tỉnh;
- nothing recognised → None (the caller decides what to fall back on).

Text typed with accents is matched with accents ("tình nguyện" is not "tỉnh", "quân sự" is not
"quận", "địa phương" is not "phường"); text typed without accents is folded and matched with
guards for the same look-alikes.
"""

from __future__ import annotations

import re
import unicodedata

from core.text import fold

# Values of `AwardLevel` (exemplars.models.vocabularies); kept as strings so this module stays
# importable from migrations and the models alike.
CENTRAL = "national"
PROVINCE = "province"
DISTRICT = "district"
COMMUNE = "commune"

_CENTRAL_CITIES = r"(?:hà nội|hồ chí minh|hải phòng|đà nẵng|cần thơ|huế)"
_CENTRAL_CITIES_ASCII = r"(?:ha noi|ho chi minh|hai phong|da nang|can tho|hue)"

# Patterns on lower-cased text with accents (NFC).
_ACCENTED_CENTRAL = re.compile(
    r"\b(?:thủ tướng|chủ tịch nước|chính phủ|quốc hội|trung ương|bộ trưởng|tổng liên đoàn"
    r"|ủy ban nhân dân tối cao|viện kiểm sát nhân dân tối cao|tòa án nhân dân tối cao"
    r"|(?<!cán )(?<!toàn )bộ (?!đội|chỉ huy|phận|môn|tư lệnh (?:quân khu|vùng)))",
)
_ACCENTED_UNITS = re.compile(
    r"\b(?P<unit>đặc khu|thị trấn|thị xã|thành phố (?:trực thuộc trung ương |)"
    + _CENTRAL_CITIES
    + r"|thành phố|tp\.? ?"
    + _CENTRAL_CITIES
    + r"|tp\.?|(?<!hợp tác )xã(?! hội)|phường|huyện|quận|tỉnh|sở)\b",
)

# The same on folded text (no accents), with guards for words that fold to a unit's name.
_ASCII_CENTRAL = re.compile(
    r"\b(?:thu tuong|chu tich nuoc|chinh phu|quoc hoi|trung uong|bo truong|tong lien doan"
    r"|bo (?:cong an|quoc phong|noi vu|giao duc|y te|tai chinh|nong nghiep|van hoa|lao dong|tu phap"
    r"|cong thuong|xay dung|giao thong|ngoai giao|khoa hoc|thong tin|ke hoach|tai nguyen))\b",
)
_ASCII_UNITS = re.compile(
    r"\b(?P<unit>dac khu|thi tran|thi xa|thanh pho "
    + _CENTRAL_CITIES_ASCII
    + r"|thanh pho|tp\.? ?"
    + _CENTRAL_CITIES_ASCII
    + r"|tp\.?|(?<!hop tac )xa(?! hoi)|(?<!dia )phuong(?! an| phap| tien| huong| thuc| cham)"
    r"|huyen|quan(?! su| doi| khu| chung| nhan| ly| tam| he| lao)"
    r"|tinh(?! nguyen| than| hinh| thuong| cam| yeu| nghia| tien| dong| ban| trang)|giam doc so|so (?=[a-z]))\b",
)


def _unit_level(unit: str, ascii_mode: bool) -> str | None:
    unit = unit.rstrip(". ")
    if ascii_mode:
        unit = unit.replace("tp", "thanh pho", 1) if unit.startswith("tp") else unit
        if re.fullmatch(r"thanh pho ?" + _CENTRAL_CITIES_ASCII, unit):
            return PROVINCE
        table = {
            "dac khu": COMMUNE,
            "thi tran": COMMUNE,
            "xa": COMMUNE,
            "phuong": COMMUNE,
            "thi xa": DISTRICT,
            "thanh pho": DISTRICT,
            "huyen": DISTRICT,
            "quan": DISTRICT,
            "tinh": PROVINCE,
            "giam doc so": PROVINCE,
        }
        if unit.startswith("so"):
            return PROVINCE
        return table.get(unit)
    unit = unit.replace("tp", "thành phố", 1) if unit.startswith("tp") else unit
    if re.fullmatch(r"thành phố ?(?:trực thuộc trung ương )?" + _CENTRAL_CITIES, unit):
        return PROVINCE
    table = {
        "đặc khu": COMMUNE,
        "thị trấn": COMMUNE,
        "xã": COMMUNE,
        "phường": COMMUNE,
        "thị xã": DISTRICT,
        "thành phố": DISTRICT,
        "huyện": DISTRICT,
        "quận": DISTRICT,
        "tỉnh": PROVINCE,
        "sở": PROVINCE,
    }
    return table.get(unit)


def infer_level(signer: str) -> str | None:
    """The award level implied by a signer as printed, or None when the text names no level.

    >>> infer_level("Chủ tịch UBND xã An Hải")
    'commune'
    >>> infer_level("Chu tich UBND huyen Ly Son")
    'district'
    """
    text = unicodedata.normalize("NFC", " ".join((signer or "").split())).lower()
    if not text:
        return None
    ascii_mode = text.isascii()
    if ascii_mode:
        text = fold(text)
        central, units = _ASCII_CENTRAL, _ASCII_UNITS
    else:
        central, units = _ACCENTED_CENTRAL, _ACCENTED_UNITS
    if central.search(text):
        return CENTRAL
    # "UBND" and "Ủy ban nhân dân" name no level; the first unit after them does.
    for match in units.finditer(text):
        level = _unit_level(match.group("unit"), ascii_mode)
        if level:
            return level
    return None
