#!/usr/bin/python3
# Opens spreadsheets in LibreOffice (headless, through Python-UNO), types values into cells, makes
# LibreOffice recalculate every formula, and reads cells back, as a person filling the form would.
# Debian's python3-uno provides `uno`; run with /usr/bin/python3.
#
# Usage: lo_recalc.py JOBS.json OUT.json
#   JOBS: [{"file": "/abs/form.xlsx",
#           "rounds": [{"writes": [[sheet, "F5:G20", [[1, 2], ...]], ...], "reads": [[sheet, "C3:D40"], ...],
#                       "save": "/abs/filled.xlsx"}, ...]}]
#   OUT:  [{"file": ..., "rounds": [{"values": [[[...row...], ...] per read]}, ...]}]
# Writes and reads are whole ranges (one UNO call each). A round's writes are cleared before the
# next round. Formula cells read back their results ('' for an empty cell). A round with "save" is also
# stored there as xlsx (Calc's "Calc MS Excel 2007 XML" filter), filled in and recalculated, before its
# writes are cleared. Exits non-zero on failure.
import json
import os
import shutil
import sys

import uno

from lo_office import office, prop

# com.sun.star.sheet.CellFlags: VALUE | STRING | FORMULA
CONTENTS = 1 | 4 | 16


def main():
    jobs = json.load(open(sys.argv[1], encoding='utf-8'))
    out = []
    with office() as (desktop, profile):
        for job in jobs:
            # Work on a copy: the form is left untouched, and no lock file of another run is in the way.
            copy = os.path.join(profile, f'form{len(out)}{os.path.splitext(job["file"])[1]}')
            shutil.copyfile(job['file'], copy)
            url = uno.systemPathToFileUrl(copy)
            doc = desktop.loadComponentFromURL(url, '_blank', 0, (prop('Hidden', True),))
            if doc is None:
                raise RuntimeError(f'LibreOffice could not open {job["file"]}')
            sheets = doc.getSheets()
            rounds = []
            for rnd in job['rounds']:
                for sheet, addr, data in rnd['writes']:
                    sheets.getByName(sheet).getCellRangeByName(addr).setDataArray(tuple(tuple(r) for r in data))
                doc.calculateAll()
                values = [[list(r) for r in sheets.getByName(sheet).getCellRangeByName(addr).getDataArray()] for sheet, addr in rnd['reads']]
                rounds.append({'values': values})
                if rnd.get('save'):
                    doc.storeToURL(uno.systemPathToFileUrl(rnd['save']), (prop('FilterName', 'Calc MS Excel 2007 XML'), prop('Overwrite', True)))
                for sheet, addr, _ in rnd['writes']:
                    sheets.getByName(sheet).getCellRangeByName(addr).clearContents(CONTENTS)
            doc.close(True)
            out.append({'file': job['file'], 'rounds': rounds})
        json.dump(out, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)


if __name__ == '__main__':
    main()
