import { instantOfLocal } from './deadline';

/**
 * The session form as the API wants it: numbers for ids, the deadline as an instant (typed on the contact
 * center's clock), the chosen calls or the draw. The API checks every value and names the bad one; a deadline
 * that is not a time is sent as typed so the API names `deadline`.
 */
export function readSessionForm(f: FormData, timeZone: string) {
  const text = (key: string) => String(f.get(key) ?? '').trim();
  const deadlineLocal = text('deadline');
  const mode = text('mode') === 'drawn' ? 'drawn' : 'chosen';
  return {
    programId: Number(text('programId') || NaN),
    title: text('title'),
    deadline: instantOfLocal(deadlineLocal, timeZone)?.toISOString() ?? deadlineLocal,
    participantIds: f.getAll('participantId').map(Number),
    calls:
      mode === 'drawn'
        ? { mode: 'drawn' as const, from: text('from'), to: text('to'), count: Number(text('count') || NaN) }
        : { mode: 'chosen' as const, callIds: f.getAll('callId').map(Number) },
    deadlineLocal
  };
}
export type SessionFormValues = ReturnType<typeof readSessionForm>;
