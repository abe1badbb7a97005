import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { GoalService } from '@brobygger/domain';
import { CreateGoalDto, CreateProgressEntryDto, CreateSubGoalDto, SubGoalStateDto } from './goal.dto';

@ApiTags('goals')
@ApiBearerAuth()
@Roles('caseworker', 'supervisor')
@Controller('api/cases/:caseId')
export class GoalsController {
  constructor(private readonly goals: GoalService) {}

  @Get('goals')
  @ApiOperation({ summary: 'Goals with sub-goals and progress entries' })
  list(@Param('caseId', ParseUUIDPipe) caseId: string) {
    return this.goals.goalsOf(caseId);
  }

  @Post('goals')
  @ApiOperation({ summary: 'Add a goal to the case' })
  addGoal(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateGoalDto) {
    return this.goals.addGoal(caseId, body);
  }

  @Post('goals/:goalId/sub-goals')
  @ApiOperation({ summary: 'Add a sub-goal to a goal' })
  addSubGoal(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Body() body: CreateSubGoalDto,
  ) {
    return this.goals.addSubGoal(caseId, goalId, body);
  }

  @Patch('sub-goals/:subGoalId')
  @ApiOperation({ summary: 'Change the state of a sub-goal' })
  setState(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('subGoalId', ParseUUIDPipe) subGoalId: string,
    @Body() body: SubGoalStateDto,
  ) {
    return this.goals.setSubGoalState(caseId, subGoalId, body.state);
  }

  @Post('sub-goals/:subGoalId/progress-entries')
  @ApiOperation({ summary: 'Record progress on a sub-goal (assessment 1–5)' })
  addEntry(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('subGoalId', ParseUUIDPipe) subGoalId: string,
    @Body() body: CreateProgressEntryDto,
  ) {
    return this.goals.addProgressEntry(caseId, subGoalId, body);
  }
}
