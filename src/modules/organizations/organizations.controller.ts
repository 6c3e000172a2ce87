import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import {
  CreateOrganizationDto,
  ListOrganizationsQuery,
  OrganizationView,
} from './dto/organization.dto.js';
import { OrganizationsService } from './organizations.service.js';

class OrganizationPage extends PageView(OrganizationView) {}

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Access('admin')
  @ApiCreatedResponse({ type: OrganizationView })
  create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateOrganizationDto,
  ): Promise<OrganizationView> {
    return this.organizations.create(ctx, body);
  }

  @Get()
  @Access('any')
  @ApiOkResponse({ type: OrganizationPage })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListOrganizationsQuery,
  ): Promise<Page<OrganizationView>> {
    return this.organizations.list(user, query);
  }

  @Get(':id')
  @Access('any')
  @ApiOkResponse({ type: OrganizationView })
  get(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<OrganizationView> {
    return this.organizations.get(ctx, user, id);
  }
}
