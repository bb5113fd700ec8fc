import { timingSafeEqual } from '../../crypto/compare';

/** Compares a presented hex signature with ours in constant time; providers may send upper-case hex. */
export const hexSignatureMatches = (presented: string, expected: string) => timingSafeEqual(presented.toLowerCase(), expected);
