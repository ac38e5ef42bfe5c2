import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { LanguageQueryDto } from '../compilation/dto/compilation.dto';
import type { ArticleNumbersView } from '@concord/domain';
import { type ConsultationItem, NumberingService, type RenumberingView } from './numbering.service';
import { ApiErrors, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('numbering')
@ApiErrors(401, 403, 404)
@Controller('instruments/:id')
export class NumberingController {
  constructor(private readonly numbering: NumberingService) {}

  @ApiView('ArticleNumbersView')
  @Get('numbers')
  @ApiOperation({ summary: 'The current article numbers of the live draft, frozen or inserted since (bis, ter …)' })
  numbers(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto): Promise<ArticleNumbersView> {
    return this.numbering.numbers(user, id, query.lang);
  }

  @ApiList('ConsultationItem')
  @Get('consultations')
  @ApiOperation({ summary: "The Chair's view of informal consultations: each article's number, status, proposals and open comments (chair, secretariat)" })
  consultations(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto): Promise<{ items: ConsultationItem[] }> {
    return this.numbering.consultations(user, id, query.lang);
  }

  @ApiView('RenumberingView')
  @ApiErrors(409)
  @Post('renumber')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renumber the articles by order in every language, rewrite cross-references and record the concordance (secretariat)' })
  renumber(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<RenumberingView> {
    return this.numbering.renumber(user, id);
  }

  @ApiList('RenumberingView')
  @Get('renumberings')
  @ApiOperation({ summary: 'Every renumbering of the instrument with its concordance (old number to new, per provision id)' })
  renumberings(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto): Promise<{ items: RenumberingView[] }> {
    return this.numbering.renumberings(user, id, query.lang);
  }
}
