import { type ConfirmTranslationRequest, type Language, type LanguageRequest, LANGUAGES, type RevisionRequest, type TranslateProvisionRequest } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';

/** A control character: C0 but the tab, DEL, or C1. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f);
}

/**
 * Words without control characters: a run of a treaty's text is one line of words, and a control character in
 * it is invisible on screen, dropped or replaced in the exports, and never meant.
 */
function HasNoControlCharacters(options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'hasNoControlCharacters', validator: { validate: (value: unknown) => typeof value === 'string' && ![...value].some(isControl) } }, options);
}

export class PublishRevisionDto implements RevisionRequest {
  @ApiPropertyOptional({ example: 'A/AC.291/22', description: "The first publication's symbol; later ones get /Rev.N" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  symbol?: string;

  @ApiPropertyOptional({ example: '2027-01-10', description: 'Date of the document; today when omitted' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be a date written YYYY-MM-DD' })
  date?: string;

  @ApiProperty({ enum: ['committee', 'public'] })
  @IsIn(['committee', 'public'], { message: 'tier must be committee or public' })
  tier!: 'committee' | 'public';

  @ApiPropertyOptional({ enum: LANGUAGES, isArray: true, description: 'Language versions to publish; all that exist when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true, message: `each language must be one of ${LANGUAGES.join(', ')}` })
  languages?: Language[];

  @ApiPropertyOptional({ description: 'Publish language versions with stale nodes anyway; the revision records them' })
  @IsOptional()
  @IsBoolean()
  confirmStale?: boolean;
}

export class LanguageVersionDto implements LanguageRequest {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;
}

export class ConfirmTranslationDto implements ConfirmTranslationRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  nodeIds!: string[];
}

export class TranslateProvisionDto implements TranslateProvisionRequest {
  @ApiProperty({ description: 'Id of the node of the original whose own words are translated' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nodeId!: string;

  @ApiProperty({ type: [String], description: 'The translation of each run of the original’s own words, in order' })
  @IsArray()
  @ArrayMaxSize(1_000)
  @IsString({ each: true })
  @MaxLength(20_000, { each: true })
  @HasNoControlCharacters({ each: true, message: 'each of texts must be words without control characters (line breaks, escapes and the like): type or paste the translation again as plain text' })
  texts!: string[];
}

export const COMPARE_FORMATS = ['json', 'inline', 'side-by-side', 'concordance'] as const;

export class CompareQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang?: Language;

  @ApiPropertyOptional({ enum: COMPARE_FORMATS })
  @IsOptional()
  @IsIn(COMPARE_FORMATS, { message: `format must be one of ${COMPARE_FORMATS.join(', ')}` })
  format?: (typeof COMPARE_FORMATS)[number];
}

export class RevisionQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang?: Language;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang?: Language;

  @ApiProperty({ enum: ['akn', 'docx', 'html'] })
  @IsIn(['akn', 'docx', 'html'], { message: 'format must be one of akn, docx, html' })
  format!: 'akn' | 'docx' | 'html';
}

export class CompilationQueryDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang!: Language;

  @ApiPropertyOptional({ enum: ['html', 'docx'] })
  @IsOptional()
  @IsIn(['html', 'docx'], { message: 'format must be html or docx' })
  format?: 'html' | 'docx';
}

export class PublishedCompilationQueryDto {
  @ApiPropertyOptional({ enum: ['html', 'docx'] })
  @IsOptional()
  @IsIn(['html', 'docx'], { message: 'format must be html or docx' })
  format?: 'html' | 'docx';
}
