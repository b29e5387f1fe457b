#!/usr/bin/env python3
"""Validates every YAML example in docs/*.md with `capsim validate`.

Usage: scripts/check-doc-snippets.py [CAPSIM] [DOC.md ...]
  CAPSIM  the capsim binary (default .build/release/capsim)
  DOC.md  the pages to check (default: every docs/*.md)

Each ```yaml block is checked as follows, according to the HTML comment on the line just above its fence:
  (none)                       a whole scenario if it has a top-level `name:`; otherwise a fragment (below)
  <!-- snippet: base -->       the scenario that fragments are merged into (docs/README.md has it); checked too
  <!-- snippet: fragment -->   top-level keys merged into the base scenario: list items replace the base item
                               with the same id (or site), or are appended; mappings are merged; values replace
  <!-- snippet: invalid -->    must be rejected (exit 65), as a whole scenario or a fragment
  <!-- snippet: skip -->       not a scenario (a portfolio file, a partial listing); not checked
Prints one line per block and exits 1 when any block does not behave as marked. Needs PyYAML.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

import yaml

FENCE = re.compile(r"^```yaml\s*$")
MARK = re.compile(r"<!--\s*snippet:\s*(\w+)\s*-->")


def blocks(path):
    """(line, mark, text) of every yaml block of a Markdown file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, i = [], 0
    while i < len(lines):
        if FENCE.match(lines[i]):
            mark = None
            if i > 0:
                m = MARK.search(lines[i - 1])
                mark = m.group(1) if m else None
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            out.append((i + 1, mark, "\n".join(lines[i + 1:j]) + "\n"))
            i = j
        i += 1
    return out


def key_of(item):
    if isinstance(item, dict):
        for k in ("id", "site"):
            if k in item:
                return (k, item[k])
    return None


def merge(base, fragment):
    out = dict(base)
    for key, value in fragment.items():
        old = out.get(key)
        if isinstance(old, list) and isinstance(value, list):
            merged = list(old)
            for item in value:
                k = key_of(item)
                at = next((n for n, o in enumerate(merged) if k is not None and key_of(o) == k), None)
                if at is None:
                    merged.append(item)
                else:
                    merged[at] = item
            out[key] = merged
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = {**old, **value}
        else:
            out[key] = value
    return out


def validate(capsim, text, directory):
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", dir=directory, delete=False, encoding="utf-8") as f:
        f.write(text)
        name = f.name
    try:
        p = subprocess.run([capsim, "validate", name], capture_output=True, text=True)
        return p.returncode, (p.stdout + p.stderr).replace(name, "SNIPPET")
    finally:
        os.unlink(name)


def main():
    args = sys.argv[1:]
    capsim = args.pop(0) if args and not args[0].endswith(".md") else ".build/release/capsim"
    pages = args or sorted(glob.glob("docs/*.md"))
    found = [(p, line, mark, text) for p in pages for (line, mark, text) in blocks(p)]
    everywhere = [b for p in sorted(glob.glob("docs/*.md")) for b in blocks(p)] + [b for (_, *b) in found]
    base = next((yaml.safe_load(t) for (_, m, t) in everywhere if m == "base"), None)
    failures = 0
    with tempfile.TemporaryDirectory() as directory:
        for page, line, mark, text in found:
            where = f"{page}:{line}"
            if mark == "skip":
                print(f"{where}: skipped")
                continue
            try:
                doc = yaml.safe_load(text)
            except yaml.YAMLError as e:
                doc = None
                if mark != "invalid":
                    print(f"{where}: FAIL: not YAML: {e}")
                    failures += 1
                    continue
            whole = isinstance(doc, dict) and "name" in doc
            if not whole and mark in (None, "fragment", "invalid") and isinstance(doc, dict):
                if base is None:
                    print(f"{where}: FAIL: a fragment, but no block is marked <!-- snippet: base -->")
                    failures += 1
                    continue
                text = yaml.safe_dump(merge(base, doc), sort_keys=False, allow_unicode=True)
            status, output = validate(capsim, text, directory)
            expected = 65 if mark == "invalid" else 0
            if status == expected:
                first = output.strip().split("\n")[0] if expected else ""
                print(f"{where}: ok ({'whole scenario' if whole else 'fragment'}{', rejected as expected: ' + first if expected else ''})")
            else:
                print(f"{where}: FAIL: exit {status}, expected {expected}\n{output}")
                failures += 1
    print(f"{len(found)} blocks, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
