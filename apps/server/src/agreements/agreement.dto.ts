import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  AGREEMENT_STATUSES,
  AgreementStatus,
  COLLABORATION_MODELS,
  CollaborationModel,
  MENTOR_PAYMENTS,
  MentorPayment,
  SEAT_STATES,
  SeatState,
} from '@brobygger/domain';
import { IsDateOnly } from '../api/validators';

export class CreateAgreementDto {
  @ApiProperty() @IsUUID() companyId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() worksiteId?: string;
  @ApiProperty({
    enum: COLLABORATION_MODELS,
    description: '1 fixed seats, 2 pre-agreement, 3 sought per citizen, 4 cluster',
  })
  @Type(() => Number)
  @IsIn(COLLABORATION_MODELS, { message: 'collaborationModel must be 1, 2, 3 or 4' })
  collaborationModel!: CollaborationModel;
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES }) @IsOptional() @IsIn(AGREEMENT_STATUSES) status?: AgreementStatus;
  @ApiProperty({ example: '2026-01-01' }) @IsDateOnly() validFrom!: string;
  @ApiPropertyOptional() @IsOptional() @IsDateOnly() validTo?: string;
  @ApiPropertyOptional({ enum: MENTOR_PAYMENTS }) @IsOptional() @IsIn(MENTOR_PAYMENTS) mentorPayment?: MentorPayment;
  @ApiPropertyOptional({ description: 'Model 4 only' }) @IsOptional() @IsUUID() coordinatingMentorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() contactConsultant?: string;
}

export class AgreementFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES }) @IsOptional() @IsIn(AGREEMENT_STATUSES) status?: AgreementStatus;
}

export class AgreementStatusDto {
  @ApiProperty({ enum: AGREEMENT_STATUSES }) @IsIn(AGREEMENT_STATUSES) status!: AgreementStatus;
}

export class CreateSeatDto {
  @ApiProperty({ example: 'Lagermedhjælper' }) @IsString() @IsNotEmpty() @MaxLength(200) function!: string;
  @ApiPropertyOptional({ example: ['varemodtagelse', 'truckkørsel'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tasks?: string[];
  @ApiProperty({ example: 20 }) @IsNumber({ maxDecimalPlaces: 1 }) @Min(1) @Max(37) weeklyHours!: number;
  @ApiPropertyOptional({ enum: ['AVAILABLE', 'PAUSED'] }) @IsOptional() @IsIn(['AVAILABLE', 'PAUSED']) state?:
    'AVAILABLE' | 'PAUSED';
  @ApiPropertyOptional({ description: 'Defaults to today for an available seat' })
  @IsOptional()
  @IsDateOnly()
  vacantSince?: string;
}

export class SeatFilterDto {
  @ApiPropertyOptional({ enum: SEAT_STATES }) @IsOptional() @IsIn(SEAT_STATES) state?: SeatState;
  @ApiPropertyOptional() @IsOptional() @IsUUID() companyId?: string;
}
