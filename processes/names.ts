/**
 * The names the BPMN files in this folder and the code share: process ids, message names and
 * error codes. One spelling each, so a renamed message breaks the build, not a running case.
 */
export const PROCESS_IDS = {
  placementLifecycle: 'placement-lifecycle',
  mentorTraining: 'mentor-training',
  companyOutreach: 'company-outreach',
} as const;

/** Messages the lifecycle waits for, each correlated by the case's placementId. */
export const MESSAGES = {
  agreementSigned: 'agreement-signed',
  citizenDroppedOut: 'citizen-dropped-out',
} as const;

/** BPMN error codes the workers throw (job.error) and the lifecycle catches. */
export const ERROR_CODES = {
  noVacantSeat: 'NO_VACANT_SEAT',
  mentorNotTrained: 'MENTOR_NOT_TRAINED',
} as const;
