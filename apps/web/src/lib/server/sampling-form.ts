import type { PlanDefinitionInput } from '@attentive/shared/sampling-plan';

/** Reads the plan editor's form (name, program, definition as JSON) for the plan pages' actions. */
export async function readPlanForm(
  request: Request
): Promise<{ ok: true; name: string; programId: number; definition: PlanDefinitionInput } | { ok: false; message: string }> {
  const data = await request.formData();
  const name = String(data.get('name') ?? '').trim();
  const programId = Number(data.get('programId'));
  // Typed as the contract's input; the API parses it with the same shared schema and names what is wrong.
  let definition: PlanDefinitionInput;
  try {
    definition = JSON.parse(String(data.get('definition') ?? ''));
  } catch {
    return { ok: false, message: 'The plan definition could not be read; reload the page and try again.' };
  }
  return { ok: true, name, programId, definition };
}
