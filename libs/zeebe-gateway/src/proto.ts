import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/**
 * Where the newest gateway_protocol .proto installed lives: @camunda8/sdk ships a newer revision
 * (with MigrateProcessInstance) than zeebe-node; both are the same package, and protobuf's wire
 * compatibility lets zeebe-node talk to a server built from the newer one. Falls back to
 * zeebe-node's copy when the SDK is not installed. Neither file is vendored.
 */
export function gatewayProtoPath(): string {
  try {
    return require.resolve('@camunda8/sdk/dist/proto/zeebe.proto');
  } catch {
    return require.resolve('zeebe-node/proto/zeebe.proto');
  }
}

/** The Gateway service definition, read from the newest installed .proto (see gatewayProtoPath). */
export function loadGatewayService(): grpc.ServiceDefinition {
  const protoPath = gatewayProtoPath();
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
