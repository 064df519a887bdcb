# Fills a policy-check workbook with openpyxl as a clerk would, from a JSON description:
# {"params": {path: value}, "sections": {path: source}, "classes": {sheet: [[cells...]]},
#  "sources": [[title, issuer, number, date]]}; values are written as given (numbers as numbers,
# Chinese words as text).
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")
src, dst, spec = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3], encoding="utf-8"))
wb = openpyxl.load_workbook(src)
ws = wb["参数"]
rows = {r[7].value: r for r in ws.iter_rows(min_row=2) if r[7].value}
for path, value in spec.get("params", {}).items():
    rows[path][2].value = value
for path, source in spec.get("sections", {}).items():
    rows[path][5].value = source
for sheet, cells in spec.get("classes", {}).items():
    for i, row in enumerate(cells):
        for j, v in enumerate(row):
            wb[sheet].cell(row=2 + i, column=1 + j, value=v)
ws = wb["来源"]
r = 2
while ws.cell(row=r, column=1).value is not None:
    r += 1
for s in spec.get("sources", []):
    for j, v in enumerate(s):
        ws.cell(row=r, column=1 + j, value=v)
    r += 1
wb.save(dst)
