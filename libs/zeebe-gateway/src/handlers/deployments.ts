import type * as grpc from '@grpc/grpc-js';
import { type GatewayContext, unary } from '../context';
import { invalidArgument } from '../errors';
import { toProcessMetadata } from '../mapping';
import type {
  DeployProcessRequest,
  DeployProcessResponse,
  DeployResourceRequest,
  DeployResourceResponse,
} from '../protocol';
import { DEFAULT_TENANT, ensureDefaultTenant } from '../validation';

type Resource = { name: string; content: Buffer };

export function deploymentHandlers(ctx: GatewayContext): grpc.UntypedServiceImplementation {
  const deploy = (resources: Resource[], rpc: string) => {
    if (resources.length === 0)
      throw invalidArgument(`Expected to deploy at least one resource with ${rpc}, but none given`);
    return ctx.engine.deploy(resources.map((r) => ({ name: r.name, content: Buffer.from(r.content ?? []) })));
  };

  return {
    DeployResource: unary<DeployResourceRequest, DeployResourceResponse>('DeployResource', ctx, async (request) => {
      ensureDefaultTenant(request.tenantId, 'DeployResource');
      const result = await deploy(request.resources ?? [], 'DeployResource');
      return {
        key: result.deploymentKey,
        // One entry per deployed process or form, each filling its member of the `Metadata` oneof.
        deployments: [
          ...result.processes.map((process) => ({ process: toProcessMetadata(process) })),
          ...(result.forms ?? []).map((form) => ({ form: { ...form, tenantId: DEFAULT_TENANT } })),
        ],
        tenantId: DEFAULT_TENANT,
      };
    }),

    // Deprecated since Zeebe 8 but still used by older clients (zeebe-node's deployProcess).
    DeployProcess: unary<DeployProcessRequest, DeployProcessResponse>('DeployProcess', ctx, async (request) => {
      const resources = (request.processes ?? []).map((p) => ({ name: p.name, content: p.definition }));
      const result = await deploy(resources, 'DeployProcess');
      return { key: result.deploymentKey, processes: result.processes.map(toProcessMetadata) };
    }),
  };
}
