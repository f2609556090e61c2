import { z } from '@hono/zod-openapi';
import type { Ctx } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, jsonList, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { Code, Name, tags } from './schemas.ts';

type CodeName = { id: number; code: string; name: string };
/** The record as the API shows it: only its id, code and name, whatever else the row holds. */
const out = (r: CodeName) => ({ id: r.id, code: r.code, name: r.name });

/**
 * The routes of a record that is only a code and a name (a team, a client): list, create, change. One
 * declaration for every such record, so their operations cannot drift apart. `one`/`many` name the
 * record in the document: `Team`/`Teams` give listTeams, createTeam and updateTeam on `path`.
 */
export function codeNameRoutes<const P extends string>(
  deps: AppDeps,
  o: {
    path: P;
    one: string;
    many: string;
    list: (a: { ctx: Ctx }) => Promise<CodeName[]>;
    save: (a: { ctx: Ctx; input: { id?: number; code?: string; name?: string } }) => Promise<CodeName>;
  }
) {
  const Record = z.object({ id: z.number().int(), code: z.string(), name: z.string() }).openapi(o.one);
  const noun = o.one.toLowerCase();
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: o.path,
        operationId: `list${o.many}`,
        tags,
        summary: `List ${o.many.toLowerCase()}`,
        responses: { 200: jsonList(Record, o.many) }
      }),
      async (c) => c.json({ items: (await o.list({ ctx: ctxOf(c, deps) })).map(out) }, 200)
    )
    .openapi(
      route({
        method: 'post',
        path: o.path,
        operationId: `create${o.one}`,
        tags,
        summary: `Create a ${noun}`,
        request: body(z.object({ code: Code, name: Name })),
        responses: { 201: json(Record, 'Created') }
      }),
      async (c) => c.json(out(await o.save({ ctx: ctxOf(c, deps), input: c.req.valid('json') })), 201)
    )
    .openapi(
      route({
        method: 'patch',
        path: `${o.path}/{id}` as `${P}/{id}`,
        operationId: `update${o.one}`,
        tags,
        summary: `Change a ${noun}`,
        request: { params: IdParam, ...body(z.object({ code: Code.optional(), name: Name.optional() })) },
        responses: { 200: json(Record, 'Changed') }
      }),
      async (c) => c.json(out(await o.save({ ctx: ctxOf(c, deps), input: { id: c.req.valid('param').id, ...c.req.valid('json') } })), 200)
    );
}
