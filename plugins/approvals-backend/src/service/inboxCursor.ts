import { InputError } from '@backstage/errors';
import { z } from 'zod';
import type { InboxCursor } from '../store/ApprovalsStore';

const cursorSchema = z.tuple([
  z.number().int().min(0).max(2),
  z.string().datetime(),
  z.string().min(1).max(64),
]);

/** The opaque `nextCursor` of a page: where its last row sits in the inbox's order. */
export function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(
    JSON.stringify([cursor.riskRank, cursor.createdAt, cursor.id]),
  ).toString('base64url');
}

/** Reads a cursor from a query; anything else is the caller's mistake (400). */
export function decodeCursor(text: string): InboxCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) {
    throw new InputError(
      'cursor: not a cursor of this list; pass the nextCursor of the previous page',
    );
  }
  const [riskRank, createdAt, id] = parsed.data;
  return { riskRank, createdAt, id };
}
