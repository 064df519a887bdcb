# Reads a policy-check workbook with openpyxl (a reader independent of Apache POI) and prints
# what a clerk would meet as JSON: sheets, their protection, header rows, and for each row of the
# 参数 sheet its value, whether the value cell is locked, and the data validation covering it.
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")
wb = openpyxl.load_workbook(sys.argv[1])


def validation(ws, ref):
    for dv in ws.data_validations.dataValidation:
        if ref in dv.sqref:
            return {
                "type": dv.type,
                "operator": dv.operator,
                "formula1": dv.formula1,
                "formula2": dv.formula2,
                "arrow": not dv.showDropDown,  # OOXML's showDropDown=1 hides the arrow
                "stop": bool(dv.showErrorMessage),
                "promptTitle": dv.promptTitle,
                "prompt": dv.prompt,
            }
    return None


out = {
    "sheets": [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"],
    "hidden": {ws.title: ws.sheet_state for ws in wb.worksheets if ws.sheet_state != "visible"},
    "protection": {},
    "headers": {},
    "params": {},
    "classes": {},
}
for ws in wb.worksheets:
    out["protection"][ws.title] = {"sheet": bool(ws.protection.sheet), "password": ws.protection.password}
    out["headers"][ws.title] = [c.value for c in ws[1]]
ws = wb["参数"]
for row in ws.iter_rows(min_row=2):
    path = row[7].value
    if not path:
        continue
    value = row[2].value
    out["params"][path] = {
        "label": row[0].value,
        "unit": row[1].value,
        "value": value.isoformat() if hasattr(value, "isoformat") else value,
        "allowed": row[3].value,
        "clauses": row[4].value,
        "source": row[5].value,
        "valueLocked": bool(row[2].protection.locked),
        "labelLocked": bool(row[0].protection.locked),
        "pathLocked": bool(row[7].protection.locked),
        "validation": validation(ws, row[2].coordinate),
    }
ws = wb["职工住院"]
out["classes"]["rows"] = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=3)]
out["classes"]["tier"] = validation(ws, "B2")
out["classes"]["tierLocked"] = bool(ws["B2"].protection.locked)
readme = wb["说明"]
out["readme"] = {r[0].value: r[1].value for r in readme.iter_rows(min_row=1, max_row=8) if r[0].value}
print(json.dumps(out, ensure_ascii=False))
