import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyFloat, pyFloat32, pyIdentifiers, pyList, pyStr } from './python.ts';

describe('Python literals', () => {
  it('float32 values print as the shortest decimal that reads back to the same float32', () => {
    expect(pyFloat32(Math.fround(0.1))).toBe('0.1');
    expect(pyFloat32(Math.fround(-2.5e-8))).toBe('-2.5e-8');
    expect(pyFloat32(1)).toBe('1.0');
    expect(pyFloat32(-0)).toBe('-0.0');
    fc.assert(fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const text = pyFloat32(x);
      expect(Math.fround(Number(text))).toBe(Math.fround(x));
      expect(text).toMatch(/^-?\d+(\.\d+)?(e[+-]?\d+)?$|^-?\d+\.\d*$|^-?\d(\.\d+)?e[+-]\d+$/);
    }));
  });

  it('other numbers read back as the same double, always as a float', () => {
    for (const x of [0.001, 1e-8, 3, 1e21, 3.6135235573122535]) expect(Number(pyFloat(x))).toBe(x);
    expect(pyFloat(3)).toBe('3.0');
    expect(() => pyFloat(NaN)).toThrow();
  });

  it('strings are single-quoted when plain, escaped JSON-style otherwise', () => {
    expect(pyStr('MEDV')).toBe("'MEDV'");
    expect(pyStr("it's")).toBe('"it\'s"');
    expect(pyStr('a\\b')).toBe('"a\\\\b"');
    expect(pyStr('Größe\n')).toBe('"Größe\\n"');
  });

  it('lists wrap at the width and keep every item', () => {
    const items = Array.from({ length: 40 }, (_, i) => String(i * 1000));
    const text = pyList(items, '    ', 60);
    expect(text.split('\n').every((l) => l.length <= 60)).toBe(true);
    expect(text.replace(/\s+/g, '')).toBe(`[${items.join(',')}]`);
  });

  it('node ids become distinct identifiers that shadow nothing', () => {
    const names = pyIdentifiers(['linear1', 'my layer', 'my-layer', '2nd', 'class', 'forward', 'x', 'training', '__init__']);
    expect([...names.values()]).toEqual(['linear1', 'my_layer', 'my_layer_2', 'n_2nd', 'class_', 'forward_', 'x_', 'training_', '__init___']);
  });
});
