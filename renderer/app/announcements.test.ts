import { describe, expect, it } from 'vitest';
import { createRendererI18n } from '../i18n/i18n.ts';
import type { TrainingOutcome } from '../train/training-state.ts';
import { newProblems, problemAnnouncement, trainingAnnouncement, type ProblemLike, type Translate } from './announcements.ts';

const en = createRendererI18n('en');
const ko = createRendererI18n('ko');
const t: Translate = (key, options) => en.t(key, options);
const tKo: Translate = (key, options) => ko.t(key, options);

const shape: ProblemLike = { severity: 'error', code: 'LB303', nodeId: 'linear4', message: 'linear4 predicts 13 numbers per row' };
const dangling: ProblemLike = { severity: 'warning', code: 'LB202', nodeId: 'linear5', message: 'linear5 is not connected' };
const note: ProblemLike = { severity: 'info', code: 'LB401', nodeId: 'act1', message: 'a note' };

describe('problem announcements', () => {
  it('tells a new error once, by code and place, even when its message changes', () => {
    expect(problemAnnouncement([], [shape], t)).toBe('New problem: error LB303 on linear4: linear4 predicts 13 numbers per row');
    expect(problemAnnouncement([shape], [{ ...shape, message: 'linear4 predicts 14 numbers per row' }], t)).toBeNull();
    expect(problemAnnouncement([], [shape], tKo)).toBe('새 문제: linear4의 오류 LB303: linear4 predicts 13 numbers per row');
  });

  it('counts several new problems and reads at most three; notes are not announced', () => {
    const many: ProblemLike[] = [shape, dangling, note, ...['a', 'b'].map((id) => ({ severity: 'error' as const, code: 'LB101', nodeId: id, message: `loop at ${id}` }))];
    const said = problemAnnouncement([], many, t)!;
    expect(said.startsWith('4 new problems: error LB303 on linear4')).toBe(true);
    expect(said).toContain('warning LB202 on linear5');
    expect(said).toContain('loop at a');
    expect(said).not.toContain('loop at b');
    expect(said).not.toContain('a note');
    expect(newProblems([], [note])).toEqual([]);
  });

  it('says when the last error or warning is gone, and nothing when there was none', () => {
    expect(problemAnnouncement([shape], [note], t)).toBe('No problems left.');
    expect(problemAnnouncement([note], [], t)).toBeNull();
    expect(problemAnnouncement([], [], t)).toBeNull();
    expect(problemAnnouncement([shape, dangling], [dangling], t)).toBeNull();
  });

  it('a problem of the whole graph has no place', () => {
    expect(problemAnnouncement([], [{ severity: 'error', code: 'LB104', message: 'no Output node' }], t)).toBe('New problem: error LB104: no Output node');
  });
});

describe('training announcements', () => {
  const done: TrainingOutcome = { kind: 'completed', title: { text: 'Trained 30 epochs' }, message: { text: 'Final loss 12.3' } };
  it('tells each phase as it is entered, and the outcome once', () => {
    expect(trainingAnnouncement({ phase: 'idle', outcome: null }, { phase: 'starting', outcome: null }, t)).toBe('Training is starting.');
    expect(trainingAnnouncement({ phase: 'starting', outcome: null }, { phase: 'running', outcome: null }, t)).toBe('Training is running.');
    expect(trainingAnnouncement({ phase: 'running', outcome: null }, { phase: 'running', outcome: null }, t)).toBeNull();
    expect(trainingAnnouncement({ phase: 'running', outcome: null }, { phase: 'paused', outcome: null }, t)).toBe('Training is paused.');
    expect(trainingAnnouncement({ phase: 'running', outcome: null }, { phase: 'finished', outcome: done }, t)).toBe('Trained 30 epochs. Final loss 12.3');
    expect(trainingAnnouncement({ phase: 'finished', outcome: done }, { phase: 'finished', outcome: done }, t)).toBeNull();
    expect(trainingAnnouncement({ phase: 'finished', outcome: done }, { phase: 'idle', outcome: null }, t)).toBeNull();
    expect(trainingAnnouncement({ phase: 'running', outcome: null }, { phase: 'stopping', outcome: null }, tKo)).toBe('학습을 멈추는 중입니다.');
  });
});
