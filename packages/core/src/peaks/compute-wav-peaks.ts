/**
 * Waveform peaks from a WAV (RIFF) stream, computed chunk by chunk so an hour-long recording never has
 * to sit in memory. Supports PCM 8/16/24/32-bit integers, 32/64-bit floats and G.711 μ-law/A-law
 * (telephone recordings), any channel count (channels are merged by taking the loudest). Pure: bytes
 * in, numbers out.
 */
export type Peaks = {
  /** Seconds of audio. */
  duration: number;
  sampleRate: number;
  channels: number;
  /** Seconds of audio each peak covers. */
  bucketSeconds: number;
  /** Loudest absolute sample per bucket, 0..1, rounded to 3 decimals. */
  peaks: number[];
};

export class WavFormatError extends Error {}

type Format = { audioFormat: number; channels: number; sampleRate: number; bits: number; dataBytes: number | null };

const MAX_HEADER_BYTES = 1 << 20;

export class WavPeakAccumulator {
  private header: Uint8Array = new Uint8Array(0);
  private format: Format | null = null;
  private leftover: Uint8Array = new Uint8Array(0);
  private framesSeen = 0;
  private bucketFrames = 0;
  private bucketMax = 0;
  private bucketFill = 0;
  private readonly out: number[] = [];

  constructor(
    private readonly buckets: number,
    private readonly fileBytes?: number
  ) {
    if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError('buckets must be a positive integer');
  }

  push(chunk: Uint8Array) {
    if (!this.format) {
      this.header = concat(this.header, chunk);
      const parsed = parseHeader(this.header, this.fileBytes);
      if (!parsed) {
        if (this.header.length > MAX_HEADER_BYTES) throw new WavFormatError('no data chunk in the first megabyte');
        return;
      }
      this.format = parsed.format;
      const frameBytes = (parsed.format.bits / 8) * parsed.format.channels;
      const totalFrames = parsed.format.dataBytes != null ? Math.floor(parsed.format.dataBytes / frameBytes) : 0;
      this.bucketFrames = Math.max(1, Math.ceil(totalFrames / this.buckets));
      const rest = this.header.subarray(parsed.dataOffset);
      this.header = new Uint8Array(0);
      this.consume(rest);
      return;
    }
    this.consume(chunk);
  }

  finish(): Peaks {
    if (!this.format) throw new WavFormatError('not a WAV file (no RIFF/WAVE header with fmt and data chunks)');
    if (this.bucketFill > 0) this.out.push(round3(this.bucketMax));
    const { sampleRate, channels } = this.format;
    return {
      duration: this.framesSeen / sampleRate,
      sampleRate,
      channels,
      bucketSeconds: this.bucketFrames / sampleRate,
      peaks: this.out
    };
  }

  private consume(bytes: Uint8Array) {
    const f = this.format!;
    const sampleBytes = f.bits / 8;
    const frameBytes = sampleBytes * f.channels;
    let data = this.leftover.length ? concat(this.leftover, bytes) : bytes;
    if (f.dataBytes != null) {
      const remaining = f.dataBytes - this.framesSeen * frameBytes;
      if (data.length > remaining) data = data.subarray(0, Math.max(0, remaining)); // trailing chunks (LIST…)
    }
    const frames = Math.floor(data.length / frameBytes);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const read = sampleReader(f, view);
    for (let fr = 0; fr < frames; fr++) {
      const base = fr * frameBytes;
      let loud = 0;
      for (let ch = 0; ch < f.channels; ch++) {
        const v = Math.abs(read(base + ch * sampleBytes));
        if (v > loud) loud = v;
      }
      if (loud > this.bucketMax) this.bucketMax = loud;
      if (++this.bucketFill === this.bucketFrames) {
        this.out.push(round3(this.bucketMax));
        this.bucketMax = 0;
        this.bucketFill = 0;
      }
    }
    this.framesSeen += frames;
    this.leftover = data.slice(frames * frameBytes);
  }
}

/** WAVE format codes: PCM, IEEE float, and the G.711 codecs most telephone recordings use. */
const PCM = 1;
const FLOAT = 3;
const ALAW = 6;
const MULAW = 7;

/**
 * G.711 (ITU-T, 1972) expansion of one 8-bit code to a linear sample in [-1, 1]: the standard
 * segment/mantissa formulas, tabulated once (256 entries each). Cross-checked against sox in the tests.
 */
