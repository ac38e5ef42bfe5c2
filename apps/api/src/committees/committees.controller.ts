import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { type CommitteeView, CommitteesService, type SessionView } from './committees.service';
import { CreateCommitteeDto, UpdateCommitteeDto } from './dto/committee.dto';
import { CreateSessionDto, UpdateSessionDto } from './dto/session.dto';
import { ApiErrors, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('committees')
@ApiErrors(404)
@Controller()
export class CommitteesController {
  constructor(private readonly committees: CommitteesService) {}

  @ApiList('CommitteeView')
  @Public()
  @Get('committees')
  @ApiOperation({ summary: 'All committees (public)' })
  async list(): Promise<{ items: CommitteeView[] }> {
    return { items: await this.committees.list() };
  }

  @ApiView('CommitteeView', HttpStatus.CREATED)
  @ApiErrors(401, 403)
  @Post('committees')
  @ApiOperation({ summary: 'Create a committee (administrator)' })
  create(@CurrentUser() user: AuthContext, @Body() dto: CreateCommitteeDto): Promise<CommitteeView> {
    return this.committees.create(user, dto);
  }

  @ApiView('CommitteeView')
  @Public()
  @Get('committees/:id')
  @ApiOperation({ summary: 'One committee (public)' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CommitteeView> {
    return this.committees.get(id);
  }

  @ApiView('CommitteeView')
  @ApiErrors(401, 403)
  @Patch('committees/:id')
  @ApiOperation({ summary: 'Update a committee (secretariat)' })
  update(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCommitteeDto): Promise<CommitteeView> {
    return this.committees.update(user, id, dto);
  }

  @ApiList('SessionView')
  @Public()
  @Get('committees/:id/sessions')
  @ApiOperation({ summary: "The committee's sessions (public)" })
  async sessions(@Param('id', ParseUUIDPipe) id: string): Promise<{ items: SessionView[] }> {
    return { items: await this.committees.sessions(id) };
  }

  @ApiView('SessionView', HttpStatus.CREATED)
  @ApiErrors(401, 403, 409)
  @Post('committees/:id/sessions')
  @ApiOperation({ summary: 'Create a session (secretariat)' })
  createSession(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateSessionDto): Promise<SessionView> {
    return this.committees.createSession(user, id, dto);
  }

  @ApiView('SessionView')
  @Public()
  @Get('sessions/:id')
  @ApiOperation({ summary: 'One session (public)' })
  session(@Param('id', ParseUUIDPipe) id: string): Promise<SessionView> {
    return this.committees.session(id);
  }

  @ApiView('SessionView')
  @ApiErrors(401, 403, 409)
  @Patch('sessions/:id')
  @ApiOperation({ summary: 'Update a session (secretariat)' })
  updateSession(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSessionDto): Promise<SessionView> {
    return this.committees.updateSession(user, id, dto);
  }
}
