import type { Peaks } from './compute-wav-peaks.ts';

/**
 * Peaks from decoded float samples whose total length is not known in advance (compressed audio):
 * keeps the loudest sample per 10 ms block, then folds the blocks into the wanted number of buckets.
 * An hour of audio is 360,000 blocks: small.
 */
export class BlockPeaks {
  private blocks: number[] = [];
  private blockFrames = 0;
  private fill = 0;
  private max = 0;
  private frames = 0;
  sampleRate = 0;
  channels = 0;

  push(channelData: Float32Array[], sampleRate: number) {
    if (!channelData.length) return;
    if (!this.sampleRate) {
      this.sampleRate = sampleRate;
      this.channels = channelData.length;
      this.blockFrames = Math.max(1, Math.round(sampleRate / 100));
    }
    const n = channelData[0]!.length;
    for (let i = 0; i < n; i++) {
      let loud = 0;
      for (const ch of channelData) {
        const v = Math.abs(ch[i]!);
        if (v > loud) loud = v;
      }
      if (loud > this.max) this.max = loud;
      if (++this.fill === this.blockFrames) {
        this.blocks.push(this.max);
        this.fill = 0;
        this.max = 0;
      }
    }
    this.frames += n;
  }

  finish(buckets: number): Peaks {
    if (this.fill > 0) this.blocks.push(this.max);
    const per = Math.max(1, Math.ceil(this.blocks.length / buckets));
    const peaks: number[] = [];
    for (let i = 0; i < this.blocks.length; i += per) {
      let m = 0;
      for (let j = i; j < Math.min(i + per, this.blocks.length); j++) if (this.blocks[j]! > m) m = this.blocks[j]!;
      peaks.push(Math.round(Math.min(1, m) * 1000) / 1000);
    }
    const rate = this.sampleRate || 1;
    return {
      duration: this.frames / rate,
      sampleRate: this.sampleRate,
      channels: this.channels,
      bucketSeconds: (per * this.blockFrames) / rate,
      peaks
    };
  }
}
