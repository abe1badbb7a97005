import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agreement } from './agreement/agreement.entity';
import { AgreementService } from './agreement/agreement.service';
import { Seat } from './agreement/seat.entity';
import { SeatService } from './agreement/seat.service';
import { Citizen } from './citizen/citizen.entity';
import { CitizenService } from './citizen/citizen.service';
import { CprCipher } from './citizen/cpr-cipher';
import { TargetGroupAssignment } from './citizen/target-group-assignment.entity';
import { Company } from './company/company.entity';
import { CompanyService } from './company/company.service';
import { OutreachActivity } from './company/outreach-activity.entity';
import { OutreachService } from './company/outreach.service';
import { Worksite } from './company/worksite.entity';
import { MatchingService } from './matching/matching.service';
import { MentorCourse } from './mentor/mentor-course.entity';
import { Mentor } from './mentor/mentor.entity';
import { MentorService } from './mentor/mentor.service';
import { CaseViewService } from './placement/case-view.service';
import { FollowUp } from './placement/follow-up.entity';
import { Goal } from './placement/goal.entity';
import { GoalService } from './placement/goal.service';
import { Outcome } from './placement/outcome.entity';
import { Placement } from './placement/placement.entity';
import { PlacementService } from './placement/placement.service';
import { PracticumRules } from './placement/practicum-rules';
import { ProgressEntry } from './placement/progress-entry.entity';
import { ProgressReview } from './placement/progress-review.entity';
import { SubGoal } from './placement/sub-goal.entity';
import { Rule } from './rules/rule.entity';
import { RuleService } from './rules/rule.service';

/** Every entity of the casework schema, for a DataSource built outside Nest (scripts). */
export const DOMAIN_ENTITIES = [
  Company,
  Worksite,
  OutreachActivity,
  Agreement,
  Seat,
  Mentor,
  MentorCourse,
  Citizen,
  TargetGroupAssignment,
  Placement,
  Goal,
  SubGoal,
  ProgressReview,
  ProgressEntry,
  FollowUp,
  Outcome,
  Rule,
];

const services = [
  CompanyService,
  OutreachService,
  AgreementService,
  SeatService,
  MentorService,
  CitizenService,
  PlacementService,
  GoalService,
  CaseViewService,
  RuleService,
  MatchingService,
];

/**
 * The case-management domain as Nest providers, with no HTTP in it: the server's controllers and
 * the job workers both use these services. Needs the global ConfigModule (for the CPR key) and a
 * TypeORM connection (DatabaseModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature(DOMAIN_ENTITIES)],
  providers: [...services, CprCipher, PracticumRules],
  exports: services,
})
export class DomainModule {}
