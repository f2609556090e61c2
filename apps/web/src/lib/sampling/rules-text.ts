import type { Format } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { dispositionLabel } from '$lib/calls/format';
import type { Definition } from './types';
import { WEEKDAY_LABELS } from './labels';

/** One part of a plan's rules: a heading and its sentences. */
export type RuleSection = { key: string; title: string; lines: string[] };

const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * A published plan definition in plain sentences, for a reader who never edits it (a client auditor):
 * every field of the definition, and what it means for which calls can be drawn. `queues` names the
 * queue ids the reader may know; an unknown id is shown as a number.
 */
export function ruleSections(f: Format, d: Definition, queues: { id: number; name: string }[]): RuleSection[] {
  const q = d.quota;
  const how = [
    q.percentOfEligible != null
      ? m.sampling_rules_quota_percent({ percent: f.percent(q.percentOfEligible / 100, 1) })
      : m.sampling_rules_quota_fixed({ n: f.number(q.perAgent, 0) })
  ];
  if (q.newAgent) how.push(m.sampling_rules_quota_new({ months: String(q.newAgent.months), n: f.number(q.newAgent.perAgent, 0) }));
  if (q.min != null) how.push(m.sampling_rules_quota_min({ n: f.number(q.min, 0) }));
  if (q.max != null) how.push(m.sampling_rules_quota_max({ n: f.number(q.max, 0) }));
  how.push(m.sampling_rules_quota_short());

  const fl = d.filters;
  const { minTalkSeconds: lo, maxTalkSeconds: hi } = fl;
  const queueName = (id: number) => queues.find((x) => x.id === id)?.name ?? m.sampling_stratum_queue({ id: String(id) });
  const which = [
    lo != null && hi != null
      ? m.sampling_rules_talk_between({ min: f.number(lo, 0), max: f.number(hi, 0) })
      : lo != null
        ? m.sampling_rules_talk_min({ min: f.number(lo, 0) })
        : hi != null
          ? m.sampling_rules_talk_max({ max: f.number(hi, 0) })
          : m.sampling_rules_talk_any(),
    fl.direction === 'inbound'
      ? m.sampling_rules_direction_inbound()
      : fl.direction === 'outbound'
        ? m.sampling_rules_direction_outbound()
        : m.sampling_rules_direction_any(),
    fl.queueIds.length ? m.sampling_rules_queues({ queues: fl.queueIds.map(queueName).join(', ') }) : m.sampling_rules_queues_all(),
    fl.daysOfWeek.length
      ? m.sampling_rules_days({
          days: [...fl.daysOfWeek]
            .sort()
            .map((n) => WEEKDAY_LABELS[n - 1]!())
            .join(', ')
        })
      : m.sampling_rules_days_all(),
    fl.hours ? m.sampling_rules_hours({ from: hour(fl.hours.from), to: hour(fl.hours.to) }) : m.sampling_rules_hours_all(),
    fl.dispositions.length
      ? m.sampling_rules_dispositions({ list: fl.dispositions.map(dispositionLabel).join(', ') })
      : m.sampling_rules_dispositions_all(),
    fl.media === 'recording'
      ? m.sampling_rules_media_recording()
      : fl.media === 'transcript'
        ? m.sampling_rules_media_transcript()
        : m.sampling_rules_media_any()
  ];

  const out = [
    ...(d.exclude.alreadyEvaluated ? [m.sampling_rules_exclude_evaluated()] : []),
    ...(d.exclude.alreadySampled ? [m.sampling_rules_exclude_sampled()] : [])
  ];

  const s = d.stratify;
  const spread = [
    s.spread === 'day'
      ? m.sampling_rules_spread_day()
      : s.spread === 'week'
        ? m.sampling_rules_spread_week()
        : m.sampling_rules_spread_none()
  ];
  if (s.proportional === 'queue') spread.push(m.sampling_rules_proportional_queue());
  if (s.proportional === 'hour') spread.push(m.sampling_rules_proportional_hour());

  return [
    {
      key: 'period',
      title: m.sampling_rules_when(),
      lines: [d.period === 'week' ? m.sampling_rules_period_week({ tz: d.timezone }) : m.sampling_rules_period_month({ tz: d.timezone })]
    },
    { key: 'quota', title: m.sampling_rules_how_many(), lines: how },
    { key: 'filters', title: m.sampling_rules_which(), lines: which },
    { key: 'exclude', title: m.sampling_rules_left_out(), lines: out.length ? out : [m.sampling_rules_exclude_none()] },
    { key: 'spread', title: m.sampling_rules_spread(), lines: spread },
    {
      key: 'assignment',
      title: m.sampling_rules_evaluation(),
      lines: [
        d.assignment.mode === 'cross_team' ? m.sampling_rules_assign_cross() : m.sampling_rules_assign_own(),
        m.sampling_rules_due({ n: f.number(d.assignment.dueDays, 0) })
      ]
    }
  ];
}
