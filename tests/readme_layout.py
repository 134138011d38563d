#!/usr/bin/python3
"""README.md's "Layout of the source" table against the folders.

    tests/readme_layout.py [SOURCE_DIR]

Every folder of app/, feeds/ and platform/ and tests/ down to two levels (app/views/,
app/config/tool/) must have a row `folder/`, or, a level down, be named `name/` in its parent's
row (`feeds/examples/`: `notices/`); every row must name a folder that exists. Deeper folders
belong to their parent's row. Exits 1 with a line per difference.
"""
import pathlib
import re
import sys

TOPS = ("app", "feeds", "platform", "tests")


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    text = (root / "README.md").read_text(encoding="utf-8")
    table = text.split("## Layout of the source", 1)[1].split("\n## ", 1)[0]
    rows = {m.group(1).rstrip("/"): m.group(2) for m in re.finditer(r"^\| `([^`]+/)` \|(.*)$", table, re.M)}
    named = set(rows)
    missing = []
    for top in TOPS:
        for d in sorted(p for p in (root / top).iterdir() if p.is_dir()):
            rel = str(d.relative_to(root))
            if rel not in named:
                missing.append(rel)
                continue
            for e in sorted(p for p in d.iterdir() if p.is_dir()):
                sub = str(e.relative_to(root))
                if sub not in named and f"`{e.name}/`" not in rows[rel]:
                    missing.append(sub)
    missing += [t for t in TOPS if t not in named]
    problems = [f"README.md layout table: no row for {f}/ (nor `name/` in its parent's row)" for f in missing]
    problems += [f"README.md layout table: {n}/ is not a folder" for n in sorted(named) if not (root / n).is_dir()]
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
