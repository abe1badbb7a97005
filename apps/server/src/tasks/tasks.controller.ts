import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  UseFilters,
  UsePipes,
} from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { UserTaskInboxService } from '@brobygger/domain';
import { DomainErrorFilter } from '../api/domain-error.filter';
import { validationPipe } from '../api/validation';
import { AssignBody, ClaimBody, CompleteBody, TaskQuery } from './task.dto';
import { taskView } from './task-view';
import { TaskCompletionService } from './task-completion.service';

/** The caseworkers' inbox of user tasks (ADR 0004). */
@ApiTags('tasks')
@ApiHeader({ name: 'x-user', required: false, description: 'the caseworker, until sign-in exists' })
@Controller('api/tasks')
@UsePipes(validationPipe())
@UseFilters(DomainErrorFilter)
export class TasksController {
  constructor(
    private readonly inbox: UserTaskInboxService,
    private readonly completion: TaskCompletionService,
  ) {}

  @Get()
  async list(@Query() query: TaskQuery) {
    const { items, total } = await this.inbox.list({
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
  async claim(@Param('id') id: string, @Body() body: ClaimBody, @Headers('x-user') header?: string) {
    const user = body.user ?? header;
    if (!user)
      throw new BadRequestException({
        statusCode: 400,
        message: ['user is required'],
        errors: { user: ['user is required'] },
      });
    return taskView(await this.inbox.claim(id, user));
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
  async complete(@Param('id') id: string, @Body() body: CompleteBody, @Headers('x-user') user?: string) {
    return taskView(await this.completion.complete(id, body.variables ?? {}, user ?? null));
  }
}
