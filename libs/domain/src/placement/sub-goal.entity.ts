import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const SUB_GOAL_STATES = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'DROPPED'] as const;
export type SubGoalState = (typeof SUB_GOAL_STATES)[number];

/** A measurable step (delmål) towards a goal. */
@Entity({ schema: 'casework', name: 'sub_goal' })
export class SubGoal {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'goal_id', type: 'uuid' }) goalId!: string;
  @Column() title!: string;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn!: string | null;
  @Column({ type: 'text' }) state!: SubGoalState;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
