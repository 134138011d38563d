#!/usr/bin/python3
"""Lists the C++ functions longer than a limit (default 80 lines), at any depth of namespace.

    tests/long_functions.py [--limit N] [DIR...]     (default: app feeds platform)

A rough reader, not a parser: comments, strings and character literals are blanked, then each
`{` whose text since the last `;`, `{` or `}` looks like a function head (a parameter list, not
if/for/while/switch/catch, not a class, namespace, enum or initialiser) opens a function; its
length is the lines from the head's first line to the matching `}`. Lambdas and local classes
count as part of the function around them. Prints `lines path:line name`, longest first;
exits 0 (a list to read, not a verdict).
"""
import argparse
import pathlib
import re

CONTROL = re.compile(r"^(if|for|while|switch|catch|do|else|try|return)\b")
NOT_FUNCTION = re.compile(r"^(template\s*<.*>\s*)?(namespace|struct|class|union|enum)\b")


def blank(text):
    """The text with comments, strings and char literals replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (min(j, n) - i - 1) + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def function_name(head):
    """The name before the parameter list of a function head, or None."""
    head = " ".join(head.split())
    if not head or CONTROL.match(head) or NOT_FUNCTION.match(head):
        return None
    # The parameter list: the first '(' at bracket depth 0 of the head.
    depth = 0
    for i, c in enumerate(head):
        if c in "<[":
            depth += 1
        elif c in ">]":
            depth = max(0, depth - 1)
        elif c == "(" and depth == 0:
            before = head[:i].rstrip()
            m = re.search(r"([~\w:]+(?:operator\s*\S+)?)$", before)
            if not m or "=" in before.replace("operator=", "").replace("==", ""):
                return None  # an initialiser or a call, e.g. `auto x = f(...) {`
            name = m.group(1)
            if name.split("::")[-1] in ("if", "for", "while", "switch", "catch", "return"):
                return None
            return name
    return None


def functions(path):
    text = blank(path.read_text(encoding="utf-8", errors="replace"))
    stack = []  # (is_function, name, start_line)
    head_start = 0
    line_of = lambda pos: text.count("\n", 0, pos) + 1
    found = []
    for i, c in enumerate(text):
        if c == "{":
            head = text[head_start:i]
            inside = any(f for f, _, _ in stack)
            name = None if inside else function_name(head)
            first = head_start + len(head) - len(head.lstrip())
            stack.append((name is not None, name, line_of(first)))
            head_start = i + 1
        elif c == "}":
            if stack:
                is_fn, name, start = stack.pop()
                if is_fn:
                    found.append((line_of(i) - start + 1, name, start))
            head_start = i + 1
        elif c == ";":
            head_start = i + 1
        elif c == ":" and text.startswith(("public:", "private:", "protected:"), max(0, i - 9)):
            head_start = i + 1
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=80)
    ap.add_argument("dirs", nargs="*", default=["app", "feeds", "platform"])
    a = ap.parse_args()
    rows = []
    for d in a.dirs:
        for p in sorted(pathlib.Path(d).rglob("*")):
            if p.suffix in (".cpp", ".h", ".cc", ".hpp") and p.is_file():
                for lines, name, start in functions(p):
                    if lines > a.limit:
                        rows.append((lines, f"{p}:{start}", name))
    for lines, where, name in sorted(rows, key=lambda r: (-r[0], r[1])):
        print(f"{lines:4d} {where} {name}")


if __name__ == "__main__":
    main()
