import { CALL_RECORD_COLUMNS, CONTACT_COLUMNS } from './row-schema.ts';

/**
 * The downloadable example file (GET /api/calls/import/template.csv), with the demo contact center's
 * codes so it imports as it is into the demo. Columns are documented in docs/import.md. The optional contact
 * columns (customer_phone, customer_email, customer_language) are left out: personal data is sent on purpose.
 */
export const CALL_IMPORT_TEMPLATE =
  [
    CALL_RECORD_COLUMNS.filter((c) => !(CONTACT_COLUMNS as readonly string[]).includes(c)).join(','),
    'pbx-east,2026-11-02-000123,EN-CARE,INVOICE,AG001,inbound,2026-11-02T09:15:00+01:00,14,312,20,0,resolved,c-7f3a9b21e4,,nl',
    'pbx-east,2026-11-02-000124,EN-MOVE,MOVE,AG002,inbound,2026-11-02T09:17:41+01:00,38,455,0,1,transferred,c-0b44d1e8aa,2026/11/02/000124.mp3,nl',
    'dialer,out-88412,TC-CARE,,AG003,outbound,2026-11-02T08:05:00Z,0,128,0,0,callback_done,,,en'
  ].join('\n') + '\n';
