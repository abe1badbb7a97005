import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CaseViewService, PlacementService } from '@brobygger/domain';
import {
  CaseFilterDto,
  FollowUpDto,
  MatchDto,
  OutcomeDto,
  PracticumPeriodDto,
  ProgressReviewDto,
  ReviewIntervalDto,
} from './case.dto';

/** Cases (placements). POST /api/cases, which also starts the BPMN process, lives with the processes. */
@ApiTags('cases')
@ApiBearerAuth()
@Roles('caseworker', 'supervisor')
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly placements: PlacementService,
    private readonly views: CaseViewService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Cases by stage or citizen, longest in their stage first' })
  async list(@Query() query: CaseFilterDto) {
    const [items, total] = await this.placements.list(query);
    return { items, total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'The case: stage, company, seat, mentor, goals with progress, follow-ups, outcome' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.views.view(id);
  }

  @Put(':id/match')
  @ApiOperation({ summary: 'Match with a company, its mentor, and optionally reserve a seat (RK-1)' })
  async match(@Param('id', ParseUUIDPipe) id: string, @Body() body: MatchDto) {
    await this.placements.match(id, body);
    return this.views.view(id);
  }

  @Put(':id/practicum-period')
  @ApiOperation({ summary: 'Plan hours, start and end; checked against VP-DUR-1/3, VP-EXT-1, VP-HRS' })
  async period(@Param('id', ParseUUIDPipe) id: string, @Body() body: PracticumPeriodDto) {
    await this.placements.setPracticumPeriod(id, body);
    return this.views.view(id);
  }

  @Put(':id/progress-review-interval')
  @ApiOperation({ summary: 'Days between progress reviews for this case (PR-INT-1 bounds)' })
  async interval(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReviewIntervalDto) {
    await this.placements.setProgressReviewInterval(id, body.days);
    return this.views.view(id);
  }

  @Post(':id/progress-reviews')
  @ApiOperation({ summary: 'Record a progress review with an assessment per sub-goal (one per day)' })
  review(@Param('id', ParseUUIDPipe) id: string, @Body() body: ProgressReviewDto) {
    return this.placements.recordProgressReview(id, body);
  }

  @Post(':id/follow-ups')
  @ApiOperation({ summary: 'Plan or record a follow-up (one per kind)' })
  followUp(@Param('id', ParseUUIDPipe) id: string, @Body() body: FollowUpDto) {
    return this.placements.recordFollowUp(id, body);
  }

  @Put(':id/outcome')
  @ApiOperation({ summary: 'Record the outcome (hire or reassignment, or ended with a reason)' })
  outcome(@Param('id', ParseUUIDPipe) id: string, @Body() body: OutcomeDto) {
    return this.placements.recordOutcome(id, body);
  }
}
