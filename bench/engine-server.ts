import { Engine } from '@brobygger/engine-core';
import { startZeebeGateway } from '@brobygger/zeebe-gateway';
import { serve } from './serve';

// The real engine and its gateway, as apps/engine runs them, on DATABASE_URL (already migrated).
// Usage: DATABASE_URL=... node dist/bench/engine-server.js [port]; prints "ready <port>".
serve('bench-engine-server', async (port, logger) => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const engine = await Engine.start({ databaseUrl, logger });
  const gateway = await startZeebeGateway({ engine, host: '127.0.0.1', port, logger });
  return {
    port: gateway.port,
    // The gateway first (no new commands, open polls answered), then the engine.
    stop: async () => {
      await gateway.stop();
      await engine.stop();
    },
  };
});
