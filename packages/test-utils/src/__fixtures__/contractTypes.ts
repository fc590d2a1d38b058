// Answer types of the made-up contract in contract.test.ts.

export type Greeting = { text: string; count: number; tags?: string[] };
