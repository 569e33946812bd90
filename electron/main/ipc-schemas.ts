/**
 * zod schemas for every argument list that reaches main over IPC. An argument list is a tuple:
 * a channel without a request takes exactly no arguments, the others exactly one object with
 * exactly the documented keys. Sizes are bounded so a hostile renderer cannot make main
 * allocate or write without limit.
 */
import { z } from 'zod';
import { PROJECT_LIMITS } from '../../core/project/limits.ts';
import { IpcChannel, type InvokeChannel, type SendChannel } from '../../core/protocol.ts';

/** Refs main hands out are random UUIDs (file-refs.ts); anything else cannot name a file. */
export const fileRefSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** Longest title or suggested name main accepts (characters); longer ones are a bug or an attack. */
export const MAX_TITLE_LENGTH = 1024;
/** Longest relative path main accepts (characters). */
export const MAX_RELATIVE_PATH_LENGTH = 4096;

export const saveProjectRequestSchema = z.strictObject({
  // UTF-16 length bounds the UTF-8 size from below; the handler checks the byte size itself.
  text: z.string().max(PROJECT_LIMITS.maxFileBytes),
  ref: fileRefSchema.nullable(),
  suggestedName: z.string().max(MAX_TITLE_LENGTH),
  saveAs: z.boolean(),
});

export const readRelativeRequestSchema = z.strictObject({
  projectRef: fileRefSchema.nullable(),
  relativePath: z.string().min(1).max(MAX_RELATIVE_PATH_LENGTH),
});

export const setTitleRequestSchema = z.strictObject({
  title: z.string().max(MAX_TITLE_LENGTH),
  dirty: z.boolean(),
});

/** A trainer id the page chose: main only echoes it back to the same window, so a short plain token is enough. */
export const trainerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const trainerRefSchema = z.strictObject({ trainerId: trainerIdSchema });

export const setTrainingActiveRequestSchema = z.strictObject({ active: z.boolean() });

/** A recovery copy's id: a UUID the page chose (it names a file in userData/recovery). */
export const recoveryIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export const writeRecoveryRequestSchema = z.strictObject({
  id: recoveryIdSchema,
  text: z.string().max(PROJECT_LIMITS.maxFileBytes),
  projectName: z.string().max(MAX_TITLE_LENGTH),
  ref: fileRefSchema.nullable(),
});

export const recoveryIdRequestSchema = z.strictObject({ id: recoveryIdSchema });

/** The largest export main writes (bytes): a predictions CSV of a large table, or a script with its weights. */
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

export const saveExportRequestSchema = z.strictObject({
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_EXPORT_BYTES, { message: `at most ${MAX_EXPORT_BYTES} bytes` }),
  suggestedName: z.string().max(MAX_TITLE_LENGTH),
  extension: z.string().regex(/^[a-z0-9]{1,10}$/),
  filterName: z.string().min(1).max(200),
});

export const setLocaleRequestSchema = z.strictObject({ preference: z.enum(['system', 'en', 'ko']) });

/** Argument tuple of each invoke channel. */
export const invokeArgsSchemas = {
  [IpcChannel.openProject]: z.tuple([]),
  [IpcChannel.saveProject]: z.tuple([saveProjectRequestSchema]),
  [IpcChannel.openCsv]: z.tuple([]),
  [IpcChannel.readRelative]: z.tuple([readRelativeRequestSchema]),
  [IpcChannel.loadSample]: z.tuple([]),
  [IpcChannel.startTrainer]: z.tuple([trainerRefSchema]),
  [IpcChannel.listRecovery]: z.tuple([]),
  [IpcChannel.writeRecovery]: z.tuple([writeRecoveryRequestSchema]),
  [IpcChannel.removeRecovery]: z.tuple([recoveryIdRequestSchema]),
  [IpcChannel.restoreRecovery]: z.tuple([recoveryIdRequestSchema]),
  [IpcChannel.saveExport]: z.tuple([saveExportRequestSchema]),
} satisfies Record<InvokeChannel, z.ZodType>;

/** Argument tuple of each send channel. */
export const sendArgsSchemas = {
  [IpcChannel.setTitle]: z.tuple([setTitleRequestSchema]),
  [IpcChannel.openFileReady]: z.tuple([]),
  [IpcChannel.stopTrainer]: z.tuple([trainerRefSchema]),
  [IpcChannel.setTrainingActive]: z.tuple([setTrainingActiveRequestSchema]),
  [IpcChannel.setLocale]: z.tuple([setLocaleRequestSchema]),
} satisfies Record<SendChannel, z.ZodType>;
