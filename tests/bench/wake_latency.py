#!/usr/bin/python3
"""Wake latency (issue 17), not run by ctest (it waits for the next minute or two):

    tests/bench/wake_latency.py BUILD/infotavle [extra kiosk arguments...]

Writes a schedule (the config's display_schedule) that opens at the next whole minute but one
(local time), runs the kiosk headless on the real clock until it has drawn its first
frame after the opening, and prints how far past the opening minute the kiosk's line
"display on: first frame N ms after the minute turned" came, as the kiosk measured it and as
this script saw the line arrive.
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time


def main():
    binary, extra = sys.argv[1], sys.argv[2:]
    now = datetime.datetime.now().astimezone()  # the kiosk's local time: the system's zone
    opening = (now + datetime.timedelta(minutes=2)).replace(second=0, microsecond=0)
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    schedule = {"weekly": [{"days": [days[opening.weekday()]], "from": opening.strftime("%H:%M"),
                            "until": "24:00"}]}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "schedule.json")
        with open(path, "w") as f:
            json.dump(schedule, f)
        env = dict(os.environ, SDL_VIDEODRIVER="dummy")
        proc = subprocess.Popen([binary, "--size", "800x480", "--display-schedule", path,
                                 "--cache-dir", tmp] + extra, env=env, stderr=subprocess.PIPE, text=True)
        try:
            for line in proc.stderr:
                seen = time.time() - opening.timestamp()
                sys.stderr.write(f"{seen:+9.3f} s  {line}")
                if "first frame" in line:
                    print(f"opening {opening.isoformat()}: the line came {seen * 1000:.0f} ms after it")
                    break
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
