import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseProject } from '../../core/index.ts';
import { appI18n, createRendererI18n } from '../i18n/i18n.ts';
import { fetchGuidedSample, GUIDED_SAMPLES, SAMPLE_GROUPS } from './catalog.ts';

// Every project shipped in assets/samples, as text (Vite reads it; the renderer has no Node).
const shipped = import.meta.glob<string>('../../assets/samples/*.layerboard', { query: '?raw', import: 'default', eager: true });
const fileOf = (path: string) => path.split('/').pop()!;

describe('the guided samples catalog', () => {
  it('lists every shipped project exactly once, in a group', () => {
    const files = Object.keys(shipped).map(fileOf).sort();
    expect(files.length).toBe(10);
    expect(GUIDED_SAMPLES.map((s) => s.file).sort()).toEqual(files);
    expect(new Set(GUIDED_SAMPLES.map((s) => s.id)).size).toBe(GUIDED_SAMPLES.length);
    for (const group of SAMPLE_GROUPS) expect(GUIDED_SAMPLES.filter((s) => s.group === group).length, group).toBeGreaterThanOrEqual(1);
    expect(GUIDED_SAMPLES.every((s) => SAMPLE_GROUPS.includes(s.group))).toBe(true);
  });

  it.each(GUIDED_SAMPLES.map((s) => [s.id, s] as const))('%s: its CSV is the one the project names, and both are bundled', (_id, sample) => {
    const parsed = parseProject(shipped[`../../assets/samples/${sample.file}`]);
    expect(parsed.type).toBe('ok');
    if (parsed.type !== 'ok') return;
    expect(parsed.project.data.path).toBe(sample.csvFile);
    expect(sample.projectUrl).toMatch(new RegExp(`${sample.id}.*\\.layerboard`));
    expect(sample.csvUrl).toMatch(new RegExp(sample.csvFile.replace('.csv', '.*\\.csv')));
  });

  it('has a title and a what-to-try paragraph for every sample and group, in English and Korean', () => {
    const en = createRendererI18n('en');
    const ko = createRendererI18n('ko');
    for (const sample of GUIDED_SAMPLES) {
      for (const field of ['title', 'description']) {
        const key = `samples:items.${sample.id}.${field}`;
        expect(en.exists(key), key).toBe(true);
        expect(ko.exists(key), key).toBe(true);
        expect(ko.t(key)).not.toBe(en.t(key));
      }
      expect(en.t(`samples:items.${sample.id}.description`)).toMatch(/Try:/);
      expect(ko.t(`samples:items.${sample.id}.description`)).toMatch(/해 볼 것:/);
    }
    for (const group of SAMPLE_GROUPS) expect(ko.t(`samples:groups.${group}`)).not.toBe(en.t(`samples:groups.${group}`));
  });
});

describe('fetchGuidedSample', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches the project and its CSV from the bundle, without refs (Save asks where)', async () => {
    const sample = GUIDED_SAMPLES.find((s) => s.id === 'sine-relu')!;
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(url === sample.projectUrl ? '{"project": true}' : 'x,y\n1,2\n');
    });
    const { project, csv } = await fetchGuidedSample(sample);
    expect(fetched.sort()).toEqual([sample.csvUrl, sample.projectUrl].sort());
    expect(project).toMatchObject({ name: 'sine-relu.layerboard', ref: null });
    expect(new TextDecoder().decode(project.bytes)).toBe('{"project": true}');
    expect(csv).toMatchObject({ name: 'sine.csv', ref: null });
    expect(new TextDecoder().decode(csv.bytes)).toBe('x,y\n1,2\n');
  });

  it('fails with the file name and the HTTP status when the bundle lacks a file', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    await expect(fetchGuidedSample(GUIDED_SAMPLES[0])).rejects.toThrow(/deep-regression\.layerboard \(HTTP 404\)/);
  });

  it('says so in the window language', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    await appI18n().changeLanguage('ko');
    try {
      await expect(fetchGuidedSample(GUIDED_SAMPLES[0])).rejects.toThrow(/^deep-regression\.layerboard을\(를\) 불러오지 못했습니다\(HTTP 404\)$/);
    } finally {
      await appI18n().changeLanguage('en');
    }
  });
});
