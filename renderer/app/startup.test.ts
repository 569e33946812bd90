import { describe, expect, it } from 'vitest';
import type { Host, OpenedFile } from '../host/host.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import { csvText, sampleProject, sampleText, sampleTable } from '../testing/sample.ts';
import { readStartupSample, sampleWithin } from './startup.ts';

const { t } = createRendererI18n('en');
const bytes = (text: string) => new TextEncoder().encode(text);
const sample = { project: { name: 'deep-regression.layerboard', ref: null, bytes: bytes(sampleText) } as OpenedFile, csv: { name: 'boston-housing.csv', ref: null, bytes: bytes(csvText) } as OpenedFile };
const hostWith = (loadSample: Host['loadSample']) => ({ loadSample }) as Host;

describe('the sample before the first render', () => {
  it('is read into the editor\'s first state: the project, never saved over, and its CSV', () => {
    const read = readStartupSample(sample, t)!;
    expect(read.project).toEqual(sampleProject());
    expect(read.file).toEqual({ name: 'deep-regression.layerboard', ref: null });
    expect(read.table.rowCount).toBe(sampleTable().rowCount);
    expect(read.report.columns.map((c) => c.name)).toEqual(sampleTable().columns.map((c) => c.name));
    expect(read.bytes).toBe(sample.csv.bytes);
  });

  it('is left to the editor (which says why) when the project or the CSV does not read', () => {
    expect(readStartupSample({ ...sample, project: { ...sample.project, bytes: bytes('{"version": 1, "graph": ') } }, t)).toBeNull();
    expect(readStartupSample({ ...sample, csv: { ...sample.csv, bytes: bytes('a,b\n1,"2\n') } }, t)).toBeNull();
  });

  it('is waited for only so long, and a failed load is not an error here', async () => {
    expect(await sampleWithin(hostWith(() => Promise.resolve(sample)), 1000)).toBe(sample);
    expect(await sampleWithin(hostWith(() => new Promise((resolve) => setTimeout(() => resolve(sample), 200))), 10)).toBeNull();
    expect(await sampleWithin(hostWith(() => Promise.reject(new Error('HTTP 404'))), 1000)).toBeNull();
  });
});
