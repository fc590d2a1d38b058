import { Environment } from '../types';

/**
 * What the simulated clusters look like per environment: EKS node sizes and
 * counts, availability zones, and the short names used in node groups and
 * host names.
 */

/** Short environment names, as in `dev-general` or `x.dev.gatehouse.internal`. */
export const ENV_SHORT: Record<Environment, string> = {
  development: 'dev',
  staging: 'staging',
  production: 'prod',
};

/** One EKS managed node group's instances, as the kubelet reports them. */
export interface NodeProfile {
  count: number;
  instanceType: string;
  cpu: string;
  allocCpu: string;
  memoryKi: number;
  allocMemoryKi: number;
  pods: string;
}

/** Node groups per environment; `bench` holds the synthetic bench services. */
export const NODE_PROFILES: Record<Environment | 'bench', NodeProfile> = {
  development: {
    count: 3,
    instanceType: 'm6i.large',
    cpu: '2',
    allocCpu: '1930m',
    memoryKi: 7935472,
    allocMemoryKi: 7220720,
    pods: '29',
  },
  staging: {
    count: 4,
    instanceType: 'm6i.xlarge',
    cpu: '4',
    allocCpu: '3920m',
    memoryKi: 15896328,
    allocMemoryKi: 14880520,
    pods: '58',
  },
  production: {
    count: 6,
    instanceType: 'm6i.2xlarge',
    cpu: '8',
    allocCpu: '7910m',
    memoryKi: 32475908,
    allocMemoryKi: 31458052,
    pods: '58',
  },
  bench: {
    count: 0,
    instanceType: 'm6i.2xlarge',
    cpu: '8',
    allocCpu: '7910m',
    memoryKi: 32475908,
    allocMemoryKi: 31458052,
    pods: '110',
  },
};

export const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
