"""The export benchmark's peer: python3-xlsxwriter (Debian) in constant-memory
mode writing the same table as data.h describes, with the same formats.
Usage: peer.py ROWS FILE. Prints one JSON line: {"seconds", "baselineKiB", "peakKiB"}."""
import json
import sys
import time

import xlsxwriter

HEADERS = ["ID", "Score", "Response rate", "Answers", "Joined", "Last answer",
           "氏名", "部署", "Code", "E-mail"]
NAMES = ["佐藤 花子", "鈴木 一郎", "髙橋 誠", "田中 美咲", "伊藤 大輔", "渡辺 陽菜",
         "山本 翔", "中村 彩", "小林 健太", "加藤 結衣", "吉田 拓海", "山田 葵",
         "佐々木 蓮", "山口 さくら", "松本 悠斗", "井上 七海"]
DEPARTMENTS = ["営業部", "開発部", "人事部", "経理部", "総務部", "製造部", "品質保証部",
               "マーケティング部"]
DOMAINS = ["example.com", "example.co.jp", "sakura.example", "northwind.example"]
SERIAL_2000, SERIAL_2020 = 36526, 43831


def status_kib(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1])
    return -1


def main():
    rows, path = int(sys.argv[1]), sys.argv[2]
    baseline = status_kib("VmRSS:")
    start = time.perf_counter()
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet("Members")
    header = workbook.add_format({"bold": True})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    percent = workbook.add_format({"num_format": "0.0%"})
    for column, title in enumerate(HEADERS):
        sheet.set_column(column, column, 14)
        sheet.write_string(0, column, title, header)
    sheet.freeze_panes(1, 0)
    number, string = sheet.write_number, sheet.write_string
    for row in range(rows):
        r = row + 1
        number(r, 0, row)
        number(r, 1, (row * 37 % 1000) / 10.0)
        number(r, 2, (row % 101) / 100.0, percent)
        number(r, 3, row % 50)
        number(r, 4, SERIAL_2000 + row % 9000, date)
        number(r, 5, SERIAL_2020 + row % 1500, date)
        string(r, 6, NAMES[row % 16])
        string(r, 7, DEPARTMENTS[row % 8])
        string(r, 8, "E%07d" % row)
        string(r, 9, "m%d@%s" % (row % 100000, DOMAINS[row % 4]))
    sheet.autofilter(0, 0, rows, len(HEADERS) - 1)
    workbook.close()
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": round(seconds, 3), "baselineKiB": baseline,
                      "peakKiB": status_kib("VmHWM:")}))


if __name__ == "__main__":
    main()
