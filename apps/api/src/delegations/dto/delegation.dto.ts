import { PartialUpdate } from '../../common/validation.pipe';
import { DELEGATION_KINDS, type DelegationRequest } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

/** A name in each of the six UN languages; at least one is required by the service. */
export class LocalizedNamesDto {
  @ApiPropertyOptional({ example: 'مصر' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) ar?: string;
  @ApiPropertyOptional({ example: '埃及' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) zh?: string;
  @ApiPropertyOptional({ example: 'Egypt' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) en?: string;
  @ApiPropertyOptional({ example: 'Égypte' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) fr?: string;
  @ApiPropertyOptional({ example: 'Египет' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) ru?: string;
  @ApiPropertyOptional({ example: 'Egipto' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) es?: string;
}

export class CreateDelegationDto implements DelegationRequest {
  @ApiProperty({ example: 'EGY' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9-]{1,19}$/, { message: 'code must be 2 to 20 capital letters, digits or hyphens, such as EGY or EU' })
  code!: string;

  @ApiProperty({ enum: DELEGATION_KINDS })
  @IsIn(DELEGATION_KINDS, { message: `kind must be one of ${DELEGATION_KINDS.join(', ')}` })
  kind!: (typeof DELEGATION_KINDS)[number];

  @ApiProperty({ type: LocalizedNamesDto })
  @IsObject({ message: 'names must be an object of names per language' })
  @ValidateNested()
  @Type(() => LocalizedNamesDto)
  names!: LocalizedNamesDto;

  @ApiPropertyOptional({ description: 'Groups this delegation belongs to, such as the EU', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  groupIds?: string[];
}

@PartialUpdate()
export class UpdateDelegationDto extends PartialType(CreateDelegationDto) {}
