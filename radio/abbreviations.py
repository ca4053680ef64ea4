"""The station's abbreviation list: seed entries and loading the current list from the database.

Radio editors extend the list in the admin (Phát thanh → Từ viết tắt). Entries scoped to
document codes only apply inside codes such as 05-CT/TW, where “CT” means “chỉ thị” although
in running prose (“CT, PCT UBND huyện”) it means “Chủ tịch”.
"""

from __future__ import annotations

from .normalise import Normaliser

# (abbreviation, expansion, scope) — scope "everywhere" or "codes". Loaded by the data migrations
# 0002 and 0003 (each keeps its own copy; a test checks that this list equals what they load).
SEED = [
    ("UBND", "Ủy ban nhân dân", "everywhere"),
    ("HĐND", "Hội đồng nhân dân", "everywhere"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc", "everywhere"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam", "everywhere"),
    ("MTTQ", "Mặt trận Tổ quốc", "everywhere"),
    ("CCB", "Cựu chiến binh", "everywhere"),
    ("QĐ", "quyết định", "everywhere"),
    ("NQ", "nghị quyết", "everywhere"),
    ("NĐ", "nghị định", "everywhere"),
    ("CT/TW", "chỉ thị Trung ương", "everywhere"),
    ("NQ/TW", "nghị quyết Trung ương", "everywhere"),
    ("KH", "kế hoạch", "everywhere"),
    ("BCH", "Ban Chấp hành", "everywhere"),
    ("THCS", "trung học cơ sở", "everywhere"),
    ("THPT", "trung học phổ thông", "everywhere"),
    ("CT", "Chủ tịch", "everywhere"),
    ("PCT", "Phó Chủ tịch", "everywhere"),
    ("TM.", "thay mặt", "everywhere"),
    ("KT.", "ký thay", "everywhere"),
    ("TĐKT", "thi đua, khen thưởng", "everywhere"),
    ("SNV", "Sở Nội vụ", "everywhere"),
    ("HTX", "hợp tác xã", "everywhere"),
    ("KT-XH", "kinh tế - xã hội", "everywhere"),
    ("CNTT", "công nghệ thông tin", "everywhere"),
    ("PCCC", "phòng cháy, chữa cháy", "everywhere"),
    ("ANTT", "an ninh trật tự", "everywhere"),
    ("QP-AN", "quốc phòng, an ninh", "everywhere"),
    ("TNCS", "Thanh niên Cộng sản", "everywhere"),
    ("ĐTN", "Đoàn Thanh niên", "everywhere"),
    ("LHPN", "Liên hiệp Phụ nữ", "everywhere"),
    ("HND", "Hội Nông dân", "everywhere"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ", "everywhere"),
    ("BĐBP", "Bộ đội Biên phòng", "everywhere"),
    ("QĐND", "Quân đội nhân dân", "everywhere"),
    ("CAND", "Công an nhân dân", "everywhere"),
    ("BTV", "Ban Thường vụ", "everywhere"),
    ("VH-TT", "văn hóa - thông tin", "everywhere"),
    ("GD&ĐT", "Giáo dục và Đào tạo", "everywhere"),  # capitalised by migration 0003
    ("TP", "thành phố", "everywhere"),
    ("BHYT", "bảo hiểm y tế", "everywhere"),
    ("BHXH", "bảo hiểm xã hội", "everywhere"),
    ("NTM", "nông thôn mới", "everywhere"),
    ("VN", "Việt Nam", "everywhere"),
    ("CHXHCN", "Cộng hòa xã hội chủ nghĩa", "everywhere"),
    ("TTg", "Thủ tướng", "everywhere"),
    ("TW", "Trung ương", "everywhere"),
    ("QH", "Quốc hội", "everywhere"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội", "everywhere"),
    # Added by migration 0003 (issue #15): titles, “Đ/c”, codes joined with “&”.
    ("Đ/c", "đồng chí", "everywhere"),
    ("đ/c", "đồng chí", "everywhere"),
    ("UV", "Ủy viên", "everywhere"),
    ("UV.BTV", "Ủy viên Ban Thường vụ", "everywhere"),
    ("GS", "Giáo sư", "everywhere"),
    ("PGS", "Phó Giáo sư", "everywhere"),
    ("TS", "Tiến sĩ", "everywhere"),
    ("ThS", "Thạc sĩ", "everywhere"),
    ("GS.TS", "Giáo sư, Tiến sĩ", "everywhere"),
    ("GS-TS", "Giáo sư, Tiến sĩ", "everywhere"),
    ("PGS.TS", "Phó Giáo sư, Tiến sĩ", "everywhere"),
    ("PGS-TS", "Phó Giáo sư, Tiến sĩ", "everywhere"),
    ("KH&CN", "Khoa học và Công nghệ", "everywhere"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn", "everywhere"),
    ("TN&MT", "Tài nguyên và Môi trường", "everywhere"),
    ("KH&ĐT", "Kế hoạch và Đầu tư", "everywhere"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội", "everywhere"),
    ("SĐT", "số điện thoại", "everywhere"),
    # Only inside document codes (05-CT/TW, 19/CT-TTg, 98/2023/NĐ-CP, 309/SNV-TĐKT).
    ("CT", "chỉ thị", "codes"),
    ("CP", "Chính phủ", "codes"),
    ("TB", "thông báo", "codes"),
    ("BC", "báo cáo", "codes"),
    ("TT", "thông tư", "codes"),
    ("HD", "hướng dẫn", "codes"),
    ("TTr", "tờ trình", "codes"),
    ("CV", "công văn", "codes"),
    ("BNV", "Bộ Nội vụ", "codes"),
    ("BTC", "Bộ Tài chính", "codes"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội", "codes"),
    ("VPCP", "Văn phòng Chính phủ", "codes"),
    ("BCĐ", "Ban Chỉ đạo", "codes"),
    ("HU", "Huyện ủy", "codes"),
    ("TU", "Tỉnh ủy", "codes"),
    ("ĐU", "Đảng ủy", "codes"),
]


def split_lists(entries) -> tuple[dict[str, str], dict[str, str]]:
    """(everywhere, codes-only) dictionaries from (abbreviation, expansion, scope) triples."""
    everywhere, codes = {}, {}
    for abbreviation, expansion, scope in entries:
        (codes if scope == "codes" else everywhere)[abbreviation] = expansion
    return everywhere, codes


def seed_normaliser() -> Normaliser:
    return Normaliser(*split_lists(SEED))
