export * from './create-scorecard.ts';
export * from './save-draft.ts';
export * from './open-draft.ts';
export * from './publish-draft.ts';
export * from './discard-draft.ts';
export * from './list-scorecards.ts';
export * from './get-scorecard.ts';
export { agentProgramIds } from './load.ts';
export { DefinitionInput } from './inputs.ts';
