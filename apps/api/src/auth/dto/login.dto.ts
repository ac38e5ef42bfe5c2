import type { LoginRequest } from '@concord/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'secretariat@concord.test' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'concord-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  password!: string;
}
