import { Controller, Get, HttpCode, type MessageEvent, Param, ParseUUIDPipe, Post, Sse } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InboxItemView } from '@concord/domain';
import type { Observable } from 'rxjs';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { InboxService } from './inbox.service';
import { ApiErrors, ApiFile, ApiView } from '../common/openapi/api-responses';

@ApiTags('inbox')
@ApiErrors(401)
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @ApiView('InboxView')
  @Get()
  @ApiOperation({ summary: "The caller's inbox, newest first, with the number of unread items" })
  list(@CurrentUser() user: AuthContext): Promise<{ items: InboxItemView[]; unread: number }> {
    return this.inbox.list(user);
  }

  @ApiFile('text/event-stream')
  @Sse('stream')
  @ApiOperation({ summary: "Server-Sent Events of the caller's inbox: ready (unread count), item, read" })
  stream(@CurrentUser() user: AuthContext): Observable<MessageEvent> {
    return this.inbox.stream(user);
  }

  @ApiView('UnreadCountView')
  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark all of the caller's items read" })
  readAll(@CurrentUser() user: AuthContext): Promise<{ unread: number }> {
    return this.inbox.markAllRead(user);
  }

  @ApiView('UnreadCountView')
  @ApiErrors(404)
  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark one of the caller's items read" })
  read(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<{ unread: number }> {
    return this.inbox.markRead(user, id);
  }
}
