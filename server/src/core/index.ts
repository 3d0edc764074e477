/** Public surface of the pure analysis core. */
export * from './types';
export * from './features';
export * from './text';
export * from './settings';
export * from './rule';
export * from './detect';
export * from './engine';
export { allRules, ruleById } from './registry';
export { mailServersFromZone, type MailServerFact } from './mailServers';
export type { DocumentOptions, IncludeReader } from './language';
export { composeChange, type TextChange, type TextSource } from './zone/regional';
