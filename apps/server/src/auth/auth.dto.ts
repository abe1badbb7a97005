import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES, Role } from './auth-user';

export class LoginDto {
  @ApiProperty({ example: 'kim' }) @IsString() @IsNotEmpty() @MaxLength(64) username!: string;
  @ApiProperty({ example: 'kim-demo-2026' }) @IsString() @IsNotEmpty() @MaxLength(200) password!: string;
}

export class UserDto {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: [String], description: 'Candidate groups of user tasks' }) groups!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Job centre (tenant)' }) jobCentreId!: string | null;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Bearer token (HS256 JWT)' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'When the token expires (ISO 8601)' }) expiresAt!: string;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}
