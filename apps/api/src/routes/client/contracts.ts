import { z } from '@hono/zod-openapi';
import { createContractTerms } from '@attentive/core/client-audit/contracts/create-terms';
import { endContractTerms } from '@attentive/core/client-audit/contracts/end-terms';
import { listContractTerms } from '@attentive/core/client-audit/contracts/list-terms';
import { listContracts } from '@attentive/core/client-audit/contracts/list-contracts';
import {
  ContractOverview,
  ContractTermsList,
  ContractTermsVersion,
  CreateContractTermsInput,
  EndContractTermsInput
} from '@attentive/shared/contract-terms';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { body, json, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { pathId } from '../params.ts';

const tags = ['Client audit'];
const READERS = "Admins read every program; a client auditor its own clients' programs (another client's program: 404); everyone else 403.";
const VERSIONED =
  'Terms are versioned like scorecards: a version is never edited or deleted, only ended, so a report always uses the terms in force for its month. Every write is audited.';
const MONEY =
  "Each target: a metric (each at most once), the level agreed (a floor when higher is better, else a ceiling), a step in the metric's unit, at most maxSteps steps, and money per step — 'amount' in cents, or 'percent' in basis points of the monthly fee. Figures have at most two decimals and must lie in the metric's range.";

const ProgramParam = z.object({ programId: pathId('programId') });
const VersionParam = z.object({ programId: pathId('programId'), version: pathId('version') });

const routes = {
  overview: route({
    method: 'get',
    path: '/client/contracts',
    operationId: 'listClientContracts',
    tags,
    summary: 'The programs the reader may see, each with the contract terms in force this month (or none) and its number of versions',
    description: READERS.replace(" (another client's program: 404)", ''),
    responses: { 200: json(ContractOverview, 'Programs and their current terms') }
  }),
  list: route({
    method: 'get',
    path: '/client/programs/{programId}/contract',
    operationId: 'getProgramContract',
    tags,
    summary: "A program's contract terms: every version newest first, and the one in force this month (the contact center's clock)",
    description: `${READERS} ${VERSIONED}`,
    request: { params: ProgramParam },
    responses: { 200: json(ContractTermsList, 'Contract terms') }
  }),
  create: route({
    method: 'post',
    path: '/client/programs/{programId}/contract',
    operationId: 'createProgramContract',
    tags,
    summary: 'Enter a new version of a program’s contract terms (admins)',
    description: `${MONEY} Months must not overlap another version (409 naming it), except with endOpenVersion when the only overlap is the open-ended version that starts earlier: that one is then ended at the month before validFrom, in the same transaction. Bad values: 400 naming each field; nothing is stored. ${VERSIONED}`,
    request: { params: ProgramParam, ...body(CreateContractTermsInput) },
    responses: { 201: json(ContractTermsVersion, 'The new version') }
  }),
  end: route({
    method: 'post',
    path: '/client/programs/{programId}/contract/{version}/end',
    operationId: 'endProgramContract',
    tags,
    summary: 'End a version of a program’s contract terms at a month (admins)',
    description: `validTo is the last month in force, inclusive: not before the version's first month, and not after a last month it already has (a version gets shorter, never longer; 400 naming validTo). An unknown version: 404. ${VERSIONED}`,
    request: { params: VersionParam, ...body(EndContractTermsInput) },
    responses: { 200: json(ContractTermsVersion, 'The ended version') }
  })
};

/** Contract terms of a program: versions with targets and bonus/malus rules; admins write, the client's auditors read (H1). */
export function contractRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.overview, async (c) => c.json(await listContracts({ ctx: ctxOf(c, deps) }), 200))
    .openapi(routes.list, async (c) => c.json(await listContractTerms({ ctx: ctxOf(c, deps), input: c.req.valid('param') }), 200))
    .openapi(routes.create, async (c) =>
      c.json(await createContractTerms({ ctx: ctxOf(c, deps), input: { ...c.req.valid('json'), ...c.req.valid('param') } }), 201)
    )
    .openapi(routes.end, async (c) =>
      c.json(await endContractTerms({ ctx: ctxOf(c, deps), input: { ...c.req.valid('json'), ...c.req.valid('param') } }), 200)
    );
}
