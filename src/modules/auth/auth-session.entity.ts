import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity.js';

/** Why a session ended before its time; the first is the user's own doing, the others are not. */
export type SessionRevokedReason = 'logout' | 'refresh_reuse' | 'disabled' | 'password_changed';

/** Reasons a refresh answers AUTH.SESSION_REVOKED: someone else ended the session, not she. */
export const REVOKED_BY_OTHERS: ReadonlySet<string> = new Set<SessionRevokedReason>([
  'refresh_reuse',
  'disabled',
  'password_changed',
]);

/**
 * One login: the family of rotating refresh tokens, and the `sid` claim of every access token
 * issued in it. Revoking the session (logout, a disabled user, a reused refresh token) makes its
 * access tokens fail at once, not only when they expire.
 */
@Entity('auth_sessions')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_auth_sessions_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  revokedReason: SessionRevokedReason | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
