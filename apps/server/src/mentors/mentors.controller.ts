import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { MentorService } from '@brobygger/domain';
import { CompleteTrainingDto, CreateMentorDto, EnrollDto, MentorFilterDto } from './mentor.dto';

@ApiTags('mentors')
@ApiBearerAuth()
@Roles('caseworker', 'supervisor')
@Controller('api/mentors')
export class MentorsController {
  constructor(private readonly mentors: MentorService) {}

  @Post()
  @ApiOperation({ summary: 'Register a company mentor (starts NOT_TRAINED)' })
  create(@Body() body: CreateMentorDto) {
    return this.mentors.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Mentors, by company and training state' })
  list(@Query() query: MentorFilterDto) {
    return this.mentors.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One mentor with course history' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.mentors.get(id);
  }

  @Get(':id/courses')
  @ApiOperation({ summary: "The mentor's course history" })
  courses(@Param('id', ParseUUIDPipe) id: string) {
    return this.mentors.get(id).then((m) => m.courses);
  }

  @Post(':id/enrollment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enrol in the mentor course (or a refresher when due); repeat-safe' })
  async enroll(@Param('id', ParseUUIDPipe) id: string, @Body() body: EnrollDto) {
    await this.mentors.enroll(id, body.courseName, body.enrolledOn);
    return this.mentors.get(id);
  }

  @Post(':id/training-completion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete the open course: the mentor becomes TRAINED; repeat-safe' })
  async complete(@Param('id', ParseUUIDPipe) id: string, @Body() body: CompleteTrainingDto) {
    await this.mentors.completeTraining(id, body.completedOn);
    return this.mentors.get(id);
  }

  @Post(':id/refresher-due')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a trained mentor as due for a refresher' })
  async refresherDue(@Param('id', ParseUUIDPipe) id: string) {
    await this.mentors.markRefresherDue(id);
    return this.mentors.get(id);
  }
}
