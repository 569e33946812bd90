/**
 * The utility-process entry (utilityProcess.fork from main; built to out/main/trainer-worker.js):
 * training runs here, never in main or on the page's main thread. All logic is core's; see
 * serve-trainer.ts.
 */
import { serveTrainer } from './serve-trainer.ts';

serveTrainer(process.parentPort, { exit: (code) => process.exit(code) });
