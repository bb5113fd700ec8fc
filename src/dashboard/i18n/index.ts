import { en } from './en';
import { type Strings, vi } from './vi';

export type Lang = 'vi' | 'en';
export type { Strings };

export const STRINGS: Record<Lang, Strings> = { vi, en };

export const isLang = (value: unknown): value is Lang => value === 'vi' || value === 'en';

export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');
