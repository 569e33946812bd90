/**
 * Main's end of the one typed channel (VS Code's habit): every handler is registered here, and
 * every message passes the same two gates before a handler sees it: who sent it (sender.ts)
 * and what it carries (ipc-schemas.ts). A refused invoke rejects with a generic error; a
 * refused send is dropped. Both are reported through `onRefused` for the log.
 */
import type { z } from 'zod';
import {
  IpcChannel, type InvokeChannel, type InvokeContract, type SendChannel, type SendContract,
} from '../../core/protocol.ts';
import { invokeArgsSchemas, sendArgsSchemas } from './ipc-schemas.ts';
import { checkSender, type SenderEvent, type SenderVerdict } from './sender.ts';

/** The part of Electron's ipcMain used here (the in-memory pair in electron/testing implements it too). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => void): unknown;
}

type InvokeArgs<C extends InvokeChannel> = InvokeContract[C]['request'] extends void ? [] : [InvokeContract[C]['request']];
type SendArgs<C extends SendChannel> = SendContract[C] extends void ? [] : [SendContract[C]];

/** What main does for each channel; `caller` is the window record of the (checked) sender. */
export type IpcHandlers<Caller> = {
  [C in InvokeChannel]: (caller: Caller, ...args: InvokeArgs<C>) => Promise<InvokeContract[C]['response']>;
} & {
  [C in SendChannel]: (caller: Caller, ...args: SendArgs<C>) => void;
};

export interface RegisterIpcOptions<Caller> {
  ipcMain: IpcMainLike;
  handlers: IpcHandlers<Caller>;
  /** Our window record for a webContents id, or null. */
  callerOf(webContentsId: number): Caller | null;
  /** Whether a frame URL is one of our pages. */
  isTrustedUrl(url: string): boolean;
  onRefused?(channel: string, reason: string): void;
}

export type IpcGate<Caller> = (channel: string, event: SenderEvent, args: unknown[]) =>
  { type: 'ok'; caller: Caller; args: unknown[] } | { type: 'refused'; reason: string };

function gate<Caller>(options: RegisterIpcOptions<Caller>, schema: z.ZodType): IpcGate<Caller> {
  return (_channel, event, args) => {
    const verdict: SenderVerdict<Caller> = checkSender(event, options.callerOf, options.isTrustedUrl);
    if (verdict.type === 'refused') return verdict;
    const parsed = schema.safeParse(args);
    if (!parsed.success) return { type: 'refused', reason: `invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ').slice(0, 300)}` };
    return { type: 'ok', caller: verdict.caller, args: parsed.data as unknown[] };
  };
}

/** Registers every channel of core/protocol.ts; returns a function that removes them again. */
export function registerIpc<Caller>(options: RegisterIpcOptions<Caller>): () => void {
  const { ipcMain, handlers } = options;
  const refused = (channel: string, reason: string) => options.onRefused?.(channel, reason);
  const invokeChannels = Object.keys(invokeArgsSchemas) as InvokeChannel[];
  const sendChannels = Object.keys(sendArgsSchemas) as SendChannel[];

  for (const channel of invokeChannels) {
    const check = gate(options, invokeArgsSchemas[channel]);
    const handler = handlers[channel] as (caller: Caller, ...args: unknown[]) => Promise<unknown>;
    ipcMain.handle(channel, (event, ...args) => {
      const verdict = check(channel, event, args);
      if (verdict.type === 'refused') {
        refused(channel, verdict.reason);
        // Deliberately vague: the sender learns nothing about why.
        throw new Error('Request refused');
      }
      return handler(verdict.caller, ...verdict.args);
    });
  }

  const listeners: [string, (event: SenderEvent, ...args: unknown[]) => void][] = [];
  for (const channel of sendChannels) {
    const check = gate(options, sendArgsSchemas[channel]);
    const handler = handlers[channel] as (caller: Caller, ...args: unknown[]) => void;
    const listener = (event: SenderEvent, ...args: unknown[]) => {
      const verdict = check(channel, event, args);
      if (verdict.type === 'refused') return refused(channel, verdict.reason);
      handler(verdict.caller, ...verdict.args);
    };
    ipcMain.on(channel, listener);
    listeners.push([channel, listener]);
  }

  return () => {
    for (const channel of invokeChannels) ipcMain.removeHandler(channel);
    for (const [channel, listener] of listeners) ipcMain.removeListener(channel, listener);
  };
}

/** Every channel main listens on, for tests and docs. */
export const MAIN_CHANNELS: readonly string[] = [...Object.keys(invokeArgsSchemas), ...Object.keys(sendArgsSchemas)];
export { IpcChannel };
