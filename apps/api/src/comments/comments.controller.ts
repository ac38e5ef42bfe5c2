import { Body, Controller, Get, HttpCode, type MessageEvent, Param, ParseUUIDPipe, Patch, Post, Query, Sse, UseGuards, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Observable } from 'rxjs';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser, OptionalUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import type { CommentView, ThreadView } from './comment-view';
import { CommentThrottlerGuard } from './comment-throttler.guard';
import { CommentsService } from './comments.service';
import { CommentBodyDto, CommentTargetQueryDto, CreateThreadDto } from './dto/comment.dto';
import { ApiErrors, ApiFile, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('comments')
@ApiErrors(401, 403, 404)
@Controller('comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  // Public-tier threads are readable by anyone: the policy decides, so an anonymous reader sees those only.
  @ApiList('ThreadView')
  @Public()
  @Get()
  @ApiOperation({ summary: 'The threads on a target that the caller may see, with their replies and anchors' })
  async list(@OptionalUser() user: AuthContext | null, @Query() query: CommentTargetQueryDto): Promise<{ items: ThreadView[] }> {
    return { items: await this.comments.list(user, query) };
  }

  // Declared before `:id`, which would otherwise take "stream" for a comment id.
  @ApiFile('text/event-stream')
  @Public()
  @Sse('stream')
  @ApiOperation({ summary: "Server-Sent Events of a target's comments that the caller may see: ready, thread-created, reply-added, comment-edited, thread-resolved, thread-reopened" })
  stream(@OptionalUser() user: AuthContext | null, @Query() query: CommentTargetQueryDto): Promise<Observable<MessageEvent>> {
    return this.comments.stream(user, query);
  }

  @ApiView('ThreadView', HttpStatus.CREATED)
  @ApiErrors(422, 429)
  @UseGuards(CommentThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post()
  @ApiOperation({ summary: 'Open a thread on a range of a live document, a proposal or a provision of a published revision' })
  create(@CurrentUser() user: AuthContext, @Body() dto: CreateThreadDto): Promise<ThreadView> {
    return this.comments.create(user, dto);
  }

  @ApiView('ThreadView')
  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'The thread of a comment' })
  get(@OptionalUser() user: AuthContext | null, @Param('id', ParseUUIDPipe) id: string): Promise<ThreadView> {
    return this.comments.get(user, id);
  }

  @ApiView('CommentView')
  @UseGuards(CommentThrottlerGuard)
  @SkipThrottle({ login: true })
  @Patch(':id')
  @ApiOperation({ summary: "Edit one's own comment" })
  edit(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentBodyDto): Promise<CommentView> {
    return this.comments.edit(user, id, dto);
  }

  @ApiView('CommentView', HttpStatus.CREATED)
  @ApiErrors(429)
  @UseGuards(CommentThrottlerGuard)
  @SkipThrottle({ login: true })
  @Post(':id/replies')
  @ApiOperation({ summary: 'Reply in the thread of a comment' })
  reply(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentBodyDto): Promise<CommentView> {
    return this.comments.reply(user, id, dto);
  }

  @ApiView('ThreadView')
  @ApiErrors(409)
  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve the thread of a comment (its author, its delegation, the secretariat on committee threads)' })
  resolve(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ThreadView> {
    return this.comments.setResolved(user, id, true);
  }

  @ApiView('ThreadView')
  @ApiErrors(409)
  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved thread' })
  reopen(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ThreadView> {
    return this.comments.setResolved(user, id, false);
  }
}
