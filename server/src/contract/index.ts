// The HTTP API contract shared with the web app: the only server code the web may import.
export * from './error';
export * from './explanation';
export * from './health';
export * from './sandbox';
export * from './stocks';
