import { schema } from '@attentive/db';

/** An API token as admins see it: never its secret or hash. */
export type ApiTokenView = {
  id: number;
  name: string;
  prefix: string;
  programId: number | null;
  clientId: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export const apiTokenView = (r: typeof schema.apiTokens.$inferSelect): ApiTokenView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  programId: r.programId,
  clientId: r.clientId,
  createdAt: r.createdAt,
  lastUsedAt: r.lastUsedAt,
  revokedAt: r.revokedAt
});
