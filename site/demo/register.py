"""An invented award register for 2014–2024, so that /thong-ke/ has something to say.

ILLUSTRATIVE, NOT REAL. The report this project grew from says "Số liệu khen thưởng từ 2014 – 2024
có phụ lục chi tiết kèm theo", but that appendix is not in the seed: every figure here is made up.
Each entry is stored with `source = "demo"` ("Dữ liệu minh họa"), which the admin list shows and
/thong-ke/ announces above its charts. Names are invented and never shown publicly anyway.

The entries are deterministic (a seeded random generator), spread over levels, forms, groups and
kinds the way a small island district's register might be, and follow the administrative history:
xã An Hải, An Vĩnh and An Bình sign Giấy khen and Gia đình văn hóa until they were dissolved on
1/2/2020; from then on the huyện governs directly. Each award's signer implies its level, which is
what the register stores (`Award.resolve`). The share of awards going to direct workers (nông dân,
ngư dân, công nhân, người lao động trực tiếp) rises over the years, as the report wants; so does
timeliness (fewer days from proposal to decision).
"""

from __future__ import annotations

import datetime
import random

D = datetime.date
FIRST_YEAR, LAST_YEAR = 2014, 2024
SEED = 20142024
NOTE = "Dữ liệu minh họa — không có thật (phụ lục số liệu 2014–2024 của báo cáo không có trong bộ dữ liệu mẫu)."

XA = {"An Hải": "place:xa-an-hai", "An Vĩnh": "place:xa-an-vinh", "An Bình": "place:xa-an-binh"}
XA_DISSOLVED = D(2020, 2, 1)
HUYEN = "Chủ tịch UBND huyện Lý Sơn"
TINH = "Chủ tịch UBND tỉnh Quảng Ngãi"
THU_TUONG = "Thủ tướng Chính phủ"
CHU_TICH_NUOC = "Chủ tịch nước"

# Forms by level: (award type key, kind or None for "mostly individuals, some collectives", weight)
FORMS = {
    "commune": [("award:giay-khen", None, 6), ("award:gia-dinh-van-hoa", "household", 4)],
    "district": [
        ("award:giay-khen", None, 8),
        ("award:lao-dong-tien-tien", "individual", 3),
        ("award:cstd-co-so", "individual", 2),
        ("award:tap-the-ldtt", "collective", 2),
        ("award:thon-van-hoa", "collective", 1),
        ("award:gia-dinh-van-hoa", "household", 3),
    ],
    "province": [
        ("award:bang-khen-tinh", None, 6),
        ("award:cstd-tinh", "individual", 1),
        ("award:tap-the-ldxs", "collective", 1),
        ("award:co-thi-dua-tinh", "collective", 1),
    ],
    "national": [
        ("award:bang-khen-ttg", None, 3),
        ("award:huan-chuong-ld-3", None, 1),
    ],
}
DIRECT = ["fisher", "fisher", "fisher", "farmer", "farmer", "worker", "direct_worker"]
OTHER = ["official", "official", "student", "armed_forces", "business", "other"]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Huỳnh", "Đặng", "Bùi", "Ngô", "Dương", "Trương", "Phan"]
MIDDLE_M, MIDDLE_F = ["Văn", "Minh", "Đức", "Quốc", "Thanh"], ["Thị", "Thị", "Ngọc", "Thu", "Mỹ"]
GIVEN_M = ["Biển", "Sóng", "Hải", "Tài", "Lộc", "Phúc", "Cường", "Dũng", "Hùng", "Nam", "Trung", "Thắng"]
GIVEN_F = ["Hoa", "Lan", "Mai", "Cúc", "Hạnh", "Tươi", "Nga", "Hằng", "Liên", "Thủy", "Yến", "Vân"]
THON = ["Đông", "Tây", "Bắc", "Trung Hòa", "Trung Yên", "Đồng Hộ"]
COLLECTIVES = {
    "fisher": "Tổ đoàn kết khai thác hải sản số {n} thôn {thon}",
    "farmer": "Tổ hợp tác trồng hành, tỏi thôn {thon}",
    "worker": "Tổ sản xuất Nhà máy nước đá Lý Sơn số {n}",
    "direct_worker": "Tổ dịch vụ hậu cần nghề cá cảng Lý Sơn số {n}",
    "official": "Phòng Văn hóa – Thông tin huyện Lý Sơn",
    "student": "Liên đội Trường THCS An Hải",
    "armed_forces": "Trung đội dân quân thường trực thôn {thon}",
    "business": "Hợp tác xã nông nghiệp thôn {thon}",
    "other": "Chi hội Chữ thập đỏ thôn {thon}",
}


