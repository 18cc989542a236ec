"""Prints an .xlsx workbook as JSON, read back by openpyxl (Debian
python3-openpyxl): for the export tests, which assert on what a reader
other than ours finds. Usage: dump_workbook.py FILE.xlsx

{"sheets": [{"name", "freeze", "autofilter", "widths": {"A": 12.0},
             "conditional": [{"range", "types"}], "charts": [{"type", "series"}],
             "rows": [[{"v", "t", "fmt"}, ...], ...]}]}
with "t" the cell's kind: "s" text, "n" number, "d" date (v in ISO form),
"b" truth value, "f" formula, "e" empty.
"""
import datetime
import json
import sys

import openpyxl


def cell_json(cell):
    value = cell.value
    if value is None:
        kind = "e"
    elif cell.data_type == "f":
        kind = "f"
    elif isinstance(value, bool):
        kind = "b"
    elif isinstance(value, (datetime.datetime, datetime.date)):
        kind = "d"
        value = value.isoformat()
    elif isinstance(value, (int, float)):
        kind = "n"
    else:
        kind = "s"
    return {"v": value, "t": kind, "fmt": cell.number_format}


def sheet_json(sheet):
    charts = []
    for chart in sheet._charts:
        charts.append({"type": type(chart).__name__, "series": len(chart.series),
                       "refs": [s.val.numRef.f for s in chart.series if s.val and s.val.numRef]})
    conditional = []
    for rule_range in sheet.conditional_formatting:
        conditional.append({"range": str(rule_range.sqref),
                            "types": [rule.type for rule in rule_range.rules]})
    widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()
              if dimension.customWidth}
    return {
        "name": sheet.title,
        "freeze": sheet.freeze_panes,
        "autofilter": sheet.auto_filter.ref,
        "widths": widths,
        "conditional": conditional,
        "charts": charts,
        "rows": [[cell_json(cell) for cell in row] for row in sheet.iter_rows()],
    }


def main():
    workbook = openpyxl.load_workbook(sys.argv[1])
    json.dump({"sheets": [sheet_json(sheet) for sheet in workbook.worksheets]}, sys.stdout,
              ensure_ascii=False)


if __name__ == "__main__":
    main()
