/** JSON Schemas of the files users hand to newsprint; errors name the first bad field. */
import { createRequire } from 'node:module';
import AjvModule from 'ajv';
import { InputError } from './errors.js';
import type { EditsFile, Issue, Layout, Range, Template } from './types.js';

const require = createRequire(import.meta.url);
const Ajv = AjvModule.default ?? AjvModule;
type Validator = ReturnType<InstanceType<typeof Ajv>['compile']>;
const compiled = new Map<string, Validator>();

type SchemaName = 'issue' | 'template' | 'edits';

export function schemaOf(name: SchemaName): object {
  return require(`../../schema/${name}.schema.json`) as object;
}

function check<T>(name: SchemaName, value: unknown, file: string, hint: string): T {
  let validate = compiled.get(name);
  if (!validate) compiled.set(name, (validate = new Ajv({ allErrors: false, strict: false }).compile(schemaOf(name))));
  if (!validate(value)) {
    throw new InputError(
      `not a valid ${name === 'edits' ? 'edits file' : name}: ${describe(validate.errors![0]!)}`,
      file,
      hint,
    );
  }
  return value as T;
}

type SchemaError = NonNullable<Validator['errors']>[number];

/** One schema error in words: the field, what is wrong, and what is allowed. */
function describe(e: SchemaError): string {
  const field = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  const p = e.params as { additionalProperty?: string; allowedValues?: unknown[] };
  if (e.keyword === 'additionalProperties')
    return `unknown field ${field === '(top level)' ? '' : `${field}.`}${p.additionalProperty}`;
  if (e.keyword === 'enum')
    return `field ${field} must be one of ${p.allowedValues!.map((v) => JSON.stringify(v)).join(', ')}`;
  return `field ${field} ${e.message}`;
}

export function validateIssue(value: unknown, file: string): Issue {
  const issue = check<Issue>('issue', value, file, 'make it with `newsprint recover`');
  // Issues written before furniture was recovered have none.
  issue.furniture ??= [];
  const items = [
    ...(issue.lead ? [['lead', issue.lead] as const] : []),
    ...issue.articles.map((a) => [a.id, a] as const),
  ];
  for (const [id, item] of items)
    for (const k of item.subheads ?? [])
      if (k >= item.paragraphs.length)
        throw new InputError(
          `not a valid issue: ${id}.subheads names paragraph ${k}, but it has ${item.paragraphs.length} (from 0)`,
          file,
          'make it with `newsprint recover`',
        );
  return issue;
}
export const validateEdits = (value: unknown, file: string): EditsFile =>
  check<EditsFile>(
    'edits',
    value,
    file,
    'edits files are written by `newsprint proof --serve`; see schema/edits.schema.json',
  );

/** Most body sizes a template may offer: each is a whole layout search. */
export const MAX_BODY_SIZES = 80;

export function validateTemplate(value: unknown, file: string): Template {
  const t = check<Template>('template', value, file, 'see templates/tabloid.json');
  const bad = (what: string) => new InputError(`not a valid template: ${what}`, file, 'see templates/tabloid.json');
  const ranges: Array<[string, Range]> = [
    ['body.sizes', t.body.sizes],
    ['lead.headline.sizes', t.lead.headline.sizes],
    ['lead.intro.scale', t.lead.intro.scale],
    ['headline.sizes', t.headline.sizes],
  ];
  for (const [field, { min, max }] of ranges)
    if (min > max) throw bad(`field ${field} must have min no larger than max, not min ${min} and max ${max}`);
  if (t.body.maxPitch !== undefined && t.body.maxPitch < t.body.pitch)
    throw bad(`field body.maxPitch (${t.body.maxPitch}) must be no smaller than body.pitch (${t.body.pitch})`);
  const sizes = Math.floor((t.body.sizes.max - t.body.sizes.min) / t.body.step) + 1;
  if (sizes > MAX_BODY_SIZES)
    throw bad(`body.sizes and body.step give ${sizes} body sizes to try, more than ${MAX_BODY_SIZES}`);
  const { page, margins } = t;
  if (margins.inner + margins.outer >= page.width * 0.8 || margins.top + margins.bottom >= page.height * 0.8)
    throw bad('the margins leave almost no type area');
  return t;
}

