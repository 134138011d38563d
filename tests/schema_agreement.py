#!/usr/bin/python3
"""Checks that feeds/schema/*.schema.json agree with the C++ validator (feeds/*.cpp).

Usage: /usr/bin/python3 tests/schema_agreement.py <tests/fixtures dir> <feeds/schema dir>

- good/ and warn/ fixtures, feeds/bundled/*.json and feeds/examples/*/*.json when present, must pass the schema
  (warnings are not errors: unknown keys, dataset types and views are allowed).
- every bad/ fixture must be classified below, so a new fixture cannot slip by:
  NOT_JSON ones must also be refused by a strict Python JSON reader; SCHEMA ones must fail the
  schema (the error is expressible in JSON Schema); CHECKER_ONLY ones must pass the schema,
  which documents what only `infotavle --check` catches (see FORMAT.md "What the schema cannot say").
Needs Debian's python3-jsonschema (Draft 7), hence /usr/bin/python3.
"""
import json
import math
import pathlib
import sys

import jsonschema

NOT_JSON = {"not_json.json", "truncated.json", "empty.json", "binary.json", "invalid_utf8.json",
            "nan.json", "huge_number.json"}
SCHEMA = {"number_as_string.json", "version_2.json", "wrong_format.json", "missing_key.json",
          "unknown_enum.json", "bad_date.json", "bad_municipality_code.json", "manifest_bad_duration.json",
          "manifest_bad_link.json", "control_character.json", "undrawable_character.json",
          "manifest_long_link.json", "manifest_bad_integrity.json"}
CHECKER_ONLY = {"string_too_long.json", "too_many_items.json", "values_count_mismatch.json",
                "duplicate_id.json", "duplicate_key.json", "manifest_missing_feed.json",
                "manifest_missing_dataset.json", "manifest_wrong_view.json", "manifest_missing_column.json"}


def strict_load(path):
    """json.load as the C++ reader sees JSON: UTF-8 only, no NaN/Infinity, no overflow to inf."""
    def reject_constant(name):
        raise ValueError("not JSON: " + name)

    def parse_float(text):
        value = float(text)
        if not math.isfinite(value):
            raise ValueError("number too large: " + text)
        return value

    text = path.read_bytes().decode("utf-8")
    return json.loads(text, parse_constant=reject_constant, parse_float=parse_float)


def schema_for(doc, schemas):
    fmt = doc.get("format") if isinstance(doc, dict) else None
    if fmt == "infotavle-manifest" or (fmt != "infotavle-feed" and isinstance(doc, dict) and "playlist" in doc):
        return "manifest", schemas["manifest"]
    return "feed", schemas["feed"]


def errors_of(path, schemas):
    doc = strict_load(path)
    kind, schema = schema_for(doc, schemas)
    validator = jsonschema.Draft7Validator(schema)
    return kind, sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    fixtures = pathlib.Path(argv[1]) / "feeds"
    schema_dir = pathlib.Path(argv[2])
    schemas = {k: json.loads((schema_dir / f"{k}.schema.json").read_text("utf-8")) for k in ("feed", "manifest")}
    for s in schemas.values():
        jsonschema.Draft7Validator.check_schema(s)

    failures = []
    must_pass = sorted((fixtures / "good").glob("*.json")) + sorted((fixtures / "warn").glob("*.json"))
    bundled = schema_dir.parent / "bundled"
    bundled_files = sorted(bundled.glob("*.json")) if bundled.is_dir() else []
    if not bundled_files:
        print(f"note: no {bundled}/*.json yet; skipped")
    examples = sorted((schema_dir.parent / "examples").glob("*/*.json"))  # feeds/examples/schedule/...
    for path in must_pass + bundled_files + examples:
        kind, errors = errors_of(path, schemas)
        for e in errors:
            failures.append(f"{path}: {e.json_path}: {e.message} (valid for the C++ checker, refused by the {kind} schema)")
        if not errors:
            print(f"ok   {path} passes the {kind} schema")

    bad = fixtures / "bad"
    for path in sorted(bad.iterdir()):
        name = path.name
        if name in NOT_JSON:
            try:
                strict_load(path)
                failures.append(f"{path}: expected not to be readable as strict JSON")
            except (ValueError, UnicodeDecodeError):
                print(f"ok   {name} is not JSON")
        elif name in SCHEMA:
            kind, errors = errors_of(path, schemas)
            if errors:
                print(f"ok   {name} fails the {kind} schema: {errors[0].json_path}: {errors[0].message[:80]}")
            else:
                failures.append(f"{path}: passes the {kind} schema, but its error is schema-expressible")
        elif name in CHECKER_ONLY:
            kind, errors = errors_of(path, schemas)
            if errors:
                failures.append(f"{path}: listed as checker-only but fails the {kind} schema: {errors[0].message}"
                                " (move it to SCHEMA)")
            else:
                print(f"ok   {name} passes the schema; only the checker refuses it")
        else:
            failures.append(f"{path}: bad fixture not classified in tests/schema_agreement.py")

    for f in failures:
        print("FAIL " + f)
    print(f"{len(failures)} schema agreement failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
