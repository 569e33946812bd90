import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, parseProject, serializeProject } from './index.ts';
import { migrate, migrations } from './migrations.ts';

const fixturesDir = new URL('./fixtures/', import.meta.url);
const readFixture = (name: string) => readFileSync(new URL(name, fixturesDir), 'utf8');

describe('the migration list', () => {
  it('is numbered without gaps: migrations[n] reads version n, for every n from 1 to CURRENT_VERSION - 1', () => {
    const keys = Object.keys(migrations).map(Number).sort((a, b) => a - b);
    expect(keys).toEqual(Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 1));
    for (const key of keys) expect(migrations[key].from).toBe(key);
  });

  it('has a fixture for every version, and each loads to the same project as the newest', () => {
    const versions = Array.from({ length: CURRENT_VERSION }, (_, i) => i + 1);
    const present = readdirSync(fixturesDir).filter((f) => /^v\d+\.layerboard$/.test(f));
    expect(present.sort()).toEqual(versions.map((v) => `v${v}.layerboard`).sort());
    const newest = parseProject(readFixture(`v${CURRENT_VERSION}.layerboard`));
    for (const v of versions) {
      const loaded = parseProject(readFixture(`v${v}.layerboard`));
      expect(loaded.type).toBe('ok');
      if (loaded.type !== 'ok' || newest.type !== 'ok') return;
      expect(JSON.parse(readFixture(`v${v}.layerboard`)).version).toBe(v);
      expect(loaded.project).toEqual(newest.project);
      expect(serializeProject(loaded.project)).toBe(readFixture(`v${CURRENT_VERSION}.layerboard`));
    }
  });

  it('sets the version after each step and leaves the input untouched', () => {
    const v1 = JSON.parse(readFixture('v1.layerboard'));
    const before = JSON.stringify(v1);
    const result = migrate(v1, 1);
    expect(JSON.stringify(v1)).toBe(before);
    expect(result.type === 'ok' && result.doc.version).toBe(CURRENT_VERSION);
  });
});

describe('version 1 -> 2', () => {
  const up = (data: unknown) => migrations[1].up({ format: 'layerboard', version: 1, data });

  it.each([
    [true, 'standard'],
    [false, 'none'],
    [undefined, 'standard'],
  ])('standardize %s becomes scaling "%s", target unscaled, rows with gaps dropped', (standardize, scaling) => {
    const doc = up({ path: 'a.csv', features: ['x'], targets: ['y'], standardize, validationSplit: 0.1 });
    expect(doc.data).toEqual({
      path: 'a.csv', features: ['x'], targets: ['y'], validationSplit: 0.1, task: 'auto',
      preprocessing: { scaling, scaleTarget: false, missing: 'drop' },
    });
  });

  it('leaves a document without a data object for the schema to report', () => {
    expect(up('nonsense').data).toBe('nonsense');
    expect(migrations[1].up({ format: 'layerboard', version: 1 })).toEqual({ format: 'layerboard', version: 1 });
  });

  it('refuses a standardize that is not a boolean, naming the version-1 field', () => {
    const result = migrate({ format: 'layerboard', version: 1, data: { standardize: 1 } }, 1);
    expect(result).toEqual({
      type: 'error',
      errors: [expect.objectContaining({ path: 'data.standardize', message: 'data.standardize: expected true or false, got 1 (while upgrading the file from version 1 to 2)' })],
    });
  });
});
