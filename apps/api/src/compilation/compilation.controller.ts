import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { type CompileReport, CompileUseCase } from './compile.usecase';
import type { DecisionRecordedView, DeskView } from '@concord/domain';
import { CompileDeskService, type ProvenanceSpan } from './compile-desk.service';
import { CompileDto, DecisionDto, LanguageQueryDto, ProvenanceQueryDto, ProvisionStatusDto } from './dto/compilation.dto';
import { ApiErrors, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('compile desk')
@ApiErrors(401, 403, 404)
@Controller()
export class CompilationController {
  constructor(
    private readonly desk: CompileDeskService,
    private readonly compileUseCase: CompileUseCase,
  ) {}

  @ApiView('DeskView')
  @Get('instruments/:id/desk')
  @ApiOperation({ summary: 'Per article, the consolidated text beside every proposal received for it (secretariat)' })
  view(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto): Promise<DeskView> {
    return this.desk.desk(user, id, query.lang);
  }

  @ApiView('DecisionRecordedView')
  @ApiErrors(409)
  @Put('proposals/:id/decision')
  @ApiOperation({ summary: 'Record the decision on a proposal, on its changes to one provision, or on one change, for the next compilation (secretariat)' })
  decide(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecisionDto): Promise<DecisionRecordedView> {
    return this.desk.decide(user, id, dto.language, dto.decision, { provision: dto.provision, change: dto.change });
  }

  @ApiView('CompileReport')
  @ApiErrors(409)
  @Post('instruments/:id/compile')
  @HttpCode(200)
  @ApiOperation({ summary: 'Compile the decided proposals into the live consolidated draft (secretariat)' })
  compile(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompileDto): Promise<CompileReport> {
    return this.compileUseCase.execute(user, id, dto.language, dto.bracketIncorporated ?? false);
  }

  @ApiView('ProvisionStatusView')
  @ApiErrors(409)
  @Put('instruments/:id/provisions/:provisionId/status')
  @ApiOperation({ summary: "Set a provision's status: open, informally-agreed, agreed-ad-referendum (secretariat, chair); reopening agreed text needs a reason" })
  setStatus(
    @CurrentUser() user: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('provisionId') provisionId: string,
    @Body() dto: ProvisionStatusDto,
  ) {
    return this.desk.setStatus(user, id, provisionId, dto.language, dto.status, dto.reason);
  }

  @ApiList('StatusChange')
  @Get('instruments/:id/provisions/status-history')
  @ApiOperation({ summary: 'The history of provision statuses of a consolidated draft' })
  async history(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto) {
    return { items: await this.desk.statusHistory(user, id, query.lang) };
  }

  @ApiList('ProvenanceSpanView')
  @Get('documents/:document/provenance')
  @ApiOperation({ summary: 'Where the text of a range of a live document came from, with links to the proposals' })
  async provenance(@CurrentUser() user: AuthContext, @Param('document') document: string, @Query() query: ProvenanceQueryDto): Promise<{ items: ProvenanceSpan[] }> {
    return { items: await this.desk.provenance(user, document, query.from, query.to) };
  }
}
