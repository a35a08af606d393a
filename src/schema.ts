import { createRequire } from 'node:module';
import AjvModule from 'ajv';
import { InputError } from './errors.js';
import type { Issue } from './types.js';

const require = createRequire(import.meta.url);
const Ajv = AjvModule.default ?? AjvModule;
let validate: ReturnType<InstanceType<typeof Ajv>['compile']> | null = null;

/** The issue format, documented in schema/issue.schema.json. */
export function issueSchema(): object {
  return require('../../schema/issue.schema.json') as object;
}

/** Checks a parsed issue.json against the schema; the error names the first bad field. */
export function validateIssue(value: unknown, file: string): Issue {
  validate ??= new Ajv({ allErrors: false, strict: false }).compile(issueSchema());
  if (!validate(value)) {
    const e = validate.errors![0]!;
    const field = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    throw new InputError(`not a valid issue: field ${field} ${e.message}`, file, 'make it with `newsprint recover`');
  }
  return value as Issue;
}
