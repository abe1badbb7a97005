import type { UserTask } from '@brobygger/domain';

/** A task as the inbox shows it; the variables snapshot is what the form is filled from. */
export function taskView(task: UserTask) {
  return {
    id: task.id,
    name: task.elementId,
    state: task.state,
    process: task.bpmnProcessId,
    processVersion: task.processVersion,
    processInstanceKey: task.processInstanceKey,
    placementId: task.placementId,
    candidateGroups: task.candidateGroups,
    candidateUsers: task.candidateUsers,
    assignee: task.assignee,
    dueAt: task.dueAt,
    followUpAt: task.followUpAt,
    formKey: task.formKey,
    variables: task.variables,
    createdAt: task.createdAt,
    completedAt: task.completedAt,
  };
}
