import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import { canReadCall } from '../policy/calls.ts';
import { loadCallWithScope } from '../evaluations/scope.ts';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { BlockPeaks } from './block-peaks.ts';
import { WavFormatError, WavPeakAccumulator, type Peaks } from './compute-wav-peaks.ts';

export const GetCallPeaksInput = z.object({
  callId: z.number().int().positive(),
  buckets: z.number().int().min(100).max(8000).default(1600)
});

// Peaks of a file never change while its size and mtime stay: keep the last few hundred in memory.
const cache = new Map<string, Peaks>();
const CACHE_MAX = 300;

/**
 * Waveform peaks of a call's recording, for the player. Uses a precomputed `<file>.peaks.json` beside
 * the recording when present (written by the demo audio script or an import), else decodes the WAV.
 */
export async function getCallPeaks({
  ctx,
  input,
  recordingsDir
}: {
  ctx: Ctx;
  input: z.input<typeof GetCallPeaksInput>;
  recordingsDir: string;
}) {
  const { callId, buckets } = GetCallPeaksInput.parse(input);
  const { call, scope } = await loadCallWithScope(ctx.db, ctx.principal.tenantId, callId);
  if (!canReadCall(ctx.principal, scope)) throw notFound(`Call ${callId}`);
  if (!call.recordingPath) throw notFound(`Recording of call ${callId}`);
  const path = safeJoin(recordingsDir, call.recordingPath);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw notFound(`Recording of call ${callId}`);
  const key = `${path}:${info.size}:${info.mtimeMs}:${buckets}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { callId, etag: etagOf(key), ...hit };
  }
  const peaks = (await readSidecar(`${path}.peaks.json`, info.mtimeMs)) ?? (await decode(path, info.size, buckets));
  cache.set(key, peaks);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return { callId, etag: etagOf(key), ...peaks };
}

function safeJoin(dir: string, rel: string) {
  const root = resolve(dir);
  const full = resolve(root, rel);
  const r = relative(root, full);
  if (!r || r.startsWith('..') || isAbsolute(r)) throw invalid('Recording path points outside the recordings directory');
  return full;
}

const SidecarSchema = z.object({
  duration: z.number().positive(),
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  bucketSeconds: z.number().positive(),
  peaks: z.array(z.number().min(0).max(1)).min(1)
});

async function readSidecar(path: string, audioMtimeMs: number): Promise<Peaks | null> {
  const info = await stat(path).catch(() => null);
  if (!info || info.mtimeMs < audioMtimeMs) return null; // stale: the audio changed after the peaks were made
  const parsed = SidecarSchema.safeParse(JSON.parse(await readFile(path, 'utf8').catch(() => 'null')));
  return parsed.success ? parsed.data : null;
}

async function decode(path: string, size: number, buckets: number): Promise<Peaks> {
  try {
    const head = await readHead(path);
    if (head === 'OggS') return await decodeOggVorbis(path, buckets);
    const acc = new WavPeakAccumulator(buckets, size);
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) acc.push(chunk as Buffer);
    return acc.finish();
  } catch (e) {
    if (e instanceof WavFormatError) {
      throw new DomainError(
        'PRECONDITION_FAILED',
        `Cannot draw a waveform for this recording: ${e.message}. Add a precomputed .peaks.json beside it.`
      );
    }
    throw e;
  }
}

async function readHead(path: string) {
  for await (const chunk of createReadStream(path, { start: 0, end: 3 })) return (chunk as Buffer).toString('latin1');
  return '';
}

/** Ogg Vorbis (the demo recordings, many call recorders) through a WASM build of libvorbis, streamed. */
async function decodeOggVorbis(path: string, buckets: number): Promise<Peaks> {
  const decoder = new OggVorbisDecoder();
  await decoder.ready;
  const acc = new BlockPeaks();
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 })) {
      const out = await decoder.decode(chunk as Buffer);
      acc.push(out.channelData, out.sampleRate);
    }
    const rest = await decoder.flush();
    acc.push(rest.channelData, rest.sampleRate);
  } finally {
    decoder.free();
  }
  if (!acc.sampleRate) throw new WavFormatError('the Ogg file holds no Vorbis audio');
  return acc.finish(buckets);
}

const etagOf = (key: string) => {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return `"p${(h >>> 0).toString(36)}"`;
};
