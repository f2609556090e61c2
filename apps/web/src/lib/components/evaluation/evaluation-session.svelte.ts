import { apiClient, must } from '$lib/api/client';
import { ApiError, type ErrorDetail } from '$lib/api/errors';
import type { WorkQueue } from '$lib/api/types';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Answers, Comment, EvaluationRow, Revision, Score, ScreenData } from './types';

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';
const AUTOSAVE_MS = 500;

/** The API, from the browser (same origin, the person's cookies). */
const api = () => apiClient().api;

/** A failure in the person's language: the API's code picks the message (its English text is for API users). */
const failureText = (e: unknown) => (e instanceof ApiError ? apiErrorMessage(e) : m.error_unknown({ code: String(e) }));

/** The next sampled call in the evaluator's work queue (GET /api/sampling/work), or null. */
export type NextCall = WorkQueue['items'][number];

/**
 * Per item, what the API refused, in the screen's words: its details name items by path `answers.<id>`
 * (the ids are internal; the screen shows each message next to the item's own text).
 */
export function itemProblems(details: ErrorDetail[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const id = /^answers\.(.+)$/.exec(d.path ?? '')?.[1];
    if (!id || out[id]) continue;
    out[id] = /is required and has no answer/.test(d.message)
      ? m.evaluation_problem_required()
      : d.message.replace(/^item "[^"]*"(:)? ?/, '').replace(/^./, (c) => c.toUpperCase());
  }
  return out;
}

/**
 * One evaluation being scored in the browser: answers, autosave, live score, submit and revisions.
 * The score always comes from the API (the one scoring formula); the browser never computes one.
 */
export class EvaluationSession {
  data = $state() as ScreenData;
  evaluation = $state<EvaluationRow | null>(null);
  answers = $state<Answers>({});
  score = $state<Score | null>(null);
  comments = $state<Comment[]>([]);
  revisions = $state<Revision[]>([]);
  /** 'draft': autosaved; 'view': submitted, read-only; 'edit': submitted, changing into a new revision. */
  mode = $state<'draft' | 'view' | 'edit'>('draft');
  saveState = $state<SaveState>('idle');
  savedAt = $state<Date | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  /** Set when a submit or revision was refused: the form marks required items still unanswered. */
  showMissing = $state(false);
  /** Item id → what is wrong with its answer, from the last refused submit or revision. */
  problems = $state<Record<string, string>>({});
  /** Counts refusals, so the form moves the focus once per refusal (not each time an item is fixed). */
  refusals = $state(0);
  /** Set by a successful submit: what to offer next (the next call of the work queue, if any). */
  submitted = $state<{ revision: number; next: NextCall | null } | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private dirty = false;
  private starting: Promise<void> | null = null;

  constructor(
    data: ScreenData,
    private readonly start: { callId?: number; kind?: 'sampled' | 'live' }
  ) {
    this.load(data);
  }

  load(data: ScreenData) {
    this.data = data;
    this.evaluation = data.evaluation;
    this.answers = { ...(data.evaluation?.answers ?? {}) };
    this.score = data.score;
    this.comments = data.comments;
    this.revisions = data.revisions;
    this.mode = data.evaluation?.status === 'submitted' ? 'view' : 'draft';
    this.showMissing = false;
    this.problems = {};
  }

  get editable() {
    return this.data.canChange && (this.mode === 'draft' || this.mode === 'edit');
  }

  setAnswer(itemId: string, value: Answers[string]) {
    if (!this.editable) return;
    this.answers = { ...this.answers, [itemId]: value };
    this.error = null;
    if (this.problems[itemId]) {
      const { [itemId]: _fixed, ...rest } = this.problems;
      this.problems = rest;
    }
    this.schedule();
  }

