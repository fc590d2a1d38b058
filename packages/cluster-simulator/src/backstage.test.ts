import { detectErrors } from '@backstage/plugin-kubernetes-common';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Backstage's own Kubernetes backend against the simulator, configured with
 * appConfigFor(). `KubernetesFetcher` is not exported by
 * @backstage/plugin-kubernetes-backend, so the probe runs the whole plugin
 * (its fetcher, fan-out handler, metrics lookup) in a test backend and
 * asks it over its public HTTP API; see __testUtils__/backstageProbe.ts for why
 * that runs in a separate Node process.
 */

function runProbe(): Promise<any> {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-simulator-probe-'));
  const output = join(dir, 'result.json');
  return new Promise((ok, fail) => {
    execFile(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolve(__dirname, '__testUtils__/backstageProbe.ts'),
      ],
      {
        cwd: resolve(__dirname, '..'),
        timeout: 100_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, PROBE_OUTPUT: output },
      },
      (error, stdout, stderr) => {
        try {
          if (error) {
            fail(
              new Error(
                `probe failed: ${error.message}\n${stderr}\n${stdout.slice(
                  -2000,
                )}`,
              ),
            );
            return;
          }
          ok(JSON.parse(readFileSync(output, 'utf8')));
        } catch (e) {
          fail(e);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
}

describe('Backstage Kubernetes backend against the simulator', () => {
  let result: any;

  beforeAll(async () => {
    result = await runProbe();
  }, 120_000);

  function clusterItem(response: any, cluster: string) {
    return response.items.find((i: any) => i.cluster.name === cluster);
  }

  function resourcesOf(item: any, type: string): any[] {
    return item.resources.find((r: any) => r.type === type)?.resources ?? [];
  }

  it('lists the configured clusters', () => {
    expect(result.clusters.items.map((c: any) => c.name)).toEqual([
      'eks-development-use1',
      'eks-staging-use1',
      'eks-production-use1',
    ]);
  });

  it('fetches orchestrator-api from all three clusters, with pod metrics and the Rollout', () => {
    const { status, body } = result.services['orchestrator-api'];
    expect(status).toBe(200);
    expect(body.items).toHaveLength(3);
    const prod = clusterItem(body, 'eks-production-use1');
    expect(prod.errors).toEqual([]);
    expect(resourcesOf(prod, 'pods')).toHaveLength(8);
    expect(
      resourcesOf(prod, 'deployments').map((d: any) => d.metadata.name),
    ).toEqual(['orchestrator-api']);
    expect(resourcesOf(prod, 'replicasets')).toHaveLength(4);
    expect(resourcesOf(prod, 'horizontalpodautoscalers')).toHaveLength(1);
    expect(resourcesOf(prod, 'services')).toHaveLength(1);
    expect(resourcesOf(prod, 'ingresses')).toHaveLength(1);
    expect(resourcesOf(prod, 'configmaps')).toHaveLength(1);
    expect(resourcesOf(prod, 'limitranges')).toHaveLength(1);
    expect(resourcesOf(prod, 'resourcequotas')).toHaveLength(1);
    const rollouts = resourcesOf(prod, 'customresources');
    expect(rollouts).toHaveLength(1);
    expect(rollouts[0]).toMatchObject({
      kind: 'Rollout',
      metadata: { name: 'orchestrator-api-canary' },
    });
    expect(prod.podMetrics).toHaveLength(8);
    for (const m of prod.podMetrics) {
      // Numbers, or strings for values that were bigints.
      expect(Number(m.cpu.currentUsage)).toBeGreaterThan(0);
      expect(Number(m.memory.currentUsage)).toBeGreaterThan(0);
      expect(Number(m.cpu.requestTotal)).toBeGreaterThan(0);
    }
    expect(
      resourcesOf(clusterItem(body, 'eks-staging-use1'), 'pods'),
    ).toHaveLength(2);
    expect(
      resourcesOf(clusterItem(body, 'eks-development-use1'), 'pods'),
    ).toHaveLength(1);
  });

  it('detects exactly the documented broken workloads with Backstage error detection', () => {
    const found: string[] = [];
    for (const [service, { status, body }] of Object.entries<any>(
      result.services,
    )) {
      expect(status).toBe(200);
      for (const [cluster, list] of detectErrors(body)) {
        for (const e of list) {
          found.push(`${cluster} ${service} ${e.sourceRef.kind} ${e.type}`);
        }
      }
    }
    expect(found.sort()).toEqual(
      [
        'eks-production-use1 orchestrator-api HorizontalPodAutoscaler hpa-max-current-replicas',
        'eks-production-use1 task-runner Pod container-waiting',
        'eks-production-use1 task-runner Pod containers-restarting',
        'eks-staging-use1 operator-console Deployment condition-message-present',
        'eks-staging-use1 operator-console Pod readiness-probe-taking-too-long',
      ].sort(),
    );
    const ks = result.services['knowledge-store'].body;
    const pending = resourcesOf(
      clusterItem(ks, 'eks-development-use1'),
      'pods',
    );
    expect(pending.map((p: any) => p.status.phase)).toEqual(['Pending']);
  });

  it('reports simulated faults as Backstage fetch errors', () => {
    const { status, body } = result.withFaults;
    expect(status).toBe(200);
    const staging = clusterItem(body, 'eks-staging-use1');
    expect(staging.errors.length).toBeGreaterThan(0);
    expect(staging.errors[0]).toMatchObject({
      errorType: 'SYSTEM_ERROR',
      statusCode: 500,
    });
    const dev = clusterItem(body, 'eks-development-use1');
    expect(dev.errors).toEqual([
      expect.objectContaining({
        errorType: 'FETCH_ERROR',
        message: expect.stringContaining('ECONNREFUSED'),
      }),
    ]);
    const prod = clusterItem(body, 'eks-production-use1');
    expect(prod.errors).toEqual([]);
    expect(resourcesOf(prod, 'pods').length).toBeGreaterThan(0);
  });
});
