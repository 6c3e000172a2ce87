import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { RevealDto } from './dto/case-writes.dto.js';
import { PartiesService } from './parties.service.js';

@ApiTags('cases')
@Controller('parties')
export class PartiesController {
  constructor(private readonly parties: PartiesService) {}

  @Post(':id/reveal')
  @HttpCode(200)
  @Access('clerk', 'mediator')
  @ApiOkResponse({ description: '{ field, value }: the full value, audited with the reason' })
  reveal(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RevealDto,
  ): Promise<{ field: string; value: string | null }> {
    return this.parties.reveal(ctx, user, id, body);
  }
}
