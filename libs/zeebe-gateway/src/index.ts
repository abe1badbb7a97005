export { startZeebeGateway } from './server';
export type { ZeebeGateway, ZeebeGatewayOptions } from './server';
