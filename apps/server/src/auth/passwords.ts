import bcrypt from 'bcryptjs';

/** bcrypt's work factor: about 0.1 s per check in bcryptjs on one core. */
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** A hash of no password, checked when the user is unknown so that both answers take as long. */
const NOBODY = '$2b$10$.ZJSyEppccG.sBXJpOWemOSnRw63vRjWNfLTrCXtlKWSz6haPwP3O';

export function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  return bcrypt.compare(password, hash ?? NOBODY).then((ok) => ok && hash !== undefined);
}
