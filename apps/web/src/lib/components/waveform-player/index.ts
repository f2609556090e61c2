export { default as WaveformPlayer } from './waveform-player.svelte';
export { default as Transcript } from './transcript.svelte';
export { PlayerState, formatTime, isTypingTarget } from './player-state.svelte';
export type { Marker } from './waveform-player.svelte';
export type { Turn } from './transcript.svelte';
