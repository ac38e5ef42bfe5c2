import { LANGUAGES, type Language, PROVISION_STATUSES, type ProvisionStatus } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

export const DECISIONS = ['incorporate', 'present-as-option', 'not-retain'] as const;

export class LanguageQueryDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang!: Language;
}

export class DecisionDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;

  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: `decision must be one of ${DECISIONS.join(', ')}` })
  decision!: (typeof DECISIONS)[number];

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

export class CompileDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;

  @ApiPropertyOptional({ description: 'Put incorporated text that is not yet agreed in brackets' })
  @IsOptional()
  @IsBoolean()
  bracketIncorporated?: boolean;
}

export class ProvisionStatusDto {
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
