#!/usr/bin/python3
# Fills CSV assessment forms in LibreOffice (headless, through Python-UNO) as a person would: opens
# the CSV the way Calc offers it (UTF-8, comma-separated), types each value into its cell (the text is
# entered as if typed, so "55%" becomes a percentage and "12" a number), and saves the sheet as CSV
# again with Calc's own filter.
# Debian's python3-uno provides `uno`; run with /usr/bin/python3.
#
# Usage: lo_csv.py JOBS.json
#   JOBS: [{"file": "/abs/template.csv", "outputs": [{"path": "/abs/filled.csv", "cells": [[row, col, "text"], ...]}, ...]}]
#   rows and columns count from 0. Exits non-zero on failure.
import json
import os
import shutil
import sys

import uno
from com.sun.star.lang import Locale

from lo_office import office, prop

# Separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8), from line 1; on saving, cells as shown.
CSV_OPTIONS = '44,34,76,1,,0,false,true,true'
CSV_FILTER = 'Text - txt - csv (StarCalc)'
# com.sun.star.sheet.CellFlags: VALUE | DATETIME | STRING | FORMULA
CONTENTS = 1 | 2 | 4 | 16


def main():
    jobs = json.load(open(sys.argv[1], encoding='utf-8'))
    with office() as (desktop, profile):
        for n, job in enumerate(jobs):
            copy = os.path.join(profile, f'template{n}.csv')
            shutil.copyfile(job['file'], copy)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(copy), '_blank', 0, (
                prop('Hidden', True), prop('FilterName', CSV_FILTER), prop('FilterOptions', CSV_OPTIONS)))
            if doc is None:
                raise RuntimeError(f'LibreOffice could not open {job["file"]}')
            sheet = doc.getSheets().getByIndex(0)
            # Typing "55%" in Calc stores 0.55 shown as a percentage; through the API the text is read
            # the same way but the cell keeps its format, so percentages get a percent format here
            # (with every decimal shown, as the typed text had them).
            formats = doc.getNumberFormats()
            percent = formats.queryKey('0.##########%', Locale(), False)
            if percent == -1:
                percent = formats.addNew('0.##########%', Locale())
            for output in job['outputs']:
                for row, col, text in output['cells']:
                    # setFormula reads the text as typed input: numbers and percentages are recognised.
                    cell = sheet.getCellByPosition(col, row)
                    cell.setFormula(text)
                    if text.endswith('%'):
                        cell.NumberFormat = percent
                doc.storeToURL(uno.systemPathToFileUrl(output['path']), (
                    prop('FilterName', CSV_FILTER), prop('FilterOptions', CSV_OPTIONS)))
                for row, col, _ in output['cells']:
                    cell = sheet.getCellByPosition(col, row)
                    cell.clearContents(CONTENTS)
                    cell.NumberFormat = 0
            doc.close(True)


if __name__ == '__main__':
    main()
