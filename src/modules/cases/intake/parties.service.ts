import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../../common/context/request-context.js';
import { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { ScopeService } from '../../../common/scope/scope.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { Case } from '../case.entity.js';
import { RevealDto } from './dto/reveal.dto.js';
import { CaseRepository } from '../case.repository.js';
import { Party } from './party.entity.js';

/**
 * The full ID number, phone or address of a party: only for the clerk of the case's court and the
 * mediator assigned to it, with a reason, in the audit trail. Anyone else: 404.
 */
@Injectable()
export class PartiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly cases: CaseRepository,
  ) {}

  async reveal(
    actor: Actor,
    partyId: string,
    dto: RevealDto,
  ): Promise<{ field: string; value: string | null }> {
    const found = await this.cases.partyWithCase(partyId);
    const party = found?.party ?? null;
    const owner = found?.owner ?? null;
    const allowed =
      owner !== null &&
      ((actor.user.role === 'clerk' && actor.user.courtId === owner.courtId) ||
        (actor.user.role === 'mediator' && actor.user.id === owner.mediatorId));
    await this.scope.assertVisible(actor, allowed, { type: 'party', id: partyId });
    const p = party as Party;
    const stored =
      dto.field === 'idNumber'
        ? p.idNumberEncrypted
        : dto.field === 'phone'
          ? p.phoneEncrypted
          : p.addressEncrypted;
    const value = stored ? this.cipher.decrypt(stored) : null;
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, {
        action: 'party.revealed',
        entityType: 'party',
        entityId: p.id,
        caseId: p.caseId,
        regionPath: (owner as Case).regionPath,
        after: { field: dto.field, reason: dto.reason },
      }),
    );
    return { field: dto.field, value };
  }
}
