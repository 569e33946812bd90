/**
 * The preload: runs sandboxed, with context isolation, before the page. It exposes exactly one
 * object, `window.layerboard` (core/protocol.ts's LayerboardApi), through contextBridge; the
 * page never gets ipcRenderer. Built as CommonJS (a sandboxed preload cannot be an ES module).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createLayerboardApi } from './api.ts';

contextBridge.exposeInMainWorld('layerboard', createLayerboardApi(ipcRenderer));
