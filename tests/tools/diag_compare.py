#!/usr/bin/python3
"""Holds `auditgen check --diagnostics json` to the text diagnostics.

usage: diag_compare.py BIN FILE...

For each FILE, runs `BIN check FILE` and `BIN check FILE --diagnostics
json`: the exit codes must be equal; standard output must be one JSON
array of objects with exactly the keys file, line, column, path, severity,
message_en, message_zh; its entries must be the text run's diagnostics
(file, line, column, severity, message) in the same order; path must be
the text before the message's first ": " when the message starts with a
key path; and message_zh must be Chinese text for the structural classes
(unknown key, missing required key, wrong type, a word not in its list).
Prints one line per file; exit 1 on any difference."""
import json
import re
import subprocess
import sys

KEYS = {"file", "line", "column", "path", "severity", "message_en",
        "message_zh"}
STRUCTURAL = re.compile(r'(unknown key "|missing required key "|^expected '
                        r'(a mapping|a list|text|a number)|^"[^"]*" is not '
                        r'one of )')


def text_diags(path, err):
    out = []
    for line in err.splitlines():
        if not line.startswith(path + ":"):
            continue
        m = re.match(r"^(\d+):(\d+): (error|warning): (.*)$",
                     line[len(path) + 1:])
        if m:
            out.append((path, int(m.group(1)), int(m.group(2)), m.group(3),
                        m.group(4)))
            continue
        m = re.match(r"^ (error|warning): (.*)$", line[len(path) + 1:])
        if m:
            out.append((path, None, None, m.group(1), m.group(2)))
    return out


def main(argv):
    binary, files = argv[1], argv[2:]
    bad = 0
    for f in files:
        t = subprocess.run([binary, "check", f], capture_output=True,
                           text=True)
        j = subprocess.run([binary, "check", f, "--diagnostics", "json"],
                           capture_output=True, text=True)
        problems = []
        if t.returncode != j.returncode:
            problems.append("exit %d in text, %d in json" % (t.returncode,
                                                              j.returncode))
        if j.stderr:
            problems.append("json mode wrote on stderr: " + j.stderr[:200])
        try:
            arr = json.loads(j.stdout)
        except ValueError as e:
            arr = []
            problems.append("not JSON: %s" % e)
        if not isinstance(arr, list):
            problems.append("not an array")
            arr = []
        got = []
        for o in arr:
            if set(o) != KEYS:
                problems.append("keys %s" % sorted(o))
                continue
            got.append((o["file"], o["line"], o["column"], o["severity"],
                        o["message_en"]))
            msg = o["message_en"]
            head = msg.split(": ", 1)
            rest = msg
            if o["path"] is not None:
                if head[0] != o["path"]:
                    problems.append("path %r of %r" % (o["path"], msg))
                rest = head[1] if len(head) > 1 else ""
            if STRUCTURAL.search(rest):
                zh = o["message_zh"] or ""
                if not re.search(r"[\u4e00-\u9fff]", zh):
                    problems.append("no Chinese for %r" % msg)
        want = text_diags(f, t.stderr)
        if got != want:
            problems.append("json %r\n  text %r" % (got, want))
        print("%s %s: %d diagnostics, exit %d%s" % (
            "FAIL" if problems else "ok  ", f, len(got), j.returncode,
            "".join("\n  " + p for p in problems)))
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
