import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/**
 * The Gateway service definition, read from the .proto that zeebe-node ships. Using the client's own
 * copy keeps server and client on the same protocol revision without vendoring the file.
 */
export function loadGatewayService(): grpc.ServiceDefinition {
  const protoPath = require.resolve('zeebe-node/proto/zeebe.proto');
  const definition = protoLoader.loadSync(protoPath, {
    // The same conversions zeebe-node uses, so int64 keys stay exact decimal strings end to end.
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
    includeDirs: [path.dirname(protoPath)],
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    gateway_protocol: { Gateway: grpc.ServiceClientConstructor };
  };
  return loaded.gateway_protocol.Gateway.service;
}

/** Method names as the proto spells them (e.g. 'ActivateJobs'), the keys a server implementation uses. */
export function rpcNames(service: grpc.ServiceDefinition): string[] {
  return Object.keys(service);
}
