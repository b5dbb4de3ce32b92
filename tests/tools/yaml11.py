#!/usr/bin/python3
"""Reads front matter the way YAML 1.1 readers (PyYAML, Jekyll's Psych) do, for the fidelity tests.

Input (stdin): a JSON array of [front_matter_text, [key, ...]] pairs; numeric keys index lists.
Output (stdout): a JSON array with, for each pair, {"t": type name, "v": value as text} of the value
at that path ("t" is "str", "int", "float", "bool", "date", "datetime", "NoneType", ...), or
{"error": message} where the text does not load or the path is missing.
"""
import datetime
import json
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # same YAML 1.1 resolver, in C when built


def value_at(text, path):
    node = yaml.load(text, Loader=Loader)
    for key in path:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if isinstance(node, bool):
        return {"t": "bool", "v": "true" if node else "false"}
    if isinstance(node, float):
        return {"t": "float", "v": repr(node)}
    if isinstance(node, (datetime.date, datetime.datetime)):
        return {"t": type(node).__name__, "v": node.isoformat()}
    if isinstance(node, (dict, list)):
        return {"t": type(node).__name__, "v": json.dumps(node, default=str)}
    return {"t": type(node).__name__, "v": "" if node is None else str(node)}


def main():
    out = []
    for text, path in json.load(sys.stdin):
        try:
            out.append(value_at(text, path))
        except Exception as e:  # a test failure to report, not a crash of the helper
            out.append({"error": "%s: %s" % (type(e).__name__, e)})
    json.dump(out, sys.stdout)


main()
