import { apiClient, must } from '$lib/api/client';
import { ApiError } from '$lib/api/errors';
import type { RescoreClientScore, RescoreItemScreen } from '@attentive/shared/client-rescores';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import { itemProblems } from '$lib/components/evaluation/evaluation-session.svelte';
import type { Answers, ScoringForm, Score } from '$lib/components/evaluation/types';

const AUTOSAVE_MS = 500;
const failureText = (e: unknown) => (e instanceof ApiError ? apiErrorMessage(e) : m.error_unknown({ code: String(e) }));

/**
 * The client's blind score of one drawn call, in the browser: the scorecard form's state (ScoringForm, so the
 * evaluation screen's form and keyboard scoring serve it), a draft autosaved through PUT …/items/{itemId}/score, and
 * submit (POST …/submit), which is final and answers the item with both scores. The score shown always comes from
 * the API (the one formula). Modelled on the calibration screen's CalibrationScore.
 */
export class RescoreScore implements ScoringForm {
  readonly data: { definition: RescoreItemScreen['scorecard']['definition'] };
  readonly comments = [] as const;
  mine = $state<RescoreClientScore | null>(null);
  answers = $state<Answers>({});
  score = $state<Score | null>(null);
  saveState = $state<'idle' | 'pending' | 'saving' | 'saved' | 'error'>('idle');
  savedAt = $state<Date | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  showMissing = $state(false);
  problems = $state<Record<string, string>>({});
  refusals = $state(0);
  /** The item after a successful submit: both scores. */
  done = $state<RescoreItemScreen | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private dirty = false;

  constructor(private readonly view: RescoreItemScreen) {
    this.data = { definition: view.scorecard.definition };
    this.mine = view.client;
    this.answers = { ...(view.client?.answers ?? {}) };
    this.score = view.client?.score ?? null;
  }

  get editable() {
    return this.view.canScore && this.done == null;
  }

  private endpoint() {
    return apiClient().api.client.rescores[':id'].items[':itemId'];
  }
  private param() {
    return { id: String(this.view.rescore.id), itemId: String(this.view.item.id) };
  }

  setAnswer(itemId: string, value: Answers[string]) {
    if (!this.editable) return;
    this.answers = { ...this.answers, [itemId]: value };
    this.error = null;
    if (this.problems[itemId]) {
      const { [itemId]: _fixed, ...rest } = this.problems;
      this.problems = rest;
    }
    this.saveState = 'pending';
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Saves the draft now; waits for a save already running. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.editable) return;
    if (this.inflight) {
      this.dirty = true;
      await this.inflight;
      if (!this.dirty) return;
    }
    this.dirty = false;
    this.inflight = this.save().finally(() => (this.inflight = null));
    await this.inflight;
    if (this.dirty) await this.flush();
  }

  private async save() {
    this.saveState = 'saving';
    try {
      const json = { answers: this.answers, ...(this.mine ? { version: this.mine.version } : {}) };
      const r = await must(this.endpoint().score.$put({ param: this.param(), json }));
      this.mine = r;
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

  /** Submit (every required item answered): final; the answer carries the contact center's score too. */
  async submit() {
    if (this.busy || !this.editable) return;
    this.busy = true;
    try {
      await this.flush();
      if (this.saveState === 'error') return;
      const json = { answers: this.answers, ...(this.mine ? { version: this.mine.version } : {}) };
      const screen = await must(this.endpoint().submit.$post({ param: this.param(), json }));
      this.mine = screen.client;
      this.score = screen.client?.score ?? this.score;
      this.showMissing = false;
      this.problems = {};
      this.done = screen;
    } catch (e) {
      this.showMissing = true;
      this.problems = e instanceof ApiError ? itemProblems(e.details) : {};
      this.refusals++;
      this.error = Object.keys(this.problems).length ? null : failureText(e);
    } finally {
      this.busy = false;
    }
  }
}
