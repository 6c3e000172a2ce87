import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import { Ctx, type RequestContext } from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto.js';
import { UserView } from './dto/user.view.js';
import { UsersService } from './users.service.js';

class UserPage extends PageView(UserView) {}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Access('admin')
  @ApiCreatedResponse({ type: UserView })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(ctx, body);
  }

  @Get()
  @Access('admin')
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  @Access('admin')
  @ApiOkResponse({ type: UserView })
  get(@Param('id', UuidPipe) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Patch(':id')
  @Access('admin')
  @ApiOkResponse({ type: UserView })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(ctx, id, body);
  }
}
