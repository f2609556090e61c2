/** Shapes of the calls API (GET /api/calls, /api/calls/filters, /api/calls/:id) as the screens use them. */
export type Ref = { id: number; code: string; name: string };

export type CallRow = {
  id: number;
  startedAt: string;
  direction: 'inbound' | 'outbound';
  agent: Ref;
  team: Ref | null;
  program: Ref;
  client: Ref;
  queue: Ref | null;
  answerSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  transfers: number;
  disposition: string | null;
  language: string | null;
  hasRecording: boolean;
  hasTranscript: boolean;
};

export type CallPage = { items: CallRow[]; nextCursor: string | null; prevCursor: string | null; hasMore: boolean };

export type CallFilters = {
  clients: Ref[];
  programs: (Ref & { clientId: number })[];
  queues: (Ref & { programId: number })[];
  teams: Ref[];
  agents: (Ref & { teamId: number | null })[];
};

export type TranscriptTurn = { speaker: 'agent' | 'customer'; start: number; end: number; text: string };

export type CallDetail = Omit<CallRow, 'hasTranscript' | 'agent'> & {
  source: string;
  externalId: string;
  agent: Ref & { hireDate: string | null };
  customerRef: string | null;
  recordingUrl: string | null;
  transcript: { language: string; turns: TranscriptTurn[] } | null;
};

/** The list's filters as they appear in the URL query. */
export const FILTER_KEYS = ['client', 'program', 'team', 'agent', 'queue', 'direction', 'from', 'to', 'hasRecording', 'hasTranscript'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
