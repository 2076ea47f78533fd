#!/usr/bin/env python3
"""Writes large-2000-lines.openapi.yaml: the sample service's spec plus generated CRUD resources
(paged list, creating POST with Idempotency-Key, read by id), each following the guidelines, until
the file has about 2,000 lines. The benchmark input of docs/benchmarks.md ("lint CLI").

Usage: python3 make-large-spec.py  (from this folder; needs no packages beyond the standard library)
"""
import pathlib

HERE = pathlib.Path(__file__).parent
SAMPLE = HERE / "../../../../../../samples/powerflow-service/src/main/resources/openapi.yaml"
BASE = "https://sogno-platform.github.io/sogno-api/base/v1/openapi.yaml#/components"
NOUNS = ["substation", "feeder", "transformer", "meter", "line", "switch", "breaker", "generator",
         "load-profile", "tariff", "outage", "measurement", "asset", "scenario", "contingency",
         "grid-model", "battery", "charger", "heat-pump", "pv-plant"]
TARGET_LINES = 2000


def camel(kebab):
    head, *rest = kebab.split("-")
    return head + "".join(word.capitalize() for word in rest)


def pascal(kebab):
    return "".join(word.capitalize() for word in kebab.split("-"))


def problems(indent):
    pad = " " * indent
    return "".join(f"{pad}'{code}':\n{pad}  $ref: '{BASE}/responses/{name}'\n" for code, name in
                   [("400", "BadRequest"), ("401", "Unauthorized"), ("404", "NotFound"),
                    ("500", "InternalServerError")])


def paths(noun):
    plural, schema, param = noun + "s", pascal(noun), camel(noun) + "Id"
    return f"""  /v1/{plural}:
    get:
      tags: [generated]
      operationId: list{schema}s
      summary: List {plural}, a page at a time
      parameters:
        - $ref: '{BASE}/parameters/Limit'
        - $ref: '{BASE}/parameters/Cursor'
      responses:
        '200':
          description: A page of {plural}.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/{schema}Page'
{problems(8)}    post:
      tags: [generated]
      operationId: create{schema}
      summary: Create a {noun.replace('-', ' ')}
      parameters:
        - $ref: '{BASE}/parameters/IdempotencyKey'
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/{schema}'
      responses:
        '201':
          description: Created.
          headers:
            Location:
              $ref: '{BASE}/headers/Location'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/{schema}'
{problems(8)}  /v1/{plural}/{{{param}}}:
    get:
      tags: [generated]
      operationId: get{schema}
      summary: Read one {noun.replace('-', ' ')}
      parameters:
        - name: {param}
          in: path
          required: true
          schema:
            type: string
            format: uuid
      responses:
        '200':
          description: The {noun.replace('-', ' ')}.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/{schema}'
{problems(8)}"""


def schemas(noun):
    schema = pascal(noun)
    return f"""    {schema}:
      type: object
      required: [id, name]
      properties:
        id:
          type: string
          format: uuid
          readOnly: true
        name:
          type: string
        ratedPowerMw:
          type: number
          format: double
        commissionedAt:
          type: string
          format: date-time
        status:
          type: string
          enum: [planned, in-service, out-of-service]
    {schema}Page:
      type: object
      required: [items]
      properties:
        items:
          type: array
          items:
            $ref: '#/components/schemas/{schema}'
        next:
          type: string
          nullable: true
"""


def main():
    sample = SAMPLE.read_text(encoding="utf-8")
    head, components = sample.split("\ncomponents:\n", 1)
    nouns = []
    while True:
        nouns.append(NOUNS[len(nouns) % len(NOUNS)] + ("" if len(nouns) < len(NOUNS) else f"-{len(nouns) // len(NOUNS)}"))
        extra_paths = "".join(paths(n) for n in nouns)
        extra_schemas = "".join(schemas(n) for n in nouns)
        text = (head.replace("\ntags:\n", "\ntags:\n  - name: generated\n    description: Generated CRUD resources.\n", 1)
                + "\n" + extra_paths + "\ncomponents:\n"
                + components.replace("\n  schemas:\n", "\n  schemas:\n" + extra_schemas, 1))
        if text.count("\n") >= TARGET_LINES:
            break
    text = text.replace("title: SOGNO power-flow sample service", "title: SOGNO lint benchmark (generated)", 1)
    (HERE / "large-2000-lines.openapi.yaml").write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10))} lines, {len(nouns)} generated resources")


if __name__ == "__main__":
    main()
