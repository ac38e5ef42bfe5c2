import { IMPORT_FORMATS, type ImportFormat, type Language, LANGUAGES, type TextImportRequest } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { LocalizedNamesDto } from '../../delegations/dto/delegation.dto';

// Multipart forms carry every field as a string; titles arrive as JSON there. The @Transform runs after @Type,
// so it builds the nested DTO itself, which validation needs in order to look inside.
const parseTitles = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? plainToInstance(LocalizedNamesDto, parsed) : value;
  } catch {
    return value;
  }
};

export class ImportInstrumentDto implements TextImportRequest {
  @ApiProperty({ type: LocalizedNamesDto, description: 'Title per language; a JSON string in multipart forms' })
  @Transform(parseTitles)
  // ValidateNested passes a missing value; without this a body with no titles reached the service (a 500).
  @IsObject({ message: 'titles must be an object of titles per language' })
  @ValidateNested()
  @Type(() => LocalizedNamesDto)
  titles!: LocalizedNamesDto;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `originalLanguage must be one of ${LANGUAGES.join(', ')}` })
  originalLanguage!: Language;

  @ApiPropertyOptional({ enum: IMPORT_FORMATS, description: 'docx when a file is uploaded; text or markdown with content' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS, { message: `format must be one of ${IMPORT_FORMATS.join(', ')}` })
  format?: ImportFormat;

  @ApiPropertyOptional({ description: 'The text, for the text and markdown formats' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5_000_000)
  content?: string;
}

export class UpdateInstrumentDto {
  @ApiProperty({ type: LocalizedNamesDto })
  @IsObject({ message: 'titles must be an object of titles per language' })
  @ValidateNested()
  @Type(() => LocalizedNamesDto)
  titles!: LocalizedNamesDto;
}
