import { asc, gt } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { GENESIS_HASH, auditRowHash } from './hash.ts';

export type ChainReport = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenId: number; reason: string };

/**
 * Walks the audit chain in id order. An edited row no longer matches its hash; a deleted row leaves
 * the next row pointing at a hash that is not the one before it.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(schema.auditLog)
      .where(gt(schema.auditLog.id, lastId))
      .orderBy(asc(schema.auditLog.id))
      .limit(pageSize);
    if (page.length === 0) return { ok: true, rows };
    for (const r of page) {
      rows++;
      if (r.prevHash !== prev)
        return { ok: false, rows, firstBrokenId: r.id, reason: 'previous row missing or changed (prev_hash does not match)' };
      const expect = auditRowHash(prev, { ...r, at: r.at.getTime() });
      if (expect !== r.hash) return { ok: false, rows, firstBrokenId: r.id, reason: 'row content does not match its hash' };
      prev = r.hash;
      lastId = r.id;
    }
  }
}
