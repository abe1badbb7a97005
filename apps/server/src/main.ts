import { runProcess } from '@brobygger/runtime';
import { startServer } from './bootstrap';

// The HTTP API alone, for a deployment where the engine and workers run elsewhere.
runProcess('server', async ({ config, database }) => {
  const app = await startServer(config, database.url);
  return [() => app.close()];
});
