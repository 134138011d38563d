#!/usr/bin/python3
"""How the kiosk's CPU and memory grow with the screen size and the number of slides.

    tests/bench/scaling.py BUILD/infotavle [--seconds 30] [--sizes 800x480,...] [--slides 26,100,1000]

Runs the kiosk as ../shared/bench/side-by-side.sh does (SDL's dummy video driver, the software
renderer, the bundled feeds with every slide set to 10 s), once per screen size with the 26
bundled slides, and once per slide count at 1920x1080 with a generated manifest that repeats
the bundled playlist under new slide ids. For each run it prints the CPU of the process from
second 15 to 15 + SECONDS (share of one core), PSS and RSS at the end, and the peak RSS
(VmHWM). Not run by ctest: it measures, it does not assert.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLED = os.path.join(HERE, "..", "..", "feeds", "bundled")


def write_manifest(directory, slides):
    """The bundled feeds in `directory`, and a manifest of `slides` slides of 10 s each."""
    for name in os.listdir(BUNDLED):
        if name.endswith(".json"):
            shutil.copy(os.path.join(BUNDLED, name), directory)
    path = os.path.join(directory, "manifest.json")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    base = manifest["playlist"]
    playlist = []
    for i in range(slides):
        s = dict(base[i % len(base)])
        s["id"] = "%s_%d" % (s["id"], i // len(base)) if i >= len(base) else s["id"]
        s["duration_s"] = 10
        playlist.append(s)
    manifest["playlist"] = playlist
    with open(path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False)
    return path


def proc_kib(pid, name, key):
    """A "Key: N kB" line of /proc/PID/NAME (status, smaps_rollup), in KiB."""
    with open("/proc/%d/%s" % (pid, name)) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


def run(binary, size, manifest, seconds):
    cache = tempfile.mkdtemp(prefix="infotavle-scaling-cache.")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    cmd = [binary, "--software", "--size", size, "--manifest", manifest, "--cache-dir", cache]
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(15)
        t0 = cpu_ticks(p.pid)
        time.sleep(seconds)
        t1 = cpu_ticks(p.pid)
        hz = os.sysconf("SC_CLK_TCK")
        cpu = (t1 - t0) / hz / seconds * 100
        kib = [proc_kib(p.pid, "smaps_rollup", "Pss"), proc_kib(p.pid, "smaps_rollup", "Rss"), proc_kib(p.pid, "status", "VmHWM")]
        return (cpu,) + tuple(k / 1024 for k in kib)
    finally:
        p.terminate()
        p.wait()
        shutil.rmtree(cache, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--sizes", default="800x480,1280x720,1920x1080,3840x2160")
    ap.add_argument("--slides", default="26,100,1000")
    a = ap.parse_args()
    print("| run | CPU | PSS | RSS | peak RSS |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory(prefix="infotavle-scaling.") as tmp:
        runs = [(size, 26) for size in a.sizes.split(",") if size]
        runs += [("1920x1080", int(n)) for n in a.slides.split(",") if n and int(n) != 26]
        for size, slides in runs:
            d = os.path.join(tmp, "%s-%d" % (size, slides))
            os.mkdir(d)
            cpu, pss, rss, hwm = run(a.binary, size, write_manifest(d, slides), a.seconds)
            print("| %s, %d slides | %.2f %% | %.0f MB | %.0f MB | %.0f MB |" % (size, slides, cpu, pss, rss, hwm))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
