import { Body, Controller, Get, HttpCode, Ip, Post, UnauthorizedException, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { validationPipe } from '../api/validation';
import { AuthGuard } from './auth.guard';
import { LoginDto, LoginResponseDto, UserDto } from './auth.dto';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { Public } from './roles.decorator';
import { SignInThrottle } from './sign-in-throttle';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('api/auth')
@UsePipes(validationPipe())
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a built-in user; returns a bearer token' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Unknown user or wrong password (the answer does not say which)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this user from this address' })
  async login(@Body() body: LoginDto, @Ip() address: string): Promise<LoginResponseDto> {
    this.throttle.check(address, body.username);
    const user = await this.users.authenticate(body.username, body.password);
    if (!user) {
      this.throttle.failed(address, body.username);
      throw new UnauthorizedException('Wrong username or password');
    }
    this.throttle.succeeded(address, body.username);
    const { accessToken, expiresAt } = await this.tokens.issue(user);
    return { accessToken, tokenType: 'Bearer', expiresAt, user };
  }

  @Get('me')
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): UserDto {
    return user;
  }
}
