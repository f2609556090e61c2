declare global {
  namespace App {
    interface Error { message: string; code?: string; requestId?: string }
  }
}
export {};
