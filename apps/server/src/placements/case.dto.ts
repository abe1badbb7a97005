import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FOLLOW_UP_KINDS,
  FollowUpKind,
  OUTCOME_KINDS,
  OutcomeKind,
  PLACEMENT_STAGES,
  PlacementStage,
  PRACTICUM_PURPOSES,
  PracticumPurpose,
} from '@brobygger/domain';
import { IsDateOnly } from '../api/validators';

export class CaseFilterDto {
  @ApiPropertyOptional({ enum: PLACEMENT_STAGES }) @IsOptional() @IsIn(PLACEMENT_STAGES) stage?: PlacementStage;
  @ApiPropertyOptional() @IsOptional() @IsUUID() citizenId?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class MatchDto {
  @ApiProperty() @IsUUID() companyId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() mentorId?: string;
  @ApiPropertyOptional({ description: 'Reserve this seat now (ratio rule RK-1 checked)' })
  @IsOptional()
  @IsUUID()
  seatId?: string;
}

export class PracticumPeriodDto {
  @ApiProperty({ example: 20 }) @IsNumber({ maxDecimalPlaces: 1 }) @Min(1) @Max(60) weeklyHours!: number;
  @ApiProperty({ example: '2026-03-02' }) @IsDateOnly() startDate!: string;
  @ApiProperty({ example: '2026-05-31' }) @IsDateOnly() plannedEndDate!: string;
  @ApiPropertyOptional({ description: 'Concrete assessment allowing up to 26 weeks (VP-EXT-1)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  extensionReason?: string;
  @ApiPropertyOptional({ enum: PRACTICUM_PURPOSES }) @IsOptional() @IsIn(PRACTICUM_PURPOSES) purpose?: PracticumPurpose;
}

export class ReviewIntervalDto {
  @ApiProperty({ example: 14 }) @IsInt() @Min(1) @Max(365) days!: number;
}

export class ReviewEntryDto {
  @ApiProperty() @IsUUID() subGoalId!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) assessment!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) note?: string;
}

export class ProgressReviewDto {
  @ApiPropertyOptional({ description: 'Defaults to today' }) @IsOptional() @IsDateOnly() reviewedOn?: string;
  @ApiProperty() @IsString() @IsNotEmpty() recordedBy!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) summary?: string;
  @ApiPropertyOptional({ type: [ReviewEntryDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ReviewEntryDto)
  entries?: ReviewEntryDto[];
}

export class FollowUpDto {
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) @IsIn(FOLLOW_UP_KINDS) kind!: FollowUpKind;
  @ApiPropertyOptional() @IsOptional() @IsDateOnly() dueOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateOnly() doneOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) result?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() recordedBy?: string;
}

export class OutcomeDto {
  @ApiProperty({ enum: OUTCOME_KINDS }) @IsIn(OUTCOME_KINDS) kind!: OutcomeKind;
  @ApiPropertyOptional({ description: 'Required for REASSIGNED and ENDED_WITHOUT_HIRE' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ maxDecimalPlaces: 1 }) @Min(0) @Max(60) weeklyHours?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() atHostCompany?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsDateOnly() recordedOn?: string;
  @ApiProperty() @IsString() @IsNotEmpty() recordedBy!: string;
}
