import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { DelegationMembersService, type MemberView } from './delegation-members.service';
import { ApiErrors, ApiList, ApiNoContent, ApiView } from '../common/openapi/api-responses';

@ApiTags('delegations')
@ApiErrors(401, 403, 404)
@Controller('delegations/:id/members')
export class DelegationMembersController {
  constructor(private readonly members: DelegationMembersService) {}

  @ApiList('MemberView')
  @Get()
  @ApiOperation({ summary: "The delegation's members, confirmed and pending (its head only)" })
  async list(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<{ items: MemberView[] }> {
    return { items: await this.members.list(user, id) };
  }

  @ApiView('MemberView')
  @ApiErrors(409)
  @Post(':userId/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a pending member, who then acts for the delegation (its head only)' })
  confirm(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string): Promise<MemberView> {
    return this.members.confirm(user, id, userId);
  }

  @ApiNoContent()
  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member from the delegation and sign it out everywhere (its head only)' })
  remove(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    return this.members.remove(user, id, userId);
  }
}
