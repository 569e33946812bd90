import { describe, expect, it } from 'vitest';
import { inspectCsv } from '../../core/index.ts';
import { confusionCsv, csvCell, histogramCsv, lossHistoryCsv, metricsCsv, perClassCsv, predictionsCsv, seriesCsv, toCsv } from './chart-csv.ts';

describe('chart data as CSV', () => {
  it('quotes what needs quoting, writes numbers so they read back exactly, and gaps as empty cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(csvCell(1 / 3))).toBe(1 / 3);
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, null]])).toBe('a,b\n1,x\n2,\n');
  });

  it('the loss history: every epoch, validation gaps empty; core reads it back', () => {
    const csv = lossHistoryCsv({ epoch: [1, 2, 3], trainLoss: [3.5, 2.25, 1e-7], valLoss: [null, 2.5, null] });
    expect(csv).toBe('epoch,train_loss,validation_loss\n1,3.5,\n2,2.25,2.5\n3,1e-7,\n');
    const read = inspectCsv(csv);
    expect(read.type).toBe('ok');
    if (read.type === 'ok') expect(Array.from((read.table.columns[1] as { values: Float64Array }).values)).toEqual([3.5, 2.25, 1e-7]);
  });

  it('series over time, one column per layer', () => {
    expect(seriesCsv('epoch', [0.5, 1], { linear1: [0.1, 0.2], linear2: [3, NaN] })).toBe('epoch,linear1,linear2\n0.5,0.1,3\n1,0.2,\n');
  });

  it('regression predictions with residuals, per target; classification with labels', () => {
    expect(predictionsCsv({ task: 'regression', epoch: 3, set: 'validation', rows: 2, targets: ['MEDV'], predicted: new Float64Array([21, 30]), actual: new Float64Array([24, 30]) }))
      .toBe('row,actual_MEDV,predicted_MEDV,residual_MEDV\n1,24,21,-3\n2,30,30,0\n');
    expect(predictionsCsv({ task: 'classification', epoch: 3, set: 'train', rows: 2, classes: ['setosa', 'versicolor'], predicted: new Uint32Array([0, 0]), actual: new Uint32Array([0, 1]) }))
      .toBe('row,actual,predicted,correct\n1,setosa,setosa,1\n2,versicolor,setosa,0\n');
  });

  it('confusion matrix, per-class accuracy, histogram and metrics', () => {
    const m = { classes: ['a', 'b'], confusion: [[5, 1], [0, 4]], precision: [1, 0.8], recall: [5 / 6, 1] };
    expect(confusionCsv(m)).toBe('actual \\ predicted,a,b\na,5,1\nb,0,4\n');
    expect(perClassCsv(m)).toBe(`class,accuracy,precision,support\na,${5 / 6},1,6\nb,1,0.8,4\n`);
    expect(histogramCsv([{ from: -1, to: 0, count: 3 }], 'residual')).toBe('residual_from,residual_to,count\n-1,0,3\n');
    expect(metricsCsv({ train: { task: 'classification', accuracy: 0.9, classes: ['a', 'b'], precision: [1, null], recall: [0.5, 1], confusion: [] }, validation: null }))
      .toBe('set,accuracy,macro_precision,macro_recall\ntrain,0.9,1,0.75\n');
    expect(metricsCsv({ train: { task: 'regression', targets: [{ name: 'y', mse: 4, rmse: 2, mae: 1.5, r2: 0.75 }] }, validation: { task: 'regression', targets: [{ name: 'y', mse: 9, rmse: 3, mae: 2, r2: 0.5 }] } }))
      .toBe('set,target,r2,rmse,mae,mse\ntrain,y,0.75,2,1.5,4\nvalidation,y,0.5,3,2,9\n');
  });
});
