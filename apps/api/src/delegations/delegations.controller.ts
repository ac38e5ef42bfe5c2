import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { type DelegationView, DelegationsService } from './delegations.service';
import { CreateDelegationDto, UpdateDelegationDto } from './dto/delegation.dto';
import { ApiErrors, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('delegations')
@ApiErrors(404)
@Controller()
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @ApiList('DelegationView')
  @Public()
  @Get('committees/:committeeId/delegations')
  @ApiOperation({ summary: "The committee's delegations (public)" })
  async list(@Param('committeeId', ParseUUIDPipe) committeeId: string): Promise<{ items: DelegationView[] }> {
    return { items: await this.delegations.list(committeeId) };
  }

  @ApiView('DelegationView', HttpStatus.CREATED)
  @ApiErrors(401, 403, 409)
  @Post('committees/:committeeId/delegations')
  @ApiOperation({ summary: 'Create a delegation (secretariat)' })
  create(@CurrentUser() user: AuthContext, @Param('committeeId', ParseUUIDPipe) committeeId: string, @Body() dto: CreateDelegationDto): Promise<DelegationView> {
    return this.delegations.create(user, committeeId, dto);
  }

  @ApiView('DelegationView')
  @Public()
  @Get('delegations/:id')
  @ApiOperation({ summary: 'One delegation (public)' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<DelegationView> {
    return this.delegations.get(id);
  }

  @ApiView('DelegationView')
  @ApiErrors(401, 403, 409)
  @Patch('delegations/:id')
  @ApiOperation({ summary: 'Update a delegation (secretariat)' })
  update(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDelegationDto): Promise<DelegationView> {
    return this.delegations.update(user, id, dto);
  }
}
