import type { Logger } from 'pino';
import type { AppConfig } from '@brobygger/config';
import { Engine } from '@brobygger/engine-core';
import type { Stop } from '@brobygger/runtime';
import { startZeebeGateway } from '@brobygger/zeebe-gateway';

/** Starts the embedded engine with its Zeebe gateway on ZEEBE_GATEWAY_HOST:ZEEBE_GATEWAY_PORT. */
export async function startEngine(config: AppConfig, databaseUrl: string, logger: Logger): Promise<Stop[]> {
  const engine = await Engine.start({ databaseUrl, logger });
  const gateway = await startZeebeGateway({
    engine,
    host: config.gateway.host,
    port: config.gateway.port,
    logger,
  });
  logger.info({ host: config.gateway.host, port: gateway.port }, 'Zeebe gateway listening');
  // Stopped in reverse: the gateway first (no new commands, open polls answered), then the engine.
  return [() => engine.stop(), () => gateway.stop()];
}
