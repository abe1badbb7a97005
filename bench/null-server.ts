import { startZeebeGateway } from '@brobygger/zeebe-gateway';
import { NullEngine } from './null-engine';
import { serve } from './serve';

// The protocol ceiling: the real Zeebe gateway in front of an engine that keeps nothing.
// Usage: node dist/bench/null-server.js [port]; prints "ready <port>".
serve('bench-null-server', async (port, logger) => {
  const gateway = await startZeebeGateway({ engine: new NullEngine(), host: '127.0.0.1', port, logger });
  return { port: gateway.port, stop: () => gateway.stop() };
});
