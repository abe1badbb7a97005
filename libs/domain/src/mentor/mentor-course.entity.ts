import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const COURSE_KINDS = ['BASIC', 'REFRESHER'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** One enrolment in a mentor course; completedOn is set when the mentor finishes it. */
@Entity({ schema: 'casework', name: 'mentor_course' })
export class MentorCourse {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'mentor_id', type: 'uuid' }) mentorId!: string;
  @Column({ name: 'course_name' }) courseName!: string;
  @Column({ type: 'text' }) kind!: CourseKind;
  @Column({ name: 'enrolled_on', type: 'date' }) enrolledOn!: string;
  @Column({ name: 'completed_on', type: 'date', nullable: true }) completedOn!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
