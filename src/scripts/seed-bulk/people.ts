// People: a pool of distinct persons whose sensitive fields are encrypted once and reused.
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import { idChecksum, maskIdNumber, maskPhone } from '../../common/validation/chinese.js';
import { ETHNICITIES, FEMALE_GIVEN, MALE_GIVEN, OCCUPATIONS, SURNAMES } from './names.js';
import { between, intBetween, pick, type Rand } from './random.js';
import type { County } from './world.js';

/** Distinct people (ID number, phone, address, each encrypted once) reused across the parties. */
export const PERSON_POOL = 20_000;

export interface Person {
  name: string;
  surname: string;
  gender: 'female' | 'male';
  birthDate: string;
  idEncrypted: string;
  idIndex: string;
  idMasked: string;
  phoneEncrypted: string | null;
  phoneIndex: string | null;
  phoneMasked: string | null;
  addressEncrypted: string | null;
  ethnicity: string | null;
  occupation: string | null;
}

export function personPool(
  rand: Rand,
  cipher: FieldCipher,
  counties: County[],
): Record<'female' | 'male', Person[]> {
  const pool: Record<'female' | 'male', Person[]> = { female: [], male: [] };
  const ids = new Set<string>();
  const phones = new Set<string>();
  const from = Date.UTC(1950, 0, 1);
  const to = Date.UTC(2003, 11, 31);
  while (pool.female.length + pool.male.length < PERSON_POOL) {
    const gender = rand() < 0.5 ? 'female' : 'male';
    const birth = new Date(between(rand, from, to)).toISOString().slice(0, 10);
    const county = pick(rand, counties);
    const serial = intBetween(rand, 0, 499) * 2 + (gender === 'male' ? 1 : 0);
    const first17 = `${county.code.slice(0, 6)}${birth.replace(/-/g, '')}${String(serial).padStart(3, '0')}`;
    const idNumber = first17 + idChecksum(first17);
    if (ids.has(idNumber)) continue;
    ids.add(idNumber);
    let phone: string | null = null;
    if (rand() < 0.93) {
      do
        phone = `1${intBetween(rand, 3, 9)}${String(intBetween(rand, 0, 999_999_999)).padStart(9, '0')}`;
      while (phones.has(phone));
      phones.add(phone);
    }
    const township = pick(rand, county.townships);
    const village = pick(rand, township.villages);
    const address =
      rand() < 0.75 ? `${township.name}${village.name}${intBetween(rand, 1, 300)}号` : null;
    const surname = pick(rand, SURNAMES);
    pool[gender].push({
      name: surname + pick(rand, gender === 'female' ? FEMALE_GIVEN : MALE_GIVEN),
      surname,
      gender,
      birthDate: birth,
      idEncrypted: cipher.encrypt(idNumber),
      idIndex: cipher.blindIndex('id', idNumber),
      idMasked: maskIdNumber(idNumber),
      phoneEncrypted: phone ? cipher.encrypt(phone) : null,
      phoneIndex: phone ? cipher.blindIndex('phone', phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      addressEncrypted: address ? cipher.encrypt(address) : null,
      ethnicity: rand() < 0.95 ? '汉' : pick(rand, ETHNICITIES),
      occupation: rand() < 0.85 ? pick(rand, OCCUPATIONS) : null,
    });
  }
  return pool;
}
