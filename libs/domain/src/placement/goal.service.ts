import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { newId } from '../shared/columns';
import { today } from '../shared/dates';
import { NotFound } from '../shared/domain-error';
import { Goal } from './goal.entity';
import { Placement } from './placement.entity';
import { ProgressEntry } from './progress-entry.entity';
import { SubGoal, SubGoalState } from './sub-goal.entity';

export interface SubGoalView extends SubGoal {
  progressEntries: ProgressEntry[];
}
export interface GoalView extends Goal {
  subGoals: SubGoalView[];
}

export interface ProgressEntryInput {
  recordedOn?: string;
  assessment: number;
  note?: string | null;
  recordedBy: string;
}

/** Goals → sub-goals → progress entries of a case. */
@Injectable()
export class GoalService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async addGoal(placementId: string, input: { title: string; description?: string | null }, id = newId()) {
    if (!(await this.dataSource.manager.existsBy(Placement, { id: placementId })))
      throw new NotFound('Case', placementId);
    return this.dataSource.manager.save(
      this.dataSource.manager.create(Goal, {
        id,
        placementId,
        title: input.title,
        description: input.description ?? null,
      }),
    );
  }

  async addSubGoal(placementId: string, goalId: string, input: { title: string; dueOn?: string | null }, id = newId()) {
    await this.goalOf(placementId, goalId);
    return this.dataSource.manager.save(
      this.dataSource.manager.create(SubGoal, {
        id,
        goalId,
        title: input.title,
        dueOn: input.dueOn ?? null,
        state: 'NOT_STARTED',
      }),
    );
  }

  async setSubGoalState(placementId: string, subGoalId: string, state: SubGoalState): Promise<SubGoal> {
    const subGoal = await this.subGoalOf(placementId, subGoalId);
    subGoal.state = state;
    return this.dataSource.manager.save(subGoal);
  }

  /** A progress entry also counts as reviewing progress for the case's review interval. */
  async addProgressEntry(placementId: string, subGoalId: string, input: ProgressEntryInput, id = newId()) {
    await this.subGoalOf(placementId, subGoalId);
    const recordedOn = input.recordedOn ?? today();
    return this.dataSource.transaction(async (em) => {
      const entry = await em.save(
        em.create(ProgressEntry, {
          id,
          subGoalId,
          progressReviewId: null,
          recordedOn,
          assessment: input.assessment,
          note: input.note ?? null,
          recordedBy: input.recordedBy,
        }),
      );
      await em
        .createQueryBuilder()
        .update(Placement)
        .set({ lastProgressReviewOn: recordedOn })
        .where('id = :placementId AND (last_progress_review_on IS NULL OR last_progress_review_on < :recordedOn)', {
          placementId,
          recordedOn,
        })
        .execute();
      return entry;
    });
  }

  async goalsOf(placementId: string): Promise<GoalView[]> {
    const em = this.dataSource.manager;
    const goals = await em.find(Goal, { where: { placementId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const subGoals = goals.length
      ? await em.find(SubGoal, {
          where: { goalId: In(goals.map((g) => g.id)) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const entries = subGoals.length
      ? await em.find(ProgressEntry, {
          where: { subGoalId: In(subGoals.map((s) => s.id)) },
          order: { recordedOn: 'ASC', createdAt: 'ASC' },
        })
      : [];
    return goals.map((goal) => ({
      ...goal,
      subGoals: subGoals
        .filter((s) => s.goalId === goal.id)
        .map((s) => ({ ...s, progressEntries: entries.filter((e) => e.subGoalId === s.id) })),
    }));
  }

  private async goalOf(placementId: string, goalId: string): Promise<Goal> {
    const goal = await this.dataSource.manager.findOneBy(Goal, { id: goalId, placementId });
    if (!goal) throw new NotFound('Goal of this case', goalId);
    return goal;
  }

  private async subGoalOf(placementId: string, subGoalId: string): Promise<SubGoal> {
    const subGoal = await this.dataSource.manager
      .createQueryBuilder(SubGoal, 's')
      .innerJoin(Goal, 'g', 'g.id = s.goal_id')
      .where('s.id = :subGoalId AND g.placement_id = :placementId', { subGoalId, placementId })
      .getOne();
    if (!subGoal) throw new NotFound('Sub-goal of this case', subGoalId);
    return subGoal;
  }
}
