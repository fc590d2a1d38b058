/**
 * The backend's clock as a service.
 *
 * @packageDocumentation
 */
export {
  clockServiceRef,
  clockFromSetting,
  clockStartingAt,
  systemClock,
} from './clock';
export type { Clock } from './clock';
