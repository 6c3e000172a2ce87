import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
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
import { CourtsService } from './courts.service.js';
import { CourtView, CreateCourtDto, ListCourtsQuery, UpdateCourtDto } from './dto/court.dto.js';

class CourtPage extends PageView(CourtView) {}

@ApiTags('courts')
@Controller('courts')
export class CourtsController {
  constructor(private readonly courts: CourtsService) {}

  @Post()
  @Access('admin')
  @ApiCreatedResponse({ type: CourtView })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateCourtDto): Promise<CourtView> {
    return this.courts.create(ctx, body);
  }

  @Get()
  @Access('any')
  @ApiOkResponse({
    type: CourtPage,
    description: 'Courts whose jurisdiction lies in or covers the caller’s scope',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCourtsQuery): Promise<Page<CourtView>> {
    return this.courts.list(user, query);
  }

  @Get(':id')
  @Access('any')
  @ApiOkResponse({ type: CourtView })
  get(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<CourtView> {
    return this.courts.get(ctx, user, id);
  }

  @Patch(':id')
  @Access('admin')
  @ApiOkResponse({ type: CourtView })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateCourtDto,
  ): Promise<CourtView> {
    return this.courts.update(ctx, id, body);
  }
}
