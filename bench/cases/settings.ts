// Shared by both parts of bench/cases.

/** Password of every bulk user the bench seeds. */
export const PASSWORD = 'bench-password-0123456789';
export const ROUNDS = 2;
export const WARMUP_SECONDS = 3;
export const CASES_PATH = '/api/v1/cases';
