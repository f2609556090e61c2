import type { TranscriptTurn } from '../schema/calls.ts';
import type { Rng } from './prng.ts';
import type { AgentProfile, Topic } from './roster.ts';
import { FRAME, TOPIC_LINES, type Lang } from './transcript-lines.ts';

export type { Lang } from './transcript-lines.ts';

export type TranscriptInput = {
  rng: Rng;
  topic: Topic;
  profile: AgentProfile;
  language: Lang;
  agentFirstName: string;
  companyName: string;
  customerSurname: string;
  /** The call's day, used for dates mentioned in the conversation. */
  day: Date;
};

const isFriendly = (p: AgentProfile) => p === 'friendly_scripted' || p === 'both';
const isOriented = (p: AgentProfile) => p === 'oriented' || p === 'both';

/**
 * Writes a conversation in speaker turns with start and end times (seconds), from the lines of the
 * topic and the agent's profile. Timing follows a speaking rate per word, so rendered audio can be
 * fitted to the turns.
 */
export function buildTranscript(input: TranscriptInput): TranscriptTurn[] {
  const { rng, language: lang, profile } = input;
  const frame = FRAME[lang];
  const topic = TOPIC_LINES[lang][input.topic];
  const friendly = isFriendly(profile);
  const oriented = isOriented(profile);
  const female = rng.chance(0.5);
  const cust =
    lang === 'nl' ? `${female ? 'mevrouw' : 'meneer'} ${input.customerSurname}` : `${female ? 'Mrs' : 'Mr'} ${input.customerSurname}`;
  const date = new Date(input.day.getTime() + rng.int(5, 30) * 86_400_000);
  const base = rng.int(40, 120);
  const vars: Record<string, string> = {
    agent: input.agentFirstName,
    company: input.companyName,
    cust,
    date: formatDate(date, lang),
    num: String(rng.int(10_000, 99_999)),
    num2: String(rng.int(1_000, 9_999)),
    amount: String(base),
    amount2: String(base + rng.int(18, 45)),
    amount3: String(base + rng.int(-10, 12)),
    postcode: `${rng.int(1000, 9999)} ${String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25))}`,
    house: String(rng.int(1, 180))
  };
  const say = (variants: string[]) => fill(rng.pick(variants), vars);

  const lines: { speaker: 'agent' | 'customer'; text: string; pauseBefore?: number }[] = [];
  lines.push({ speaker: 'agent', text: say(friendly ? frame.greetFriendly : frame.greetCurt) });
  lines.push({ speaker: 'customer', text: `${say(frame.custIntro)} ${say(topic.ask)}` });
  lines.push({ speaker: 'agent', text: say(friendly ? frame.verifyFriendly : frame.verifyCurt) });
  lines.push({ speaker: 'customer', text: say(frame.verifyAnswer) });
  lines.push({ speaker: 'agent', text: say(friendly ? frame.ackFriendly : frame.ackCurt) });
  const flow = oriented ? topic.oriented : topic.scripted;
  flow.forEach((variants, i) => {
    // The agent looks something up before the first answer of the flow.
    lines.push({ speaker: i % 2 === 0 ? 'agent' : 'customer', text: say(variants), pauseBefore: i === 0 ? rng.int(2, 6) : undefined });
  });
  if (oriented) lines.push({ speaker: 'agent', text: say(frame.wrapOriented) });
  lines.push({ speaker: 'customer', text: say(oriented ? frame.custThanksHappy : frame.custThanksFlat) });
  lines.push({ speaker: 'agent', text: say(friendly ? frame.closeFriendly : frame.closeCurt) });

  // Speaking rate of the rendered voices (espeak-ng at 160 words per minute), plus breath.
  const rate = 2.5;
  let t = Math.round(rng.int(3, 9)) / 10;
  return lines.map((l) => {
    const words = l.text.split(/\s+/).length;
    const start = round1(t + (l.pauseBefore ?? 0));
    const end = round1(start + words / rate + 0.4);
    t = end + 0.3 + rng.next() * 0.6;
    return { speaker: l.speaker, start, end, text: l.text };
  });
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
};
function formatDate(d: Date, lang: Lang) {
  const m = MONTHS[lang][d.getUTCMonth()]!;
  return lang === 'nl' ? `${d.getUTCDate()} ${m}` : `${m} ${d.getUTCDate()}`;
}
