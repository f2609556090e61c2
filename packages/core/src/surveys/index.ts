// The shared parts of callback surveys (docs/callback-surveys.md). Each area's verbs are exported one by one
// in package.json ("./surveys/<area>/<verb>"), like the mystery-call verbs.
export * from './contact-cipher.ts';
export * from './answers.ts';
export * from './item-state.ts';
export * from './record-attempt.ts';
export * from './record-response.ts';
export * from './retention/erase-expired-contacts.ts';
export * from './contacts/opt-out.ts';
