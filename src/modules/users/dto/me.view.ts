import { ApiProperty } from '@nestjs/swagger';
import type { AuthUser } from '../../../common/context/request-context.js';
import { ROLES, type Role } from '../../../common/auth/roles.js';

/** The caller, as the access guard loaded her (no further query). */
export class MeView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  courtId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  regionId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  organizationId: string | null;

  static of(user: AuthUser): MeView {
    const { id, username, displayName, role, courtId, regionId, organizationId } = user;
    return { id, username, displayName, role, courtId, regionId, organizationId };
  }
}
