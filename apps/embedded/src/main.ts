import { runProcess } from '@brobygger/runtime';
import { startServer } from '../../server/src/bootstrap';
import { startEngine } from '../../engine/src/start-engine';
import { startWorkers } from '../../workers/src/start-workers';

// The embedded default: engine, HTTP API and workers in one process on one database. Started in the
// order each needs the one before; runProcess stops them in reverse.
runProcess('brobygger', async ({ config, database, logger }) => {
  const engine = await startEngine(config, database.url, logger.child({ part: 'engine' }));
  const server = await startServer(config, database.url);
  const workers = await startWorkers(config, database.url);
  return [...engine, () => server.close(), ...workers];
});
