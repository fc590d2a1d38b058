/**
 * vCPU and memory of common EC2 instance types, for capacity checks and the
 * sizing tables of the generated documents. Unknown types return
 * `undefined`: the checks that need them are skipped rather than guessed.
 */

/** Size of one instance type. @public */
export interface InstanceShape {
  vcpu: number;
  memoryGiB: number;
}

const BURSTABLE: Record<string, InstanceShape> = {
  nano: { vcpu: 2, memoryGiB: 0.5 },
  micro: { vcpu: 2, memoryGiB: 1 },
  small: { vcpu: 2, memoryGiB: 2 },
  medium: { vcpu: 2, memoryGiB: 4 },
  large: { vcpu: 2, memoryGiB: 8 },
  xlarge: { vcpu: 4, memoryGiB: 16 },
  '2xlarge': { vcpu: 8, memoryGiB: 32 },
};

/** Memory per vCPU of the fixed-performance families, by family letter. */
const GIB_PER_VCPU: Record<string, number> = { m: 4, c: 2, r: 8 };

const FIXED_FAMILIES = new Set([
  'm5',
  'm5a',
  'm6i',
  'm6a',
  'm6g',
  'm7i',
  'm7a',
  'm7g',
  'c5',
  'c5a',
  'c6i',
  'c6a',
  'c6g',
  'c7i',
  'c7a',
  'c7g',
  'r5',
  'r5a',
  'r6i',
  'r6a',
  'r6g',
  'r7i',
  'r7a',
  'r7g',
]);

function vcpuForSize(size: string): number | undefined {
  if (size === 'medium') return 1;
  if (size === 'large') return 2;
  if (size === 'xlarge') return 4;
  const match = /^(\d+)xlarge$/.exec(size);
  return match ? Number(match[1]) * 4 : undefined;
}

/**
 * vCPU and memory of an EC2 instance type (`t3.large` → 2 vCPU, 8 GiB), for
 * the burstable t2/t3/t3a/t4g families and the current m/c/r families.
 * @public
 */
export function instanceShape(instanceType: string): InstanceShape | undefined {
  const [family, size] = instanceType.split('.');
  if (!family || !size) return undefined;
  if (['t2', 't3', 't3a', 't4g'].includes(family)) return BURSTABLE[size];
  if (!FIXED_FAMILIES.has(family)) return undefined;
  const vcpu = vcpuForSize(size);
  if (vcpu === undefined) return undefined;
  return { vcpu, memoryGiB: vcpu * GIB_PER_VCPU[family[0]] };
}

/**
 * What the kubelet leaves for pods on one node, approximately: CPU after the
 * EKS reservation (6% of the first core, 1% of the second, 0.5% of the next
 * two, 0.25% of the rest) and memory at 90% less 255 MiB for the system.
 * @public
 */
export function allocatable(shape: InstanceShape): {
  millicores: number;
  memoryBytes: number;
} {
  const cores = shape.vcpu;
  const reserved =
    60 +
    (cores > 1 ? 10 : 0) +
    Math.max(0, Math.min(cores, 4) - 2) * 5 +
    Math.max(0, cores - 4) * 2.5;
  const memoryBytes = shape.memoryGiB * 1024 ** 3 * 0.9 - 255 * 1024 ** 2;
  return {
    millicores: cores * 1000 - reserved,
    memoryBytes: Math.max(0, memoryBytes),
  };
}
