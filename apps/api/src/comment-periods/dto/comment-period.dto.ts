import { COMMENT_PERIOD_TARGETS, COMMENT_PUBLICATION, type CommentPeriodRequest, type CommentPeriodTarget, type CommentPublication, type DeadlineRequest, type Disposition, type DispositionRequest, DISPOSITIONS, type Language, LANGUAGES, type NewWrittenCommentRequest, type RemarkRequest, type WrittenCommentRequest } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

/** The longest remark, proposed wording or response, in characters (as for threads). */
export const MAX_REMARK_CHARS = 20_000;
/** The most remarks one written comment holds. */
export const MAX_REMARKS = 300;

export class OpenCommentPeriodDto implements CommentPeriodRequest {
  @ApiProperty({ enum: COMMENT_PERIOD_TARGETS })
  @IsIn(COMMENT_PERIOD_TARGETS, { message: `targetKind must be one of ${COMMENT_PERIOD_TARGETS.join(', ')}` })
  targetKind!: CommentPeriodTarget;

  @ApiProperty({ description: 'The published revision or published compilation of proposals' })
  @IsUUID(undefined, { message: 'targetId must be a UUID' })
  targetId!: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/u, { message: 'title must contain more than white space' })
  title!: string;

  @ApiProperty({ example: '2027-02-01T17:00:00Z', description: 'When submissions stop being on time; later ones are accepted and flagged late' })
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO 8601 date and time' })
  deadline!: string;

  @ApiProperty({ enum: COMMENT_PUBLICATION, description: 'Publish each comment as it arrives, or all of them when the secretariat publishes after the close' })
  @IsIn(COMMENT_PUBLICATION, { message: `publication must be one of ${COMMENT_PUBLICATION.join(', ')}` })
  publication!: CommentPublication;

  @ApiProperty({ description: 'Whether observer organizations may submit (public texts only)' })
  @IsBoolean()
  allowObservers!: boolean;
}

export class ExtendCommentPeriodDto implements DeadlineRequest {
  @ApiProperty({ example: '2027-02-08T17:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO 8601 date and time' })
  deadline!: string;
}

export class CommentPeriodQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: 'instrumentId must be a UUID' })
  instrumentId?: string;

  @ApiPropertyOptional({ description: 'The revision or compilation commented on' })
  @IsOptional()
  @IsUUID(undefined, { message: 'targetId must be a UUID' })
  targetId?: string;
}

export class RemarkDto implements RemarkRequest {
  @ApiPropertyOptional({ description: "Stable id of the provision (article or paragraph) of the text; omitted for a general remark" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  provisionId?: string;

  @ApiProperty({ maxLength: MAX_REMARK_CHARS, description: 'Plain text, stored as written' })
  @IsString({ message: 'body must be a string' })
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(MAX_REMARK_CHARS, { message: `body must be at most ${MAX_REMARK_CHARS} characters` })
  @Matches(/\S/u, { message: 'body must contain more than white space' })
  body!: string;

  @ApiPropertyOptional({ maxLength: MAX_REMARK_CHARS, description: 'Wording the commenter proposes instead' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REMARK_CHARS, { message: `proposedWording must be at most ${MAX_REMARK_CHARS} characters` })
  proposedWording?: string;
}

export class WrittenCommentDto implements WrittenCommentRequest {
  @ApiProperty({ enum: LANGUAGES, description: 'The language of submission' })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;

  @ApiProperty({ type: [RemarkDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'a written comment needs at least one remark' })
  @ArrayMaxSize(MAX_REMARKS)
  @ValidateNested({ each: true })
  @Type(() => RemarkDto)
  remarks!: RemarkDto[];
}

export class NewWrittenCommentDto extends WrittenCommentDto implements NewWrittenCommentRequest {
  @ApiPropertyOptional({ description: "The delegation's submitted comment this one will supersede once submitted" })
  @IsOptional()
  @IsUUID(undefined, { message: 'supersedesId must be a UUID' })
  supersedesId?: string;
}

export class DispositionDto implements DispositionRequest {
  @ApiProperty({ enum: DISPOSITIONS })
  @IsIn(DISPOSITIONS, { message: `disposition must be one of ${DISPOSITIONS.join(', ')}` })
  disposition!: Disposition;

  @ApiProperty({ maxLength: MAX_REMARK_CHARS })
  @IsString()
  @MaxLength(MAX_REMARK_CHARS, { message: `response must be at most ${MAX_REMARK_CHARS} characters` })
  response!: string;

  @ApiPropertyOptional({ description: 'The revision where the remark was addressed' })
  @IsOptional()
  @IsUUID(undefined, { message: 'addressedRevisionId must be a UUID' })
  addressedRevisionId?: string;

  @ApiPropertyOptional({ description: 'The provision of that revision' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  addressedProvisionId?: string;
}

export const MATRIX_FORMATS = ['json', 'csv', 'xlsx'] as const;

export class MatrixQueryDto {
  @ApiPropertyOptional({ enum: MATRIX_FORMATS })
  @IsOptional()
  @IsIn(MATRIX_FORMATS, { message: `format must be one of ${MATRIX_FORMATS.join(', ')}` })
  format?: (typeof MATRIX_FORMATS)[number];

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of the column headings and provision numbers' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang?: Language;

  @ApiPropertyOptional({ description: 'Only this commenter (delegation id)' })
  @IsOptional()
  @IsUUID(undefined, { message: 'commenter must be a delegation id' })
  commenter?: string;

  @ApiPropertyOptional({ description: 'Only remarks on this provision (stable id), or "general"' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  provision?: string;

  @ApiPropertyOptional({ enum: [...DISPOSITIONS, 'none'], description: 'Only remarks with this disposition, or none yet' })
  @IsOptional()
  @IsIn([...DISPOSITIONS, 'none'], { message: `disposition must be one of ${[...DISPOSITIONS, 'none'].join(', ')}` })
  disposition?: Disposition | 'none';
}

export const COMPILATION_FORMATS = ['html', 'docx'] as const;

export class CommentsCompilationQueryDto {
  @ApiPropertyOptional({ enum: COMPILATION_FORMATS })
  @IsOptional()
  @IsIn(COMPILATION_FORMATS, { message: `format must be one of ${COMPILATION_FORMATS.join(', ')}` })
  format?: (typeof COMPILATION_FORMATS)[number];

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of the captions and provision numbers; the comments stay in theirs' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` })
  lang?: Language;
}
