#!/usr/bin/python3
"""Validates facility files against schema/facility.schema.json, as an
editor with the YAML language server would (YAML 1.2 core schema: dates and
yes/no stay strings), and holds the schema to `auditgen check`'s verdicts.

usage: schema_validate.py SCHEMA samples FILE...
           every file must be valid against the schema
       schema_validate.py SCHEMA bad DIR
           every DIR/NAME.yaml with DIR/NAME.err, classified by its
           expected messages (see classify):
             structural  some error is an unknown key, a missing required
                         key, a value of the wrong type or a word not in
                         its list: the schema must reject the file;
             not-yaml    the file is not one YAML document that a YAML
                         parser reads (binary, alias bomb, duplicate keys,
                         deep nesting...): outside what a schema sees; the
                         parser must refuse it or the schema reject it;
             semantic    every error is about values (ranges, references,
                         units, sums, dates, files): the schema may accept
                         the file (counted, not asserted).
Prints one line per file and a summary; exit 1 on any failure."""
import json
import os
import re
import sys

import jsonschema
import yaml


class Core12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit
    types: null, true/false, integers, floats; everything else a string."""


Core12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$",
     list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]:
    Core12Loader.add_implicit_resolver(tag, re.compile(regexp), first)


def _int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v)


def _bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


Core12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Core12Loader.add_constructor("tag:yaml.org,2002:bool", _bool)


def _no_duplicates(loader, node, deep=False):
    keys = set()
    for k, _ in node.value:
        key = loader.construct_object(k, deep=deep)
        if key in keys:
            raise yaml.constructor.ConstructorError(
                None, None, "duplicate key %r" % (key,), k.start_mark)
        keys.add(key)
    return loader.construct_mapping(node, deep)


Core12Loader.add_constructor("tag:yaml.org,2002:map", _no_duplicates)

STRUCTURAL = re.compile(
    r': (unknown key "|missing required key "|expected (a mapping|a list|'
    r'text|a number|true or false|a quantity|a name \{zh)|"[^"]*" is not one '
    r'of )')


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) > 1 << 20:
        raise ValueError("larger than 1 MiB")
    loader = Core12Loader(data.decode("utf-8"))
    try:
        node = loader.get_single_node()
        # aliases expanded, as a validator walks the tree: a bomb of
        # nested aliases is refused here as the loader refuses it
        if node is not None and expanded_size(node, {}) > 1000000:
            raise ValueError("aliases expand to more than 10^6 nodes")
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def expanded_size(node, memo):
    if id(node) in memo:
        return memo[id(node)]
    memo[id(node)] = 1  # a cycle counts once
    n = 1
    if isinstance(node, yaml.SequenceNode):
        n += sum(expanded_size(x, memo) for x in node.value)
    elif isinstance(node, yaml.MappingNode):
        n += sum(expanded_size(k, memo) + expanded_size(v, memo)
                 for k, v in node.value)
    memo[id(node)] = n
    return n


class Both:
    """The schema as draft 2020-12 (what it declares) and as draft-07 (what
    the YAML language server validates with: it uses only keywords both
    drafts have, so an editor must give the same verdicts)."""

    def __init__(self, schema):
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        if cls is not jsonschema.Draft202012Validator:
            raise SystemExit("the schema is not draft 2020-12")
        self.v2020 = cls(schema)
        as7 = dict(schema, **{"$schema": "http://json-schema.org/draft-07/schema#"})
        jsonschema.Draft7Validator.check_schema(as7)
        self.v7 = jsonschema.Draft7Validator(as7)


def validator(schema_path):
    with open(schema_path, encoding="utf-8") as f:
        return Both(json.load(f))


def errors(v, doc):
    """The draft 2020-12 errors; a draft-07 verdict that differs is an
    error of its own."""
    errs = sorted(v.v2020.iter_errors(doc),
                  key=lambda e: list(map(str, e.absolute_path)))
    if bool(errs) != (next(v.v7.iter_errors(doc), None) is not None):
        raise SystemExit("draft-07 and draft 2020-12 disagree")
    return errs


def where(e):
    return "/".join(str(p) for p in e.absolute_path) or "(top)"


def samples(v, files):
    bad = 0
    for path in files:
        errs = errors(v, load(path))
        for e in errs[:5]:
            print("%s: %s: %s" % (path, where(e), e.message[:200]))
        print("%s %s" % ("FAIL" if errs else "ok  ", path))
        bad += bool(errs)
    return bad


def classify(err_text, path):
    # the case's own errors: a file it names (a year's file of history:)
    # has errors of its own, which say nothing of the case's structure
    lines = [l for l in err_text.splitlines()
             if ": error: " in l and l.startswith(path + ":")]
    if any(STRUCTURAL.search(l) for l in lines):
        return "structural"
    return "semantic"


def bad_cases(v, folder):
    counts = {}
    failures = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml"):
            continue
        path = os.path.join(folder, name)
        err_path = path[:-5] + ".err"
        if not os.path.exists(err_path):
            continue
        with open(err_path, encoding="utf-8", errors="replace") as f:
            kind = classify(f.read(), path)
        try:
            doc = load(path)
            parsed = True
        except Exception as e:  # the parser refused it
            parsed, why = False, (str(e).splitlines() or [""])[0][:120]
        if not parsed:
            verdict, ok = "not-yaml", True
            note = "parser refused: " + why
        else:
            errs = errors(v, doc)
            verdict = kind
            if kind == "structural":
                ok = bool(errs)
                note = ("schema rejects: %s: %s" % (where(errs[0]),
                                                    errs[0].message[:100])
                        if errs else "SCHEMA ACCEPTS a structurally bad file")
            else:
                ok = True
                note = ("schema also rejects" if errs else
                        "schema accepts (the error is about values)")
        counts[verdict] = counts.get(verdict, 0) + 1
        failures += not ok
        print("%s %-10s %s: %s" % ("ok  " if ok else "FAIL", verdict, name,
                                   note))
    print("summary: " + ", ".join("%s %d" % kv for kv in sorted(counts.items()))
          + ", failures %d" % failures)
    return failures


def main(argv):
    if len(argv) < 4 or argv[2] not in ("samples", "bad"):
        print(__doc__, file=sys.stderr)
        return 2
    v = validator(argv[1])
    if argv[2] == "samples":
        return 1 if samples(v, argv[3:]) else 0
    return 1 if bad_cases(v, argv[3]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
