import type { ExampleScenario } from '../src/model/generate';
import { knowledgeStore } from './knowledge-store';
import { operatorConsole } from './operator-console';
import { orchestratorApi } from './orchestrator-api';
import { taskRunner } from './task-runner';

/**
 * The example services every simulated cluster holds, one module each, in
 * the order they are generated (the order fixes pod names and IPs, so a new
 * scenario goes at the end).
 */
export const EXAMPLE_SCENARIOS: ReadonlyArray<ExampleScenario> = [
  orchestratorApi,
  operatorConsole,
  taskRunner,
  knowledgeStore,
];

/** The example services' names, in the order they are generated. */
export const EXAMPLE_SERVICES: ReadonlyArray<string> = EXAMPLE_SCENARIOS.map(
  scenario => scenario.service,
);
