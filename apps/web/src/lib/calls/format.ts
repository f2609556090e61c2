/** Call times are shown on the contact center's clock (the Netherlands), whatever the browser's zone. */
const TZ = 'Europe/Amsterdam';
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit'
});
const fullDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, dateStyle: 'full', timeStyle: 'medium' });

export const formatStarted = (iso: string) => dateTime.format(new Date(iso));
export const formatStartedFull = (iso: string) => fullDateTime.format(new Date(iso));

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Tenure in months or years from a YYYY-MM-DD hire date. */
export function formatTenure(hireDate: string | null, at = new Date()): string {
  if (!hireDate) return '';
  const days = Math.floor((at.getTime() - Date.parse(hireDate)) / 86_400_000);
  if (days < 61) return `${Math.max(0, Math.round(days / 7))} weeks`;
  if (days < 730) return `${Math.round(days / 30.4)} months`;
  return `${(days / 365.25).toFixed(1)} years`;
}

export const dispositionLabel = (d: string | null) => (d ? d.replace(/_/g, ' ') : '');
