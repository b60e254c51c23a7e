/**
 * The compiler page's Web Worker: compiles the followed stories with the shipped packs (compile.ts, a
 * pure function) off the page's main thread, and posts the result back; the page stores it
 * (compileIfStale in src/follow/store.ts). It has no extension API and needs none.
 */
import { compileFollowed } from '../follow/compile';
import type { CompileReply, CompileRequest } from '../messages';

globalThis.addEventListener('message', (event: MessageEvent<CompileRequest>) => {
  let reply: CompileReply;
  try {
    reply = { items: compileFollowed(event.data.store) };
  } catch (error) {
    reply = { error: String(error) };
  }
  globalThis.postMessage(reply);
});
