export {
  STORAGE_TEST_DATABASE_IDS,
  storageTestDatabases,
} from './storageTestDatabases';
export { postgresConnectionString } from './postgres';
export { TEST_NOW, withTestClock } from './testClock';
export {
  benchReporter,
  percentile,
  roundMs,
  summarizeMs,
  timed,
} from './bench';
export {
  answerValidators,
  routesMissingFromReadme,
  verifyContract,
} from './contract';
export type { ContractCall, ContractCalls } from './contract';
