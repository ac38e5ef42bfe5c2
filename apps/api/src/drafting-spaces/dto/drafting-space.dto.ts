import { type DraftingSpaceRequest, type Language, LANGUAGES } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateDraftingSpaceDto implements DraftingSpaceRequest {
  @ApiProperty({ example: 'Article 4: sovereignty' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ enum: LANGUAGES, description: 'Language of the base text the space drafts on' })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;

  @ApiPropertyOptional({ type: [String], description: 'Ids of the articles to draft on; all when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  provisionIds?: string[];
}
