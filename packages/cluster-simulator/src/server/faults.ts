import { ClusterFault, FaultSpec } from '../types';

/**
 * Parses a fault given as an object or in the short string form:
 * `none`, `down`, `hang`, `error5xx`, `error5xx:502`, `delayMs:1500`
 * (also `delay:1500`), combined with `+`.
 *
 * @public
 */
export function parseFault(spec: FaultSpec): ClusterFault {
  if (spec === null || spec === undefined) {
    return {};
  }
  if (typeof spec === 'object') {
    return normaliseFault(spec);
  }
  const fault: ClusterFault = {};
  for (const part of spec
    .split('+')
    .map(p => p.trim())
    .filter(Boolean)) {
    const [name, arg] = part.split(/[:=]/, 2);
    switch (name) {
      case 'none':
      case 'ok':
        break;
      case 'down':
        fault.down = true;
        break;
      case 'hang':
        fault.hang = true;
        break;
      case 'error5xx':
      case 'error':
        fault.error5xx = arg === undefined ? true : Number(arg);
        break;
      case 'delayMs':
      case 'delay':
        fault.delayMs = Number(arg);
        break;
      default:
        throw new Error(
          `Unknown fault '${part}'; expected none, down, hang, error5xx[:code] or delayMs:<ms>`,
        );
    }
  }
  return normaliseFault(fault);
}

function normaliseFault(input: ClusterFault): ClusterFault {
  const fault: ClusterFault = {};
  const known = new Set(['down', 'hang', 'delayMs', 'error5xx']);
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      throw new Error(`Unknown fault field '${key}'`);
    }
  }
  if (input.down) {
    fault.down = true;
  }
  if (input.hang) {
    fault.hang = true;
  }
  if (input.delayMs !== undefined && input.delayMs !== null) {
    const ms = Number(input.delayMs);
    if (!Number.isFinite(ms) || ms < 0) {
      throw new Error(`Invalid delayMs '${input.delayMs}'`);
    }
    if (ms > 0) {
      fault.delayMs = ms;
    }
  }
  if (
    input.error5xx !== undefined &&
    input.error5xx !== false &&
    input.error5xx !== null
  ) {
    const code = input.error5xx === true ? 503 : Number(input.error5xx);
    if (!Number.isInteger(code) || code < 500 || code > 599) {
      throw new Error(
        `Invalid error5xx '${input.error5xx}'; expected a code 500-599`,
      );
    }
    fault.error5xx = code;
  }
  return fault;
}

/** The short string form of a fault (`none` when healthy). */
export function describeFault(fault: ClusterFault): string {
  const parts: string[] = [];
  if (fault.down) {
    parts.push('down');
  }
  if (fault.hang) {
    parts.push('hang');
  }
  if (fault.delayMs) {
    parts.push(`delayMs:${fault.delayMs}`);
  }
  if (fault.error5xx) {
    parts.push(`error5xx:${fault.error5xx}`);
  }
  return parts.length ? parts.join('+') : 'none';
}
