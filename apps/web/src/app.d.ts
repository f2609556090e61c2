import type { Me } from '$lib/server/session';

declare global {
  namespace App {
    interface Error { message: string; code?: string; requestId?: string }
    interface Locals {
      me: Me | null;
      /** The page's own language, when its load decides it (a survey link: the customer's). */
      pageLang?: 'en' | 'nl';
    }
  }
}
export {};
