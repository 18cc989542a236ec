"""Workbooks for tst_xlsxreader, written by openpyxl (and, for the parts
openpyxl never writes, by editing what it wrote): python3 make_workbooks.py DIR"""
import datetime
import os
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1]
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'


def path(name):
    return os.path.join(out, name)


def save(wb, name):
    wb.save(path(name))


def rewrite(src, dst, replace=None, add=None, drop=()):
    """Copies workbook src to dst with some parts replaced, added or dropped."""
    replace = replace or {}
    with zipfile.ZipFile(path(src)) as zin, \
            zipfile.ZipFile(path(dst), 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename in drop:
                continue
            data = replace.get(item.filename, zin.read(item.filename))
            zout.writestr(item.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)


# Members as an HR person would type them: text, dates, numbers, a boolean,
# a formula openpyxl leaves without a cached value, a cell far below the rest.
wb = Workbook()
ws = wb.active
ws.append(['社員番号', '氏名', '入社日', '生年月日', '等級', '係数', '配信', '数式'])
ws.append(['E001', '髙橋 一郎', datetime.date(2020, 4, 1), datetime.datetime(1990, 1, 31),
           3, 2.5, True, '=1+2'])
ws.append(['E002', '山﨑 花子', None, None, None, 0.1 + 0.2, False, None])
ws['B6'] = 'sparse'
ws['D2'].number_format = 'mm-dd-yy'  # built-in format 14
save(wb, 'members.xlsx')

# Serial numbers under number formats, each beside the text it must read as.
wb = Workbook()
ws = wb.active
ws.append(['value', 'expected'])
for value, fmt, expected in [
        (1, 'mm-dd-yy', '1900-01-01'),
        (59, 'mm-dd-yy', '1900-02-28'),
        (60, 'mm-dd-yy', '60'),  # 1900-02-29, which never was
        (61, 'mm-dd-yy', '1900-03-01'),
        (44000.75, 'yyyy/m/d h:mm', '2020-06-18'),
        (43831, 'yyyy"年"m"月"d"日"', '2020-01-01'),
        (43831, '[$-411]ggge"年"m"月"d"日"', '2020-01-01'),
        (44197, 'd-mmm', '2021-01-01'),
        (43831, 'yyyy\\-mm\\-dd', '2020-01-01'),
        (1.5, '[h]:mm', '1.5'),
        (0.5, 'h:mm', '0.5'),
        (0.25, 'mm:ss', '0.25'),
        (1234.5, '0.00', '1234.5'),
        (1234.5, '#,##0', '1234.5'),
        (0.1 + 0.2, 'General', '0.3'),
        (-12, 'General', '-12'),
        (1e-7, 'General', '0.0000001'),
        (3.0, 'General', '3'),
        (45000, '0', '45000'),
        (12345678, '"day "0', '12345678'),
]:
    ws.append([value, expected])
    ws.cell(row=ws.max_row, column=1).number_format = fmt
save(wb, 'serials.xlsx')

wb = Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.append(['入社日'])
ws.append([datetime.date(2021, 3, 4)])
save(wb, 'date1904.xlsx')

# Shared strings as Excel writes them: rich-text runs, and phonetic guides
# (furigana) that are not part of the value.
wb = Workbook()
wb.active['A1'] = 'x'
save(wb, 'base.xlsx')
with zipfile.ZipFile(path('base.xlsx')) as z:
    rels = z.read('xl/_rels/workbook.xml.rels').decode()
    types = z.read('[Content_Types].xml').decode()
rels = rels.replace('</Relationships>',
                    '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/sharedStrings" '
                    'Target="sharedStrings.xml"/></Relationships>')
types = types.replace('</Types>',
                      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                      '</Types>')
sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       f'<sst xmlns="{MAIN}" count="3" uniqueCount="3">'
       '<si><t>氏名</t></si>'
       '<si><r><t>所</t></r><r><rPr><b/></rPr><t>属</t></r></si>'
       '<si><t>髙橋 一郎</t><rPh sb="0" eb="2"><t>タカハシ</t></rPh>'
       '<phoneticPr fontId="1"/></si></sst>')
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<worksheet xmlns="{MAIN}"><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
         '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><r><t>in</t></r>'
         '<r><rPr><b/></rPr><t xml:space="preserve">line </t></r></is></c></row>'
         '</sheetData></worksheet>')
rewrite('base.xlsx', 'sharedstrings.xlsx',
        replace={'xl/_rels/workbook.xml.rels': rels, '[Content_Types].xml': types,
                 'xl/worksheets/sheet1.xml': sheet},
        add={'xl/sharedStrings.xml': sst})

# Hostile and broken files.
with open(path('base.xlsx'), 'rb') as f:
    whole = f.read()
with open(path('truncated.xlsx'), 'wb') as f:
    f.write(whole[:len(whole) // 2])
with open(path('notazip.xlsx'), 'wb') as f:
    f.write('社員番号,氏名\nE1,a\n'.encode())
rewrite('base.xlsx', 'nosheet.xlsx', drop=('xl/worksheets/sheet1.xml',))
laughs = ('<?xml version="1.0"?><!DOCTYPE worksheet ['
          '<!ENTITY a "aaaaaaaaaa">'
          + ''.join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">'
                    for p, n in zip('abcdefgh', 'bcdefghi'))
          + '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
          f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
          '<is><t>&i;&x;</t></is></c></row></sheetData></worksheet>')
rewrite('base.xlsx', 'laughs.xlsx', replace={'xl/worksheets/sheet1.xml': laughs})
# 600 MiB of white space inside a valid sheet: a few hundred KiB zipped.
with zipfile.ZipFile(path('base.xlsx')) as zin, \
        zipfile.ZipFile(path('bomb.xlsx'), 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        if item.filename != 'xl/worksheets/sheet1.xml':
            zout.writestr(item.filename, zin.read(item.filename))
    with zout.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as sheet_file:
        sheet_file.write(f'<worksheet xmlns="{MAIN}"><sheetData>'.encode())
        chunk = b' ' * (1 << 20)
        for _ in range(600):
            sheet_file.write(chunk)
        sheet_file.write(b'</sheetData></worksheet>')
wb = Workbook()
wb.active.append(['memo'])
wb.active.append(['x' * 10001])
save(wb, 'hugecell.xlsx')
wb = Workbook()
wb.active.append([f'h{i}' for i in range(501)])
save(wb, 'wide.xlsx')
