/**
 * Predictions and metrics for the project's saved weights, computed in a Web Worker
 * (evaluate.worker.ts): the charts after a run has ended, and after a trained project is
 * reopened. Recomputed when the weights, the data roles or the CSV change; never while a run
 * is going (its own snapshots are shown then).
 */
import { useEffect, useState } from 'react';
import type { Project } from '../../core/index.ts';
import { evaluationError, type EvaluationRequest, type EvaluationResult } from './evaluate-project.ts';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (result: EvaluationResult) => void>();

function evaluator(): Worker | null {
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./evaluate.worker.ts', import.meta.url), { type: 'module', name: 'layerboard-evaluate' });
  } catch {
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<EvaluationResult>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    for (const [id, resolve] of pending) resolve(event.message ? { type: 'error', id, message: event.message } : evaluationError(id, 'workerStopped'));
    pending.clear();
    worker?.terminate();
    worker = null;
  });
  return worker;
}

function evaluateInWorker(project: Project, csv: Uint8Array): Promise<EvaluationResult> {
  const id = nextId++;
  const w = evaluator();
  if (!w) return Promise.resolve(evaluationError(id, 'noWorker'));
  return new Promise((resolve) => {
    pending.set(id, resolve);
    const request: EvaluationRequest = { id, project, csv };
    w.postMessage(request);
  });
}

export interface SavedPredictions {
  /** The weights the result is for (so a stale result is never shown for new weights). */
  weights: Project['weights'];
  result: EvaluationResult;
}

export function useSavedPredictions(project: Project, csv: Uint8Array | null, enabled: boolean): SavedPredictions | null {
  const [saved, setSaved] = useState<SavedPredictions | null>(null);
  const { weights, data, graph, training } = project;
  useEffect(() => {
    if (!enabled || !csv || !weights) return;
    let stale = false;
    // Typing into a field changes the project on every key: wait for a pause.
    const timer = setTimeout(() => {
      void evaluateInWorker({ ...project, weights, data, graph, training }, csv).then((result) => {
        if (!stale) setSaved({ weights, result });
      });
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // `project` itself changes with every edit (a node moved); only these parts matter.
  }, [enabled, csv, weights, data, graph, training.seed]);
  return saved !== null && saved.weights === weights && weights !== undefined ? saved : null;
}
