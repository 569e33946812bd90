/**
 * The utility-process entry (utilityProcess.fork from main; built to out/main/trainer-worker.js):
 * training runs here, never in main or on the page's main thread. All logic is core's; see
 * serve-trainer.ts.
 */
import { useNodeKernelThreads } from '../../core/cli/kernel-threads.ts';
import { serveTrainer } from './serve-trainer.ts';

// Large products split across the machine's cores over worker_threads (the same bits as one thread).
useNodeKernelThreads();

serveTrainer(process.parentPort, { exit: (code) => process.exit(code) });
