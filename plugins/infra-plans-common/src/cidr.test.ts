import {
  carveSubnet,
  cidrContains,
  cidrsOverlap,
  isAnyAddress,
  parseCidr,
  usableSubnetAddresses,
} from './cidr';

function ok(text: string) {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.problem}`);
  return result.cidr;
}

describe('parseCidr', () => {
  it('parses IPv4 and IPv6 networks', () => {
    expect(ok('10.0.0.0/16')).toMatchObject({
      family: 'ipv4',
      network: '10.0.0.0',
      prefix: 16,
      size: 65536n,
    });
    expect(ok('0.0.0.0/0').prefix).toBe(0);
    expect(ok('2001:db8::/32')).toMatchObject({ family: 'ipv6', prefix: 32 });
    expect(ok('::/0').prefix).toBe(0);
  });

  it('reports an octet above 255 with the octet in the hint', () => {
    const result = parseCidr('10.0.300.0/24');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problem).toBe('300 is not an IPv4 octet (0–255)');
    expect(result.error.hint).toContain('300 is not an IPv4 octet (0–255)');
  });

  it('suggests the network when host bits are set', () => {
    const result = parseCidr('10.0.1.5/24');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.suggestion).toBe('10.0.1.0/24');
    expect(result.error.hint).toBe('did you mean 10.0.1.0/24?');
    expect(result.error.problem).toContain('host bits set');
  });

  it.each([
    ['10.0.1.0', /no prefix length/],
    ['10.0.1.0/33', /longer than an IPv4 address/],
    ['10.0.1/24', /3 parts/],
    ['10.0.x.0/24', /not a decimal IPv4 octet/],
    ['10.0.01.0/24', /leading zero/],
    ['10.0.1.0/abc', /not a prefix length/],
    ['2001:zz::/32', /not a valid IPv6 address/],
  ])('rejects %p', (text, message) => {
    expect(parseCidr(text)).toMatchObject({
      ok: false,
      error: { problem: expect.stringMatching(message) },
    });
  });
});

describe('network arithmetic', () => {
  const vpc = ok('10.0.0.0/16');

  it('knows what is inside a block', () => {
    expect(cidrContains(vpc, ok('10.0.200.0/24'))).toBe(true);
    expect(cidrContains(vpc, ok('10.1.0.0/24'))).toBe(false);
    expect(cidrContains(ok('10.0.1.0/24'), vpc)).toBe(false);
    expect(cidrContains(vpc, ok('2001:db8::/64'))).toBe(false);
  });

  it('detects overlaps in both directions', () => {
    expect(cidrsOverlap(ok('10.0.16.0/20'), ok('10.0.20.0/24'))).toBe(true);
    expect(cidrsOverlap(ok('10.0.20.0/24'), ok('10.0.16.0/20'))).toBe(true);
    expect(cidrsOverlap(ok('10.0.1.0/24'), ok('10.0.2.0/24'))).toBe(false);
  });

  it('recognises the whole address space', () => {
    expect(isAnyAddress('0.0.0.0/0')).toBe(true);
    expect(isAnyAddress('::/0')).toBe(true);
    expect(isAnyAddress('10.0.0.0/8')).toBe(false);
  });

  it('counts the addresses AWS leaves usable', () => {
    expect(usableSubnetAddresses(ok('10.0.1.0/24'))).toBe(251);
    expect(usableSubnetAddresses(ok('10.0.16.0/20'))).toBe(4091);
  });

  it('carves subnets out of a block', () => {
    expect(carveSubnet('10.0.0.0/16', 24, 3)).toBe('10.0.3.0/24');
    expect(carveSubnet('10.0.0.0/16', 20, 1)).toBe('10.0.16.0/20');
    expect(carveSubnet('10.20.128.0/20', 24, 2)).toBe('10.20.130.0/24');
    expect(() => carveSubnet('10.0.0.0/16', 24, 256)).toThrow(/only 256/);
    expect(() => carveSubnet('10.0.0.0/16', 8, 0)).toThrow(/does not fit/);
  });
});
