import { z } from '@hono/zod-openapi';
import { CALL_IMPORT_TEMPLATE, requireImporter } from '@attentive/core';
import { principalOf } from '../../context.ts';
import { route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { tags } from './import-schemas.ts';

/** Needs no database: the template is a constant. */
export function importTemplateRoute() {
  return newRouter().openapi(
    route({
      method: 'get',
      path: '/calls/import/template.csv',
      operationId: 'getCallImportTemplate',
      tags,
      summary: 'An example CSV file with every column',
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } }
    }),
    (c) => {
      requireImporter(principalOf(c));
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="attentive-calls-template.csv"');
      return c.body(CALL_IMPORT_TEMPLATE, 200);
    }
  );
}
