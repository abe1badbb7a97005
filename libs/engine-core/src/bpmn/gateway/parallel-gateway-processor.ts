import type { ElementProcessor } from '../element-processor';
import { passThroughProcessor } from '../pass-through-processor';

/**
 * Parallel gateway. The join is done before activation, where tokens arrive (Lifecycle.takeFlow
 * parks them until every incoming flow has one); once active it forks onto every outgoing flow.
 */
export const parallelGatewayProcessor: ElementProcessor = passThroughProcessor;
