"""Write the example import files (CSV with BOM and XLSX) from one list of rows.

Run: python docs/examples/make_examples.py — the places, fields and award types used exist in
the demo data (`manage.py seed_demo`), so the files import cleanly into the demo site.
"""

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
HEADERS = [
    "STT",
    "Mã",
    "Loại",
    "Họ và tên",
    "Thôn",
    "Lĩnh vực",
    "Tóm tắt",
    "Câu chuyện",
    "Danh hiệu",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp ra quyết định",
    "Đồng ý công bố",
    "Ngày đồng ý",
    "Người thu thập phiếu",
]
ROWS = [
    [
        1,
        "LS-2024-001",
        "cá nhân",
        "Trương Văn Mẫu",
        "Tây An Vĩnh",
        "Khai thác hải sản; Biển đảo và quốc phòng",
        "Ngư dân nhiều lần cứu người gặp nạn trên biển (nhân vật ví dụ).",
        "",
        "Giấy khen",
        "412/QĐ-UBND",
        "03/06/2014",
        "Chủ tịch UBND huyện Lý Sơn",
        "có",
        "01/06/2024",
        "Phóng viên Trung tâm TT-VH-TT",
    ],
    [
        2,
        "LS-2024-001",
        "cá nhân",
        "Trương Văn Mẫu",
        "Tây An Vĩnh",
        "",
        "",
        "",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "1780/QĐ-UBND",
        "2019-11-05",
        "Chủ tịch UBND tỉnh Quảng Ngãi",
        "",
        "",
        "",
    ],
    [
        3,
        "LS-2024-002",
        "tập thể",
        "Tổ đoàn kết ví dụ thôn Bắc An Hải",
        "thon bac an hai",
        "khai thac hai san",
        "Tổ tàu cá hỗ trợ nhau trên biển (tập thể ví dụ).",
        "",
        "Tập thể lao động tiên tiến",
        "1320/QĐ-UBND",
        "20/12/2017",
        "Chủ tịch UBND huyện Lý Sơn",
        "",
        "",
        "",
    ],
    [
        4,
        "LS-2024-003",
        "mô hình",
        "Mô hình ví dụ: tủ sách cộng đồng",
        "Lý Sơn",
        "Văn hóa – thể thao",
        "Tủ sách đặt tại nhà văn hóa, người dân góp sách (mô hình ví dụ).",
        "Bà con góp sách cũ.\n\nThanh niên trực tủ sách mỗi tối.",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
]


def main() -> None:
    with (HERE / "exemplars-example.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(ROWS)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Điển hình"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in ROWS:
        sheet.append(row)
    workbook.save(HERE / "exemplars-example.xlsx")


if __name__ == "__main__":
    main()
