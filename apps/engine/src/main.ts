import { runProcess } from '@brobygger/runtime';
import { startEngine } from './start-engine';

// The engine alone: the gRPC gateway that Zeebe clients and our workers connect to.
runProcess('engine', ({ config, database, logger }) => startEngine(config, database.url, logger));