def _level_weights(year: int) -> dict[str, int]:
    # Before 2020 the three xã sign their own Giấy khen; after, the huyện signs them all.
    if year < 2020:
        return {"commune": 40, "district": 40, "province": 16, "national": 4}
    return {"district": 76, "province": 20, "national": 4}


def _signer(rng: random.Random, level: str, type_key: str) -> tuple[str, str | None]:
    """(signer as printed, place key) for a level."""
    if level == "commune":
        xa = rng.choice(list(XA))
        return f"Chủ tịch UBND xã {xa}", XA[xa]
    if level == "district":
        return HUYEN, "place:huyen-ly-son"
    if level == "province":
        return TINH, "place:huyen-ly-son"
    return (CHU_TICH_NUOC if type_key == "award:huan-chuong-ld-3" else THU_TUONG), "place:huyen-ly-son"


def _person(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def _weighted(rng: random.Random, pairs):
    items, weights = zip(*pairs, strict=True)
    return rng.choices(items, weights=weights)[0]


def entries() -> list[dict]:
    """The whole invented register, the same on every run: dicts of `Award` fields, with place
    and award type as demo keys (`place_key`, `type_key`) and a stable demo `key`."""
    rng = random.Random(SEED)  # noqa: S311 - illustrative data, not security
    result: list[dict] = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        count = 24 + 2 * (year - FIRST_YEAR) + rng.randint(0, 4)
        direct_share = 0.2 + 0.035 * (year - FIRST_YEAR)  # 20 % in 2014 → 55 % in 2024
        mean_days = 75 - 4 * (year - FIRST_YEAR)  # proposal to decision: 75 days → 35 days
        # Exactly that share of the year's awards goes to direct workers, in shuffled order, so
        # that the small yearly samples still show the trend.
        is_direct = [i < round(count * direct_share) for i in range(count)]
        rng.shuffle(is_direct)
        decisions: dict[tuple, tuple[str, D]] = {}
        names_in: dict[tuple, set[str]] = {}
        for index in range(count):
            level = _weighted(rng, _level_weights(year).items())
            type_key, kind, _w = rng.choices(FORMS[level], weights=[f[2] for f in FORMS[level]])[0]
            if kind is None:
                kind = "individual" if rng.random() < 0.75 else "collective"
            signer, place_key = _signer(rng, level, type_key)
            occasion = _weighted(rng, [("regular", 70), ("ad_hoc", 12), ("thematic", 18)])
            group = rng.choice(DIRECT) if is_direct[index] else rng.choice(OTHER)
            if kind == "household" and group in OTHER:
                group = "other"  # a household is not a unit of officials or students
            if kind == "collective":
                name = COLLECTIVES[group].format(n=rng.randint(1, 12), thon=rng.choice(THON))
            elif kind == "household":
                name = f"Hộ {'ông' if rng.random() < 0.6 else 'bà'} {_person(rng)}"
            else:
                name = _person(rng)
            # One decision lists several people: regular awards share the year-end decision of
            # their signer and form; ad-hoc ones get a decision of their own.
            batch = (signer, type_key, occasion if occasion != "ad_hoc" else rng.random())
            if batch not in decisions:
                if occasion == "regular":
                    date = D(year, 12, rng.randint(10, 30))
                elif occasion == "thematic":
                    date = D(year, rng.choice([3, 6, 9, 11]), rng.randint(1, 28))
                else:
                    date = D(year, rng.randint(1, 11), rng.randint(1, 28))
                if level == "commune" and date >= XA_DISSOLVED:
                    date = D(2019, 12, 20)  # never after the xã were dissolved
                decisions[batch] = (
                    f"{rng.randint(10, 2999)}/QĐ-{'TTg' if signer == THU_TUONG else 'CTN' if signer == CHU_TICH_NUOC else 'UBND'}",
                    date,
                )
            number, date = decisions[batch]
            # The register is idempotent on decision number + name + form: no twins in a decision.
            taken = names_in.setdefault(batch, set())
            while name in taken:
                name = f"{name} ({rng.choice(THON)})"
            taken.add(name)
            days = max(7, int(rng.gauss(mean_days, 12)))
            result.append(
                {
                    "key": f"register:{len(result) + 1:04d}",
                    "type_key": type_key,
                    "place_key": place_key,
                    "recipient_name": name,
                    "recipient_kind": kind,
                    "recipient_group": group,
                    "decision_number": number,
                    "decision_date": date,
                    "issuer_as_printed": signer,
                    "occasion": occasion,
                    "proposed_on": date - datetime.timedelta(days=days),
                    "achievement": NOTE,
                }
            )
    return result
