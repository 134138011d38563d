#!/usr/bin/python3
"""X11 DPMS against a real X server (run by ctest):

    tests/dpms_xvfb.py BUILD/infotavle_dpms_probe

Starts Xvfb (Debian's xvfb) on a display number it picks itself (-displayfd), with
`+extension DPMS`, and runs the probe (tests/dpms_probe.cpp), which forces DPMS off through
x11_set_dpms as the kiosk does, reads DPMSInfo back, and turns it on again.
Whether the server offers DPMS is read independently, from XListExtensions (libX11 by ctypes):
  - offered: the probe reports "off", DPMSInfo reads level 3 (DPMSModeOff), then "on";
  - not offered (Debian 12's Xvfb is built without it): the probe reports "not offered" with
    the reason, both ways, and reads no level. Never a skip.
Xvfb is stopped at the end whatever happens.
"""
import ctypes
import os
import subprocess
import sys


def x_extensions(display):
    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XListExtensions.restype = ctypes.POINTER(ctypes.c_char_p)
    x11.XListExtensions.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
    x11.XFreeExtensionList.argtypes = [ctypes.POINTER(ctypes.c_char_p)]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    d = x11.XOpenDisplay(display.encode())
    assert d, "cannot open " + display
    n = ctypes.c_int(0)
    names = x11.XListExtensions(d, ctypes.byref(n))
    out = {names[i].decode() for i in range(n.value)}
    x11.XFreeExtensionList(names)
    x11.XCloseDisplay(d)
    return out


def start_xvfb():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "800x480x24", "+extension", "DPMS",
         "-nolisten", "tcp"],
        pass_fds=[write_fd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        number = f.readline().strip()  # written once the server accepts connections
    assert number.isdigit(), "Xvfb did not start"
    return xvfb, ":" + number


def main():
    probe = sys.argv[1]
    xvfb, display = start_xvfb()
    try:
        offered = "DPMS" in x_extensions(display)
        out = subprocess.run([probe], env=dict(os.environ, DISPLAY=display), capture_output=True, text=True,
                             timeout=30)
        assert out.returncode == 0, out
        lines = out.stdout.splitlines()
        print("DPMS offered:", offered, "| probe:", lines)
        if offered:
            assert lines[0] == "off off ", lines
            assert lines[1] == "info 3", lines
            assert lines[2] == "on on ", lines
        else:
            assert lines[0] == "off not offered the X server has no DPMS extension", lines
            assert lines[1] == "info none", lines
            assert lines[2] == "on not offered the X server has no DPMS extension", lines
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    print("ok")


if __name__ == "__main__":
    main()
