import { Body, Controller, Get, Param, ParseUUIDPipe, Post, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { CurrentUser } from '../auth/current-user.decorator';
import { type DraftingSpaceView, DraftingSpacesService } from './drafting-spaces.service';
import { CreateDraftingSpaceDto } from './dto/drafting-space.dto';
import { ApiErrors, ApiList, ApiView } from '../common/openapi/api-responses';

@ApiTags('drafting spaces')
@ApiErrors(401, 403, 404)
@Controller()
export class DraftingSpacesController {
  constructor(private readonly spaces: DraftingSpacesService) {}

  @ApiView('DraftingSpaceView', HttpStatus.CREATED)
  @Post('instruments/:instrumentId/drafting-spaces')
  @ApiOperation({ summary: "Open a drafting space on an instrument's base text (delegation members)" })
  create(@CurrentUser() user: AuthContext, @Param('instrumentId', ParseUUIDPipe) instrumentId: string, @Body() dto: CreateDraftingSpaceDto): Promise<DraftingSpaceView> {
    return this.spaces.create(user, instrumentId, dto);
  }

  @ApiList('DraftingSpaceView')
  @Get('drafting-spaces')
  @ApiOperation({ summary: "The signed-in user's delegation's drafting spaces" })
  async mine(@CurrentUser() user: AuthContext): Promise<{ items: DraftingSpaceView[] }> {
    return { items: await this.spaces.listMine(user) };
  }

  @ApiView('DraftingSpaceView')
  @Get('drafting-spaces/:id')
  @ApiOperation({ summary: 'One drafting space (owning and co-sponsoring delegations only)' })
  get(@CurrentUser() user: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<DraftingSpaceView> {
    return this.spaces.get(user, id);
  }
}
