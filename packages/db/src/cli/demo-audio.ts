// Renders the demo recordings from the showcase transcripts with espeak-ng (two voices) and sox,
// each turn fitted to its time slot, encoded as 16 kHz mono Ogg Vorbis (telephone quality, small).
// Run: pnpm --filter @attentive/db demo:audio   (needs espeak-ng and sox with Ogg Vorbis support)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoRecordingsSource } from '../demo/seed.ts';
import { buildRoster } from '../demo/roster.ts';
import { DEFAULT_SEED, SHOWCASES, showcaseTranscript } from '../demo/showcase.ts';
import { hash32 } from '../demo/prng.ts';

const RATE = 16000;
const WPM = 160;

function run(cmd: string, args: string[]) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const roster = buildRoster({ seed: DEFAULT_SEED });
const work = mkdtempSync(join(tmpdir(), 'attentive-audio-'));
let total = 0;
try {
  for (const s of SHOWCASES) {
    const turns = showcaseTranscript(roster, s);
    const h = hash32(s.file);
    // Two clearly different voices per call: agent and customer, varied across calls.
    const voices = {
      agent: `${s.language}+${['f2', 'f3', 'f4', 'm2'][h % 4]}`,
      customer: `${s.language}+${['m3', 'm7', 'f5', 'm1'][(h >>> 3) % 4]}`
    };
    const pitch = { agent: String(45 + (h % 20)), customer: String(35 + ((h >>> 5) % 25)) };
    const parts: string[] = [];
    const lead = join(work, `${s.file}-lead.wav`);
    run('sox', ['-n', '-r', String(RATE), '-c', '1', lead, 'trim', '0', String(turns[0]!.start)]);
    parts.push(lead);
    turns.forEach((t, i) => {
      const raw = join(work, `${s.file}-${i}-raw.wav`);
      const seg = join(work, `${s.file}-${i}.wav`);
      run('espeak-ng', ['-v', voices[t.speaker], '-s', String(WPM), '-p', pitch[t.speaker], '-w', raw, t.text]);
      const spoken = Number(run('soxi', ['-D', raw]));
      const slot = t.end - t.start;
      const next = turns[i + 1]?.start ?? t.end + 0.8;
      const effects = ['rate', String(RATE), 'channels', '1'];
      // Speed up a clip that would overrun its turn, then pad with silence up to the next turn.
      if (spoken > slot) effects.push('tempo', '-s', (spoken / slot).toFixed(3));
      effects.push('pad', '0', String(next - t.start), 'trim', '0', (next - t.start).toFixed(3));
      run('sox', [raw, seg, ...effects]);
      parts.push(seg);
    });
    const out = join(demoRecordingsSource, s.file);
    run('sox', [...parts, '-C', '-1', out]);
    const size = statSync(out).size;
    total += size;
    console.log(`${s.file}: ${turns.length} turns, ${turns[turns.length - 1]!.end.toFixed(1)} s, ${(size / 1024).toFixed(0)} KB`);
  }
  console.log(`total ${(total / 1024).toFixed(0)} KB in ${demoRecordingsSource}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
