import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import { Ctx, type RequestContext } from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { CourtCode } from '../courts/courts.codes.js';
import { OrganizationCode } from '../organizations/organizations.codes.js';
import { RegionCode } from '../regions/regions.codes.js';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto.js';
import { UserView } from './dto/user.view.js';
import { UserCode } from './users.codes.js';
import { UsersService } from './users.service.js';
import { ApiDoc, ok, created } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';

class UserPage extends PageView(UserView) {}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiDoc({
    summary: '创建用户',
    description: '管理员创建书记员、调解员、督导或管理员账号。',
    reply: created(UserView),
    body: { type: CreateUserDto, example: EXAMPLES.createUser },
    errors: {
      404: [RegionCode.NotFound, CourtCode.NotFound, OrganizationCode.NotFound],
      409: [UserCode.UsernameTaken],
    },
  })
  @Post()
  @Access('admin')
  create(@Ctx() ctx: RequestContext, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(ctx, body);
  }

  @ApiDoc({
    summary: '用户列表',
    description: '全部用户，可按角色、是否启用、关键字、区划筛选并分页。',
    reply: ok(UserPage),
  })
  @Get()
  @Access('admin')
  list(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @ApiDoc({
    summary: '用户详情',
    description: '一个用户的账号信息。',
    reply: ok(UserView),
    errors: { 404: [UserCode.NotFound] },
  })
  @Get(':id')
  @Access('admin')
  get(@Param('id', UuidPipe) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @ApiDoc({
    summary: '修改用户',
    description: '修改姓名、角色、范围或停用账号；不能停用或降级最后一名管理员。',
    reply: ok(UserView),
    body: { type: UpdateUserDto, example: EXAMPLES.updateUser },
    errors: { 404: [UserCode.NotFound], 409: [UserCode.LastAdmin] },
  })
  @Patch(':id')
  @Access('admin')
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(ctx, id, body);
  }
}
