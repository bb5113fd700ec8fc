import { type Cursor, decodeCursor } from '../db/pagination';

/** A list's `?cursor=`; one that is not ours (edited by hand, from an old page) just starts from the top. */
export function pageCursor(text: string | undefined): Cursor | null {
  try {
    return decodeCursor(text);
  } catch {
    return null;
  }
}
