import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * A small closed-loop load generator over real HTTP on loopback (what autocannon does, without a dependency):
 * `connections` clients each send one GET, wait for the whole answer, send the next. Request k goes to
 * `bases[k % bases.length]`, so several API processes share the load like behind a round-robin proxy. Keep-alive
 * sockets, as a proxy keeps them. Any answer but 200 stops the run: a fast error page is no throughput.
 */
export async function httpLoad(o: {
  bases: string[];
  path: string;
  headers: Record<string, string>;
  connections: number;
  durationMs: number;
  warmupMs: number;
}) {
  const agents = o.bases.map(() => new Agent({ keepAlive: true, maxSockets: o.connections }));
  let k = 0;
  const get = (): Promise<number> => {
    const i = k++ % o.bases.length;
    const url = new URL(o.path, o.bases[i]);
    const t = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(url, { agent: agents[i], headers: o.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (b: Buffer) => chunks.push(b));
        res.on('end', () => {
          if (res.statusCode !== 200)
            reject(new Error(`${o.bases[i]}${o.path}: ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          else resolve(performance.now() - t);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  };
  const phase = async (ms: number) => {
    const until = performance.now() + ms;
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: o.connections }, async () => {
        while (performance.now() < until) times.push(await get());
      })
    );
    return times;
  };
  await phase(o.warmupMs);
  const t0 = performance.now();
  const times = await phase(o.durationMs);
  const seconds = (performance.now() - t0) / 1000;
  for (const a of agents) a.destroy();
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    perSecond: times.length / seconds,
    median: times[Math.floor(times.length / 2)]!,
    p95: times[Math.floor(times.length * 0.95)]!
  };
}
