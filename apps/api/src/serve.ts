// Runs the API on its own (integrations, scale-out). The web server mounts the same app under /api.
import { serve } from '@hono/node-server';
import { migrate } from '@attentive/db';
import { createApp } from './app.ts';
import { loadEnv, EnvError } from './env.ts';
import { openDatabase } from './open-database.ts';
import { startJobs } from './jobs.ts';
import { CLIENT_ADDRESS_HEADER } from './middleware/public-rate-limit.ts';

try {
  const env = loadEnv();
  const db = await openDatabase(env);
  await migrate(db);
  await startJobs({ db, env })?.ready;
  const app = createApp({ db, env });
  // The public survey routes' rate limit keys on the connection's address: set here, whatever the client sent.
  const fetch = (req: Request, bindings: { incoming?: { socket?: { remoteAddress?: string } } }) => {
    req.headers.set(CLIENT_ADDRESS_HEADER, bindings.incoming?.socket?.remoteAddress ?? 'unknown');
    return app.fetch(req, bindings);
  };
  serve({ fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    console.log(`Attentive API on http://localhost:${info.port}/api (docs: /api/docs)`);
  });
} catch (e) {
  if (e instanceof EnvError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
