import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MENTOR_KINDS, MentorKind, TRAINING_STATES, TrainingState } from '@brobygger/domain';
import { IsDateOnly } from '../api/validators';

export class CreateMentorDto {
  @ApiProperty() @IsUUID() companyId!: string;
  @ApiProperty({ example: 'Mette Sørensen' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @ApiPropertyOptional({ enum: MENTOR_KINDS }) @IsOptional() @IsIn(MENTOR_KINDS) kind?: MentorKind;
}

export class MentorFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() companyId?: string;
  @ApiPropertyOptional({ enum: TRAINING_STATES }) @IsOptional() @IsIn(TRAINING_STATES) trainingState?: TrainingState;
}

export class EnrollDto {
  @ApiProperty({ example: 'Virksomhedsmentoruddannelse, modul 1' }) @IsString() @IsNotEmpty() courseName!: string;
  @ApiPropertyOptional({ description: 'Defaults to today' }) @IsOptional() @IsDateOnly() enrolledOn?: string;
}

export class CompleteTrainingDto {
  @ApiPropertyOptional({ description: 'Defaults to today' }) @IsOptional() @IsDateOnly() completedOn?: string;
}
