"""The level of an award follows its signer as printed (exemplars.levels.infer_level)."""

import pytest

from exemplars.levels import infer_level

CASES = [
    # xã level: xã, phường, thị trấn and đặc khu chairmen
    ("Chủ tịch UBND xã An Hải", "commune"),
    ("Chủ tịch Ủy ban nhân dân xã An Vĩnh", "commune"),
    ("Phó Chủ tịch UBND xã An Bình", "commune"),
    ("Chủ tịch UBND đặc khu Lý Sơn", "commune"),
    ("Chủ tịch UBND phường Trương Quang Trọng", "commune"),
    ("Chủ tịch UBND thị trấn Châu Ổ", "commune"),
    ("Chủ tịch Ủy ban nhân dân xã An Hải, huyện Lý Sơn, tỉnh Quảng Ngãi", "commune"),
    ("chu tich ubnd xa an hai", "commune"),
    ("Chu tich UBND dac khu Ly Son", "commune"),
    ("Bí thư Đảng ủy xã An Hải", "commune"),
    # huyện level
    ("Chủ tịch UBND huyện Lý Sơn", "district"),
    ("Chủ tịch Ủy ban nhân dân huyện Lý Sơn", "district"),
    ("CHỦ TỊCH UBND HUYỆN LÝ SƠN", "district"),
    ("Chu tich UBND huyen Ly Son", "district"),
    ("Chủ tịch UBND thị xã Đức Phổ", "district"),
    ("Chủ tịch UBND thành phố Quảng Ngãi", "district"),
    ("Chủ tịch UBND quận Hải Châu", "district"),
    ("Bí thư Huyện ủy Lý Sơn", "district"),
    ("Chủ tịch UBND huyện Lý Sơn (nay là đặc khu Lý Sơn)", "district"),
    # tỉnh level
    ("Chủ tịch UBND tỉnh Quảng Ngãi", "province"),
    ("Chu tich UBND tinh Quang Ngai", "province"),
    ("Giám đốc Sở Lao động – Thương binh và Xã hội", "province"),
    ("Giám đốc Sở Nội vụ tỉnh Quảng Ngãi", "province"),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi", "province"),
    ("Chủ tịch Liên đoàn Lao động tỉnh Quảng Ngãi", "province"),
    ("Chủ tịch UBND thành phố Đà Nẵng", "province"),
    ("Chủ tịch UBND TP Hồ Chí Minh", "province"),
    ("Ban Thường vụ Tỉnh ủy Quảng Ngãi", "province"),
    # trung ương
    ("Thủ tướng Chính phủ", "national"),
    ("Thu tuong Chinh phu", "national"),
    ("Chủ tịch nước", "national"),
    ("Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam", "national"),
    ("Bộ trưởng Bộ Quốc phòng", "national"),
    ("Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn", "national"),
    ("Bộ Công an", "national"),
    ("Bo truong Bo Cong an", "national"),
    ("Chủ tịch Tổng Liên đoàn Lao động Việt Nam", "national"),
    ("Trung ương Hội Nông dân Việt Nam", "national"),
    # nothing said about a level
    ("Hiệu trưởng Trường THCS An Hải", None),
    ("Giám đốc Trung tâm Truyền thông", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("signer", "level"), CASES)
def test_level_follows_the_signer(signer, level):
    assert infer_level(signer) == level


@pytest.mark.parametrize(
    "signer",
    [
        "Chủ tịch Hội Chữ thập đỏ tình nguyện",  # "tình" is not "tỉnh"
        "Chỉ huy trưởng Ban Chỉ huy quân sự",  # "quân" is not "quận"
        "Chủ nhiệm Hợp tác xã hội",  # "xã hội" names no xã
        "Chủ nhiệm Hợp tác xã nông nghiệp thôn Đông",  # a cooperative, not a xã
        "Chu nhiem Hop tac xa nong nghiep",
        "Trưởng thôn Đông, địa phương",  # "địa phương" is not a phường
    ],
)
def test_look_alike_words_name_no_level(signer):
    assert infer_level(signer) is None
