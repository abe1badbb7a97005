import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  COMPANY_STATUSES,
  CompanyStatus,
  OUTREACH_OUTCOME_KINDS,
  OUTREACH_TYPES,
  OutreachOutcomeKind,
  OutreachType,
  Sector,
  SECTORS,
} from '@brobygger/domain';
import { IsCvr, IsDateOnly, IsPostcode } from '../api/validators';

export class CreateCompanyDto {
  @ApiProperty({ example: '24256790', description: '8 digits, modulus-11 checked' })
  @IsCvr()
  cvr!: string;

  @ApiProperty({ example: 'Hansen Tømrer ApS' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: '43.32' }) @IsOptional() @IsString() @MaxLength(10) industryCode?: string;
  @ApiProperty({ example: 'Tømrer og bygningssnedker' }) @IsString() @IsNotEmpty() @MaxLength(200) industry!: string;
  @ApiProperty({ enum: SECTORS }) @IsIn(SECTORS) sector!: Sector;
  @ApiPropertyOptional({ enum: COMPANY_STATUSES }) @IsOptional() @IsIn(COMPANY_STATUSES) status?: CompanyStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiProperty({ example: '8000' }) @IsPostcode() postcode!: string;
  @ApiProperty({ example: 'Aarhus' }) @IsString() @IsNotEmpty() @MaxLength(100) municipality!: string;
  @ApiPropertyOptional({ example: 'Virksomhedscenter Nord' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cluster?: string;

  @ApiProperty({ description: 'Ordinary employees as FTE, 4-month average (RK-3)', example: 12.5 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100000)
  ordinaryFte!: number;

  @ApiPropertyOptional({ description: 'Supported FTE outside Brobygger that count in RK-2' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  otherSupportedFte?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactConsultant?: string;
}

export class UpdateCompanyDto extends PartialType(OmitType(CreateCompanyDto, ['cvr'] as const)) {}

export class CompanySearchDto {
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{8}$/, { message: 'cvr must be 8 digits' }) cvr?: string;
  @ApiPropertyOptional({ description: 'Part of the industry, or the start of its code' })
  @IsOptional()
  @IsString()
  industry?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() municipality?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class CreateWorksiteDto {
  @ApiProperty({ example: '1012345678', description: 'P-nummer, 10 digits' })
  @Matches(/^\d{10}$/, { message: 'pNumber must be 10 digits' })
  pNumber!: string;
  @ApiProperty() @IsString() @IsNotEmpty() name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() address?: string;
  @ApiProperty() @IsPostcode() postcode!: string;
  @ApiProperty() @IsString() @IsNotEmpty() municipality!: string;
  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) ordinaryFte!: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) otherSupportedFte?: number;
}

export class OutreachOutcomeDto {
  @ApiProperty({ enum: OUTREACH_OUTCOME_KINDS }) @IsIn(OUTREACH_OUTCOME_KINDS) kind!: OutreachOutcomeKind;
  @ApiProperty() @IsInt() @Min(1) @Max(1000) count!: number;
}

export class CreateOutreachDto {
  @ApiProperty({ enum: OUTREACH_TYPES }) @IsIn(OUTREACH_TYPES) type!: OutreachType;
  @ApiProperty({ example: '2026-03-02' }) @IsDateOnly() occurredOn!: string;
  @ApiProperty() @IsString() @IsNotEmpty() consultant!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() worksiteId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() campaign?: string;
  @ApiPropertyOptional({ type: [OutreachOutcomeDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OutreachOutcomeDto)
  outcomes?: OutreachOutcomeDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
