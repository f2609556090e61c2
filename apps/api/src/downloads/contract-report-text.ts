import type { ClientMetricId } from '@attentive/shared/client-metrics';
import type { ContractReport, Verdict } from '@attentive/shared/contract-report';
import type { Locale } from '@attentive/shared/locales';
import { centsDecimal } from '@attentive/core/client-audit/report/contract-report-csv';

/**
 * The words and number formats of the contract report's PDF, in both languages (the PDF is made on the
 * server, away from the web's message files). Typed: a word missing in one language does not compile.
 */
type Words = {
  title: string;
  client: string;
  program: string;
  month: string;
  generated: string;
  terms: (version: number, from: string, to: string | null) => string;
  noTerms: string;
  fee: string;
  note: string;
  summary: (n: number, met: number, missed: number, inconclusive: number, balance: string) => string;
  targets: string;
  head: { metric: string; target: string; measured: string; interval: string; n: string; verdict: string; money: string };
  verdict: Record<Verdict, string>;
  atLeast: string;
  atMost: string;
  bonus: string;
  malus: string;
  none: string;
  noData: string;
  figures: string;
  figuresHead: { metric: string; measured: string; interval: string; n: string };
  methods: string;
  methodsText: (r: ContractReport, sampling: string) => string;
  sampling: (plan: string, version: number, perAgent: number, period: 'week' | 'month', percent: number | null) => string;
  noSampling: string;
  metric: Record<ClientMetricId, string>;
  page: (i: number, n: number) => string;
};

const EN: Words = {
  title: 'Monthly contract report',
  client: 'Client',
  program: 'Program',
  month: 'Month',
  generated: 'Generated',
  terms: (v, from, to) => `Contract terms version ${v}, in force from ${from}${to ? ` to ${to}` : ' until further notice'}`,
  noTerms: 'No contract terms are in force for this month: the figures are shown without targets.',
  fee: 'Monthly fee',
  note: 'Note',
  summary: (n, met, missed, inc, balance) =>
    `${n} ${n === 1 ? 'target' : 'targets'}: ${met} met, ${missed} missed, ${inc} inconclusive · balance ${balance}`,
  targets: 'Targets',
  head: {
    metric: 'Metric',
    target: 'Target',
    measured: 'Measured',
    interval: '95% interval',
    n: 'n',
    verdict: 'Verdict',
    money: 'Bonus / malus'
  },
  verdict: { met: 'met', missed: 'missed', inconclusive: 'inconclusive' },
  atLeast: 'at least',
  atMost: 'at most',
  bonus: 'bonus',
  malus: 'malus',
  none: '–',
  noData: 'no data',
  figures: 'All figures of the month',
  figuresHead: { metric: 'Figure', measured: 'Measured', interval: '95% interval', n: 'n' },
  methods: 'Methods',
  methodsText: (r, sampling) =>
    `This month counts ${r.methods.evaluations} submitted evaluations, ${r.methods.mysteryCalls} mystery calls and ${r.methods.surveyResponses} callback survey responses. ${sampling} ` +
    'Each figure is shown with its 95% interval: a t interval for scores and the CSAT mean, a Wilson interval for shares, an adjusted Wald interval for NPS. ' +
    'A target is met when the whole interval clears it and missed when the whole interval is on the wrong side; a verdict is inconclusive when the interval straddles the target, and then moves no money. ' +
    'Bonus and malus count one step for clearing the target plus one per whole step the measured value lies beyond it, up to the maximum, in whole cents.',
  sampling: (plan, v, perAgent, period, percent) =>
    `Calls were drawn at random by sampling plan "${plan}" (version ${v}): ${percent != null ? `${percent}% of each agent's eligible calls` : `${perAgent} calls per agent`} per ${period}.`,
  noSampling: 'No published sampling plan drew calls for this program before the month ended.',
  metric: {
    qa_score: 'QA score',
    customer_friendly_score: 'Customer-friendly score',
    customer_oriented_score: 'Customer-oriented score',
    compliance_score: 'Compliance score',
    critical_error_free_rate: 'Free of critical errors',
    customer_critical_rate: 'Customer-critical error rate',
    business_critical_rate: 'Business-critical error rate',
    compliance_critical_rate: 'Compliance-critical error rate',
    mystery_service_level: 'Mystery calls: service level',
    mystery_never_reached_rate: 'Mystery calls: never reached',
    mystery_right_answer_rate: 'Mystery calls: right answer',
    csat_mean: 'CSAT (mean, 1–5)',
    csat_top2: 'CSAT top-2',
    fcr: 'First-contact resolution',
    nps: 'NPS'
  },
  page: (i, n) => `Page ${i} of ${n}`
};

