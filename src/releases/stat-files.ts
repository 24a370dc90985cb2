import { lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Per name, three numbers: modification time (ms), size, and FILE, LINK, OTHER or FAILED. Links
 * are not followed (lstat): the caller decides whether a link's target may be read at all.
 */
export const FILE = 1;
/** A symbolic link, whatever it points at. */
export const LINK = 2;
/** A folder, a named pipe, a socket or a device: never a release. */
export const OTHER = 0;
/** The stat failed; the caller stats again to learn why (rare, so not worth passing reasons). */
export const FAILED = -1;

/** Names per claim: large enough that claiming costs nothing, small enough to share the tail. */
export const CHUNK = 512;
/** Below this a helper thread costs more to start than it saves. */
const HELPER_MIN = 20_000;
/** A chunk the helper claimed but has not finished after this long is done again here. */
const HELPER_PATIENCE_MS = 2_000;

/**
 * The helper thread's loop: claims chunks from the shared counter and stats them, exactly as
 * statChunk does. A string, so the thread starts without a TypeScript loader.
 */
const HELPER = `
const { workerData: w } = require('node:worker_threads');
const { lstatSync } = require('node:fs');
const names = w.names.split('\\0');
const next = new Int32Array(w.next), done = new Int32Array(w.done), out = new Float64Array(w.out);
for (let c; (c = Atomics.add(next, 0, 1)) < done.length; ) {
  for (let i = c * ${CHUNK}, end = Math.min(i + ${CHUNK}, names.length); i < end; i++) {
    let st;
    try { st = lstatSync(w.base + names[i]); } catch { out[3 * i + 2] = ${FAILED}; continue; }
    out[3 * i] = st.mtimeMs; out[3 * i + 1] = st.size; out[3 * i + 2] = st.isFile() ? ${FILE} : st.isSymbolicLink() ? ${LINK} : ${OTHER};
  }
  Atomics.store(done, c, 1);
  Atomics.notify(done, c);
}`;

/** The queue statFiles and its helper share: the next chunk to claim, chunks finished, results. */
export interface SharedWork {
  next: Int32Array;
  done: Int32Array;
  out: Float64Array;
}

/** Starts a helper thread working through `work` until no chunk is left; it exits by itself. */
export function startHelper(base: string, names: string[], work: SharedWork): Worker {
  const { next, done, out } = work;
  const helper = new Worker(HELPER, { eval: true, workerData: { base, names: names.join('\0'), next: next.buffer, done: done.buffer, out: out.buffer } });
  helper.unref();
  // A helper that fails to start simply never claims a chunk.
  helper.on('error', () => {});
  return helper;
}

function statChunk(base: string, names: string[], out: Float64Array, chunk: number): void {
  for (let i = chunk * CHUNK, end = Math.min(i + CHUNK, names.length); i < end; i++) {
    let st;
    try {
      st = lstatSync(base + names[i]);
    } catch {
      out[3 * i + 2] = FAILED;
      continue;
    }
    out[3 * i] = st.mtimeMs;
    out[3 * i + 1] = st.size;
    out[3 * i + 2] = st.isFile() ? FILE : st.isSymbolicLink() ? LINK : OTHER;
  }
}

/**
 * Stats (lstat) `base + name` for every name, synchronously. Stat calls are most of the cost of
 * scanning a large folder, so for many names a helper thread takes chunks from the same queue
 * on another core; the caller's thread works through the queue too, then waits for the chunks
 * the helper holds (or does them itself if the helper is stuck). `helperMin` is for tests.
 */
export function statFiles(base: string, names: string[], helperMin = HELPER_MIN): Float64Array {
  const chunks = Math.ceil(names.length / CHUNK);
  const useHelper = names.length >= helperMin && chunks > 1 && availableParallelism() > 1;
  const out = new Float64Array(useHelper ? new SharedArrayBuffer(names.length * 3 * 8) : new ArrayBuffer(names.length * 3 * 8));
  if (!useHelper) {
    for (let c = 0; c < chunks; c++) statChunk(base, names, out, c);
    return out;
  }
  const next = new Int32Array(new SharedArrayBuffer(4));
  const done = new Int32Array(new SharedArrayBuffer(chunks * 4));
  const helper = startHelper(base, names, { next, done, out });
  for (let c; (c = Atomics.add(next, 0, 1)) < chunks; ) {
    statChunk(base, names, out, c);
    Atomics.store(done, c, 1);
  }
  let tookOver = false;
  for (let c = 0; c < chunks; c++) {
    if (Atomics.load(done, c) === 1) continue;
    if (Atomics.wait(done, c, 0, HELPER_PATIENCE_MS) === 'timed-out' && Atomics.load(done, c) !== 1) {
      statChunk(base, names, out, c);
      tookOver = true;
    }
  }
  helper.terminate().catch(() => {});
  // A stalled helper may still write into `out` before it stops: hand back a copy then.
  return tookOver ? out.slice() : out;
}
