#!/usr/bin/python3
"""TOML and JSON front matter for the format tests: copies of YAML articles, and read-back.

convert OUT_DIR FILE...: for each YAML-fronted article, writes OUT_DIR/toml/<n>.md ("+++" fences,
  written by python3-toml, checked with tomllib) and OUT_DIR/json/<n>.md (Hugo's form: the object
  from json.dumps(indent=2), then the body), with the same values and body. Prints a JSON object
  {"toml": [[source, copy], ...], "json": [...], "skipped": [[source, why], ...]}.
read (stdin: a JSON array of [format, front_matter_text, [key, ...]]): for each, the value at
  that path as tomllib or json reads it: {"t": type name, "v": value as text}, or {"error": ...}.
"""
import datetime
import json
import os
import sys
import tomllib

import toml
import yaml


def split(text):
    """(front matter, body) of a '---' article, or None."""
    if text.startswith("\ufeff"):
        return None  # the copies start with their own fence
    lines = text.split("\n")
    if not lines or lines[0].rstrip(" \t\r") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip(" \t\r") == "---":
            return "\n".join(lines[1:i]) + "\n", "\n".join(lines[i + 1:])
    return None


def toml_safe(v):
    """Values TOML can hold: None dropped, mixed-type arrays (TOML 1.0 allows them) kept."""
    if isinstance(v, dict):
        return {str(k): toml_safe(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [toml_safe(x) for x in v if x is not None]
    return v


def json_safe(v):
    if isinstance(v, dict):
        return {str(k): json_safe(x) for k, x in v.items()}
    if isinstance(v, list):
        return [json_safe(x) for x in v]
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        return str(v)
    return v


def convert(out_dir, files):
    result = {"toml": [], "json": [], "skipped": []}
    for sub in ("toml", "json"):
        os.makedirs(os.path.join(out_dir, sub), exist_ok=True)
    for n, path in enumerate(files):
        try:
            with open(path, encoding="utf-8", newline="") as f:
                parts = split(f.read())
            if parts is None:
                result["skipped"].append([path, "no YAML front matter"])
                continue
            fm, body = parts
            data = yaml.safe_load(fm)
            if not isinstance(data, dict) or not data:
                result["skipped"].append([path, "front matter is not a non-empty mapping"])
                continue
        except Exception as e:
            result["skipped"].append([path, "%s: %s" % (type(e).__name__, e)])
            continue
        name = "%03d.md" % n
        try:
            t = toml.dumps(toml_safe(data))
            tomllib.loads(t)  # python3-toml writes what TOML 1.0 reads, or the copy is skipped
            copy = os.path.join(out_dir, "toml", name)
            with open(copy, "w", encoding="utf-8", newline="") as f:
                f.write("+++\n" + t + "+++\n" + body)
            result["toml"].append([path, copy])
        except Exception as e:
            result["skipped"].append([path, "toml: %s: %s" % (type(e).__name__, e)])
        try:
            j = json.dumps(json_safe(data), indent=2, ensure_ascii=False)
            copy = os.path.join(out_dir, "json", name)
            with open(copy, "w", encoding="utf-8", newline="") as f:
                f.write(j + "\n" + body)
            result["json"].append([path, copy])
        except Exception as e:
            result["skipped"].append([path, "json: %s: %s" % (type(e).__name__, e)])
    json.dump(result, sys.stdout)


def described(node):
    if isinstance(node, bool):
        return {"t": "bool", "v": "true" if node else "false"}
    if isinstance(node, float):
        return {"t": "float", "v": repr(node)}
    if isinstance(node, (datetime.date, datetime.datetime, datetime.time)):
        return {"t": type(node).__name__, "v": node.isoformat()}
    if isinstance(node, (dict, list)):
        return {"t": type(node).__name__, "v": json.dumps(node, default=str)}
    return {"t": type(node).__name__, "v": "" if node is None else str(node)}


def read():
    out = []
    for fmt, text, path in json.load(sys.stdin):
        try:
            node = tomllib.loads(text) if fmt == "toml" else json.loads(text)
            for key in path:
                node = node[int(key)] if isinstance(node, list) else node[key]
            out.append(described(node))
        except Exception as e:  # a test failure to report, not a crash of the helper
            out.append({"error": "%s: %s" % (type(e).__name__, e)})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    if sys.argv[1:2] == ["convert"]:
        convert(sys.argv[2], sys.argv[3:])
    else:
        read()
