// The sandbox's public entry: what the console, the tests and e2e use. Nothing here imports
// the WeChat Pay client (server/src/wechatpay): the two sides are checked independently.
export type { PaginationMode, SigningMode } from './constants';
export { SANDBOX_MCHID } from './constants';
export type { SandboxCredentials } from './credentials';
export { demoStocks } from './demo-stocks';
export { type ErrorRow, type ErrorScenario, errorScenarios } from './error-scenarios';
export { FAULT_KINDS, type Fault, type FaultKind } from './fault-kinds';
export { type FaultScenario, faultScenarios } from './fault-scenarios';
export type { InjectOptions, SandboxFaults, StormOptions } from './faults';
export { KEY_FILES } from './key-files';
export type { SandboxLogger } from './options';
export { type RunningSandbox, type SandboxOptions, startSandbox } from './server';
export type { CallFilter, RequestLogEntry, SandboxStats } from './stats';
