import { describe, expect, it } from 'vitest';
import { sampleProject } from '../testing/sample.ts';
import { clearDraft, DRAFT_KEY, readDraft, writeDraft } from './draft.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('drafts of unsaved work', () => {
  it('round-trips a project', () => {
    const storage = memoryStorage();
    const doc = { ...sampleProject(), name: 'Mine' };
    expect(writeDraft(storage, doc, 'mine.layerboard', 1234)).toBe(true);
    expect(readDraft(storage)).toEqual({ project: doc, fileName: 'mine.layerboard', savedAt: 1234 });
    clearDraft(storage);
    expect(readDraft(storage)).toBeNull();
  });

  it('drops a damaged draft instead of loading part of it', () => {
    const storage = memoryStorage();
    storage.setItem(DRAFT_KEY, '{"text": "{}", "savedAt": 1}');
    expect(readDraft(storage)).toBeNull();
    expect(storage.map.has(DRAFT_KEY)).toBe(false);
    storage.setItem(DRAFT_KEY, 'not json');
    expect(readDraft(storage)).toBeNull();
  });

  it('a full or disabled storage is not an error', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => { throw new Error('denied'); } };
    expect(writeDraft(broken, sampleProject(), null, 0)).toBe(false);
    expect(readDraft(broken)).toBeNull();
    expect(() => clearDraft(broken)).not.toThrow();
  });
});
