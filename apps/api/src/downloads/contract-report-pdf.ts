import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CLIENT_METRICS, METRIC_INFO } from '@attentive/shared/client-metrics';
import type { ContractReport } from '@attentive/shared/contract-report';
import type { Locale } from '@attentive/shared/locales';
import { REPORT_WORDS, reportFormat } from './contract-report-text.ts';

// Loaded at run time, not bundled: the web server's build bundles the API, and pdfmake bundled into an ES module
// chunk loses its own __dirname (it resolves fonts and virtual files by it). The root's node_modules has it.
const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof import('pdfmake');

// The standard 14 PDF fonts: built into every PDF reader, so the server needs no font files and no network.
// pdfmake 0.3 refuses local files and URLs unless a policy allows them: only these font names are allowed.
const HELVETICA = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
const STANDARD_FONTS = new Set(Object.values(HELVETICA));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path: string) => STANDARD_FONTS.has(path));
pdfmake.addFonts({ Helvetica: HELVETICA });

/**
 * The monthly contract report as a readable PDF (pdfmake 0.3 on the server, no browser): title, terms, a
 * one-line summary, the targets table, every other figure with n and interval, and the methods paragraph,
 * in English or Dutch. Made from the same report the JSON answers, so the two never disagree.
 */
export function contractReportDocument(r: ContractReport, locale: Locale): TDocumentDefinitions {
  const w = REPORT_WORDS[locale];
  const f = reportFormat(locale, r.terms?.currency ?? 'EUR');
  const t = r.terms;
  const targeted = new Set(r.targets.map((x) => x.metric));
  const sampling = r.methods.sampling.length
    ? r.methods.sampling.map((s) => w.sampling(s.name, s.version, s.perAgent, s.period, s.percentOfEligible)).join(' ')
    : w.noSampling;
  const th = (text: string) => ({ text, style: 'th' });
  const content: Content[] = [
    { text: w.title, style: 'title' },
    { text: `${r.client.name} · ${r.program.name} (${r.program.code}) · ${f.month(r.month)} (${r.month})`, style: 'subtitle' },
    t
      ? {
          stack: [
            w.terms(t.version, t.validFrom, t.validTo),
            `${w.fee}: ${f.money(t.monthlyFeeCents)}`,
            ...(t.note ? [`${w.note}: ${t.note}`] : [])
          ],
          margin: [0, 0, 0, 8]
        }
      : { text: w.noTerms, margin: [0, 0, 0, 8] },
    ...(t
      ? ([
          {
            text: w.summary(r.targets.length, r.counts.met, r.counts.missed, r.counts.inconclusive, f.signedMoney(r.balanceCents)),
            style: 'summary'
          },
          { text: w.targets, style: 'h2' },
          {
            table: {
              headerRows: 1,
              widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
              body: [
                [w.head.metric, w.head.target, w.head.measured, w.head.interval, w.head.n, w.head.verdict, w.head.money].map(th),
                ...r.targets.map((x) => [
                  w.metric[x.metric],
                  `${x.higherIsBetter ? w.atLeast : w.atMost} ${f.target(x.target, x.unit)}`,
                  x.measured.estimate == null ? w.noData : f.value(x.measured.estimate, x.unit),
                  f.interval(x.measured.low, x.measured.high, x.unit),
                  f.count(x.measured.n),
                  { text: w.verdict[x.verdict], bold: x.verdict !== 'inconclusive' },
                  x.bonusCents > 0
                    ? `${w.bonus} ${f.money(x.bonusCents)}`
                    : x.malusCents > 0
                      ? `${w.malus} ${f.money(x.malusCents)}`
                      : w.none
                ])
              ]
            },
            layout: 'lightHorizontalLines'
          }
        ] as Content[])
      : []),
    { text: w.figures, style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto'],
        body: [
          [w.figuresHead.metric, w.figuresHead.measured, w.figuresHead.interval, w.figuresHead.n].map(th),
          ...CLIENT_METRICS.filter((m) => !targeted.has(m)).map((m) => {
            const e = r.figures[m];
            const unit = METRIC_INFO[m].unit;
            return [w.metric[m], e.estimate == null ? w.noData : f.value(e.estimate, unit), f.interval(e.low, e.high, unit), f.count(e.n)];
          })
        ]
      },
      layout: 'lightHorizontalLines'
    },
    { text: w.methods, style: 'h2' },
    { text: w.methodsText(r, sampling), style: 'small' },
    { text: `${w.generated}: ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, style: 'small', margin: [0, 8, 0, 0] }
  ];
  return {
    info: { title: `${w.title} ${r.program.code} ${r.month}`, subject: `${r.client.name} · ${r.program.name}` },
    language: locale,
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 10] },
      summary: { fontSize: 11, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      th: { bold: true },
      small: { fontSize: 9 }
    },
    footer: (page: number, pages: number) => ({ text: w.page(page, pages), alignment: 'center', fontSize: 8, margin: [0, 16, 0, 0] }),
    content
  };
}

/** The PDF's bytes and file name (program code and month). */
export async function contractReportPdf(r: ContractReport, locale: Locale) {
  const bytes = await pdfmake.createPdf(contractReportDocument(r, locale)).getBuffer();
  return { filename: `contract-report-${r.program.code}-${r.month}-${locale}.pdf`.replace(/[^\w.-]+/g, '_'), bytes };
}
