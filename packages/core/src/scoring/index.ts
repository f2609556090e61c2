export * from './compute-score.ts';
export * from './validate-answers.ts';
export * from './parse-definition.ts';
