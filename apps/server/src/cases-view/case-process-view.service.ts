import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProcessDiagrams } from './process-diagrams';

export type ElementState = 'active' | 'completed' | 'canceled';

export interface TimelineEntry {
  at: string;
  kind: 'case-opened' | 'stage' | 'task-created' | 'task-completed' | 'progress-review' | 'follow-up' | 'outcome';
  /** The element, stage, follow-up kind or outcome kind the entry is about. */
  subject: string;
  by: string | null;
  detail: string | null;
}

export interface CaseProcessView {
  processId: string;
  xml: string | null;
  elements: { elementId: string; state: ElementState; at: string }[];
  timeline: TimelineEntry[];
}

const PLACEMENT_PROCESS = 'placement-lifecycle';

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * What the case page draws beside the case: the process diagram with the elements the case has
 * been through, and a timeline. Read only from the casework schema (the inbox and the case), never
 * from the engine's tables, so it works the same against Camunda 8.
 */
@Injectable()
export class CaseProcessViewService {
  private readonly diagrams = new ProcessDiagrams();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async view(placementId: string): Promise<CaseProcessView> {
    const q = <T>(sql: string) => this.dataSource.query(sql, [placementId]) as Promise<T[]>;
    const [placements, tasks, reviews, followUps, outcomes] = await Promise.all([
      q<{ created_at: Date; stage: string; stage_changed_at: Date; caseworker: string | null }>(
        `SELECT created_at, stage, stage_changed_at, caseworker FROM casework.placement WHERE id = $1`,
      ),
      q<{
        element_id: string;
        bpmn_process_id: string;
        state: 'CREATED' | 'COMPLETED' | 'CANCELED';
        created_at: Date;
        updated_at: Date;
        completed_at: Date | null;
        completed_by: string | null;
        assignee: string | null;
      }>(
        `SELECT element_id, bpmn_process_id, state, created_at, updated_at, completed_at, completed_by, assignee
           FROM casework.user_task WHERE placement_id = $1 ORDER BY created_at`,
      ),
      q<{ reviewed_on: string; recorded_by: string; summary: string | null; created_at: Date }>(
        `SELECT to_char(reviewed_on, 'YYYY-MM-DD') AS reviewed_on, recorded_by, summary, created_at
           FROM casework.progress_review WHERE placement_id = $1`,
      ),
      q<{ kind: string; done_on: string | null; result: string | null; recorded_by: string | null; created_at: Date }>(
        `SELECT kind, to_char(done_on, 'YYYY-MM-DD') AS done_on, result, recorded_by, created_at
           FROM casework.follow_up WHERE placement_id = $1`,
      ),
      q<{ kind: string; reason: string | null; recorded_by: string; created_at: Date }>(
        `SELECT kind, reason, recorded_by, created_at FROM casework.outcome WHERE placement_id = $1`,
      ),
    ]);
    const placement = placements[0];
    if (!placement) throw new NotFoundException(`Case ${placementId} does not exist`);

    const processId = tasks.find((t) => t.bpmn_process_id === PLACEMENT_PROCESS)?.bpmn_process_id ?? PLACEMENT_PROCESS;
    // The latest state of each element wins: a task done twice (a loop) shows as active if open again.
    const elements = new Map<string, CaseProcessView['elements'][number]>();
    for (const t of tasks.filter((task) => task.bpmn_process_id === processId)) {
      const state: ElementState = t.state === 'CREATED' ? 'active' : t.state === 'COMPLETED' ? 'completed' : 'canceled';
      elements.set(t.element_id, { elementId: t.element_id, state, at: iso(t.completed_at ?? t.updated_at) });
    }

    const timeline: TimelineEntry[] = [
      { at: iso(placement.created_at), kind: 'case-opened', subject: 'case', by: placement.caseworker, detail: null },
      { at: iso(placement.stage_changed_at), kind: 'stage', subject: placement.stage, by: null, detail: null },
      ...tasks.flatMap((t): TimelineEntry[] => {
        const created: TimelineEntry = {
          at: iso(t.created_at),
          kind: 'task-created',
          subject: t.element_id,
          by: null,
          detail: null,
        };
        if (!t.completed_at) return [created];
        return [
          created,
          { at: iso(t.completed_at), kind: 'task-completed', subject: t.element_id, by: t.completed_by, detail: null },
        ];
      }),
      ...reviews.map((r): TimelineEntry => ({
        at: iso(r.created_at),
        kind: 'progress-review',
        subject: r.reviewed_on,
        by: r.recorded_by,
        detail: r.summary,
      })),
      ...followUps
        .filter((f) => f.done_on)
        .map((f): TimelineEntry => ({
          at: iso(f.created_at),
          kind: 'follow-up',
          subject: f.kind,
          by: f.recorded_by,
          detail: f.result,
        })),
      ...outcomes.map((o): TimelineEntry => ({
        at: iso(o.created_at),
        kind: 'outcome',
        subject: o.kind,
        by: o.recorded_by,
        detail: o.reason,
      })),
    ];
    timeline.sort((a, b) => b.at.localeCompare(a.at));

    return { processId, xml: this.diagrams.xmlOf(processId) ?? null, elements: [...elements.values()], timeline };
  }
}
