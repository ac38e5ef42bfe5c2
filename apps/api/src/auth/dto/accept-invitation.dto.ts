import type { AcceptInvitationRequest } from '@concord/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_RULES } from '../password';

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  /** Checked against the password rules (auth/password.ts) once the invitation's account is known. */
  @ApiProperty({ minLength: PASSWORD_RULES.minLength, maxLength: PASSWORD_RULES.maxLength, description: 'No common, breached or contextual passwords' })
  @IsString()
  @MaxLength(1000)
  password!: string;
}
