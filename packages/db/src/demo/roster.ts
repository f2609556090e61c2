import { createRng, type Rng } from './prng.ts';

/**
 * The organisation of the demo contact center, as plain data (no database): clients, programs with
 * queues, teams, agents with tenure, and staff. Names and profiles depend on the seed only; hire dates
 * are days before the reference date, so the same seed keeps the same people whatever `now` is.
 */

/** How an agent behaves on the phone. Only ever visible through the transcripts. */
export type AgentProfile = 'friendly_scripted' | 'oriented' | 'both' | 'neither';
export type Topic = 'meter' | 'invoice' | 'move' | 'outage' | 'contract' | 'roaming' | 'claim' | 'coverage';

export type ClientDef = { code: 'ENERGY' | 'TELCO' | 'INSURE'; name: string };
export type ProgramDef = {
  code: string;
  clientCode: ClientDef['code'];
  name: string;
  queues: { code: string; name: string; weight: number; topic: Topic }[];
  /** Share of all calls. */
  share: number;
  /** Median talk time in seconds. */
  talkMedian: number;
};
export type TeamDef = { code: string; name: string; programCode: string; secondaryProgramCode: string };
export type AgentDef = {
  code: string;
  name: string;
  firstName: string;
  teamCode: string;
  /** Days before the reference date the agent started; training takes the first 10 days. */
  hiredDaysAgo: number;
  /** Days before the reference date the agent left, if they did. */
  leftDaysAgo: number | null;
  profile: AgentProfile;
  /** Relative number of calls an agent takes (part-timers take fewer). */
  activity: number;
};
export type StaffDef = {
  code: string;
  name: string;
  role: 'admin' | 'qa_analyst' | 'team_lead' | 'client_auditor' | 'mystery_shopper' | 'survey_caller';
  teamCode?: string;
  clientCode?: ClientDef['code'];
};
export type Roster = {
  tenant: { slug: string; name: string };
  clients: ClientDef[];
  programs: ProgramDef[];
  teams: TeamDef[];
  agents: AgentDef[];
  staff: StaffDef[];
};

export const CLIENTS: ClientDef[] = [
  { code: 'ENERGY', name: 'Zonnedijk Energie' },
  { code: 'TELCO', name: 'Polderlink Telecom' },
  { code: 'INSURE', name: 'Hollandse Waard Verzekeringen' }
];

export const PROGRAMS: ProgramDef[] = [
  {
    code: 'EN-CARE',
    clientCode: 'ENERGY',
    name: 'Energie klantenservice',
    share: 0.25,
    talkMedian: 290,
    queues: [
      { code: 'METER', name: 'Meterstanden', weight: 0.45, topic: 'meter' },
      { code: 'INVOICE', name: 'Facturen & termijnbedrag', weight: 0.55, topic: 'invoice' }
    ]
  },
  {
    code: 'EN-MOVE',
    clientCode: 'ENERGY',
    name: 'Verhuizen & aansluitingen',
    share: 0.12,
    talkMedian: 360,
    queues: [{ code: 'MOVE', name: 'Verhuizen', weight: 1, topic: 'move' }]
  },
  {
    code: 'TC-TECH',
    clientCode: 'TELCO',
    name: 'Technische helpdesk',
    share: 0.22,
    talkMedian: 420,
    queues: [
      { code: 'OUTAGE', name: 'Storingen', weight: 0.7, topic: 'outage' },
      { code: 'ROAMING', name: 'Buitenland & roaming', weight: 0.3, topic: 'roaming' }
    ]
  },
  {
    code: 'TC-CARE',
    clientCode: 'TELCO',
    name: 'Telecom klantenservice',
    share: 0.15,
    talkMedian: 330,
    queues: [{ code: 'CONTRACT', name: 'Abonnementen', weight: 1, topic: 'contract' }]
  },
  {
    code: 'IN-CLAIMS',
    clientCode: 'INSURE',
    name: 'Schademeldingen',
    share: 0.14,
    talkMedian: 480,
    queues: [{ code: 'CLAIM', name: 'Schade melden', weight: 1, topic: 'claim' }]
  },
  {
    code: 'IN-SERVICE',
    clientCode: 'INSURE',
    name: 'Polisservice',
    share: 0.12,
    talkMedian: 300,
    queues: [{ code: 'COVERAGE', name: 'Dekking & polis', weight: 1, topic: 'coverage' }]
  }
];

