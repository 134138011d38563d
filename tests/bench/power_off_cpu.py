#!/usr/bin/python3
"""CPU of a kiosk whose screen is off (issue 17), not run by ctest (it takes minutes):

    tests/bench/power_off_cpu.py BUILD/infotavle SECONDS [extra kiosk arguments...]

Runs the kiosk headless (SDL_VIDEODRIVER=dummy) with the given arguments (e.g. a manifest with
a display_schedule and --now at a closed hour), waits until it says the display is off, then
reads utime+stime from /proc/PID/stat at the start and the end of SECONDS and prints the share
of one core, and the wake-ups (voluntary context switches) in that time.
"""
import os
import subprocess
import sys
import time


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)


def switches(pid):
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/status") as f:
            for line in f:
                if line.startswith("voluntary_ctxt_switches"):
                    total += int(line.split()[1])
    return total


def main():
    binary, seconds, extra = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    proc = subprocess.Popen([binary, "--size", "800x480"] + extra, env=env, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        sys.stderr.write(line)
        if "display off" in line:
            break
    time.sleep(30)  # the first minute (black picture, channels, the first round of fetches) is not the night
    hz = os.sysconf("SC_CLK_TCK")
    t0, s0, w0 = cpu_ticks(proc.pid), switches(proc.pid), time.monotonic()
    time.sleep(seconds)
    t1, s1, w1 = cpu_ticks(proc.pid), switches(proc.pid), time.monotonic()
    proc.terminate()
    proc.wait(timeout=10)
    cpu_s = (t1 - t0) / hz
    wall = w1 - w0
    print(f"off for {wall:.0f} s: CPU {cpu_s:.2f} s = {100 * cpu_s / wall:.4f} % of a core "
          f"(clock ticks of 1/{hz} s), {s1 - s0} wake-ups (voluntary context switches, all threads)")


if __name__ == "__main__":
    main()