/** Largest page a layout may describe, in pt (1200 mm, beyond A0's long side). */
export const MAX_PAGE_PT = (1200 / 25.4) * 72;
/** Largest type size a layout may use, in pt. */
const MAX_TYPE_PT = 500;

/**
 * A layout is only read back by `render`: every field rendering relies on is
 * checked, every number must be finite and within the page, so a hand-made
 * file cannot put NaN or Infinity into the PDF.
 */
export function validateLayout(value: unknown, file: string): Layout {
  const fail = (field: string, what: string): never => {
    throw new InputError(`not a valid layout: field ${field} ${what}`, file, 'make it with `newsprint layout`');
  };
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  const num = (x: unknown, field: string, min = -MAX_PAGE_PT, max = 2 * MAX_PAGE_PT): number => {
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(field, 'must be a finite number');
    if ((x as number) < min || (x as number) > max) fail(field, `must be from ${min.toFixed(0)} to ${max.toFixed(0)}`);
    return x as number;
  };
  const list = (x: unknown, field: string): unknown[] => (Array.isArray(x) ? x : fail(field, 'must be an array'));
  if (!isObject(value)) return fail('(top level)', 'must be an object');
  if (value.schema !== 'newsprint/layout@1') fail('schema', 'must be "newsprint/layout@1"');
  if (!isObject(value.issue)) fail('issue', 'must be an object');
  const pages = list(value.pages, 'pages');
  if (pages.length === 0 || pages.length > 2) fail('pages', 'must hold one or two pages');
  pages.forEach((p, i) => {
    if (!isObject(p)) return fail(`pages.${i}`, 'must be an object');
    num(p.number, `pages.${i}.number`, 1, 2);
    num(p.width, `pages.${i}.width`, 1, MAX_PAGE_PT);
    num(p.height, `pages.${i}.height`, 1, MAX_PAGE_PT);
    list(p.rules, `pages.${i}.rules`).forEach((r, k) => {
      if (!isObject(r)) return fail(`pages.${i}.rules.${k}`, 'must be an object');
      for (const n of ['x1', 'y1', 'x2', 'y2']) num(r[n], `pages.${i}.rules.${k}.${n}`);
      num(r.weight, `pages.${i}.rules.${k}.weight`, 0, 20);
    });
    list(p.boxes, `pages.${i}.boxes`).forEach((b, j) => {
      if (!isObject(b)) return fail(`pages.${i}.boxes.${j}`, 'must be an object');
      list(b.lines, `pages.${i}.boxes.${j}.lines`).forEach((l, k) => {
        const at = `pages.${i}.boxes.${j}.lines.${k}`;
        if (!isObject(l)) return fail(at, 'must be an object');
        if (typeof l.text !== 'string') fail(`${at}.text`, 'must be a string');
        const xs = list(l.xs, `${at}.xs`);
        if (xs.length !== [...(l.text as string)].length) fail(`${at}.xs`, 'must give one x per character');
        xs.forEach((x, c) => num(x, `${at}.xs.${c}`));
        if (!['song', 'bold', 'heavy', 'kai'].includes(l.face as string)) fail(`${at}.face`, 'must be a face role');
        num(l.x, `${at}.x`);
        num(l.y, `${at}.y`);
        num(l.size, `${at}.size`, 0.5, MAX_TYPE_PT);
        if (l.scales !== undefined) {
          if (!isObject(l.scales)) fail(`${at}.scales`, 'must be an object');
          for (const [c, x] of Object.entries(l.scales as object)) num(x, `${at}.scales.${c}`, 0.1, 10);
        }
        if (l.halves !== undefined)
          list(l.halves, `${at}.halves`).forEach((h, c) => num(h, `${at}.halves.${c}`, 0, xs.length));
      });
    });
  });
  list(value.outline, 'outline').forEach((o, i) => {
    if (!isObject(o) || typeof o.title !== 'string') return fail(`outline.${i}`, 'must be an object with a title');
    num(o.page, `outline.${i}.page`, 1, pages.length);
    num(o.y, `outline.${i}.y`);
  });
  return value as unknown as Layout;
}