/** The 8-team template; larger rosters repeat it (T09 serves what T01 serves, and so on). */
const TEAM_TEMPLATE: Omit<TeamDef, 'code' | 'name'>[] = [
  { programCode: 'EN-CARE', secondaryProgramCode: 'EN-MOVE' },
  { programCode: 'EN-CARE', secondaryProgramCode: 'EN-MOVE' },
  { programCode: 'EN-MOVE', secondaryProgramCode: 'EN-CARE' },
  { programCode: 'TC-TECH', secondaryProgramCode: 'TC-CARE' },
  { programCode: 'TC-TECH', secondaryProgramCode: 'TC-CARE' },
  { programCode: 'TC-CARE', secondaryProgramCode: 'TC-TECH' },
  { programCode: 'IN-CLAIMS', secondaryProgramCode: 'IN-SERVICE' },
  { programCode: 'IN-SERVICE', secondaryProgramCode: 'IN-CLAIMS' }
];
const TEAM_NAMES = [
  'Amstel',
  'Maas',
  'Vecht',
  'IJssel',
  'Linge',
  'Dommel',
  'Eem',
  'Zaan',
  'Rotte',
  'Schie',
  'Dinkel',
  'Berkel',
  'Regge',
  'Hunze',
  'Aa',
  'Mark'
];

const FIRST_NAMES = [
  'Sanne',
  'Daan',
  'Fleur',
  'Lars',
  'Noor',
  'Sem',
  'Lotte',
  'Thijs',
  'Emma',
  'Bram',
  'Julia',
  'Ruben',
  'Anouk',
  'Jesse',
  'Iris',
  'Milan',
  'Fatima',
  'Mohammed',
  'Yasmina',
  'Youssef',
  'Priya',
  'Rohan',
  'Esra',
  'Mehmet',
  'Naomi',
  'Kevin',
  'Chantal',
  'Dewi',
  'Rachid',
  'Ilse',
  'Joost',
  'Marieke',
  'Wouter',
  'Femke',
  'Tim',
  'Laura',
  'Niels',
  'Eva',
  'Stijn',
  'Sophie',
  'Ahmet',
  'Zeynep',
  'Rianne',
  'Koen',
  'Hanna',
  'Jasper',
  'Merel',
  'Gijs',
  'Sara',
  'Luuk',
  'Yara',
  'Mustafa',
  'Samira',
  'Tom',
  'Nina',
  'Bas',
  'Kim',
  'Dirk',
  'Esther',
  'Joris'
];
export const LAST_NAMES = [
  'de Vries',
  'Jansen',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Heuvel',
  'van der Veen',
  'van den Broek',
  'de Bruijn',
  'de Jong',
  'Schouten',
  'van Beek',
  'Willems',
  'van Dijk',
  'Hoekstra',
  'Kaya',
  'Yilmaz',
  'El Amrani',
  'Bouzid',
  'Pinas',
  'Tjon A Fong',
  'Nguyen',
  'Sewdien',
  'Kramer',
  'Postma'
];

export const PROFILES: AgentProfile[] = ['friendly_scripted', 'oriented', 'both', 'neither'];

export type RosterOptions = { seed: string; agents?: number; teams?: number };

