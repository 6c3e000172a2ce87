import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
  type Actor,
  Caller,
} from '../../common/context/request-context.js';
import { ValidationCode } from '../../common/i18n/common.codes.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { RegionCode } from '../regions/regions.codes.js';
import {
  CreateOrganizationDto,
  ListOrganizationsQuery,
  OrganizationView,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import { OrganizationCode } from './organizations.codes.js';
import { OrganizationsService } from './organizations.service.js';
import { ApiDoc, ok, created } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';

class OrganizationPage extends PageView(OrganizationView) {}

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @ApiDoc({
    summary: '创建调解组织',
    description: '创建人民调解委员会等调解组织及其调解室。',
    reply: created(OrganizationView),
    body: { type: CreateOrganizationDto, example: EXAMPLES.createOrganization },
    errors: { 404: [RegionCode.NotFound] },
  })
  @Post()
  @Access('admin')
  create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateOrganizationDto,
  ): Promise<OrganizationView> {
    return this.organizations.create(ctx, body);
  }

  @ApiDoc({
    summary: '调解组织列表',
    description: '调用者范围内的调解组织。',
    reply: ok(OrganizationPage),
  })
  @Get()
  @Access('any')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListOrganizationsQuery,
  ): Promise<Page<OrganizationView>> {
    return this.organizations.list(user, query);
  }

  @ApiDoc({
    summary: '调解组织详情',
    description: '一个调解组织。',
    reply: ok(OrganizationView),
    errors: { 404: [OrganizationCode.NotFound] },
  })
  @Get(':id')
  @Access('any')
  get(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<OrganizationView> {
    return this.organizations.get(actor, id);
  }

  @ApiDoc({
    summary: '修改调解组织',
    description: '修改调解组织的名称或调解室清单（rooms 为完整清单，替换原有清单）。',
    reply: ok(OrganizationView),
    body: {
      type: UpdateOrganizationDto,
      example: { name: '胶西镇婚姻家庭纠纷人民调解委员会', rooms: ['百合调解室', '妇女之家'] },
    },
    errors: { 400: [ValidationCode.Failed], 404: [OrganizationCode.NotFound] },
  })
  @Patch(':id')
  @Access('admin')
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateOrganizationDto,
  ): Promise<OrganizationView> {
    return this.organizations.update(ctx, id, body);
  }
}
