import { describe, expect, it } from 'vitest';
import { exportFileName } from './use-export.tsx';

describe('exportFileName', () => {
  it.each([
    ['pytorch', 'deep-regression-on-boston-housing.py'],
    ['pytorch-ddp', 'deep-regression-on-boston-housing_ddp.py'],
    ['onnx', 'deep-regression-on-boston-housing.onnx'],
    ['weights', 'deep-regression-on-boston-housing-weights.json'],
    ['predictions', 'deep-regression-on-boston-housing-predictions.csv'],
  ] as const)('%s → %s', (format, name) => {
    expect(exportFileName('Deep regression on Boston housing (the lecture example)', format)).toBe(name);
  });

  it('names an unnamed project "untitled"', () => {
    expect(exportFileName('  ', 'onnx')).toBe('untitled.onnx');
  });
});
