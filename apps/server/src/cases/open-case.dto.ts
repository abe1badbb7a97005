import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PRACTICUM_PURPOSES, type PracticumPurpose } from '@brobygger/domain';

export class OpenCaseDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller so that a retried request opens one case' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty() @IsUUID() citizenId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) caseworker?: string;
  @ApiPropertyOptional({ enum: PRACTICUM_PURPOSES }) @IsOptional() @IsIn(PRACTICUM_PURPOSES) purpose?: PracticumPurpose;
}
