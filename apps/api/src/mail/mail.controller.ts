import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { MailSettingsDto, OutboxQueryDto } from './dto/mail.dto';
import { type MailMessageView, MailService, type MailSettingsView } from './mail.service';
import { ApiErrors, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('mail')
@ApiErrors(401, 403)
@Controller()
export class MailController {
  constructor(private readonly mail: MailService) {}

  @ApiView('MailSettingsView')
  @Get('auth/me/mail')
  @ApiOperation({ summary: 'Your e-mail settings: immediate, daily digest or none, and the language' })
  settings(@CurrentUser() user: AuthContext): Promise<MailSettingsView> {
    return this.mail.settings(user);
  }

  @ApiView('MailSettingsView')
  @Put('auth/me/mail')
  @ApiOperation({ summary: 'Change your e-mail settings' })
  update(@CurrentUser() user: AuthContext, @Body() dto: MailSettingsDto): Promise<MailSettingsView> {
    return this.mail.updateSettings(user, dto);
  }

  @ApiList('MailMessageView')
  @Get('admin/mail')
  @ApiOperation({ summary: "The server's outgoing e-mail, newest first, with failures and their reasons (administrators)" })
  async outbox(@CurrentUser() user: AuthContext, @Query() query: OutboxQueryDto): Promise<{ items: MailMessageView[] }> {
    return { items: await this.mail.outbox(user, query.status) };
  }

  @ApiView('MailMessageView', HttpStatus.CREATED)
  @ApiErrors(404, 409)
  @Post('admin/mail/:id/retry')
  @ApiOperation({ summary: 'Try a given-up e-mail again (administrators)' })
  retry(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<MailMessageView> {
    return this.mail.retry(user, id);
  }
}