export function g711Table(kind: 'mulaw' | 'alaw'): Float32Array {
  const t = new Float32Array(256);
  for (let code = 0; code < 256; code++) {
    let linear: number;
    if (kind === 'mulaw') {
      const u = ~code & 0xff;
      const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)) - 0x84;
      linear = u & 0x80 ? -magnitude : magnitude; // 16-bit scale, ±32124
      t[code] = (linear || 0) / 32768; // no -0
    } else {
      const a = code ^ 0x55;
      const segment = (a & 0x70) >> 4;
      let magnitude = (a & 0x0f) << 4;
      magnitude = segment === 0 ? magnitude + 8 : (magnitude + 0x108) << (segment - 1);
      linear = a & 0x80 ? magnitude : -magnitude; // 16-bit scale, ±32256
      t[code] = linear / 32768;
    }
  }
  return t;
}
let mulaw: Float32Array | undefined;
let alaw: Float32Array | undefined;

function sampleReader(f: Format, v: DataView): (offset: number) => number {
  if (f.audioFormat === FLOAT) return f.bits === 32 ? (o) => v.getFloat32(o, true) : (o) => v.getFloat64(o, true);
  if (f.audioFormat === MULAW) {
    const t = (mulaw ??= g711Table('mulaw'));
    return (o) => t[v.getUint8(o)]!;
  }
  if (f.audioFormat === ALAW) {
    const t = (alaw ??= g711Table('alaw'));
    return (o) => t[v.getUint8(o)]!;
  }
  switch (f.bits) {
    case 8:
      return (o) => (v.getUint8(o) - 128) / 128;
    case 16:
      return (o) => v.getInt16(o, true) / 32768;
    case 24:
      return (o) => (v.getUint8(o) | (v.getUint8(o + 1) << 8) | (v.getInt8(o + 2) << 16)) / 8388608;
    default:
      return (o) => v.getInt32(o, true) / 2147483648;
  }
}

function parseHeader(b: Uint8Array, fileBytes?: number): { format: Format; dataOffset: number } | null {
  if (b.length < 12) return null;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (ascii(b, 0) !== 'RIFF' || ascii(b, 8) !== 'WAVE') throw new WavFormatError('not a WAV file (no RIFF/WAVE header)');
  let off = 12;
  let fmt: Omit<Format, 'dataBytes'> | null = null;
  while (off + 8 <= b.length) {
    const id = ascii(b, off);
    const size = v.getUint32(off + 4, true);
    if (id === 'data') {
      if (!fmt) throw new WavFormatError('data chunk before fmt chunk');
      const unknown = size === 0 || size === 0xffffffff;
      const fromFile = fileBytes != null ? fileBytes - (off + 8) : null;
      const dataBytes = unknown ? fromFile : fromFile != null ? Math.min(size, fromFile) : size;
      return { format: { ...fmt, dataBytes }, dataOffset: off + 8 };
    }
    if (off + 8 + size > b.length) return null; // chunk not fully read yet
    if (id === 'fmt ') {
      let audioFormat = v.getUint16(off + 8, true);
      const channels = v.getUint16(off + 10, true);
      const sampleRate = v.getUint32(off + 12, true);
      const bits = v.getUint16(off + 22, true);
      if (audioFormat === 0xfffe && size >= 40) audioFormat = v.getUint16(off + 32, true); // WAVE_FORMAT_EXTENSIBLE
      const okInt = audioFormat === PCM && [8, 16, 24, 32].includes(bits);
      const okFloat = audioFormat === FLOAT && (bits === 32 || bits === 64);
      const okG711 = (audioFormat === ALAW || audioFormat === MULAW) && bits === 8;
      if (!okInt && !okFloat && !okG711) throw new WavFormatError(`unsupported WAV encoding (format ${audioFormat}, ${bits} bits)`);
      if (channels < 1 || sampleRate < 1) throw new WavFormatError('WAV header has no channels or sample rate');
      fmt = { audioFormat, channels, sampleRate, bits };
    }
    off += 8 + size + (size % 2); // chunks are word-aligned
  }
  return null;
}

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
const round3 = (x: number) => Math.round(Math.min(1, x) * 1000) / 1000;

function concat(a: Uint8Array, b: Uint8Array) {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