export function buildRoster(opts: RosterOptions): Roster {
  const agentCount = opts.agents ?? 90;
  const teamCount = opts.teams ?? Math.max(8, Math.round(agentCount / 11.25));
  const rng = createRng(`${opts.seed}/roster`);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const teamWidth = Math.max(2, String(teamCount).length);

  const teams: TeamDef[] = Array.from({ length: teamCount }, (_, i) => ({
    code: `T${pad(i + 1, teamWidth)}`,
    name: `Team ${TEAM_NAMES[i % TEAM_NAMES.length]}${i >= TEAM_NAMES.length ? ` ${Math.floor(i / TEAM_NAMES.length) + 1}` : ''}`,
    ...TEAM_TEMPLATE[i % TEAM_TEMPLATE.length]!
  }));

  const names = uniqueNames(rng.fork('names'), agentCount + teamCount + 10);
  const tenure = rng.fork('tenure');
  const traits = rng.fork('profiles');
  const agents: AgentDef[] = Array.from({ length: agentCount }, (_, i) => {
    const hiredDaysAgo = tenureDays(tenure);
    // Turnover: some agents left during the last 90 days (after at least two months in the job).
    const left = hiredDaysAgo > 70 && tenure.chance(0.06) ? tenure.int(3, Math.min(85, hiredDaysAgo - 60)) : null;
    const { first, full } = names[i]!;
    return {
      code: `AG${pad(i + 1, 3)}`,
      name: full,
      firstName: first,
      teamCode: teams[i % teamCount]!.code,
      hiredDaysAgo,
      leftDaysAgo: left,
      profile: pickProfile(traits, hiredDaysAgo),
      activity: traits.weighted([1, 0.6, 0.45], [0.7, 0.2, 0.1])
    };
  });

  const staff: StaffDef[] = [
    { code: 'ADM01', name: names[agentCount]!.full, role: 'admin' },
    { code: 'QA01', name: names[agentCount + 1]!.full, role: 'qa_analyst' },
    ...teams.map((t, i): StaffDef => ({
      code: `TL${pad(i + 1, teamWidth)}`,
      name: names[agentCount + 10 + i]!.full,
      role: 'team_lead',
      teamCode: t.code
    })),
    ...CLIENTS.map((c, i): StaffDef => ({
      code: `CA-${c.code}`,
      name: names[agentCount + 2 + i]!.full,
      role: 'client_auditor',
      clientCode: c.code
    })),
    { code: 'MS01', name: names[agentCount + 5]!.full, role: 'mystery_shopper' },
    { code: 'SC01', name: names[agentCount + 6]!.full, role: 'survey_caller' }
  ];

  return { tenant: { slug: 'demo', name: 'Klantcontact Lage Landen' }, clients: CLIENTS, programs: PROGRAMS, teams, agents, staff };
}

/** Tenure mix of a high-turnover contact center: about half under a year, a long tail of veterans. */
function tenureDays(rng: Rng): number {
  const band = rng.weighted(['new', 'first-year', 'second-year', 'veteran'] as const, [0.3, 0.27, 0.23, 0.2]);
  if (band === 'new') return rng.int(5, 120);
  if (band === 'first-year') return rng.int(121, 364);
  if (band === 'second-year') return rng.int(365, 3 * 365);
  return rng.int(3 * 365, 9 * 365);
}

/** Scripted friendliness is the most common finding, more so among new agents. */
function pickProfile(rng: Rng, hiredDaysAgo: number): AgentProfile {
  const novice = hiredDaysAgo < 180;
  return rng.weighted(PROFILES, novice ? [0.5, 0.08, 0.14, 0.28] : [0.36, 0.2, 0.3, 0.14]);
}

function uniqueNames(rng: Rng, n: number): { first: string; full: string }[] {
  const seen = new Set<string>();
  const out: { first: string; full: string }[] = [];
  while (out.length < n) {
    const first = rng.pick(FIRST_NAMES);
    const full = `${first} ${rng.pick(LAST_NAMES)}`;
    if (seen.has(full) && seen.size < FIRST_NAMES.length * LAST_NAMES.length * 0.7) continue;
    const name = seen.has(full) ? `${full} ${out.length}` : full;
    seen.add(name);
    out.push({ first, full: name });
  }
  return out;
}
