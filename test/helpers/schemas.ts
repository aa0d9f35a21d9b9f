// Schema validators for the machine formats, for tests: the JSON report against Faultline's own
// src/report/report.schema.json (draft 2020-12), SARIF logs against the SARIF 2.1.0 schema that
// @microsoft/jest-sarif ships (draft-04, so ajv-draft-04; ajv-formats for uri and date-time).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { ROOT } from "./run-cli.js";

/** The text of the published JSON report schema. */
export const REPORT_SCHEMA_TEXT = readFileSync(join(ROOT, "src/report/report.schema.json"), "utf8");

/** Validates a `--format json` document. */
export const validateReport: ValidateFunction = new Ajv2020({ allErrors: true, strictTypes: false }).compile(JSON.parse(REPORT_SCHEMA_TEXT) as object);

/** Validates a SARIF log. The schema's `language` pattern is not a valid `u` regexp, hence unicodeRegExp: false. */
export const validateSarif: ValidateFunction = (() => {
  const path = createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path, "utf8")) as object);
})();

/** The validator's complaints about `doc`, one line each (empty when it is valid). */
export function schemaProblems(validate: ValidateFunction, doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
