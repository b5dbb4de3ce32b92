#!/usr/bin/python3
"""Checks site-wide changes with a second reader (PyYAML), for tests/model/tst_sitechange.cpp.

Input (stdin): a JSON array of {"old": file text, "new": file text, "key": [key, ...],
"value": the value expected at key in the new file (JSON), "absent": true when the key must be
gone}. Numeric keys index lists. Each file's front matter (between the first two `---` lines) is
loaded; the new one must equal the old one with only that value changed, and the body after the
front matter must be the same.
Output (stdout): a JSON array with, for each item, "" or what is wrong.
"""
import datetime
import json
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split(text):
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None, text
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1:])
    return None, text


def plain(node):
    # Dates as text, so that JSON values can be compared with them.
    if isinstance(node, (datetime.date, datetime.datetime)):
        return node.isoformat()
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node


def parent_and_last(tree, path):
    node = tree
    for key in path[:-1]:
        node = node[int(key)] if isinstance(node, list) else node[key]
    last = path[-1]
    return node, (int(last) if isinstance(node, list) else last)


def check(item):
    old_fm, old_body = split(item["old"])
    new_fm, new_body = split(item["new"])
    if old_body != new_body and item["key"]:
        return "the body changed"
    old = plain(yaml.load(old_fm or "", Loader=Loader)) or {}
    new = plain(yaml.load(new_fm or "", Loader=Loader)) or {}
    path = item["key"]
    if path:
        parent, last = parent_and_last(old, path)
        if item.get("absent"):
            del parent[last]
            # A map left empty reads as null.
            if path[:-1] and parent == {}:
                grand, glast = parent_and_last(old, path[:-1])
                if new_at(new, path[:-1]) is None:
                    grand[glast] = None
        else:
            parent[last] = item["value"]
    if old != new:
        return "front matter differs: expected %s, got %s" % (
            json.dumps(old, sort_keys=True, default=str)[:400],
            json.dumps(new, sort_keys=True, default=str)[:400])
    return ""


def new_at(tree, path):
    try:
        node = tree
        for key in path:
            node = node[int(key)] if isinstance(node, list) else node[key]
        return node
    except (KeyError, IndexError, TypeError):
        return "missing"


def main():
    out = []
    for item in json.load(sys.stdin):
        try:
            out.append(check(item))
        except Exception as e:  # a failure to report, not a crash of the helper
            out.append("%s: %s" % (type(e).__name__, e))
    json.dump(out, sys.stdout)


main()
