/*
 * Every test in this package runs at a stated date: plans are validated and
 * priced against dated support calendars (Kubernetes, database and cache
 * versions), so the date is part of each test's input, never the machine's.
 */
// Test setup only: this entry point of the node test helpers imports nothing.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { pinTestDate } from '@gatehouse/test-utils/testClock';

pinTestDate();
