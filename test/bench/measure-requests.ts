import { performance } from 'node:perf_hooks';

type RequestableApp = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Times one GET through app.request (server time: routing, session, policy, validation, JSON; no network): `warmup`
 * requests first, garbage collected, then `runs` timed ones. Median, p95 and CPU milliseconds per request (the
 * machine is shared: CPU time is the steadier figure). `before` runs ahead of every request, outside the timing
 * (e.g. a write the request must then see). A status other than 200 stops the benchmark.
 */
export async function measureRequests(
  app: RequestableApp,
  path: string,
  headers: Record<string, string>,
  o: { runs: number; warmup: number; before?: () => Promise<void> }
) {
  const once = async () => {
    const res = await app.request(path, { headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  for (let i = 0; i < o.warmup; i++) {
    await o.before?.();
    await once();
  }
  gc();
  const times: number[] = [];
  let cpuMicros = 0;
  for (let i = 0; i < o.runs; i++) {
    await o.before?.();
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    await once();
    times.push(performance.now() - t);
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(o.runs / 2)]!,
    p95: times[Math.floor(o.runs * 0.95)]!,
    cpu: cpuMicros / 1000 / o.runs,
    /** One more answer, for checks on what was measured. */
    body: (await once()) as unknown
  };
}
