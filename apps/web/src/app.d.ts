import type { Me } from '$lib/server/session';

declare global {
  namespace App {
    interface Error { message: string; code?: string; requestId?: string }
    interface Locals { me: Me | null }
  }
}
export {};
