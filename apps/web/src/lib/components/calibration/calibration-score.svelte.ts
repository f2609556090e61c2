import { apiClient, must } from '$lib/api/client';
import { ApiError } from '$lib/api/errors';
import type { CalibrationScoring } from '@attentive/shared/calibration-scoring';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import { itemProblems } from '$lib/components/evaluation/evaluation-session.svelte';
import type { Answers, ScoringForm, Score } from '$lib/components/evaluation/types';

type Mine = NonNullable<CalibrationScoring['mine']>;
const AUTOSAVE_MS = 500;
const failureText = (e: unknown) => (e instanceof ApiError ? apiErrorMessage(e) : m.error_unknown({ code: String(e) }));

/**
 * One participant's blind score of one call of a calibration session, in the browser: the scorecard form's state
 * (ScoringForm), a draft autosaved through PUT /api/calibration/sessions/{id}/calls/{callId}/score, and submit.
 * The score shown always comes from the API (the one formula). A submitted score changes only by submitting again
 * (the writer refuses a draft save of it): 'edit' keeps the changes in the browser until "Submit again".
 */
export class CalibrationScore implements ScoringForm {
  readonly data: { definition: CalibrationScoring['scorecard']['definition'] };
  readonly comments = [] as const;
  mine = $state<Mine | null>(null);
  answers = $state<Answers>({});
  score = $state<Score | null>(null);
  /** 'draft': autosaved; 'view': submitted (or revealed), read-only; 'edit': submitted, changing into a new revision. */
  mode = $state<'draft' | 'view' | 'edit'>('draft');
  saveState = $state<'idle' | 'pending' | 'saving' | 'saved' | 'error'>('idle');
  savedAt = $state<Date | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  showMissing = $state(false);
  problems = $state<Record<string, string>>({});
  refusals = $state(0);
  /** Set by a successful submit: the screen offers the next call. */
  submitted = $state<{ revision: number } | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private dirty = false;

  constructor(private readonly view: CalibrationScoring) {
    this.data = { definition: view.scorecard.definition };
    this.mine = view.mine;
    this.answers = { ...(view.mine?.answers ?? {}) };
    this.score = view.mine?.score ?? null;
    this.mode = view.mine?.status === 'submitted' || !view.canScore ? 'view' : 'draft';
  }

  get editable() {
    return this.view.canScore && (this.mode === 'draft' || this.mode === 'edit');
  }

  private endpoint() {
    return apiClient().api.calibration.sessions[':id'].calls[':callId'].score;
  }
  private param() {
    return { id: String(this.view.session.id), callId: String(this.view.call.id) };
  }

  setAnswer(itemId: string, value: Answers[string]) {
    if (!this.editable) return;
    this.answers = { ...this.answers, [itemId]: value };
    this.error = null;
    if (this.problems[itemId]) {
      const { [itemId]: _fixed, ...rest } = this.problems;
      this.problems = rest;
    }
    if (this.mode !== 'draft') return;
    this.saveState = 'pending';
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Saves the draft now; waits for a save already running. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.mode !== 'draft') return;
    if (this.inflight) {
      this.dirty = true;
      await this.inflight;
      if (!this.dirty) return;
    }
    this.dirty = false;
    this.inflight = this.save(false).finally(() => (this.inflight = null));
    await this.inflight;
    if (this.dirty) await this.flush();
  }

  private async save(submit: boolean) {
    if (!submit) this.saveState = 'saving';
    try {
      const json = { answers: this.answers, submit, ...(this.mine ? { version: this.mine.version } : {}) };
      const r = await must(this.endpoint().$put({ param: this.param(), json }));
      this.mine = r;
      this.score = r.score;
      if (!submit) {
        this.saveState = 'saved';
        // Replaced, never mutated: a plain Date is enough.
        // eslint-disable-next-line svelte/prefer-svelte-reactivity
        this.savedAt = new Date();
      }
    } catch (e) {
      if (submit) throw e;
      this.saveState = 'error';
      this.error = failureText(e);
    }
  }

  /** Submit (every required item answered) — or, in 'edit', submit again as a new revision. */
  async submit() {
    if (this.busy || !this.editable) return;
    this.busy = true;
    try {
      if (this.mode === 'draft') {
        await this.flush();
        if (this.saveState === 'error') return;
      }
      await this.save(true);
      this.mode = 'view';
      this.showMissing = false;
      this.problems = {};
      this.submitted = { revision: this.mine!.revision };
    } catch (e) {
      this.showMissing = true;
      this.problems = e instanceof ApiError ? itemProblems(e.details) : {};
      this.refusals++;
      this.error = Object.keys(this.problems).length ? null : failureText(e);
    } finally {
      this.busy = false;
    }
  }

  startEdit() {
    if (!this.view.canScore || this.mode !== 'view') return;
    this.mode = 'edit';
    this.submitted = null;
    this.error = null;
  }

  cancelEdit() {
    if (this.mode !== 'edit') return;
    this.answers = { ...(this.mine?.answers ?? {}) };
    this.mode = 'view';
    this.problems = {};
    this.error = null;
  }
}
