import type { Lang } from '../../lib/language';
import { en } from './en';
import { type Strings, vi } from './vi';

export { isLang, type Lang, otherLang } from '../../lib/language';
export type { Strings };

export const STRINGS: Record<Lang, Strings> = { vi, en };
