import type { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { FieldError, fieldError, validationFailed } from '../../../common/errors/domain-error.js';
import { maskIdNumber, maskPhone, parseIdNumber } from '../../../common/validation/chinese.js';
import type { PartyDto } from './dto/create-case.dto.js';
import type { Party } from './party.entity.js';
import { IntakeCode } from './intake.codes.js';

/** How a referral's parties are checked and written (encrypted, blind-indexed, masked). */

export function partyColumns(cipher: FieldCipher, caseId: string, p: PartyDto): Partial<Party> {
  return {
    caseId,
    role: p.role,
    name: p.name,
    gender: p.gender,
    idNumberEncrypted: cipher.encrypt(p.idNumber),
    idNumberIndex: cipher.blindIndex('id', p.idNumber),
    idNumberMasked: maskIdNumber(p.idNumber),
    birthDate: parseIdNumber(p.idNumber)?.birthDate ?? '',
    ethnicity: p.ethnicity ?? null,
    occupation: p.occupation ?? null,
    phoneEncrypted: p.phone ? cipher.encrypt(p.phone) : null,
    phoneIndex: p.phone ? cipher.blindIndex('phone', p.phone) : null,
    phoneMasked: p.phone ? maskPhone(p.phone) : null,
    addressEncrypted: p.address ? cipher.encrypt(p.address) : null,
    regionId: p.regionId ?? null,
  };
}

/** An applicant and a respondent; birth date and gender as the ID number says; no one twice. */
export function checkParties(parties: PartyDto[]): void {
  const errors: FieldError[] = [];
  for (const role of ['applicant', 'respondent'] as const) {
    if (!parties.some((p) => p.role === role))
      errors.push(fieldError('parties', IntakeCode.CasePartyRoleMissing, { role }));
  }
  const seen = new Set<string>();
  parties.forEach((p, i) => {
    const facts = parseIdNumber(p.idNumber);
    if (facts && p.birthDate && p.birthDate !== facts.birthDate) {
      errors.push(fieldError(`parties.${i}.birthDate`, IntakeCode.PartyBirthDateMismatch));
    }
    if (facts && p.gender !== facts.gender) {
      errors.push(fieldError(`parties.${i}.gender`, IntakeCode.PartyGenderMismatch));
    }
    if (seen.has(p.idNumber.toUpperCase()))
      errors.push(fieldError(`parties.${i}.idNumber`, IntakeCode.PartyIdNumberTwice));
    seen.add(p.idNumber.toUpperCase());
  });
  if (errors.length > 0) throw validationFailed(errors);
}