const NL: Words = {
  title: 'Maandrapport contract',
  client: 'Opdrachtgever',
  program: 'Programma',
  month: 'Maand',
  generated: 'Gemaakt',
  terms: (v, from, to) => `Contractvoorwaarden versie ${v}, geldig vanaf ${from}${to ? ` tot en met ${to}` : ' tot nader order'}`,
  noTerms: 'Voor deze maand gelden geen contractvoorwaarden: de cijfers staan hieronder zonder doelen.',
  fee: 'Maandvergoeding',
  note: 'Toelichting',
  summary: (n, met, missed, inc, balance) =>
    `${n} ${n === 1 ? 'doel' : 'doelen'}: ${met} gehaald, ${missed} niet gehaald, ${inc} onbeslist · saldo ${balance}`,
  targets: 'Doelen',
  head: {
    metric: 'Cijfer',
    target: 'Doel',
    measured: 'Gemeten',
    interval: '95%-interval',
    n: 'n',
    verdict: 'Oordeel',
    money: 'Bonus / malus'
  },
  verdict: { met: 'gehaald', missed: 'niet gehaald', inconclusive: 'onbeslist' },
  atLeast: 'minstens',
  atMost: 'hoogstens',
  bonus: 'bonus',
  malus: 'malus',
  none: '–',
  noData: 'geen gegevens',
  figures: 'Alle cijfers van de maand',
  figuresHead: { metric: 'Cijfer', measured: 'Gemeten', interval: '95%-interval', n: 'n' },
  methods: 'Werkwijze',
  methodsText: (r, sampling) =>
    `Deze maand telt ${r.methods.evaluations} ingediende beoordelingen, ${r.methods.mysteryCalls} mystery calls en ${r.methods.surveyResponses} antwoorden op terugbelenquêtes. ${sampling} ` +
    'Elk cijfer staat er met zijn 95%-interval: een t-interval voor scores en het CSAT-gemiddelde, een Wilson-interval voor aandelen, een aangepast Wald-interval voor de NPS. ' +
    'Een doel is gehaald als het hele interval erboven (of bij een plafond eronder) ligt en niet gehaald als het hele interval aan de verkeerde kant ligt; het oordeel is onbeslist als het interval het doel omsluit, en dan beweegt er geen geld. ' +
    'Bonus en malus tellen één stap voor het halen van het doel plus één per hele stap dat de gemeten waarde verder ligt, tot het maximum, in hele centen.',
  sampling: (plan, v, perAgent, period, percent) =>
    `Gesprekken zijn willekeurig getrokken door steekproefplan "${plan}" (versie ${v}): ${percent != null ? `${percent}% van de geschikte gesprekken van elke medewerker` : `${perAgent} gesprekken per medewerker`} per ${period === 'week' ? 'week' : 'maand'}.`,
  noSampling: 'Geen gepubliceerd steekproefplan trok gesprekken voor dit programma voor het einde van de maand.',
  metric: {
    qa_score: 'QA-score',
    customer_friendly_score: 'Klantvriendelijkheid',
    customer_oriented_score: 'Klantgerichtheid',
    compliance_score: 'Compliance-score',
    critical_error_free_rate: 'Zonder kritieke fouten',
    customer_critical_rate: 'Klantkritieke fouten',
    business_critical_rate: 'Bedrijfskritieke fouten',
    compliance_critical_rate: 'Compliancekritieke fouten',
    mystery_service_level: 'Mystery calls: serviceniveau',
    mystery_never_reached_rate: 'Mystery calls: nooit bereikt',
    mystery_right_answer_rate: 'Mystery calls: juist antwoord',
    csat_mean: 'CSAT (gemiddelde, 1–5)',
    csat_top2: 'CSAT top-2',
    fcr: 'Opgelost bij eerste contact',
    nps: 'NPS'
  },
  page: (i, n) => `Pagina ${i} van ${n}`
};

export const REPORT_WORDS: Record<Locale, Words> = { en: EN, nl: NL };

const TAG: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };
const UNIT_SUFFIX = { points: '', percent: '%', scale: '', nps: '' } as const;

/** Numbers, money and months in the reader's language (Intl): nl "€ 1.350,00", "85,3"; en "€1,350.00", "85.3". */
export function reportFormat(locale: Locale, currency = 'EUR') {
  const tag = TAG[locale];
  // At most one decimal (two on the 1–5 scale), as the web's format module shows figures: page and PDF agree.
  const one = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const plain = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const cur = new Intl.NumberFormat(tag, { style: 'currency', currency });
  const monthName = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const value = (x: number | null, unit: keyof typeof UNIT_SUFFIX) =>
    x == null ? '–' : `${unit === 'scale' ? plain.format(Math.round(x * 100) / 100) : one.format(x)}${UNIT_SUFFIX[unit]}`;
  return {
    /** A measured value: at most one decimal (two on the 1–5 scale), with % for shares. */
    value,
    /** A target as entered (up to two decimals). */
    target: (x: number, unit: keyof typeof UNIT_SUFFIX) => `${plain.format(x)}${UNIT_SUFFIX[unit]}`,
    interval: (low: number | null, high: number | null, unit: keyof typeof UNIT_SUFFIX) =>
      low == null || high == null ? '–' : `${value(low, unit)} – ${value(high, unit)}`,
    /** Whole cents to money, exactly: Intl formats the decimal string, never a float (as the web's format.money). */
    money: (cents: number) => cur.format(centsDecimal(cents) as unknown as number),
    signedMoney: (cents: number) => (cents > 0 ? '+' : '') + cur.format(centsDecimal(cents) as unknown as number),
    month: (m: string) => monthName.format(new Date(`${m}-01T00:00:00Z`)),
    count: (n: number) => new Intl.NumberFormat(tag).format(n)
  };
}
export type ReportFormat = ReturnType<typeof reportFormat>;
