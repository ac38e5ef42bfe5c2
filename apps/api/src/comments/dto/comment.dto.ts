import { type AnchorRequest, type CommentBodyRequest, type ThreadRequest, type Tier, TIERS } from '@concord/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBase64, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { TARGET_KINDS, type TargetKind } from '../comment-policy';

/** The longest comment body, in characters. */
export const MAX_BODY_CHARS = 20_000;

/** The body of a comment: stored exactly as written, returned as a JSON string, never rendered as HTML. */
function Body(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: 1, maxLength: MAX_BODY_CHARS, description: 'Plain text, stored as written' }),
    IsString({ message: 'body must be a string' }),
    MinLength(1, { message: 'body must not be empty' }),
    MaxLength(MAX_BODY_CHARS, { message: `body must be at most ${MAX_BODY_CHARS} characters` }),
    Matches(/\S/u, { message: 'body must contain more than white space' }),
  );
}

/** A target of comments, in a query. */
export class CommentTargetQueryDto {
  @ApiProperty({ enum: TARGET_KINDS })
  @IsIn(TARGET_KINDS, { message: `targetKind must be one of ${TARGET_KINDS.join(', ')}` })
  targetKind!: TargetKind;

  @ApiProperty({ description: 'A document name (consolidated:<instrument id>:<language> or space:<id>), a proposal id or a revision id' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  targetId!: string;
}

/** A range of a live document: two Yjs relative positions and the text between them when the thread was opened. */
export class CommentAnchorDto implements AnchorRequest {
  @ApiProperty({ description: "Base64 of Y.encodeRelativePosition of the range's start (y-prosemirror absolutePositionToRelativePosition)" })
  @IsBase64(undefined, { message: 'anchor.start must be base64' })
  @MaxLength(1000)
  start!: string;

  @ApiProperty({ description: "Base64 of Y.encodeRelativePosition of the range's end" })
  @IsBase64(undefined, { message: 'anchor.end must be base64' })
  @MaxLength(1000)
  end!: string;

  @ApiProperty({ description: 'The text of the range, as the author saw it selected' })
  @IsString()
  @MinLength(1, { message: 'anchor.quote must not be empty' })
  @MaxLength(MAX_BODY_CHARS)
  quote!: string;
}

/** Opens a thread. */
export class CreateThreadDto extends CommentTargetQueryDto implements ThreadRequest {
  @ApiPropertyOptional({ description: 'The provision of a revision the thread is about (revision targets only)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  provisionId?: string;

  @ApiPropertyOptional({ type: CommentAnchorDto, description: 'The commented range (document targets only, where it is required)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommentAnchorDto)
  anchor?: CommentAnchorDto;

  @ApiProperty({ enum: TIERS, description: 'Who sees the thread; limited by the target and by what the author may publish' })
  @IsIn(TIERS, { message: `tier must be one of ${TIERS.join(', ')}` })
  tier!: Tier;

  @Body()
  body!: string;
}

/** A reply, or the new text of one's own comment. */
export class CommentBodyDto implements CommentBodyRequest {
  @Body()
  body!: string;
}
