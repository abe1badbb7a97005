import type * as grpc from '@grpc/grpc-js';
import { type GatewayContext, unary } from '../context';
import type { Empty, TopologyResponse } from '../protocol';

/**
 * The embedded engine is one process with one logical partition; clients only use the topology to
 * check that they are connected, so a single healthy leader describes it faithfully.
 */
export function topologyHandlers(ctx: GatewayContext): grpc.UntypedServiceImplementation {
  return {
    Topology: unary<Empty, TopologyResponse>('Topology', ctx, async () => {
      const { host, port } = ctx.address();
      return {
        brokers: [
          {
            nodeId: 0,
            host,
            port,
            version: ctx.gatewayVersion,
            partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
          },
        ],
        clusterSize: 1,
        partitionsCount: 1,
        replicationFactor: 1,
        gatewayVersion: ctx.gatewayVersion,
      };
    }),
  };
}
