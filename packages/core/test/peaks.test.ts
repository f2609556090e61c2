import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { WavFormatError, WavPeakAccumulator, g711Table } from '../src/peaks/compute-wav-peaks.ts';
import { BlockPeaks } from '../src/peaks/block-peaks.ts';

function wav(opts: {
  rate: number;
  channels: number;
  bits: 8 | 16 | 24 | 32;
  float?: boolean;
  frames: number;
  sample: (frame: number, ch: number) => number;
  extraChunk?: boolean;
}) {
  const bytes = opts.bits / 8;
  const dataLen = opts.frames * opts.channels * bytes;
  const extra = opts.extraChunk ? 8 + 6 : 0;
  const b = Buffer.alloc(44 + extra + dataLen);
  let o = 0;
  b.write('RIFF', o);
  b.writeUInt32LE(36 + extra + dataLen, 4);
  b.write('WAVE', 8);
  o = 12;
  if (opts.extraChunk) {
    b.write('LIST', o);
    b.writeUInt32LE(6, o + 4);
    o += 14;
  }
  b.write('fmt ', o);
  b.writeUInt32LE(16, o + 4);
  b.writeUInt16LE(opts.float ? 3 : 1, o + 8);
  b.writeUInt16LE(opts.channels, o + 10);
  b.writeUInt32LE(opts.rate, o + 12);
  b.writeUInt32LE(opts.rate * opts.channels * bytes, o + 16);
  b.writeUInt16LE(opts.channels * bytes, o + 20);
  b.writeUInt16LE(opts.bits, o + 22);
  o += 24;
  b.write('data', o);
  b.writeUInt32LE(dataLen, o + 4);
  o += 8;
  for (let f = 0; f < opts.frames; f++)
    for (let c = 0; c < opts.channels; c++) {
      const v = opts.sample(f, c);
      if (opts.float) b.writeFloatLE(v, o);
      else if (opts.bits === 8) b.writeUInt8(Math.round(v * 127) + 128, o);
      else if (opts.bits === 16) b.writeInt16LE(Math.round(v * 32767), o);
      else if (opts.bits === 24) b.writeIntLE(Math.round(v * 8388607), o, 3);
      else b.writeInt32LE(Math.round(v * 2147483647), o);
      o += bytes;
    }
  return b;
}

