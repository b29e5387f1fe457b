#!/usr/bin/env python3
"""Checks every relative link of README.md and docs/*.md: the file exists and, with #anchor, the heading does.

Usage: scripts/check-doc-links.py [FILE.md ...]   (default: README.md and every docs/*.md)

Links are Markdown links [text](target) outside code blocks and inline code. Links with a scheme (https:, mailto:)
are not followed. Anchors are compared with GitHub's heading ids: lower case, punctuation other than - and _
removed, spaces as -, and -1, -2, ... for repeated headings. A link to a folder must name an existing folder.
Prints every broken link as FILE:LINE: target: what is wrong, and exits 1 when there is one.
"""
import glob
import os
import re
import sys

LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def slug(text):
    """GitHub's id of a heading's text."""
    text = re.sub(r"<[^>]+>", "", text)                        # inline HTML
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)        # links keep their text
    text = text.replace("`", "").lower()
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


def lines_outside_code(path, strip_inline_code=True):
    """(line number, text) of every line outside fenced code blocks, with inline code removed unless told."""
    inside = False
    for number, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            yield number, INLINE_CODE.sub("", line) if strip_inline_code else line


def anchors(path, cache={}):
    if path not in cache:
        seen, ids = {}, set()
        for _, line in lines_outside_code(path, strip_inline_code=False):
            m = HEADING.match(line) if line.startswith("#") else None
            if not m:
                continue
            base = slug(m.group(2))
            n = seen.get(base, 0)
            ids.add(base if n == 0 else f"{base}-{n}")
            seen[base] = n + 1
        # Explicit anchors: <a id="x"> or <a name="x">
        text = open(path, encoding="utf-8").read()
        ids.update(re.findall(r"<a\s+(?:id|name)=\"([^\"]+)\"", text))
        cache[path] = ids
    return cache[path]


def check(page):
    problems = []
    directory = os.path.dirname(page)
    for number, line in lines_outside_code(page):
        for m in list(LINK.finditer(line)) + list(IMAGE.finditer(line)):
            target = m.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                continue
            path, _, anchor = target.partition("#")
            resolved = os.path.normpath(os.path.join(directory, path)) if path else page
            if not os.path.exists(resolved):
                problems.append(f"{page}:{number}: {target}: no file {resolved}")
                continue
            if anchor:
                if os.path.isdir(resolved) or not resolved.endswith(".md"):
                    problems.append(f"{page}:{number}: {target}: an anchor into a file that is not Markdown")
                elif anchor not in anchors(resolved):
                    problems.append(f"{page}:{number}: {target}: no heading #{anchor} in {resolved}")
    return problems


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    pages = sys.argv[1:] or ["README.md"] + sorted(glob.glob("docs/*.md"))
    problems = [p for page in pages for p in check(page)]
    for p in problems:
        print(p)
    print(f"{len(pages)} pages, {len(problems)} broken links")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
