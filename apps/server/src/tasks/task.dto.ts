import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { USER_TASK_STATES, type UserTaskState } from '@brobygger/domain';

export class TaskQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) assignee?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) candidateGroup?: string;
  @ApiPropertyOptional({ enum: USER_TASK_STATES }) @IsOptional() @IsIn(USER_TASK_STATES) state?: UserTaskState;
  @ApiPropertyOptional({ description: 'BPMN process id' }) @IsOptional() @IsString() @MaxLength(200) process?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) placementId?: string;
  @ApiPropertyOptional({ description: 'ISO date-time' }) @IsOptional() @Type(() => Date) @IsDate() dueBefore?: Date;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset = 0;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit = 50;
}

export class AssignBody {
  @IsString() @IsNotEmpty() @MaxLength(200) assignee!: string;
}

export class ClaimBody {
  @ApiPropertyOptional({
    description: 'ignored: the signed-in user claims (kept so that older clients still validate)',
    deprecated: true,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  user?: string;
}

export class CompleteBody {
  @ApiPropertyOptional({ description: 'the form fields; checked against the task form' })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}
