import { describe, expect, it } from 'vitest';
import { inspectCsv } from '../../core/index.ts';
import { sampleProject, sampleTable } from '../testing/sample.ts';
import { deriveDataStatus, roleOf, rolesForImport } from './data-context.ts';

describe('data context', () => {
  const doc = sampleProject();

  it('the sample prepares to 13 inputs and a 1-column regression target', () => {
    const status = deriveDataStatus(sampleTable(), doc.data);
    expect(status.type).toBe('ready');
    expect(status.context).toMatchObject({ inputWidth: 13, target: { task: 'regression', width: 1 } });
    if (status.type === 'ready') expect(status.rows).toBe(506);
  });

  it('without a table nothing is known; with bad roles the error says why', () => {
    expect(deriveDataStatus(undefined, doc.data)).toEqual({ type: 'missing', context: {} });
    const status = deriveDataStatus(sampleTable(), { ...doc.data, targets: [] });
    expect(status.type).toBe('invalid');
    if (status.type === 'invalid') expect(status.error.message).toMatch(/target/);
  });

  it('a categorical feature widens the input by its categories', () => {
    const csv = inspectCsv('x,colour,y\n1,red,1.5\n2,blue,2.5\n3,red,3.5\n4,green,1\n');
    if (csv.type !== 'ok') throw new Error(csv.message);
    const status = deriveDataStatus(csv.table, { ...doc.data, features: ['x', 'colour'], targets: ['y'] });
    expect(status.context.inputWidth).toBe(4);
  });

  it('import keeps the roles when the columns are all there, else takes the suggestion', () => {
    const csv = inspectCsv('a,b,c\n1,2,3\n4,5,6\n7,8,9\n');
    if (csv.type !== 'ok') throw new Error(csv.message);
    expect(rolesForImport(csv.report, { features: ['a'], targets: ['b'] })).toEqual({ features: ['a'], targets: ['b'], ignored: ['c'] });
    expect(rolesForImport(csv.report, doc.data)).toEqual({ features: ['a', 'b'], targets: ['c'], ignored: [] });
    expect(roleOf(doc.data, 'MEDV')).toBe('target');
    expect(roleOf(doc.data, 'nope')).toBe('ignored');
  });
});
