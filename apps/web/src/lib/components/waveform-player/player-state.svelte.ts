import { formats } from '$lib/format';

/** What the waveform player, the transcript and the scoring screen share: one clock for the call. */
export type PlayerControls = {
  play(): Promise<void> | void;
  pause(): void;
  setTime(seconds: number): void;
  setRate(rate: number): void;
};

export const MIN_RATE = 1;
export const MAX_RATE = 2;
export const RATE_STEP = 0.25;
export const SKIP_SECONDS = 5;

export class PlayerState {
  currentTime = $state(0);
  duration = $state(0);
  playing = $state(false);
  rate = $state(1);
  ready = $state(false);
  error = $state<string | null>(null);
  private controls: PlayerControls | null = null;

  attach(controls: PlayerControls | null) {
    this.controls = controls;
    this.ready = controls != null;
  }

  toggle() {
    if (!this.controls) return;
    if (this.playing) this.controls.pause();
    else void this.controls.play();
  }

  seek(seconds: number) {
    const t = Math.max(0, Math.min(this.duration || seconds, seconds));
    this.currentTime = t;
    this.controls?.setTime(t);
  }

  skip(delta: number) {
    this.seek(this.currentTime + delta);
  }

  setRate(rate: number) {
    const r = Math.round(Math.max(MIN_RATE, Math.min(MAX_RATE, rate)) * 100) / 100;
    this.rate = r;
    this.controls?.setRate(r);
  }

  faster() {
    this.setRate(this.rate + RATE_STEP);
  }

  slower() {
    this.setRate(this.rate - RATE_STEP);
  }
}

/** m:ss or h:mm:ss, for times in a call (the format module's duration, the same in every language; whole seconds played). */
export function formatTime(seconds: number): string {
  return formats('en').duration(Math.floor(seconds));
}

/** True when a key press belongs to a text field (or a control that needs its keys): never steal those. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range'].includes(type);
  }
  return false;
}
