import { PartialUpdate } from '../../common/validation.pipe';
import type { CommitteeRequest } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateCommitteeDto implements CommitteeRequest {
  @ApiProperty({ example: 'Ad Hoc Committee on Countering the Use of ICTs for Criminal Purposes' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @ApiProperty({ example: 'A/AC.291', description: 'Symbol stem of the committee documents' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Za-z0-9.]*(\/[A-Za-z0-9.]+)*$/, { message: 'symbolPrefix must look like a UN symbol stem, such as A/AC.291' })
  @MaxLength(100)
  symbolPrefix!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

@PartialUpdate()
export class UpdateCommitteeDto extends PartialType(CreateCommitteeDto) {}
