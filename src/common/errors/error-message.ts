/** The message of anything thrown, for logs and stored `last_error` columns. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
