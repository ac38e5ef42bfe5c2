import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** Applying a previewed Word file: the same file again, and the digest its preview returned. */
export class ApplyWordDto {
  @ApiProperty({ description: 'The SHA-256 digest the preview returned for this file (hex)' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'digest must be the SHA-256 digest the preview returned' })
  digest!: string;
}
