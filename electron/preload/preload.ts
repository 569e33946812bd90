/**
 * The preload: runs sandboxed, with context isolation, before the page. It exposes exactly one
 * object, `window.layerboard` (core/protocol.ts's LayerboardApi), through contextBridge; the
 * page never gets ipcRenderer. Built as CommonJS (a sandboxed preload cannot be an ES module).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createLayerboardApi, type PageWindowLike } from './api.ts';

// The isolated world's `window` (typed here without the DOM library): posting to it reaches the
// page's own window, which is how a trainer's MessagePort gets into the page's world.
const page = globalThis as unknown as PageWindowLike;

contextBridge.exposeInMainWorld('layerboard', createLayerboardApi(ipcRenderer, page));
