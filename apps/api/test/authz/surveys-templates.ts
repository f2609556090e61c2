import { schema } from '@attentive/db';
import { STANDARD_INTRO, STANDARD_QUESTIONS } from '@attentive/shared/surveys';
import { createSurveyTemplate } from '@attentive/core/surveys/templates/create-template';
import { retireSurveyTemplate } from '@attentive/core/surveys/templates/retire-template';
import { only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';
import { side, sys } from './scorecards.ts';

/**
 * Callback surveys (issue 14): survey templates, versioned, in Dutch and English (H1). Admins and QA analysts
 * keep and read them; everyone else is refused (403 for the list and the writes, 404 for a template). A program
 * has one template in use, so every template here gets a fresh program of its side ("own": tenant a, "foreign":
 * tenant b).
 */
async function freshProgram(w: World, t: Target) {
  const s = side(w, t);
  const [p] = await w.db
    .insert(schema.programs)
    .values({ tenantId: s.tenantId, clientId: s.clients.a.id, code: w.uniq(), name: 'Matrix survey program' })
    .returning();
  return p!.id;
}

const content = { name: 'Standard survey', intro: STANDARD_INTRO, questions: STANDARD_QUESTIONS };

async function freshTemplate(w: World, t: Target, opts: { retired?: boolean } = {}) {
  const made = await createSurveyTemplate({ ctx: sys(w, t), input: { programId: await freshProgram(w, t), ...content } });
  if (opts.retired) await retireSurveyTemplate({ ctx: sys(w, t), input: { templateId: made.template.id } });
  return made.template.id;
}
const shared = perWorld('surveys.templates', () => new Map<Target, Promise<number>>());
/** Tenant b's template, once made (the list's check looks for it). */
let foreignTemplate: number | null = null;
const sharedTemplate = (w: World, t: Target) => {
  if (!shared(w).has(t)) shared(w).set(t, freshTemplate(w, t));
  return shared(w).get(t)!;
};

const ok = (n: number) => ({ own: n, foreign: 404 });
const managers = (n: number) => only({ admin: ok(n), qa_analyst: ok(n) });

export const surveysTemplatesExpectations: Expectations = {
  'GET /api/surveys/templates': {
    request: async (w) => {
      await sharedTemplate(w, 'own');
      foreignTemplate = await sharedTemplate(w, 'foreign');
      return { path: '/api/surveys/templates?includeRetired=true' };
    },
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: (body: any) => {
      if ((body.items as { id: number }[]).some((x) => x.id === foreignTemplate)) throw new Error('leak: a template of tenant b is listed');
      if (body.items.length === 0) throw new Error('no template of its own tenant listed');
    }
  },
  'POST /api/surveys/templates': {
    request: async (w, t) => ({ path: '/api/surveys/templates', body: { programId: await freshProgram(w, t), ...content } }),
    expect: managers(201)
  },
  'GET /api/surveys/templates/{id}': {
    request: async (w, t) => ({ path: `/api/surveys/templates/${await sharedTemplate(w, t)}` }),
    expect: only({ admin: ok(200), qa_analyst: ok(200) }, 404)
  },
  'POST /api/surveys/templates/{id}/versions': {
    request: async (w, t) => ({
      path: `/api/surveys/templates/${await freshTemplate(w, t)}/versions`,
      body: { ...content, name: 'Shorter survey', questions: STANDARD_QUESTIONS.slice(0, 3), baseVersion: 1, note: 'shorter' }
    }),
    expect: managers(200)
  },
  'POST /api/surveys/templates/{id}/retire': {
    request: async (w, t) => ({ path: `/api/surveys/templates/${await freshTemplate(w, t)}/retire` }),
    expect: managers(200)
  },
  'POST /api/surveys/templates/{id}/restore': {
    request: async (w, t) => ({ path: `/api/surveys/templates/${await freshTemplate(w, t, { retired: true })}/restore` }),
    expect: managers(200)
  }
};
