import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, parseJsonText, stringifyStable } from './json-text.ts';

describe('parseJsonText', () => {
  it.each([
    ['', 1, 1, 'the file is empty'],
    ['   \n  ', 1, 1, 'the file is empty'],
    ['{"a": 1,}', 1, 9, 'a property is missing before "}" (a trailing comma?)'],
    ['[1, 2,]', 1, 7, 'a value is missing before "]" (a trailing comma?)'],
    ['{\n  "a": tru\n}', 2, 8, 'unexpected character "t" where a value should be'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}"'],
    ['{"a" 1}', 1, 6, 'expected ":" after the property name'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['{"a": \'x\'}', 1, 7, 'text must be in double quotes'],
    ['{"a": "x\ny"}', 1, 9, 'line break inside text'],
    ['{"a": "\\q"}', 1, 8, 'invalid escape \\q inside text'],
    ['{"a": "\\u12G4"}', 1, 8, '\\u must be followed by four hexadecimal digits'],
    ['{"a": "open', 1, 12, 'text is not closed'],
    ['{"a": [1, 2', 1, 12, 'the file ends too early'],
    ['{"a": -}', 1, 7, 'invalid number'],
    ['{"a": 01}', 1, 8, 'expected "," or "}"'],
    ['{"a": NaN}', 1, 7, 'NaN and Infinity are not valid JSON numbers'],
    ['{"a": -Infinity}', 1, 7, 'NaN and Infinity are not valid JSON numbers'],
    ['{} {}', 1, 4, 'unexpected text after the end of the JSON value'],
    ['\r\n{\r\n  "a": x\r\n}', 3, 8, 'unexpected character "x"'],
  ])('%j: line %i, column %i', (text, line, column, reason) => {
    const result = parseJsonText(text);
    expect(result.type).toBe('error');
    if (result.type !== 'error') return;
    expect({ line: result.line, column: result.column }).toEqual({ line, column });
    expect(result.reason).toContain(reason);
  });

  it('ignores a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ type: 'ok', value: { a: 1 } });
  });

  it('survives deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(500_000);
    expect(findJsonSyntaxError(deep)).toMatchObject({ offset: 500_000, reason: expect.stringContaining('ends too early') });
  });

  it('agrees with JSON.parse on what is valid', () => {
    const accepts = (text: string) => { try { JSON.parse(text); return true; } catch { return false; } };
    fc.assert(fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, -1))), (text) => {
      expect(findJsonSyntaxError(text) === undefined).toBe(accepts(text));
    }), { numRuns: 2000 });
  });
});

describe('stringifyStable', () => {
  it('orders keys by the format, then alphabetically, and puts number arrays on one line', () => {
    expect(stringifyStable({ zoom: 1, y: 2, x: 3, shape: [2], data: [1, null, -0], name: 'n', format: 'f' }))
      .toBe('{\n  "shape": [2],\n  "format": "f",\n  "name": "n",\n  "data": [1, null, -0],\n  "x": 3,\n  "y": 2,\n  "zoom": 1\n}\n');
  });

  it('writes empty containers compactly, lists of objects one per line, and leaves undefined out', () => {
    expect(stringifyStable({ a: [], b: {}, c: [{ to: 'x', from: 'y' }], d: undefined }))
      .toBe('{\n  "a": [],\n  "b": {},\n  "c": [\n    {\n      "from": "y",\n      "to": "x"\n    }\n  ]\n}\n');
  });

  it.each([NaN, Infinity, -Infinity])('refuses %s', (bad) => {
    expect(() => stringifyStable({ history: { trainLoss: [1, bad] } })).toThrow(`cannot write ${bad} at history.trainLoss[1]`);
  });

  it('reads back what it writes, -0 included', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(JSON.parse(stringifyStable(value))).toStrictEqual(value);
    }), { numRuns: 500 });
    expect(Object.is(JSON.parse(stringifyStable([-0]))[0], -0)).toBe(true);
  });
});
