import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCpr, IsDateOnly, IsPostcode } from '../api/validators';

export class TargetGroupDto {
  @ApiProperty({ minimum: 1, maximum: 13, description: 'LAB §6 target group (1–13)' })
  @IsInt()
  @Min(1)
  @Max(13)
  groupCode!: number;
  @ApiProperty({ example: '2026-01-05' }) @IsDateOnly() validFrom!: string;
}

export class CreateCitizenDto {
  @ApiProperty({ example: '010190-1234', description: 'DDMMYY-SSSS; stored encrypted, shown masked' })
  @IsCpr()
  cpr!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) firstName!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) lastName!: string;
  @ApiProperty({ example: '8000' }) @IsPostcode() postcode!: string;
  @ApiProperty({ example: 'Aarhus' }) @IsString() @IsNotEmpty() municipality!: string;
  @ApiPropertyOptional({ example: ['lager', 'truckcertifikat'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  competences?: string[];
  @ApiPropertyOptional({ example: ['logistik'] }) @IsOptional() @IsArray() @IsString({ each: true }) wishes?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) jobGoal?: string;
  @ApiPropertyOptional({ type: TargetGroupDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetGroupDto)
  targetGroup?: TargetGroupDto;
}

/** CPR lookups go in a body, never in a URL (URLs end up in logs and browser history). */
export class CprLookupDto {
  @ApiProperty({ example: '010190-1234' }) @IsCpr() cpr!: string;
}
