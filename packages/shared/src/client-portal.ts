import { z } from 'zod';
import { Estimate, Ref } from './contract.ts';
import { CLIENT_METRICS, ClientMetricId, MetricValues, Month } from './client-metrics.ts';

/**
 * The client's portal (issue 17, docs/client-audit.md "The portal"): a client's month per program, its
 * 12-month trend, what changed since the month before and whether that is more than the noise, and the
 * contact center's average over all clients (no names, no other client's figures).
 */

export const PortalQuery = z
  .object({
    /** The client; a client auditor of one client may leave it out, an admin must name it. */
    clientId: z.number().int().positive().optional(),
    /** Default: the current month on the contact center's clock. */
    month: Month.optional()
  })
  .meta({ id: 'PortalQuery' });
export type PortalQuery = z.infer<typeof PortalQuery>;

/** A month-on-month change of one metric: difference in the metric's unit; larger than the noise when its 95% interval excludes 0. */
export const MetricChange = z
  .object({ from: z.number(), to: z.number(), difference: z.number(), largerThanNoise: z.boolean() })
  .meta({ id: 'MetricChange', description: 'to − from; larger than the noise when the 95% interval of the difference excludes 0' });
export type MetricChange = z.infer<typeof MetricChange>;

export const MetricChanges = z
  .record(ClientMetricId, z.union([MetricChange, z.null()]))
  .meta({ id: 'MetricChanges', description: 'Per metric: the change since the previous month, null when either month has no interval' });
export type MetricChanges = Record<ClientMetricId, MetricChange | null>;

export const TrendPoint = z.object({ month: Month, values: MetricValues }).meta({ id: 'PortalTrendPoint' });

export const PortalProgram = z
  .object({
    program: Ref,
    /** The month asked for. */
    values: MetricValues,
    /** The month before it. */
    previous: MetricValues,
    changes: MetricChanges,
    /** The 12 months ending with the month asked for, oldest first. */
    trend: z.array(TrendPoint)
  })
  .meta({ id: 'PortalProgram' });
export type PortalProgram = z.infer<typeof PortalProgram>;

export const PortalHome = z
  .object({
    client: Ref.extend({ pseudonymiseAgents: z.boolean() }),
    month: Month,
    previousMonth: Month,
    timeZone: z.string(),
    programs: z.array(PortalProgram),
    /** Every program of the contact center (every client) together in the month: no names, no per-client figures. */
    centerAverage: z.object({ programCount: z.number().int(), values: MetricValues })
  })
  .meta({ id: 'PortalHome' });
export type PortalHome = z.infer<typeof PortalHome>;

/** The clients whose portal the reader may open (an admin: every client; an auditor: its own). */
export const PortalClients = z.object({ items: z.array(Ref) }).meta({ id: 'PortalClients' });

export const ProgramTeamsQuery = z
  .object({ programId: z.number().int().positive(), month: Month.optional() })
  .meta({ id: 'ProgramTeamsQuery' });
export type ProgramTeamsQuery = z.infer<typeof ProgramTeamsQuery>;

/** One team of a program's agents in a month: the friendly × oriented plane's point, with intervals. */
export const PortalTeam = z
  .object({
    team: z.object({ id: z.number().int().nullable(), name: z.string() }),
    n: z.number().int(),
    qaScore: Estimate,
    friendly: Estimate,
    oriented: Estimate
  })
  .meta({ id: 'PortalTeam' });
export type PortalTeam = z.infer<typeof PortalTeam>;

export const ProgramTeams = z.object({ program: Ref, client: Ref, month: Month, teams: z.array(PortalTeam) }).meta({ id: 'ProgramTeams' });
export type ProgramTeams = z.infer<typeof ProgramTeams>;

export { CLIENT_METRICS };
