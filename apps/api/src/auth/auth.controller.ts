import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards, HttpStatus } from '@nestjs/common';
import { ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Env } from '../config/env';
import type { AuthContext, UserView } from './auth-context';
import type { InvitationView, SignInView } from '@concord/domain';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { InviteDto } from './dto/invite.dto';
import { LoginDto } from './dto/login.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { Public } from './public.decorator';
import { SESSION_COOKIE } from './token';
import { ApiErrors, ApiList, ApiNoContent, ApiView } from '../common/openapi/api-responses';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly env: Env,
  ) {}

  @ApiView('SignInView')
  @ApiErrors(401, 429)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @SkipThrottle({ comments: true })
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; returns a bearer token and sets the session cookie' })
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<SignInView> {
    return this.withCookie(res, await this.auth.login(dto));
  }

  @ApiNoContent()
  @ApiErrors(401)
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revokes the session' })
  async logout(@CurrentUser() user: AuthContext, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @ApiView('MeView')
  @ApiErrors(401)
  @Get('auth/me')
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: AuthContext): { user: UserView } {
    return { user: user.user };
  }

  @ApiView('InvitationView', HttpStatus.CREATED)
  @ApiErrors(401, 403, 404, 409)
  @Post('auth/invitations')
  @ApiOperation({ summary: 'Invite a user; returns the one-time link to set a password' })
  invite(@CurrentUser() user: AuthContext, @Body() dto: InviteDto): Promise<InvitationView> {
    return this.auth.invite(user, dto);
  }

  @ApiView('SignInView')
  @ApiErrors(410)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @SkipThrottle({ comments: true })
  @Post('auth/accept-invitation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a password from an invitation link and sign in' })
  async acceptInvitation(@Body() dto: AcceptInvitationDto, @Res({ passthrough: true }) res: Response): Promise<SignInView> {
    return this.withCookie(res, await this.auth.acceptInvitation(dto));
  }

  @ApiList('UserView')
  @ApiErrors(401, 403, 404)
  @Get('committees/:committeeId/users')
  @ApiOperation({ summary: "The committee's users (secretariat)" })
  async users(@CurrentUser() user: AuthContext, @Param('committeeId', ParseUUIDPipe) committeeId: string): Promise<{ items: UserView[] }> {
    return { items: await this.auth.listUsers(user, committeeId) };
  }

  private withCookie(res: Response, signIn: SignInView): SignInView {
    res.cookie(SESSION_COOKIE, signIn.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.env.SECURE_COOKIES,
      expires: new Date(signIn.expiresAt),
      path: '/',
    });
    return signIn;
  }
}
