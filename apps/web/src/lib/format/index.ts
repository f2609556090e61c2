export { formats, MIN_N, type Format, type EstimateKind } from './format';
export { useFormat } from './current';
export { languageName } from './language-name';
