import { runProcess } from '@brobygger/runtime';
import { startWorkers } from './start-workers';

// The job workers alone, pointed at ZEEBE_ADDRESS: the shape of a deployment on Camunda 8.
runProcess('workers', ({ config, database }) => startWorkers(config, database.url));
