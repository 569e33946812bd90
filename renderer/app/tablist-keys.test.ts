import { describe, expect, it } from 'vitest';
import { tabForKey } from './tablist-keys.ts';

const tabs = ['network', 'data', 'training'] as const;

describe('tab list keys', () => {
  it('arrows move and wrap; Home and End go to the ends; other keys do nothing', () => {
    expect(tabForKey(tabs, 'network', 'ArrowRight')).toBe('data');
    expect(tabForKey(tabs, 'training', 'ArrowRight')).toBe('network');
    expect(tabForKey(tabs, 'network', 'ArrowLeft')).toBe('training');
    expect(tabForKey(tabs, 'data', 'ArrowLeft')).toBe('network');
    expect(tabForKey(tabs, 'data', 'Home')).toBe('network');
    expect(tabForKey(tabs, 'data', 'End')).toBe('training');
    expect(tabForKey(tabs, 'data', 'Enter')).toBeNull();
    expect(tabForKey(tabs, 'data', 'ArrowDown')).toBeNull();
  });
});
