export * from './org-units.ts';
export * from './people.ts';
export * from './my-programs.ts';
