export * from './tenant-settings.ts';
export * from './my-preferences.ts';
