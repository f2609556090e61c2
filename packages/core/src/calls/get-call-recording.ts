import type { Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { loadReadableCall } from './get-call.ts';
import { audioContentType, resolveRecordingPath } from './recording-path.ts';

/**
 * Where the audio of a readable call lives. The caller streams the file; a stored path that escapes
 * the recordings directory is refused, never opened.
 */
export async function getCallRecording({ ctx, input, recordingsDir }: { ctx: Ctx; input: { callId: number }; recordingsDir: string }) {
  const id = input.callId;
  const { call } = await loadReadableCall(ctx, id);
  if (!call.recordingPath) throw notFound(`Recording of call ${id}`);
  const file = resolveRecordingPath(recordingsDir, call.recordingPath);
  if (!file) throw new DomainError('FORBIDDEN', `The recording path of call ${id} points outside the recordings directory; refused`);
  return { file, contentType: audioContentType(file) };
}
