"""Validates YAML files against a JSON Schema with python-jsonschema (Debian's python3-jsonschema).

An independent check of docs/city-policy.schema.json: PyYAML reads each file (dates kept as text,
as YAML 1.2 and editors read them), jsonschema validates it, with format checks (date).

usage: validate.py SCHEMA FILE...
prints one line per file: "valid FILE" or "invalid FILE: <first error>"; exit status 0.
"""
import json
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """PyYAML's safe loader without the YAML 1.1 timestamp type: 2025-12-01 stays text."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            where = "/".join(str(p) for p in errors[0].absolute_path)
            print("invalid %s: %s: %s" % (path, where, errors[0].message))
        else:
            print("valid %s" % path)


if __name__ == "__main__":
    main()