function run(buf: Buffer, buckets: number, chunk: number) {
  const acc = new WavPeakAccumulator(buckets, buf.length);
  for (let i = 0; i < buf.length; i += chunk) acc.push(buf.subarray(i, i + chunk));
  return acc.finish();
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('G.711 telephone recordings (μ-law, A-law WAV)', () => {
  it('expands every 8-bit code exactly as sox does (fixtures/g711-sox.json, made with sox 14.4)', () => {
    const sox = JSON.parse(fixture('g711-sox.json').toString()) as { mulaw: number[]; alaw: number[] };
    expect(Array.from(g711Table('mulaw'), (x) => Math.round(x * 32768))).toEqual(sox.mulaw);
    expect(Array.from(g711Table('alaw'), (x) => Math.round(x * 32768))).toEqual(sox.alaw);
  });

  it("gives the peaks of the 16-bit original within the codec's step (sox-encoded fixtures)", () => {
    const pcm = run(fixture('tone-pcm16.wav'), 20, 4096);
    for (const name of ['tone-mulaw.wav', 'tone-alaw.wav']) {
      const g = run(fixture(name), 20, 333);
      expect(g).toMatchObject({ sampleRate: 8000, channels: 1, duration: 2 });
      expect(g.peaks).toHaveLength(pcm.peaks.length);
      g.peaks.forEach((p, i) => expect(Math.abs(p - pcm.peaks[i]!), `${name} bucket ${i}`).toBeLessThan(0.035));
      expect(Math.min(...g.peaks.slice(0, 10))).toBeGreaterThan(0.75); // the loud second
      expect(Math.max(...g.peaks.slice(10))).toBeLessThan(0.12); // the quiet one
    }
  });
});

describe('WAV peaks', () => {
  it('finds the loud and quiet halves and the duration', () => {
    const buf = wav({ rate: 8000, channels: 1, bits: 16, frames: 16000, sample: (f) => (f < 8000 ? 0.8 : 0.2) * Math.sin(f / 3) });
    const p = run(buf, 100, 4096);
    expect(p.duration).toBe(2);
    expect(p.peaks).toHaveLength(100);
    expect(Math.min(...p.peaks.slice(0, 50))).toBeGreaterThan(0.7);
    expect(Math.max(...p.peaks.slice(50))).toBeLessThan(0.25);
  });

  it('gives the same peaks whatever the chunking (property)', () => {
    const buf = wav({ rate: 4000, channels: 2, bits: 24, frames: 3000, sample: (f, c) => Math.sin(f / (7 + c)) * (c ? 0.3 : 0.9) });
    const whole = run(buf, 64, buf.length);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (chunk) => {
        expect(run(buf, 64, chunk)).toEqual(whole);
      }),
      { numRuns: 40 }
    );
  });

  it('merges channels by the loudest and reads 8-bit, 32-bit and float encodings', () => {
    const stereo = run(wav({ rate: 1000, channels: 2, bits: 16, frames: 1000, sample: (_f, c) => (c ? -0.6 : 0.1) }), 10, 333);
    expect(stereo.peaks.every((x) => Math.abs(x - 0.6) < 0.01)).toBe(true);
    for (const enc of [{ bits: 8 as const }, { bits: 32 as const }, { bits: 32 as const, float: true }]) {
      const p = run(wav({ rate: 1000, channels: 1, frames: 500, sample: () => 0.5, ...enc }), 5, 100);
      expect(
        p.peaks.every((x) => Math.abs(x - 0.5) < 0.01),
        JSON.stringify(enc)
      ).toBe(true);
    }
  });

  it('skips chunks before the data and stops at the data length', () => {
    const buf = Buffer.concat([
      wav({ rate: 1000, channels: 1, bits: 16, frames: 1000, sample: () => 0.25, extraChunk: true }),
      Buffer.from('LIST\x04\x00\x00\x00\xff\x7f\xff\x7f', 'latin1')
    ]);
    const p = new WavPeakAccumulator(10); // file size unknown: trusts the data chunk size
    p.push(buf);
    const out = p.finish();
    expect(out.duration).toBe(1);
    expect(Math.max(...out.peaks)).toBeCloseTo(0.25, 2);
  });

  it('refuses what is not a supported WAV, saying why', () => {
    expect(() => run(Buffer.from('OggS'.padEnd(64, '\0')), 10, 64)).toThrow(WavFormatError);
    const adpcm = wav({ rate: 1000, channels: 1, bits: 16, frames: 10, sample: () => 0 });
    adpcm.writeUInt16LE(2, 20);
    expect(() => run(adpcm, 10, 64)).toThrow(/unsupported WAV encoding \(format 2/);
    expect(() => new WavPeakAccumulator(10).finish()).toThrow(/not a WAV file/);
  });
});

describe('block peaks (decoded compressed audio)', () => {
  it('folds 10 ms blocks into buckets and keeps the duration', () => {
    const acc = new BlockPeaks();
    const rate = 16000;
    const ch = new Float32Array(rate * 3).map((_, i) => (i < rate ? 0.9 : 0.1) * Math.sin(i));
    acc.push([ch.subarray(0, 12345)], rate);
    acc.push([ch.subarray(12345)], rate);
    const p = acc.finish(30);
    expect(p.duration).toBe(3);
    expect(p.peaks).toHaveLength(30);
    expect(p.bucketSeconds).toBeCloseTo(0.1, 9);
    expect(Math.min(...p.peaks.slice(0, 10))).toBeGreaterThan(0.8);
    expect(Math.max(...p.peaks.slice(11))).toBeLessThan(0.11);
  });
});
