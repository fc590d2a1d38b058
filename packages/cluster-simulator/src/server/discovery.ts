import {
  apiGroups,
  apiVersionOf,
  RESOURCE_TYPES,
  ResourceType,
} from '../model/kinds';
import { hex } from '../model/ids';

/**
 * API discovery documents (`/api`, `/apis`, `/apis/{group}`,
 * `/api/v1`, `/apis/{group}/{version}`) and `/version`, in the legacy
 * (non-aggregated) JSON form every client understands.
 */

export const KUBERNETES_VERSION = {
  major: '1',
  minor: '30+',
  gitVersion: 'v1.30.4-eks-a737599',
  gitCommit: 'a737599f5e8b8ae2a9e4a8d1e6b6ce5e1b2a5c4d',
  gitTreeState: 'clean',
  buildDate: '2024-08-26T21:27:41Z',
  goVersion: 'go1.22.5',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDoc(name: string, versions: string[]) {
  const list = versions.map(version => ({
    groupVersion: `${name}/${version}`,
    version,
  }));
  return { name, versions: list, preferredVersion: list[0] };
}

export function apiGroupList() {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: apiGroups().map(g => groupDoc(g.name, g.versions)),
  };
}

export function apiGroup(group: string) {
  const found = apiGroups().find(g => g.name === group);
  if (!found) {
    return undefined;
  }
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    ...groupDoc(found.name, found.versions),
  };
}

function resourceDoc(rt: ResourceType) {
  const doc: Record<string, unknown> = {
    name: rt.plural,
    singularName: rt.singular,
    namespaced: rt.namespaced,
    kind: rt.kind,
    verbs: rt.verbs,
  };
  if (rt.shortNames) {
    doc.shortNames = rt.shortNames;
  }
  if (rt.categories) {
    doc.categories = rt.categories;
  }
  if (!rt.virtual) {
    doc.storageVersionHash = Buffer.from(
      hex(`${apiVersionOf(rt)}/${rt.kind}`, 16),
      'hex',
    )
      .toString('base64')
      .slice(0, 11);
  }
  return doc;
}

function subresourceDoc(rt: ResourceType, sub: string) {
  if (sub === 'scale') {
    return {
      name: `${rt.plural}/scale`,
      singularName: '',
      namespaced: rt.namespaced,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get'],
    };
  }
  return {
    name: `${rt.plural}/${sub}`,
    singularName: '',
    namespaced: rt.namespaced,
    kind: rt.kind,
    verbs: ['get'],
  };
}

export function apiResourceList(group: string, version: string) {
  const types = RESOURCE_TYPES.filter(
    rt => rt.group === group && rt.version === version,
  );
  if (types.length === 0) {
    return undefined;
  }
  const resources = types.flatMap(rt => [
    resourceDoc(rt),
    ...(rt.subresources ?? []).map(sub => subresourceDoc(rt, sub)),
  ]);
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}
