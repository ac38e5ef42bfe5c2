import type { CoSponsorRequest, ProposalSubmissionRequest } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class SubmitProposalDto implements ProposalSubmissionRequest {
  @ApiProperty({ description: 'Why the delegation proposes this text; stored as written' })
  @IsString()
  @MinLength(1, { message: 'justification must not be empty' })
  @MaxLength(20_000)
  justification!: string;

  @ApiPropertyOptional({ description: 'The session it is submitted for; the current or next session when omitted' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({ description: 'An earlier proposal of the delegation that this one replaces' })
  @IsOptional()
  @IsUUID()
  supersedesId?: string;
}

/** Outcomes the secretariat records for a submitted proposal. */
export const OUTCOMES = ['incorporated', 'partially-incorporated', 'presented-as-option', 'not-retained'] as const;

export class SetOutcomeDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `status must be one of ${OUTCOMES.join(', ')}` })
  status!: (typeof OUTCOMES)[number];
}

export class CoSponsorDto implements CoSponsorRequest {
  @ApiProperty({ description: 'The delegation invited to co-sponsor' })
  @IsUUID()
  delegationId!: string;
}

export class ProposalFilterDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  instrumentId?: string;
}
