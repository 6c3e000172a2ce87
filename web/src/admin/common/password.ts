// No 0/O, 1/l/I: the password is read off the screen and typed or told over the phone.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A one-time password the user changes later: 16 characters from the browser's CSPRNG. */
export function generatePassword(length = 16): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]);
  // Readable in groups of four.
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}
