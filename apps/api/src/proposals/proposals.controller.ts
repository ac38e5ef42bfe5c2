import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import type { DraftingSpaceView } from '../drafting-spaces/drafting-spaces.service';
import { CoSponsorshipService } from './co-sponsorship.service';
import { CoSponsorDto, ProposalFilterDto, SetOutcomeDto, SubmitProposalDto } from './dto/proposal.dto';
import type { ProposalView } from './proposal-view';
import { ProposalsService } from './proposals.service';
import { ApiErrors, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('proposals')
@ApiErrors(401, 403, 404)
@Controller()
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly coSponsors: CoSponsorshipService,
  ) {}

  @ApiView('ProposalView', HttpStatus.CREATED)
  @ApiErrors(409, 422)
  @Post('drafting-spaces/:id/submit')
  @ApiOperation({ summary: 'Submit a drafting space as a proposal (head of the owning delegation)' })
  submit(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitProposalDto): Promise<ProposalView> {
    return this.proposals.submit(user, id, dto);
  }

  @ApiView('DraftingSpaceView', HttpStatus.CREATED)
  @ApiErrors(409)
  @Post('drafting-spaces/:id/co-sponsors')
  @ApiOperation({ summary: 'Invite a delegation to co-sponsor (head of the owning delegation)' })
  invite(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CoSponsorDto): Promise<DraftingSpaceView> {
    return this.coSponsors.invite(user, id, dto.delegationId);
  }

  @ApiView('DraftingSpaceView')
  @ApiErrors(409)
  @Post('drafting-spaces/:id/co-sponsors/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept an invitation to co-sponsor (head of the invited delegation)" })
  accept(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<DraftingSpaceView> {
    return this.coSponsors.answer(user, id, true);
  }

  @ApiView('DraftingSpaceView')
  @ApiErrors(409)
  @Post('drafting-spaces/:id/co-sponsors/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation to co-sponsor (head of the invited delegation)' })
  decline(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<DraftingSpaceView> {
    return this.coSponsors.answer(user, id, false);
  }

  @ApiView('DraftingSpaceView')
  @ApiErrors(409)
  @Delete('drafting-spaces/:id/co-sponsors/:delegationId')
  @ApiOperation({ summary: 'Withdraw an invitation or remove a co-sponsor (head of the owning delegation)' })
  removeCoSponsor(
    @CurrentUser() user: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('delegationId', ParseUUIDPipe) delegationId: string,
  ): Promise<DraftingSpaceView> {
    return this.coSponsors.remove(user, id, delegationId);
  }

  @ApiList('ProposalView')
  @Get('proposals')
  @ApiOperation({ summary: 'Proposals the caller may read, newest first' })
  async list(@CurrentUser() user: AuthContext, @Query() filter: ProposalFilterDto): Promise<{ items: ProposalView[] }> {
    return { items: await this.proposals.list(user, filter) };
  }

  @ApiView('ProposalView')
  @Get('proposals/:id')
  @ApiOperation({ summary: 'One proposal with its change set, supporters and history' })
  get(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalView> {
    return this.proposals.get(user, id);
  }

  @ApiView('ProposalView')
  @ApiErrors(409)
  @Post('proposals/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a proposal (head of the sponsoring delegation)' })
  withdraw(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalView> {
    return this.proposals.withdraw(user, id);
  }

  @ApiView('ProposalView')
  @ApiErrors(409)
  @Post('proposals/:id/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record what became of a proposal (secretariat)' })
  outcome(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetOutcomeDto): Promise<ProposalView> {
    return this.proposals.setOutcome(user, id, dto);
  }

  @ApiView('ProposalView')
  @ApiErrors(409)
  @Post('proposals/:id/support')
  @HttpCode(200)
  @ApiOperation({ summary: "Declare the caller's delegation's support (head of another delegation)" })
  support(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalView> {
    return this.proposals.support(user, id, true);
  }

  @ApiView('ProposalView')
  @ApiErrors(409)
  @Delete('proposals/:id/support')
  @ApiOperation({ summary: "Withdraw the caller's delegation's support" })
  unsupport(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ProposalView> {
    return this.proposals.support(user, id, false);
  }
}
