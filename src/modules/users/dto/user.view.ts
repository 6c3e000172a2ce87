import { ApiProperty } from '@nestjs/swagger';
import { maskPhone } from '../../../common/validation/chinese.js';
import type { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { ROLES, type Role } from '../../../common/auth/roles.js';
import { User } from '../user.entity.js';

/** A user as the API shows her: no hash, phone masked. */
export class UserView {
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

  @ApiProperty({ nullable: true, type: String, example: '138****5678' })
  phone: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastLoginAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static of(user: User, cipher: FieldCipher): UserView {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      courtId: user.courtId,
      regionId: user.regionId,
      organizationId: user.organizationId,
      phone: user.phoneEncrypted ? maskPhone(cipher.decrypt(user.phoneEncrypted)) : null,
      active: user.active,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
