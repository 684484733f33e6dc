import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { Roles } from './access-policy.decorators.js';
import type { AuthUser } from './auth-user.js';
import { CurrentUser } from './current-user.decorator.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { ResetPasswordDto } from './dto/reset-password.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserDto, UserWithPasswordDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

/** User administration: admins only (architecture.md: the admin manages agencies and users). */
@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: [UserDto] })
  list(@CurrentUser() admin: AuthUser, @Query() query: ListUsersQuery): Promise<UserDto[]> {
    return this.users.list(admin, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserDto })
  get(@CurrentUser() admin: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<UserDto> {
    return this.users.get(admin, id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with a one-time password (changed at first sign-in)' })
  @ApiCreatedResponse({ type: UserWithPasswordDto })
  create(@CurrentUser() admin: AuthUser, @Body() dto: CreateUserDto): Promise<UserWithPasswordDto> {
    return this.users.create(admin, dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change name, agency, roles or the active flag (deactivation ends sign-ins at once)',
  })
  @ApiOkResponse({ type: UserDto })
  update(
    @CurrentUser() admin: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(admin, id, dto);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a one-time password; ends the user’s sign-ins and lifts an account lock' })
  @ApiOkResponse({ type: UserWithPasswordDto })
  resetPassword(
    @CurrentUser() admin: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ResetPasswordDto,
  ): Promise<UserWithPasswordDto> {
    return this.users.resetPassword(admin, id, dto);
  }
}
