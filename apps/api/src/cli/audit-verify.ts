// `pnpm audit:verify`: walks the audit chain of the configured database (DATABASE_URL) and names
// the first row that was edited, or whose predecessor was deleted. Exit code 0 = intact, 1 = broken.
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { verifyAuditChain } from '@attentive/core';
import { runCheckCommand } from './run-check.ts';

export async function auditVerifyReport(db: Db): Promise<{ ok: boolean; message: string }> {
  const report = await verifyAuditChain(db);
  if (report.ok) return { ok: true, message: `Audit chain intact: ${report.rows} row(s) verified.` };
  const [row] = await db
    .select({ id: schema.auditLog.id, at: schema.auditLog.at, action: schema.auditLog.action, actor: schema.auditLog.actor })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.id, report.firstBrokenId));
  const what = row ? ` (${row.at.toISOString()}, ${row.action} by ${row.actor})` : '';
  return {
    ok: false,
    message: `Audit chain BROKEN at row ${report.firstBrokenId}${what}: ${report.reason}. ${report.rows - 1} row(s) before it verified.`
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCheckCommand(auditVerifyReport);
