/*
 * Every test in this package runs at a stated date: plans are validated and
 * priced against dated support calendars (Kubernetes, database and cache
 * versions), so the date is part of each test's input, never the machine's.
 */
import { pinTestDate } from '@gatehouse/test-utils/testClock';

pinTestDate();
