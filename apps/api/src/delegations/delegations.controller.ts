import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { type DelegationView, DelegationsService } from './delegations.service';
import { CreateDelegationDto, UpdateDelegationDto } from './dto/delegation.dto';

@ApiTags('delegations')
@Controller()
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Public()
  @Get('committees/:committeeId/delegations')
  @ApiOperation({ summary: "The committee's delegations (public)" })
  async list(@Param('committeeId', ParseUUIDPipe) committeeId: string): Promise<{ items: DelegationView[] }> {
    return { items: await this.delegations.list(committeeId) };
  }

  @Post('committees/:committeeId/delegations')
  @ApiOperation({ summary: 'Create a delegation (secretariat)' })
  create(@CurrentUser() user: AuthContext, @Param('committeeId', ParseUUIDPipe) committeeId: string, @Body() dto: CreateDelegationDto): Promise<DelegationView> {
    return this.delegations.create(user, committeeId, dto);
  }

  @Public()
  @Get('delegations/:id')
  @ApiOperation({ summary: 'One delegation (public)' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<DelegationView> {
    return this.delegations.get(id);
  }

  @Patch('delegations/:id')
  @ApiOperation({ summary: 'Update a delegation (secretariat)' })
  update(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDelegationDto): Promise<DelegationView> {
    return this.delegations.update(user, id, dto);
  }
}
