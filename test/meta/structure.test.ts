/** The architecture, checked: who may import whom, and the JSON Schemas agree with the types. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { schemaOf } from '../../src/schema.js';
import {
  type Article,
  type Byline,
  CORRECTION_KINDS,
  EDIT_OPS,
  FURNITURE_KINDS,
  type Issue,
  type Lead,
  type Masthead,
  type Template,
  WARNING_CODES,
} from '../../src/types.js';
import { ROOT } from '../paths.js';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative import of a file, as a path from the repository root (without extension). */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/from '(\.[^']+)'/g)].map((m) =>
    relative(ROOT, resolve(dirname(file), m[1]!)).replace(/\.js$/, ''),
  );
}

test('no command imports another command; batch, bench and tests import the pipeline, not commands', () => {
  const problems: string[] = [];
  for (const file of [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'test')), ...tsFiles(join(ROOT, 'bench'))]) {
    const me = relative(ROOT, file).replace(/\.ts$/, '');
    for (const target of importsOf(file)) {
      const intoCommands = target.startsWith('src/cli/commands/');
      if (intoCommands && me !== 'src/cli/index') problems.push(`${me} imports ${target}`);
      if (me.startsWith('src/') && !me.startsWith('src/cli/') && target.startsWith('src/cli/'))
        problems.push(`${me} reaches into the CLI: ${target}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('pure stages stay pure: recover/ and layout/ import no stage after them, no file system, no browser', () => {
  const problems: string[] = [];
  for (const stage of ['recover', 'layout']) {
    for (const file of tsFiles(join(ROOT, 'src', stage))) {
      const src = readFileSync(file, 'utf8');
      const me = relative(ROOT, file);
      for (const banned of [
        'node:fs',
        'puppeteer',
        'pdf-lib',
        '../check/',
        '../render/',
        '../pipeline/',
        '../cli/',
        '../io/',
      ])
        if (src.includes(`'${banned}`)) problems.push(`${me} imports ${banned}`);
      if (stage === 'recover' && src.includes("'../layout/")) problems.push(`${me} imports layout`);
      if (stage === 'layout' && src.includes("'../recover/")) problems.push(`${me} imports recover`);
    }
  }
  assert.deepEqual(problems, []);
});

// Every field of the types, listed so that the compiler fails when a field is added to a type and not here.
const fields = <T>(keys: Record<keyof T, true>) => Object.keys(keys).sort();
const ISSUE = fields<Issue>({
  schema: true,
  source: true,
  masthead: true,
  lead: true,
  articles: true,
  furniture: true,
  corrections: true,
  warnings: true,
});
const ARTICLE = fields<Article>({
  id: true,
  headline: true,
  byline: true,
  paragraphs: true,
  subheads: true,
  source: true,
  confidence: true,
  reviewed: true,
});
const LEAD = fields<Lead>({
  headline: true,
  kicker: true,
  deck: true,
  paragraphs: true,
  subheads: true,
  source: true,
  confidence: true,
  reviewed: true,
});
const BYLINE = fields<Byline>({ role: true, name: true });
const MASTHEAD = fields<Masthead>({
  text: true,
  section: true,
  date: true,
  dateText: true,
  weekday: true,
  emailLabel: true,
  email: true,
  extra: true,
  line: true,
});
const TEMPLATE = fields<Template>({
  name: true,
  description: true,
  page: true,
  margins: true,
  columns: true,
  gutterEm: true,
  body: true,
  masthead: true,
  runningHead: true,
  lead: true,
  headline: true,
  byline: true,
  rules: true,
  maxHeadlineExtra: true,
  jumps: true,
});

type Schema = {
  properties?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
  $ref?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
};

/** The object schema at a path of property names, following $ref, anyOf/oneOf (null) and arrays. */
function at(root: Schema, path: string[]): Schema {
  const deref = (s: Schema): Schema => {
    if (s.$ref) return deref(root.definitions![s.$ref.split('/').pop()!]!);
    const alt = (s.anyOf ?? s.oneOf)?.find((x) => deref(x).properties);
    if (alt) return deref(alt);
    if (s.items) return deref(s.items);
    return s;
  };
  return path.reduce((s, key) => deref(deref(s).properties![key]!), deref(root));
}

test('the JSON Schemas list exactly the fields of the types', () => {
  const issue = schemaOf('issue') as Schema;
  const keys = (s: Schema) => Object.keys(s.properties ?? {}).sort();
  assert.deepEqual(keys(at(issue, [])), ISSUE);
  assert.deepEqual(keys(at(issue, ['articles'])), ARTICLE);
  assert.deepEqual(keys(at(issue, ['lead'])), LEAD);
  assert.deepEqual(keys(at(issue, ['articles', 'byline'])), BYLINE);
  assert.deepEqual(keys(at(issue, ['masthead'])), MASTHEAD);
  assert.deepEqual(keys(at(schemaOf('template') as Schema, [])), TEMPLATE);
});

test('the JSON Schemas list exactly the correction kinds, warning codes and furniture kinds of the types', () => {
  type Enum = Schema & { enum?: string[] };
  const issue = schemaOf('issue') as Schema;
  const enumAt = (path: string[], key: string) => ((at(issue, path).properties![key] as Enum).enum ?? []).sort();
  assert.deepEqual(enumAt(['corrections'], 'kind'), [...CORRECTION_KINDS].sort());
  assert.deepEqual(enumAt(['warnings'], 'code'), [...WARNING_CODES].sort());
  assert.deepEqual(enumAt(['furniture'], 'kind'), [...FURNITURE_KINDS].sort());
  // The edits schema: one branch per operation, and furniture marked with the issue's kinds.
  const edits = schemaOf('edits') as { properties: { edits: { items: { oneOf: Schema[] } } } };
  const branches = edits.properties.edits.items.oneOf;
  const ops = branches.map((b) => (b.properties!.op as { const: string }).const).sort();
  assert.deepEqual(ops, [...EDIT_OPS].sort());
  const furniture = branches.find((b) => (b.properties!.op as { const: string }).const === 'mark-furniture')!;
  assert.deepEqual([...((furniture.properties!.kind as Enum).enum ?? [])].sort(), [...FURNITURE_KINDS].sort());
});
