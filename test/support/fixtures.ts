/** Values the tests send that must never appear in a log. */
export const PASSWORD = 'Correct-Horse-Battery-9';
export const ADMIN_PASSWORD = 'Admin-Password-Staple-7';
export const PHONE = '13912345678';
export const ID_NUMBER = '11010519491231002X';

export const FIXTURE_SECRETS = [PASSWORD, ADMIN_PASSWORD, PHONE, ID_NUMBER];
