/// <reference lib="webworker" />
/**
 * The store worker: everything costly about loading data happens here, off the page's main thread, so a
 * million events never freeze the page. Download (with byte progress), JSON parse, shape check, merge with
 * the user's imports, sort and index; the typed arrays go back transferred and the events in chunks small
 * enough for the page to take in between frames.
 */
import { buildAtlasStoreParts, storeTransferables } from '../data/atlas-store';
import type { AtlasDocument, AtlasEvent, Place } from '../data/model';
import { mergeUserDocument } from '../import/merge-user';
import { checkAtlasDocument } from './check-document';
import type { StoreReply, StoreRequest } from './store-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Events per message: about 10 ms of structured-clone reading on the page here (20k took 60–110 ms). */
export const EVENT_CHUNK = 10_000;

let base: AtlasDocument | null = null;
let places: Place[] = [];
let user: { seq: number; doc: AtlasDocument | null } | null = null;
let built = -1;
let sending: { seq: number; events: AtlasEvent[]; next: number } | null = null;

function post(reply: StoreReply, transfer: Transferable[] = []) {
  self.postMessage(reply, transfer);
}

async function download(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${new URL(url).pathname}: HTTP ${response.status} ${response.statusText}`.trim());
  if (/text\/html/i.test(response.headers.get('content-type') ?? '')) {
    // A static server that answers every path with the app's page (a single-page-app fallback).
    throw new Error(
      `${new URL(url).pathname}: the server answered with a web page, not a JSON file (HTTP 404?)`,
    );
  }
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let done = 0;
  let last = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    parts.push(chunk.value);
    done += chunk.value.byteLength;
    if (done - last > 1 << 20) {
      last = done;
      post({ type: 'progress', phase: 'download', done, total });
    }
  }
  post({ type: 'progress', phase: 'download', done, total: total || done });
  const decoder = new TextDecoder();
  let text = '';
  for (const part of parts) text += decoder.decode(part, { stream: true });
  return text + decoder.decode();
}

function build() {
  if (!base || !user || built === user.seq) return;
  const { seq } = user;
  built = seq;
  post({
    type: 'progress',
    phase: 'index',
    done: 0,
    total: base.events.length + (user.doc?.events.length ?? 0),
  });
  const parts = buildAtlasStoreParts(mergeUserDocument(base, user.doc), places);
  const events = parts.doc.events;
  post(
    { type: 'parts', seq, parts: { ...parts, doc: { ...parts.doc, events: [] } }, eventCount: events.length },
    storeTransferables(parts),
  );
  sending = { seq, events, next: 0 };
  sendChunk(seq);
}

/** The next chunk of the store being sent, when `seq` is still the one wanted. */
function sendChunk(seq: number) {
  if (!sending || sending.seq !== seq) return;
  const { events, next } = sending;
  sending.next = next + EVENT_CHUNK;
  post({ type: 'events', seq, events: events.slice(next, next + EVENT_CHUNK) });
  if (sending.next >= events.length) sending = null;
}

async function load(url: string) {
  post({ type: 'progress', phase: 'download', done: 0, total: 0 });
  const text = await download(url);
  post({ type: 'progress', phase: 'parse', done: 0, total: text.length });
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  const checked = checkAtlasDocument(text, name);
  if ('error' in checked) throw new Error(checked.error);
  base = checked.doc;
  post({ type: 'base', articles: base.articles, warnings: checked.warnings });
  build();
}

self.onmessage = (event: MessageEvent<StoreRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    places = request.places;
    load(request.url).catch((error: unknown) => {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    });
  } else if (request.type === 'user') {
    user = { seq: request.seq, doc: request.doc };
    build();
  } else sendChunk(request.seq);
};
