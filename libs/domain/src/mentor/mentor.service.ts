import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { CompanyService } from '../company/company.service';
import { RuleService } from '../rules/rule.service';
import { defined, newId } from '../shared/columns';
import { today } from '../shared/dates';
import { Conflict, MentorNotTrained, NotFound } from '../shared/domain-error';
import { inTransaction } from '../shared/transaction';
import { Mentor, MentorKind, TrainingState } from './mentor.entity';
import { MentorCourse } from './mentor-course.entity';

export interface MentorInput {
  companyId: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  kind?: MentorKind;
}

export interface MentorWithCourses extends Mentor {
  courses: MentorCourse[];
}

/**
 * Mentors and their training: NOT_TRAINED → ENROLLED → TRAINED → REFRESHER_DUE → ENROLLED (refresher)
 * → TRAINED. Each transition is idempotent: asking for the state a mentor is already in is a no-op.
 */
@Injectable()
export class MentorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Mentor) private readonly mentors: Repository<Mentor>,
    @InjectRepository(MentorCourse) private readonly courses: Repository<MentorCourse>,
    private readonly companies: CompanyService,
    private readonly rules: RuleService,
  ) {}

  async create(input: MentorInput, id: string = newId()): Promise<Mentor> {
    await this.companies.get(input.companyId);
    return this.mentors.save(
      this.mentors.create({
        email: null,
        phone: null,
        kind: 'EMPLOYEE',
        ...defined(input),
        id,
        trainingState: 'NOT_TRAINED',
      }),
    );
  }

  async get(id: string): Promise<MentorWithCourses> {
    const mentor = await this.mentors.findOneBy({ id });
    if (!mentor) throw new NotFound('Mentor', id);
    return { ...mentor, courses: await this.history(id) };
  }

  list(filter: { companyId?: string; trainingState?: TrainingState }): Promise<Mentor[]> {
    return this.mentors.find({ where: defined(filter), order: { name: 'ASC' } });
  }

  history(mentorId: string): Promise<MentorCourse[]> {
    return this.courses.find({ where: { mentorId }, order: { enrolledOn: 'ASC', createdAt: 'ASC' } });
  }

  /** Enrols in a basic course, or a refresher when REFRESHER_DUE. Enrolled already: returns that course. */
  enroll(mentorId: string, courseName: string, enrolledOn: string = today(), manager?: EntityManager) {
    return inTransaction(this.dataSource, manager, async (em) => {
      const mentor = await this.lock(em, mentorId);
      if (mentor.trainingState === 'ENROLLED') return this.openCourse(em, mentorId);
      if (mentor.trainingState === 'TRAINED') {
        throw new Conflict(
          'MentorAlreadyTrained',
          `Mentor ${mentorId} is trained; a refresher is enrolled once it is due`,
        );
      }
      const kind = mentor.trainingState === 'REFRESHER_DUE' ? 'REFRESHER' : 'BASIC';
      const course = await em.save(
        em.create(MentorCourse, { id: newId(), mentorId, courseName, kind, enrolledOn, completedOn: null }),
      );
      mentor.trainingState = 'ENROLLED';
      await em.save(mentor);
      return course;
    });
  }

  /** Completes the open course. Already TRAINED: no-op. Not enrolled: conflict. */
  completeTraining(mentorId: string, completedOn: string = today(), manager?: EntityManager): Promise<Mentor> {
    return inTransaction(this.dataSource, manager, async (em) => {
      const mentor = await this.lock(em, mentorId);
      if (mentor.trainingState === 'TRAINED') return mentor;
      if (mentor.trainingState !== 'ENROLLED') {
        throw new Conflict(
          'MentorNotEnrolled',
          `Mentor ${mentorId} is ${mentor.trainingState}; enrol before completing`,
        );
      }
      const course = await this.openCourse(em, mentorId);
      if (completedOn < course.enrolledOn) {
        throw new Conflict('CompletedBeforeEnrolled', `A course cannot be completed before ${course.enrolledOn}`);
      }
      course.completedOn = completedOn;
      await em.save(course);
      mentor.trainingState = 'TRAINED';
      return em.save(mentor);
    });
  }

  async markRefresherDue(mentorId: string): Promise<Mentor> {
    return this.dataSource.transaction(async (em) => {
      const mentor = await this.lock(em, mentorId);
      if (mentor.trainingState === 'REFRESHER_DUE') return mentor;
      if (mentor.trainingState !== 'TRAINED') {
        throw new Conflict('MentorNotTrained', `Only a trained mentor can be due for a refresher`);
      }
      mentor.trainingState = 'REFRESHER_DUE';
      return em.save(mentor);
    });
  }

  /**
   * MEN-TRAIN-1: the mentor may carry a practicum. A mentor on a refresher course has been
   * trained before and still counts as trained.
   */
  async assertTrained(mentorId: string, on: string = today(), manager?: EntityManager): Promise<Mentor> {
    const em = manager ?? this.dataSource.manager;
    const mentor = await em.findOneBy(Mentor, { id: mentorId });
    if (!mentor) throw new NotFound('Mentor', mentorId);
    const { rule, params } = await this.rules.params<{ trainedStates: TrainingState[] }>('MEN-TRAIN-1', on, em);
    const refreshing =
      mentor.trainingState === 'ENROLLED' &&
      (await em.getRepository(MentorCourse).exists({ where: { mentorId, kind: 'REFRESHER' } }));
    if (!params.trainedStates.includes(mentor.trainingState) && !refreshing) {
      throw new MentorNotTrained(
        rule.ruleId,
        rule.citation,
        `mentor ${mentor.name} is ${mentor.trainingState.replace('_', ' ').toLowerCase()}; ` +
          'a practicum starts only with a trained mentor',
      );
    }
    return mentor;
  }

  private async lock(em: EntityManager, mentorId: string): Promise<Mentor> {
    const mentor = await em.findOne(Mentor, { where: { id: mentorId }, lock: { mode: 'pessimistic_write' } });
    if (!mentor) throw new NotFound('Mentor', mentorId);
    return mentor;
  }

  private async openCourse(em: EntityManager, mentorId: string): Promise<MentorCourse> {
    const course = await em.findOne(MentorCourse, {
      where: { mentorId, completedOn: IsNull() },
      order: { enrolledOn: 'DESC', createdAt: 'DESC' },
    });
    if (!course) throw new Conflict('NoOpenCourse', `Mentor ${mentorId} has no open course`);
    return course;
  }
}
