import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../../common/auth/roles.js';
import type { RequestContext } from '../../common/context/request-context.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import {
  conflict,
  FieldError,
  notFound,
  validationFailed,
  fieldError,
} from '../../common/errors/domain-error.js';
import { Page, pageOf } from '../../common/pagination/page.js';
import { escapeLike } from '../../common/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { PasswordService } from '../auth/password.service.js';
import { Court } from '../courts/court.entity.js';
import { CourtCode } from '../courts/courts.codes.js';
import { Organization, SENTINEL_KINDS } from '../organizations/organization.entity.js';
import { OrganizationCode } from '../organizations/organizations.codes.js';
import { Region } from '../regions/region.entity.js';
import { RegionCode } from '../regions/regions.codes.js';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto.js';
import { UserView } from './dto/user.view.js';
import { User } from './user.entity.js';
import { UserCode } from './users.codes.js';

interface Placement {
  role: Role;
  courtId: string | null;
  regionId: string | null;
  organizationId: string | null;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<UserView> {
    const placement: Placement = {
      role: dto.role,
      courtId: dto.courtId ?? null,
      regionId: dto.regionId ?? null,
      organizationId: dto.organizationId ?? null,
    };
    const passwordHash = await this.passwords.hash(dto.password);
    const created = this.dataSource.transaction(async (manager) => {
      await this.checkPlacement(manager, placement);
      const username = dto.username.toLowerCase();
      if (await manager.existsBy(User, { username })) {
        throw conflict(UserCode.UsernameTaken);
      }
      const user = await manager.save(
        manager.create(User, {
          username,
          passwordHash,
          displayName: dto.displayName,
          ...placement,
          ...this.phoneColumns(dto.phone),
          active: true,
        }),
      );
      const view = UserView.of(user, this.cipher);
      await this.audit.record(manager, ctx, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { ...view },
      });
      return view;
    });
    // Two creations of one name at once both pass the check above; the unique index refuses the
    // second, which is the same conflict.
    return created.catch((error: unknown) => {
      if (isUniqueViolation(error, 'UQ_users_username')) throw conflict(UserCode.UsernameTaken);
      throw error;
    });
  }

  async list(query: ListUsersQuery): Promise<Page<UserView>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.regionId) qb.andWhere('u.regionId = :regionId', { regionId: query.regionId });
    if (query.q) {
      qb.andWhere('(u.username ILIKE :q OR u.displayName ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    const [users, total] = await qb
      .orderBy('u.username', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      users.map((u) => UserView.of(u, this.cipher)),
      total,
      query,
    );
  }

  async get(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('user');
    return UserView.of(user, this.cipher);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateUserDto): Promise<UserView> {
    const passwordHash = dto.password ? await this.passwords.hash(dto.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw notFound('user');
      const before = UserView.of(user, this.cipher);
      const placement: Placement = {
        role: user.role,
        courtId: dto.courtId !== undefined ? dto.courtId : user.courtId,
        regionId: dto.regionId !== undefined ? dto.regionId : user.regionId,
        organizationId: dto.organizationId !== undefined ? dto.organizationId : user.organizationId,
      };
      await this.checkPlacement(manager, placement);
      if (dto.active === false && user.role === 'admin' && user.active)
        await this.assertNotLastAdmin(manager, user.id);
      Object.assign(user, {
        ...placement,
        ...(dto.displayName !== undefined ? { displayName: dto.displayName } : {}),
        ...(dto.phone !== undefined ? this.phoneColumns(dto.phone) : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
        ...(passwordHash ? { passwordHash, failedLoginCount: 0, lockedUntil: null } : {}),
      });
      const saved = await manager.save(user);
      if (dto.active === false || passwordHash) {
        await this.auth.revokeAllSessions(
          manager,
          user.id,
          dto.active === false ? 'disabled' : 'password_changed',
        );
      }
      const after = UserView.of(saved, this.cipher);
      await this.audit.record(manager, ctx, {
        action: dto.active === false ? 'user.disabled' : 'user.updated',
        entityType: 'user',
        entityId: user.id,
        before: { ...before },
        after: { ...after, passwordChanged: Boolean(passwordHash) },
      });
      return after;
    });
  }

  /**
   * The first admin: created on start when no admin exists and BOOTSTRAP_ADMIN_PASSWORD is set.
   * Nothing else creates users without an admin. Safe to run from several processes at once.
   */
  async bootstrapAdmin(ctx: RequestContext, password: string | undefined): Promise<boolean> {
    if (!password) return false;
    const passwordHash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(7310222)');
      if (await manager.existsBy(User, { role: 'admin' })) return false;
      if (await manager.existsBy(User, { username: 'admin' })) {
        this.logger.warn('No admin exists but the username "admin" is taken; not bootstrapping');
        return false;
      }
      const user = await manager.save(
        manager.create(User, {
          username: 'admin',
          passwordHash,
          displayName: '系统管理员',
          role: 'admin',
          courtId: null,
          regionId: null,
          organizationId: null,
          active: true,
        }),
      );
      await this.audit.record(manager, ctx, {
        action: 'user.bootstrap_admin_created',
        entityType: 'user',
        entityId: user.id,
        after: { username: 'admin', role: 'admin' },
      });
      this.logger.log('Created the first admin user "admin" from BOOTSTRAP_ADMIN_PASSWORD');
      return true;
    });
  }

  private phoneColumns(
    phone: string | null | undefined,
  ): Pick<User, 'phoneEncrypted' | 'phoneIndex'> {
    if (!phone) return { phoneEncrypted: null, phoneIndex: null };
    return {
      phoneEncrypted: this.cipher.encrypt(phone),
      phoneIndex: this.cipher.blindIndex('phone', phone),
    };
  }

  private async assertNotLastAdmin(manager: EntityManager, id: string): Promise<void> {
    const others = await manager
      .createQueryBuilder(User, 'u')
      .where("u.role = 'admin' AND u.active AND u.id <> :id", { id })
      .getCount();
    if (others === 0) throw conflict(UserCode.LastAdmin);
  }

  /**
   * A clerk belongs to a court; a mediator to a village and an organisation; a supervisor to a
   * region; a sentinel reporter to a sentinel point (妇女微家, 执委工作室, 个人调解室) and a region
   * inside the point's.
   */
  private async checkPlacement(manager: EntityManager, p: Placement): Promise<void> {
    const errors: FieldError[] = [];
    if (p.role === 'clerk' && !p.courtId)
      errors.push(fieldError('courtId', UserCode.PlacementRequired, { role: p.role }));
    const regional = p.role === 'mediator' || p.role === 'supervisor' || p.role === 'sentinel';
    if (regional && !p.regionId) {
      errors.push(fieldError('regionId', UserCode.PlacementRequired, { role: p.role }));
    }
    if ((p.role === 'mediator' || p.role === 'sentinel') && !p.organizationId) {
      errors.push(fieldError('organizationId', UserCode.PlacementRequired, { role: p.role }));
    }
    if (p.courtId && !(await manager.existsBy(Court, { id: p.courtId }))) {
      errors.push(fieldError('courtId', CourtCode.NoSuchCourt));
    }
    const org = p.organizationId
      ? await manager.findOne(Organization, {
          where: { id: p.organizationId },
          relations: { region: true },
        })
      : null;
    if (p.organizationId && !org) {
      errors.push(fieldError('organizationId', OrganizationCode.NoSuchOrganization));
    } else if (org && p.role === 'sentinel' && !SENTINEL_KINDS.includes(org.kind)) {
      errors.push(fieldError('organizationId', OrganizationCode.NotSentinelPoint));
    }
    if (p.regionId) {
      const region = await manager.findOneBy(Region, { id: p.regionId });
      if (!region) errors.push(fieldError('regionId', RegionCode.NoSuchRegion));
      else if (p.role === 'mediator' && region.level !== 'village') {
        errors.push(fieldError('regionId', UserCode.MediatorRegionNotVillage));
      } else if (p.role === 'sentinel' && org?.region && !region.path.startsWith(org.region.path)) {
        errors.push(fieldError('regionId', UserCode.SentinelRegionOutsidePoint));
      }
    }
    if (errors.length > 0) throw validationFailed(errors);
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } } | null)
    ?.driverError;
  return driver?.code === '23505' && driver.constraint === constraint;
}
