import { type Language, LANGUAGES, type MailSettingsRequest } from '@concord/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MAIL_DELIVERIES, type MailDelivery } from '../mail-preference.entity';

const STATUSES = ['pending', 'sending', 'held', 'sent', 'failed'] as const;

export class MailSettingsDto implements MailSettingsRequest {
  @ApiProperty({ enum: MAIL_DELIVERIES, description: 'immediate: one e-mail per inbox item; daily: one digest a day; off: none' })
  @IsIn(MAIL_DELIVERIES, { message: `delivery must be one of ${MAIL_DELIVERIES.join(', ')}` })
  delivery!: MailDelivery;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language!: Language;
}

export class OutboxQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];
}
