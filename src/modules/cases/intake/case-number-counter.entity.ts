import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last case sequence per court, case type (its 代字, `民诉前调`) and year. Incremented inside the creating transaction
 * (`INSERT … ON CONFLICT DO UPDATE … RETURNING`): the row lock serialises concurrent creations
 * and a rolled-back creation rolls its number back, so numbers have no gaps and no duplicates.
 */
@Entity('case_number_counters')
export class CaseNumberCounter {
  @PrimaryColumn({ type: 'uuid' })
  courtId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  caseType: string;

  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'integer' })
  lastValue: number;
}
