/**
 * Who may talk to main (Electron's checklist: "validate the sender of all IPC messages"): only
 * the top frame of one of our own windows, showing one of our own pages. Anything else (a
 * subframe, a frame that has navigated away or been destroyed, a webContents that is not one of
 * our windows) is dropped before its arguments are even looked at.
 */

/** The part of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The part of IpcMainEvent / IpcMainInvokeEvent the check reads. */
export interface SenderEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

export type SenderVerdict<C> = { type: 'ok'; caller: C } | { type: 'refused'; reason: string };

/**
 * The window record behind `event`, or why it is refused. `callerOf` maps a webContents id to
 * one of our windows (null when it is none of ours); `isTrustedUrl` accepts our pages' URLs.
 */
export function checkSender<C>(
  event: SenderEvent,
  callerOf: (webContentsId: number) => C | null,
  isTrustedUrl: (url: string) => boolean,
): SenderVerdict<C> {
  const frame = event.senderFrame;
  // senderFrame is null when the frame navigated or was destroyed after it sent the message.
  if (frame === null) return { type: 'refused', reason: 'sender frame is gone' };
  if (frame.parent !== null) return { type: 'refused', reason: 'sender is a subframe' };
  if (!isTrustedUrl(frame.url)) return { type: 'refused', reason: `sender page is not ours (${frame.url.slice(0, 80)})` };
  const caller = callerOf(event.sender.id);
  if (caller === null) return { type: 'refused', reason: 'sender is not one of our windows' };
  return { type: 'ok', caller };
}
