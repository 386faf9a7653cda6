// Server settings: the message locale and the edit debounce. The locale comes from, in order of
// precedence, the `rubric.locale` setting (read with workspace/configuration when the client
// supports it), `initializationOptions.locale`, and the client's display language from `initialize`.
// "auto" (or nothing) at one level defers to the next; anything else is mapped by core's resolveLocale.
import { resolveLocale, type Locale } from '@rubric/core';

export const DEFAULT_DEBOUNCE_MS = 50;

export interface InitializationOptions {
  /** "auto" | "zh-CN" | "en" (any tag resolveLocale understands). */
  locale?: string;
  /** Delay between the last edit and the re-check, in milliseconds; 0 re-checks on the next tick. */
  debounceMs?: number;
}

export function readInitializationOptions(raw: unknown): InitializationOptions {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: InitializationOptions = {};
  if (typeof o['locale'] === 'string') out.locale = o['locale'];
  const d = o['debounceMs'];
  if (typeof d === 'number' && Number.isFinite(d) && d >= 0) out.debounceMs = d;
  return out;
}

export class Settings {
  /** The `rubric.locale` setting, when the client provides one. */
  setting: string | undefined;
  readonly debounceMs: number;

  constructor(
    private readonly clientLocale: string | undefined,
    private readonly init: InitializationOptions,
  ) {
    this.debounceMs = init.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  }

  get locale(): Locale {
    for (const tag of [this.setting, this.init.locale]) if (tag && tag !== 'auto') return resolveLocale(tag);
    return resolveLocale(this.clientLocale);
  }
}
