#!/usr/bin/env python3
"""Moves rule metadata to the catalogue: removes @severity, @source, @title and @titleEn from the rules of
DRL files where they equal rules/catalogue.yaml's entry for the rule's @ruleId (Findings then takes them from
the catalogue, so reports do not change). A title is compared with the entry's reportTitle/reportTitleEn when it
has one (the title findings carry), else with title/titleEn. A value that differs from the catalogue is kept and
printed: move it by hand into the entry (a reportTitle, a sourceNote, or a variant that the rule names with
@variant("name")), or fix the catalogue.

usage: tools/strip-catalogue-metadata.py [--check] rules/FILE.drl...
  --check  change nothing; list what would be removed and what differs (exit 1 when anything would change)
Needs Python 3 with PyYAML (Debian: python3-yaml).
"""
import re
import sys
from pathlib import Path

import yaml

KEYS = {"severity": "severity", "source": "source", "title": "title", "titleEn": "titleEn"}
META = re.compile(r'\s*@(severity|source|title|titleEn)\("((?:[^"\\]|\\.)*)"\)')
RULE = re.compile(r'^rule\s+"[^"]*"')
RULE_ID = re.compile(r'@ruleId\("([^"]+)"\)')


def expected(entry, key):
    """The value a finding of this entry carries for a DRL metadata key (reportTitle before title)."""
    if key in ("title", "titleEn") and entry.get("report" + key[0].upper() + key[1:]):
        return entry["report" + key[0].upper() + key[1:]]
    if key == "source" and entry.get("sourceNote"):
        return str(entry.get("source", "")) + entry["sourceNote"]
    return entry.get(KEYS[key], "")


def main(argv):
    check = "--check" in argv
    files = [a for a in argv if a != "--check"]
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(files[0]).resolve().parent
    catalogue = {e["id"]: e for e in yaml.safe_load((root / "catalogue.yaml").read_text(encoding="utf-8"))["rules"]}
    changed = 0
    for name in files:
        path = Path(name)
        lines = path.read_text(encoding="utf-8").split("\n")
        out, rule_id, removed, kept = [], None, 0, []
        for n, line in enumerate(lines, 1):
            if RULE.match(line):
                rule_id = None
            m = RULE_ID.search(line)
            if m:
                rule_id = m.group(1)
            entry = catalogue.get(rule_id) if rule_id else None
            if entry is None or not META.search(line) or line.lstrip().startswith("//"):
                out.append(line)
                continue

            def strip(mm):
                nonlocal removed
                key, value = mm.group(1), mm.group(2)
                if str(expected(entry, key)) == value:
                    removed += 1
                    return ""
                kept.append(f"{path}:{n}: {rule_id} @{key}(\"{value}\") differs from catalogue.yaml "
                            f"(\"{expected(entry, key)}\")")
                return mm.group(0)

            new = META.sub(strip, line)
            if new.strip():
                out.append(new.rstrip())
            # a line that held only catalogue metadata is dropped
        for k in kept:
            print(k)
        print(f"{path}: {removed} metadata values equal to the catalogue {'would be ' if check else ''}removed, "
              f"{len(kept)} differing kept")
        if removed:
            changed += 1
            if not check:
                path.write_text("\n".join(out), encoding="utf-8")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
