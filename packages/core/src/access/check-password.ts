import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@attentive/db/password';
import { invalid } from '../errors.ts';

/** A password an admin sets: its length within the bounds sign-in accepts. */
export function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw invalid(`password: use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`, [{ path: 'password', message: 'length' }]);
  }
}
