import { InvalidInputError } from '../errors';

/**
 * One module call in an address: `module.network["eu"]` is
 * `{ name: 'network', key: 'eu' }`.
 *
 * @public
 */
export type ModuleStep = {
  name: string;
  key?: number | string;
};

/**
 * A parsed Terraform resource instance address such as
 * `module.a["x"].module.b.aws_instance.web[0]`.
 *
 * @public
 */
export type ResourceAddress = {
  modules: ModuleStep[];
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `count` index (number) or `for_each` key (string). */
  index?: number | string;
};

type Segment = { name: string; key?: number | string };

function readKey(
  address: string,
  start: number,
): { key: number | string; end: number } {
  // `start` points just after '['.
  if (address[start] === '"') {
    let i = start + 1;
    while (i < address.length && address[i] !== '"') {
      // Skip escaped characters such as \" inside for_each keys.
      i += address[i] === '\\' ? 2 : 1;
    }
    if (address[i + 1] !== ']') {
      throw new InvalidInputError(
        `Malformed resource address "${address}": unterminated key`,
      );
    }
    const key = JSON.parse(address.slice(start, i + 1)) as string;
    return { key, end: i + 2 };
  }
  const close = address.indexOf(']', start);
  const digits = close === -1 ? '' : address.slice(start, close);
  if (!/^\d+$/.test(digits)) {
    throw new InvalidInputError(
      `Malformed resource address "${address}": index must be a number or a quoted string`,
    );
  }
  return { key: Number(digits), end: close + 1 };
}

function splitSegments(address: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < address.length) {
    let end = i;
    while (
      end < address.length &&
      address[end] !== '.' &&
      address[end] !== '['
    ) {
      end++;
    }
    const segment: Segment = { name: address.slice(i, end) };
    if (segment.name === '') {
      throw new InvalidInputError(
        `Malformed resource address "${address}": empty name`,
      );
    }
    if (address[end] === '[') {
      const { key, end: afterKey } = readKey(address, end + 1);
      segment.key = key;
      end = afterKey;
    }
    segments.push(segment);
    if (end < address.length && address[end] !== '.') {
      throw new InvalidInputError(
        `Malformed resource address "${address}": unexpected "${address[end]}"`,
      );
    }
    i = end + 1;
  }
  return segments;
}

/**
 * Parses a resource instance address. Keys may contain dots and brackets
 * (`aws_instance.x["a.b[0]"]`), so the address is tokenised, not split.
 *
 * @public
 */
export function parseResourceAddress(address: string): ResourceAddress {
  const segments = splitSegments(address);
  const modules: ModuleStep[] = [];
  let i = 0;
  while (
    i + 1 < segments.length &&
    segments[i].name === 'module' &&
    segments[i].key === undefined
  ) {
    const step: ModuleStep = { name: segments[i + 1].name };
    if (segments[i + 1].key !== undefined) step.key = segments[i + 1].key;
    modules.push(step);
    i += 2;
  }
  let mode: 'managed' | 'data' = 'managed';
  if (segments[i]?.name === 'data' && segments.length - i === 3) {
    mode = 'data';
    i++;
  }
  if (segments.length - i !== 2 || segments[i].key !== undefined) {
    throw new InvalidInputError(
      `Malformed resource address "${address}": expected [module.NAME.]...TYPE.NAME[INDEX]`,
    );
  }
  const parsed: ResourceAddress = {
    modules,
    mode,
    type: segments[i].name,
    name: segments[i + 1].name,
  };
  if (segments[i + 1].key !== undefined) parsed.index = segments[i + 1].key;
  return parsed;
}

/** Formats an instance key the way Terraform prints it: `[0]` or `["k"]`. */
export function formatKey(key: number | string): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/**
 * The module instance address, e.g. `module.a["x"].module.b`, or `''` for the
 * root module.
 *
 * @public
 */
export function formatModuleAddress(
  modules: ModuleStep[],
  withKeys = true,
): string {
  return modules
    .map(
      step =>
        `module.${step.name}${
          withKeys && step.key !== undefined ? formatKey(step.key) : ''
        }`,
    )
    .join('.');
}

/**
 * Removes every instance key: `module.a["x"].aws_instance.web[0]` becomes
 * `module.a.aws_instance.web`, the address of the resource in configuration.
 *
 * @public
 */
export function configAddressOf(address: string): string {
  // Fast path: most addresses have no keys at all.
  if (!address.includes('[')) return address;
  const parsed = parseResourceAddress(address);
  const modulePart = formatModuleAddress(parsed.modules, false);
  const resourcePart = `${parsed.mode === 'data' ? 'data.' : ''}${
    parsed.type
  }.${parsed.name}`;
  return modulePart ? `${modulePart}.${resourcePart}` : resourcePart;
}

/**
 * Strips instance keys from a module address: `module.a["x"].module.b` →
 * `module.a.module.b`.
 */
export function configModuleAddressOf(moduleAddress: string): string {
  if (!moduleAddress.includes('[')) return moduleAddress;
  return formatModuleAddress(
    parseResourceAddress(`${moduleAddress}.x.y`).modules,
    false,
  );
}
