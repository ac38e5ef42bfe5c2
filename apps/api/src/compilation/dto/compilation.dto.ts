import { type CompileRequest, type DecisionRequest, type Language, LANGUAGES, PROPOSAL_DECISIONS, type ProposalDecision, PROVISION_STATUSES, type ProvisionStatus, type ProvisionStatusRequest } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

export class LanguageQueryDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang!: Language;
}

export class DecisionDto implements DecisionRequest {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;

  @ApiProperty({ enum: PROPOSAL_DECISIONS })
  @IsIn(PROPOSAL_DECISIONS, { message: `decision must be one of ${PROPOSAL_DECISIONS.join(', ')}` })
  decision!: ProposalDecision;

  @ApiPropertyOptional({ description: 'Decide only the changes to this provision (an article id, #title or #preamble)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  provision?: string;

  @ApiPropertyOptional({ description: 'Decide only this one change of the provision (its key on the desk); incorporate or not-retain' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  change?: string;
}

export class CompileDto implements CompileRequest {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;

  @ApiPropertyOptional({ description: 'Put incorporated text that is not yet agreed in brackets' })
  @IsOptional()
  @IsBoolean()
  bracketIncorporated?: boolean;
}

export class ProvisionStatusDto implements ProvisionStatusRequest {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;

  @ApiProperty({ enum: PROVISION_STATUSES })
  @IsIn(PROVISION_STATUSES, { message: `status must be one of ${PROVISION_STATUSES.join(', ')}` })
  status!: ProvisionStatus;

  @ApiPropertyOptional({ description: 'Why the provision is reopened; required to take agreed text back to open', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ProvenanceQueryDto {
  @ApiProperty({ description: 'Start position in the ProseMirror document' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  from!: number;

  @ApiProperty({ description: 'End position in the ProseMirror document' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  to!: number;
}
