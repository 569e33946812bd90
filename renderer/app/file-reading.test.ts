import { describe, expect, it } from 'vitest';
import { sampleText } from '../testing/sample.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import { readCsvFile, readProjectFile, suggestedFileName } from './file-reading.ts';

const { t } = createRendererI18n('en');
const ko = createRendererI18n('ko').t;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading files', () => {
  it('opens the sample (a current-version file: nothing to migrate) and a version-1 one (migrated)', () => {
    const result = readProjectFile({ name: 'deep-regression.layerboard', bytes: bytes(sampleText) }, t);
    expect(result.type).toBe('ok');
    if (result.type === 'ok') expect(result.migratedFrom).toBeNull();
    const v1 = JSON.parse(sampleText);
    v1.version = 1;
    v1.data.standardize = true;
    delete v1.data.preprocessing;
    delete v1.data.task;
    const migrated = readProjectFile({ name: 'old.layerboard', bytes: bytes(JSON.stringify(v1)) }, t);
    expect(migrated.type === 'ok' && migrated.migratedFrom).toBe(1);
    expect(migrated.type === 'ok' && result.type === 'ok' && migrated.project.data.preprocessing).toEqual(result.type === 'ok' && result.project.data.preprocessing);
  });

  it.each([
    ['{"format": "layerboard", "version": 2,', /broken\.layerboard.*line 1/s],
    ['{"format": "layerboard", "version": 2, "data": {"path": "x.csv", "features": [], "targets": []}, "graph": {"nodes": [{"id": "l", "type": "linear", "outFeatures": -3}]}}', /graph\.nodes\[0\]\.outFeatures/],
    ['[1, 2]', /./],
  ])('a corrupt project names the file and the field or line', (text, pattern) => {
    const result = readProjectFile({ name: 'broken.layerboard', bytes: bytes(text) }, t);
    expect(result.type).toBe('error');
    if (result.type === 'error') {
      expect(result.problem.title).toBe('Could not open broken.layerboard');
      expect(`${result.problem.title} ${result.problem.details.join(' ')}`).toMatch(pattern);
    }
  });

  it('a file that is not UTF-8 is refused', () => {
    const result = readProjectFile({ name: 'x.layerboard', bytes: new Uint8Array([0xff, 0xfe, 0x00]) }, t);
    expect(result.type).toBe('error');
  });

  it('a malformed CSV names the file and the line', () => {
    const result = readCsvFile({ name: 'ragged.csv', bytes: bytes('a,b,c\n1,2,3\n4,5\n') }, t);
    const korean = readCsvFile({ name: 'ragged.csv', bytes: bytes('a,b,c\n1,2,3\n4,5\n') }, ko);
    expect(korean.type === 'error' && korean.problem.title).toBe('ragged.csv을(를) 가져오지 못했습니다 (3행)');
    expect(result.type).toBe('error');
    if (result.type === 'error') {
      expect(result.problem.title).toBe('Could not import ragged.csv (line 3)');
      expect(result.problem.details[0]).toMatch(/Line 3 has 2 fields but the header has 3/);
    }
    // The detail is core's data message, said in the window's language too.
    expect(korean.type === 'error' && korean.problem.details[0]).toMatch(/[가-힣]/);
    expect(korean.type === 'error' && korean.problem.details[0]).toMatch(/3/);
  });

  it('a corrupt project\'s field problems are said in Korean, field path first', () => {
    const text = '{"format": "layerboard", "version": 2, "data": {"path": "x.csv", "features": [], "targets": []}, "graph": {"nodes": [{"id": "l", "type": "linear", "outFeatures": -3}]}}';
    const result = readProjectFile({ name: 'broken.layerboard', bytes: bytes(text) }, ko);
    expect(result.type).toBe('error');
    if (result.type === 'error') {
      const detail = result.problem.details.find((d) => d.startsWith('graph.nodes[0].outFeatures'));
      expect(detail).toMatch(/^graph\.nodes\[0\]\.outFeatures: .*[가-힣]/);
      expect(detail).not.toMatch(/outFeatures: graph\.nodes/);
    }
  });

  it('suggests file names from project names', () => {
    expect(suggestedFileName('Deep regression on Boston housing (the lecture example)')).toBe('deep-regression-on-boston-housing.layerboard');
    expect(suggestedFileName('???')).toBe('untitled.layerboard');
  });
});
