/// <reference lib="webworker" />
/**
 * Evaluates a project's saved weights off the page's main thread (see evaluate-project.ts).
 */
import { evaluateProject, type EvaluationRequest } from './evaluate-project.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<EvaluationRequest>) => {
  let result;
  try {
    result = evaluateProject(event.data);
  } catch (error) {
    result = { type: 'error' as const, id: event.data.id, message: error instanceof Error ? error.message : String(error) };
  }
  const transfer = result.type === 'ok' ? [result.snapshot.predicted.buffer, result.snapshot.actual.buffer] as ArrayBuffer[] : [];
  scope.postMessage(result, transfer);
});
