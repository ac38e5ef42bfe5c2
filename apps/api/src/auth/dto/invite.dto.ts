import { type InvitationRequest, type Language, LANGUAGES, type Role, ROLES } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class InviteDto implements InvitationRequest {
  @ApiProperty({ example: 'delegate@mission.example' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Amina Haddad' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles!: Role[];

  @ApiPropertyOptional({ description: 'Required for delegates and heads of delegation' })
  @IsOptional()
  @IsUUID()
  delegationId?: string;

  @ApiProperty()
  @IsUUID()
  committeeId!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of the invitation e-mail and of later e-mail to this person (English when omitted)' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;
}
