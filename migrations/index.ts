// Every migration, oldest first. Listed explicitly (not globbed) so that the same list works from
// TypeScript in tests and from compiled JavaScript in production.
import { CreateSchemas1764057600000 } from './1764057600000-create-schemas';
import { EngineState1764057700000 } from './1764057700000-engine-state';
import { EngineEvents1764057800000 } from './1764057800000-engine-events';
import { ProcessDeletion1764057900000 } from './1764057900000-process-deletion';
import { EngineForms1764057950000 } from './1764057950000-engine-forms';
import { CaseworkDomain1764058000000 } from './1764058000000-casework-domain';
import { CaseworkRules1764058100000 } from './1764058100000-casework-rules';
import { UserTaskInbox1764058900000 } from './1764058900000-user-task-inbox';
import { AppUsers1764059500000 } from './1764059500000-app-users';

export const migrations = [
  CreateSchemas1764057600000,
  EngineState1764057700000,
  EngineEvents1764057800000,
  ProcessDeletion1764057900000,
  EngineForms1764057950000,
  CaseworkDomain1764058000000,
  CaseworkRules1764058100000,
  UserTaskInbox1764058900000,
  AppUsers1764059500000,
];
