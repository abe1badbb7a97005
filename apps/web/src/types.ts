/** The shapes of the API's answers that the web app reads. */
export type Role = 'caseworker' | 'supervisor' | 'process-owner';

export interface User {
  username: string;
  displayName: string;
  roles: Role[];
  groups: string[];
  jobCentreId: string | null;
}

export interface Task {
  id: string;
  name: string;
  state: 'CREATED' | 'COMPLETED' | 'CANCELED';
  process: string;
  processVersion: number;
  processInstanceKey: string;
  placementId: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee: string | null;
  dueAt: string | null;
  followUpAt: string | null;
  formKey: string | null;
  variables: Record<string, unknown>;
  createdAt: string;
  completedAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ProgressEntry {
  id: string;
  recordedOn: string;
  assessment: number;
  note: string | null;
  recordedBy: string;
}

export interface SubGoal {
  id: string;
  title: string;
  dueOn: string | null;
  state: string;
  entries?: ProgressEntry[];
  progressEntries?: ProgressEntry[];
}

export interface Goal {
  id: string;
  title: string;
  description: string | null;
  subGoals: SubGoal[];
}

export interface CaseView {
  id: string;
  stage: string;
  stageChangedAt: string;
  caseworker: string | null;
  purpose: string | null;
  processInstanceKey: string | null;
  citizen: { id: string; firstName: string; lastName: string; cprMasked: string };
  company: { id: string; name: string; cvr: string; industry: string; municipality: string } | null;
  seat: { id: string; function: string; state: string; weeklyHours: number } | null;
  mentor: { id: string; name: string; trainingState: string } | null;
  practicum: {
    weeklyHours: number | null;
    startDate: string | null;
    plannedEndDate: string | null;
    plannedWeeks: number | null;
    startedOn: string | null;
    endedOn: string | null;
  };
  progressReview: { intervalDays: number; lastReviewedOn: string | null; dueOn: string | null; overdue: boolean };
  goals: Goal[];
  followUps: { id: string; kind: string; dueOn: string | null; doneOn: string | null; result: string | null }[];
  outcome: { kind: string; reason: string | null; recordedOn: string; weeklyHours: number | null } | null;
}

export interface TimelineEntry {
  at: string;
  kind: 'case-opened' | 'stage' | 'task-created' | 'task-completed' | 'progress-review' | 'follow-up' | 'outcome';
  subject: string;
  by: string | null;
  detail: string | null;
}

export interface CaseProcess {
  processId: string;
  xml: string | null;
  elements: { elementId: string; state: 'active' | 'completed' | 'canceled'; at: string }[];
  timeline: TimelineEntry[];
}

export interface Company {
  id: string;
  cvr: string;
  name: string;
  industry: string;
  industryCode: string | null;
  sector: string;
  status: string;
  address: string | null;
  postcode: string;
  municipality: string;
  cluster: string | null;
  ordinaryFte: number;
  contactConsultant: string | null;
}

export interface Agreement {
  id: string;
  companyId: string;
  collaborationModel: number;
  status: string;
  validFrom: string;
  validTo: string | null;
  seats?: Seat[];
}

export interface Seat {
  id: string;
  agreementId: string;
  function: string;
  weeklyHours: number;
  state: string;
  vacantSince: string | null;
}

export interface Mentor {
  id: string;
  name: string;
  kind: string;
  trainingState: string;
  email: string | null;
}

export interface OutreachActivity {
  id: string;
  type: string;
  occurredOn: string;
  consultant: string;
  campaign: string | null;
  outcomes: { kind: string; count: number }[];
  note: string | null;
}
