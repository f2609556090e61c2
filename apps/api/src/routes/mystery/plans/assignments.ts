import { cancelMysteryAssignment } from '@attentive/core/mystery/plans/cancel-assignment';
import { reassignMysteryAssignment } from '@attentive/core/mystery/plans/reassign-assignment';
import { ReassignMysteryAssignmentInput } from '@attentive/shared/mystery-plans';
import { ctxOf, type AppDeps } from '../../../context.ts';
import { route, json, body } from '../../../openapi.ts';
import { newRouter } from '../../../router.ts';
import { IdParam } from '../../params.ts';
import { AssignmentChange, tags } from './schemas.ts';

/** Changing a published plan's calls one by one: another shopper, or cancelled. Planned ones only. */
export function planAssignmentRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'post',
        path: '/mystery/plans/assignments/{id}/reassign',
        operationId: 'reassignMysteryAssignment',
        tags,
        summary: 'Hand a planned mystery call to another mystery shopper',
        request: { params: IdParam, ...body(ReassignMysteryAssignmentInput) },
        responses: { 200: json(AssignmentChange, 'Reassigned') }
      }),
      async (c) =>
        c.json(
          await reassignMysteryAssignment({
            ctx: ctxOf(c, deps),
            input: { assignmentId: c.req.valid('param').id, ...c.req.valid('json') }
          }),
          200
        )
    )
    .openapi(
      route({
        method: 'post',
        path: '/mystery/plans/assignments/{id}/cancel',
        operationId: 'cancelMysteryAssignment',
        tags,
        summary: 'Cancel a planned mystery call',
        request: { params: IdParam },
        responses: { 200: json(AssignmentChange, 'Cancelled') }
      }),
      async (c) => c.json(await cancelMysteryAssignment({ ctx: ctxOf(c, deps), input: { assignmentId: c.req.valid('param').id } }), 200)
    );
}
