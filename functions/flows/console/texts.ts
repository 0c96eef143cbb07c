/** Every word of the console, Dutch first (B1), English second. */
import type { Lang } from '../../platform/time';
import { en } from './texts-en';
import { nl, type Texts } from './texts-nl';

export const texts: Record<Lang, Texts> = { nl, en };
export type { Texts };
