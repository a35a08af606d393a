/** JSON Schemas of the files users hand to newsprint; errors name the first bad field. */
import { createRequire } from 'node:module';
import AjvModule from 'ajv';
import { InputError } from './errors.js';
import type { Issue, Layout, Template } from './types.js';

const require = createRequire(import.meta.url);
const Ajv = AjvModule.default ?? AjvModule;
type Validator = ReturnType<InstanceType<typeof Ajv>['compile']>;
const compiled = new Map<string, Validator>();

export function schemaOf(name: 'issue' | 'template'): object {
  return require(`../../schema/${name}.schema.json`) as object;
}

function check<T>(name: 'issue' | 'template', value: unknown, file: string, hint: string): T {
  let validate = compiled.get(name);
  if (!validate) compiled.set(name, (validate = new Ajv({ allErrors: false, strict: false }).compile(schemaOf(name))));
  if (!validate(value)) {
    const e = validate.errors![0]!;
    const field = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    throw new InputError(`not a valid ${name}: field ${field} ${e.message}`, file, hint);
  }
  return value as T;
}

export const validateIssue = (value: unknown, file: string): Issue => check<Issue>('issue', value, file, 'make it with `newsprint recover`');
export const validateTemplate = (value: unknown, file: string): Template => check<Template>('template', value, file, 'see templates/tabloid.json');

/** A layout is only read back by `render`; its shape is checked where rendering relies on it. */
export function validateLayout(value: unknown, file: string): Layout {
  const v = value as Partial<Layout> | null;
  const fail = (field: string, what: string): never => {
    throw new InputError(`not a valid layout: field ${field} ${what}`, file, 'make it with `newsprint layout`');
  };
  if (!v || typeof v !== 'object') fail('(top level)', 'must be an object');
  if (v!.schema !== 'newsprint/layout@1') fail('schema', 'must be "newsprint/layout@1"');
  if (!Array.isArray(v!.pages) || v!.pages.length === 0) fail('pages', 'must be a non-empty array');
  v!.pages!.forEach((p, i) => {
    if (typeof p.width !== 'number' || typeof p.height !== 'number') fail(`pages.${i}.width`, 'must be a number');
    if (!Array.isArray(p.boxes)) fail(`pages.${i}.boxes`, 'must be an array');
    p.boxes.forEach((b, j) => {
      if (!Array.isArray(b.lines)) fail(`pages.${i}.boxes.${j}.lines`, 'must be an array');
      b.lines.forEach((l, k) => {
        const at = `pages.${i}.boxes.${j}.lines.${k}`;
        if (typeof l.text !== 'string') fail(`${at}.text`, 'must be a string');
        if (!Array.isArray(l.xs) || l.xs.length !== [...l.text].length) fail(`${at}.xs`, 'must give one x per character');
        if (!['song', 'bold', 'heavy', 'kai'].includes(l.face)) fail(`${at}.face`, 'must be a face role');
        for (const n of ['x', 'y', 'size'] as const) if (typeof l[n] !== 'number' || !Number.isFinite(l[n])) fail(`${at}.${n}`, 'must be a number');
      });
    });
  });
  if (!Array.isArray(v!.outline)) fail('outline', 'must be an array');
  return v as Layout;
}
