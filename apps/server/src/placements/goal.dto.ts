import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SUB_GOAL_STATES, SubGoalState } from '@brobygger/domain';
import { IsDateOnly } from '../api/validators';

export class CreateGoalDto {
  @ApiProperty({ example: 'Ordinære timer som lagermedarbejder' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
}

export class CreateSubGoalDto {
  @ApiProperty({ example: 'Møder stabilt 3 dage om ugen' }) @IsString() @IsNotEmpty() @MaxLength(300) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsDateOnly() dueOn?: string;
}

export class SubGoalStateDto {
  @ApiProperty({ enum: SUB_GOAL_STATES }) @IsIn(SUB_GOAL_STATES) state!: SubGoalState;
}

export class CreateProgressEntryDto {
  @ApiPropertyOptional({ description: 'Defaults to today' }) @IsOptional() @IsDateOnly() recordedOn?: string;
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 no progress … 5 achieved' })
  @IsInt()
  @Min(1)
  @Max(5)
  assessment!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) note?: string;
  @ApiProperty() @IsString() @IsNotEmpty() recordedBy!: string;
}
