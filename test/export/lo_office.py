# LibreOffice headless through Python-UNO, for the export checks (lo_recalc.py, lo_csv.py): starts
# soffice with a profile of its own, connects, yields the desktop and the profile folder (for working
# copies), and always shuts LibreOffice down and removes the profile — also on a timeout (SIGTERM).
# Debian's python3-uno provides `uno`; run with /usr/bin/python3.
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    deadline = time.time() + 120
    while True:
        try:
            return resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.3)


@contextlib.contextmanager
def office():
    """Yields (desktop, profile folder) of a LibreOffice started for this run."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    profile = tempfile.mkdtemp(prefix='rubric-lo-')
    pipe = f'rubric{os.getpid()}'
    proc = subprocess.Popen(
        ['soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
         f'-env:UserInstallation=file://{profile}', f'--accept=pipe,name={pipe};urp;'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    desktop = None
    try:
        ctx = _connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        yield desktop, profile
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass
        try:
            proc.wait(timeout=30)
        except Exception:
            os.killpg(proc.pid, 9)
        shutil.rmtree(profile, ignore_errors=True)
