import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { UserTaskInboxService } from '@brobygger/domain';
import { DomainErrorFilter } from '../api/domain-error.filter';
import { validationPipe } from '../api/validation';
import { AssignBody, ClaimBody, CompleteBody, TaskQuery } from './task.dto';
import { taskView } from './task-view';
import { TaskCompletionService } from './task-completion.service';

/**
 * The caseworkers' inbox of user tasks (ADR 0004). Claims and completions are the signed-in user's;
 * a caseworker lists only the tasks of their candidate groups (and those assigned to them).
 */
@ApiTags('tasks')
@ApiBearerAuth()
@Roles('caseworker', 'supervisor')
@Controller('api/tasks')
@UsePipes(validationPipe())
@UseFilters(DomainErrorFilter)
export class TasksController {
  constructor(
    private readonly inbox: UserTaskInboxService,
    private readonly completion: TaskCompletionService,
  ) {}

  @Get()
  async list(@Query() query: TaskQuery, @CurrentUser() user: AuthUser) {
    const { items, total } = await this.inbox.list({
      ...(user.roles.includes('supervisor') ? {} : { visibleTo: { user: user.username, groups: user.groups } }),
      assignee: query.assignee,
      candidateGroup: query.candidateGroup,
      state: query.state,
      bpmnProcessId: query.process,
      placementId: query.placementId,
      dueBefore: query.dueBefore,
      offset: query.offset,
      limit: query.limit,
    });
    return { items: items.map(taskView), total, offset: query.offset, limit: query.limit };
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    return taskView(await this.inbox.get(id));
  }

  @Post(':id/claim')
  @HttpCode(200)
  async claim(@Param('id') id: string, @Body() _body: ClaimBody, @CurrentUser() user: AuthUser) {
    return taskView(await this.inbox.claim(id, user.username));
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  async unclaim(@Param('id') id: string) {
    return taskView(await this.inbox.unclaim(id));
  }

  @Post(':id/assign')
  @HttpCode(200)
  async assign(@Param('id') id: string, @Body() body: AssignBody) {
    return taskView(await this.inbox.assign(id, body.assignee));
  }

  @Post(':id/complete')
  @HttpCode(200)
  async complete(@Param('id') id: string, @Body() body: CompleteBody, @CurrentUser() user: AuthUser) {
    return taskView(await this.completion.complete(id, body.variables ?? {}, user.username));
  }
}