  private schedule() {
    this.saveState = 'pending';
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Saves now (draft) or refreshes the preview score (edit); waits for a save already running. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inflight) {
      this.dirty = true;
      await this.inflight;
      if (!this.dirty) return;
    }
    this.dirty = false;
    this.inflight = (this.mode === 'edit' ? this.preview() : this.saveDraft()).finally(() => (this.inflight = null));
    await this.inflight;
    if (this.dirty) await this.flush();
  }

  private async ensureStarted() {
    if (this.evaluation) return;
    this.starting ??= must(api().evaluations.$post({ json: this.start })).then((r) => {
      this.evaluation = r.evaluation;
    });
    await this.starting;
  }

  private async saveDraft() {
    this.saveState = 'saving';
    try {
      await this.ensureStarted();
      const ev = this.evaluation!;
      const r = await must(
        api().evaluations[':id'].draft.$put({ param: { id: String(ev.id) }, json: { version: ev.version, answers: this.answers } })
      );
      this.evaluation = r.evaluation;
      this.score = r.score;
      this.saveState = 'saved';
      // Replaced, never mutated: a plain Date is enough.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      this.savedAt = new Date();
    } catch (e) {
      this.saveState = 'error';
      this.error = failureText(e);
    }
  }

  private async preview() {
    this.saveState = 'saving';
    try {
      const r = await must(
        api().evaluations[':id']['score-preview'].$post({ param: { id: String(this.evaluation!.id) }, json: { answers: this.answers } })
      );
      this.score = r.score;
      this.saveState = 'idle';
    } catch (e) {
      this.saveState = 'error';
      this.error = failureText(e);
    }
  }

  async submit() {
    if (this.mode !== 'draft' || this.busy) return;
    this.busy = true;
    try {
      await this.flush();
      if (this.saveState === 'error') return;
      await this.ensureStarted();
      await must(
        api().evaluations[':id'].submit.$post({
          param: { id: String(this.evaluation!.id) },
          json: { version: this.evaluation!.version, answers: this.answers }
        })
      );
      await this.reload();
      this.submitted = { revision: this.evaluation!.revision, next: await this.nextInQueue() };
    } catch (e) {
      this.refused(e);
    } finally {
      this.busy = false;
    }
  }

  startEdit() {
    if (!this.data.canChange || this.mode !== 'view') return;
    this.mode = 'edit';
    this.error = null;
  }

  cancelEdit() {
    if (this.mode !== 'edit') return;
    this.answers = { ...(this.evaluation?.answers ?? {}) };
    this.score = this.data.score;
    this.mode = 'view';
    this.error = null;
  }

  async saveRevision(reason: string): Promise<boolean> {
    if (this.mode !== 'edit' || this.busy) return false;
    this.busy = true;
    try {
      await must(
        api().evaluations[':id'].revisions.$post({
          param: { id: String(this.evaluation!.id) },
          json: { revision: this.evaluation!.revision, answers: this.answers, reason }
        })
      );
      await this.reload();
      return true;
    } catch (e) {
      this.refused(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** A refused submit or revision: problems with items go next to the items, anything else to the top. */
  private refused(e: unknown) {
    this.showMissing = true;
    this.problems = e instanceof ApiError ? itemProblems(e.details) : {};
    this.refusals++;
    this.error = Object.keys(this.problems).length ? null : failureText(e);
  }

  /** The next open call of the evaluator's work queue; null when there is none or no queue at all. */
  private async nextInQueue(): Promise<NextCall | null> {
    try {
      const q = await must(api().sampling.work.$get({ query: {} }));
      return q.items.find((i) => i.callId !== this.data.call?.id) ?? null;
    } catch {
      return null;
    }
  }

  async addComment(c: { text: string; itemId?: string | null; atSeconds?: number | null; turnIndex?: number | null }) {
    try {
      await this.ensureStarted();
      const created = await must(api().evaluations[':id'].comments.$post({ param: { id: String(this.evaluation!.id) }, json: c }));
      this.comments = [...this.comments, created];
      return true;
    } catch (e) {
      this.error = failureText(e);
      return false;
    }
  }

  async reload() {
    const d = await must(api().evaluations[':id'].$get({ param: { id: String(this.evaluation!.id) } }));
    this.load({
      ...this.data,
      evaluation: d.evaluation,
      score: d.score,
      revisions: d.revisions,
      comments: d.comments,
      canChange: d.canChange
    });
  }
}
