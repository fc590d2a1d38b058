/**
 * CIDR parsing with diagnostics people can act on, plus the network
 * arithmetic the validator and presets need (containment, overlap, carving a
 * VPC into subnets). Address parsing and matching use `ipaddr.js`, which runs
 * in browsers and Node alike.
 */
import ipaddr from 'ipaddr.js';

/** A parsed, valid CIDR block. @public */
export interface Cidr {
  /** The block as written, trimmed. */
  text: string;
  family: 'ipv4' | 'ipv6';
  /** The network address in canonical form. */
  network: string;
  prefix: number;
  /** Number of addresses in the block (may be huge for IPv6). */
  size: bigint;
}

/** Why a CIDR string was rejected. @public */
export interface CidrProblem {
  problem: string;
  hint: string;
  /** For host bits set: the network the author probably meant. */
  suggestion?: string;
}

/** The result of {@link parseCidr}. @public */
export type CidrParseResult =
  | { ok: true; cidr: Cidr }
  | { ok: false; error: CidrProblem };

function fail(problem: string, hint: string, suggestion?: string) {
  return {
    ok: false as const,
    error: suggestion ? { problem, hint, suggestion } : { problem, hint },
  };
}

function explainIpv4(address: string): CidrProblem | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) {
    return {
      problem: `"${address}" has ${parts.length} part${
        parts.length === 1 ? '' : 's'
      }; an IPv4 address has 4`,
      hint: 'write four octets separated by dots, such as 10.0.1.0',
    };
  }
  for (const part of parts) {
    if (!/^\d+$/.test(part)) {
      return {
        problem: `"${part}" is not a decimal IPv4 octet`,
        hint: 'each octet is a whole number from 0 to 255',
      };
    }
    if (Number(part) > 255) {
      return {
        problem: `${part} is not an IPv4 octet (0–255)`,
        hint: `${part} is not an IPv4 octet (0–255); every octet of an IPv4 address is a whole number from 0 to 255`,
      };
    }
    if (part.length > 1 && part.startsWith('0')) {
      return {
        problem: `"${part}" has a leading zero, which some tools read as octal`,
        hint: `write ${Number(part)} instead of ${part}`,
      };
    }
  }
  return undefined;
}

/**
 * Parses a CIDR block (`10.0.1.0/24`, `0.0.0.0/0`, `2001:db8::/32`), with a
 * precise problem and hint when it is invalid: an octet above 255, a missing
 * or out-of-range prefix, or host bits set (`10.0.1.5/24` → did you mean
 * `10.0.1.0/24`?).
 * @public
 */
export function parseCidr(value: string): CidrParseResult {
  const text = String(value).trim();
  const slash = text.indexOf('/');
  if (slash < 0) {
    const looksV4 = /^[\d.]+$/.test(text);
    return fail(
      `"${text}" has no prefix length`,
      looksV4
        ? `add one, e.g. ${text}/24 for a subnet or ${text}/32 for a single address`
        : 'write a CIDR block such as 10.0.1.0/24',
    );
  }
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const isV6 = address.includes(':');
  const maxPrefix = isV6 ? 128 : 32;
  if (!/^\d+$/.test(prefixText)) {
    return fail(
      `"/${prefixText}" is not a prefix length`,
      `the prefix is a whole number from 0 to ${maxPrefix}`,
    );
  }
  const prefix = Number(prefixText);
  if (prefix > maxPrefix) {
    return fail(
      `/${prefix} is longer than an ${isV6 ? 'IPv6' : 'IPv4'} address`,
      `the prefix is a whole number from 0 to ${maxPrefix}`,
    );
  }
  if (isV6) {
    if (!ipaddr.IPv6.isValid(address)) {
      return fail(
        `"${address}" is not a valid IPv6 address`,
        'write an IPv6 network such as 2001:db8::/32 or ::/0',
      );
    }
  } else {
    const problem = explainIpv4(address);
    if (problem) return fail(problem.problem, problem.hint);
    if (!ipaddr.IPv4.isValidFourPartDecimal(address)) {
      return fail(
        `"${address}" is not a valid IPv4 address`,
        'write four octets from 0 to 255, such as 10.0.1.0',
      );
    }
  }
  const networkAddress = isV6
    ? ipaddr.IPv6.networkAddressFromCIDR(text)
    : ipaddr.IPv4.networkAddressFromCIDR(text);
  const parsed = ipaddr.parse(address);
  const network = isV6
    ? (networkAddress as ipaddr.IPv6).toRFC5952String()
    : networkAddress.toString();
  const written = isV6 ? (parsed as ipaddr.IPv6).toRFC5952String() : address;
  if (network !== written) {
    const meant = `${network}/${prefix}`;
    return fail(
      `${text} has host bits set; the network address of a /${prefix} containing ${address} is ${network}`,
      `did you mean ${meant}?`,
      meant,
    );
  }
  return {
    ok: true,
    cidr: {
      text,
      family: isV6 ? 'ipv6' : 'ipv4',
      network,
      prefix,
      size: 2n ** BigInt(maxPrefix - prefix),
    },
  };
}

/** Whether a string is a valid CIDR block. @public */
export function isValidCidr(value: string): boolean {
  return parseCidr(value).ok;
}

function toParts(cidr: Cidr): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  return [ipaddr.parse(cidr.network), cidr.prefix];
}

/** Whether `inner` lies entirely within `outer`. @public */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) {
    return false;
  }
  const [innerAddress] = toParts(inner);
  return innerAddress.match(toParts(outer));
}

/** Whether two blocks share at least one address. @public */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false;
  return a.prefix <= b.prefix ? cidrContains(a, b) : cidrContains(b, a);
}

/** Whether a block is the whole address space (`0.0.0.0/0` or `::/0`). @public */
export function isAnyAddress(value: string): boolean {
  const parsed = parseCidr(value);
  return parsed.ok && parsed.cidr.prefix === 0;
}

/**
 * Addresses AWS lets you use in a subnet of this size: it reserves the first
 * four and the last address of every subnet.
 * @public
 */
export function usableSubnetAddresses(cidr: Cidr): number {
  return Math.max(0, Number(cidr.size) - 5);
}

function ipv4ToNumber(address: string): number {
  return ipaddr.IPv4.parse(address).octets.reduce(
    (total, octet) => total * 256 + octet,
    0,
  );
}

function numberToIpv4(value: number): string {
  const octets = [24, 16, 8, 0].map(
    shift => Math.floor(value / 2 ** shift) % 256,
  );
  return octets.join('.');
}

/**
 * The `index`-th block of length `newPrefix` inside an IPv4 block:
 * `carveSubnet('10.0.0.0/16', 24, 3)` → `10.0.3.0/24`. Throws when the
 * block is not a valid IPv4 network or the index does not fit.
 * @public
 */
export function carveSubnet(
  block: string,
  newPrefix: number,
  index: number,
): string {
  const parsed = parseCidr(block);
  if (!parsed.ok || parsed.cidr.family !== 'ipv4') {
    throw new Error(`${block} is not a valid IPv4 network`);
  }
  const { network, prefix } = parsed.cidr;
  if (newPrefix < prefix || newPrefix > 32) {
    throw new Error(`/${newPrefix} does not fit inside ${block}`);
  }
  const count = 2 ** (newPrefix - prefix);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new Error(`${block} has only ${count} /${newPrefix} blocks`);
  }
  const start = ipv4ToNumber(network) + index * 2 ** (32 - newPrefix);
  return `${numberToIpv4(start)}/${newPrefix}`;
}
