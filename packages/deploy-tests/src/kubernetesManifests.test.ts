import {
  CHECKED_KUBERNETES_KINDS,
  checkKubernetesFiles,
} from '@gatehouse/plugin-infra-plans-node';
import {
  kubernetesManifestFiles,
  kubernetesObjects,
  objectOf,
  readRepositoryFile,
  readYaml,
} from './__testUtils__/repository';

const deployment = () => objectOf('Deployment', 'gatehouse');
const backend = () =>
  deployment().spec.template.spec.containers.find(
    (c: any) => c.name === 'backend',
  );

/** Names of environment variables that carry credentials. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|_KEY$|CREDENTIAL/i;

describe('deploy/kubernetes', () => {
  it('validates every object against the Kubernetes schemas', () => {
    const files = kubernetesManifestFiles();
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(checkKubernetesFiles(files)).toEqual([]);
  });

  it('has a schema for every object it declares', () => {
    for (const obj of kubernetesObjects()) {
      if (obj.kind === 'Kustomization') continue;
      expect(CHECKED_KUBERNETES_KINDS).toContain(
        `${obj.apiVersion}/${obj.kind}`,
      );
    }
  });

  it('lists every manifest in the kustomization, and only those', () => {
    const kustomization = kubernetesObjects().find(
      obj => obj.kind === 'Kustomization',
    );
    const manifests = kubernetesManifestFiles()
      .map(file => file.path.replace('kubernetes/', ''))
      .filter(name => name !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(manifests);
  });

  it('declares the objects a production service needs', () => {
    const kinds = new Set(kubernetesObjects().map(obj => obj.kind));
    for (const kind of [
      'Namespace',
      'ServiceAccount',
      'ConfigMap',
      'Deployment',
      'Service',
      'Ingress',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
    ]) {
      expect(kinds).toContain(kind);
    }
    for (const obj of kubernetesObjects()) {
      if (obj.kind === 'Namespace' || obj.kind === 'Kustomization') continue;
      expect(obj.metadata.namespace).toBe('gatehouse');
    }
  });

  it('runs several replicas that roll without losing capacity', () => {
    const spec = deployment().spec;
    expect(spec.replicas).toBeGreaterThanOrEqual(2);
    expect(spec.strategy.type).toBe('RollingUpdate');
    expect(spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(spec.strategy.rollingUpdate.maxSurge).toBeGreaterThanOrEqual(1);
  });

  it("probes Backstage's health endpoints on the container's port", () => {
    const container = backend();
    const port = container.ports.find((p: any) => p.name === 'http');
    expect(port.containerPort).toBe(7007);
    expect(container.readinessProbe.httpGet).toEqual({
      path: '/.backstage/health/v1/readiness',
      port: 'http',
    });
    expect(container.livenessProbe.httpGet).toEqual({
      path: '/.backstage/health/v1/liveness',
      port: 'http',
    });
    // Start-up is covered by a startup probe, so liveness cannot kill a pod
    // that is still migrating its databases.
    expect(container.startupProbe.httpGet.path).toBe(
      '/.backstage/health/v1/readiness',
    );
    const startupBudget =
      container.startupProbe.periodSeconds *
      container.startupProbe.failureThreshold;
    expect(startupBudget).toBeGreaterThanOrEqual(120);
  });

  it('sets resources and a restricted security context', () => {
    const container = backend();
    expect(container.resources.requests.cpu).toBeDefined();
    expect(container.resources.requests.memory).toBeDefined();
    expect(container.resources.limits.memory).toBeDefined();
    const pod = deployment().spec.template.spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.seccompProfile.type).toBe('RuntimeDefault');
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    // The grace period covers the preStop pause and the server's drain.
    const preStop = Number(container.lifecycle.preStop.exec.command[1]);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStop + 10);
  });

  it('keeps a majority available through disruptions', () => {
    const pdb = objectOf('PodDisruptionBudget', 'gatehouse');
    const replicas = deployment().spec.replicas;
    expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(2);
    expect(pdb.spec.minAvailable).toBeLessThan(replicas);
    expect(pdb.spec.selector.matchLabels).toEqual(
      deployment().spec.selector.matchLabels,
    );
  });

  it('autoscales the Deployment within sane bounds', () => {
    const hpa = objectOf('HorizontalPodAutoscaler', 'gatehouse');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'gatehouse',
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(
      deployment().spec.replicas,
    );
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    // Backstage needs its requests to be set for utilization targets.
    expect(hpa.spec.metrics.length).toBeGreaterThan(0);
  });

  it('routes the Service and the Ingress to the backend pods', () => {
    const service = objectOf('Service', 'gatehouse');
    const podLabels = deployment().spec.template.metadata.labels;
    for (const [key, value] of Object.entries(service.spec.selector)) {
      expect(podLabels[key]).toBe(value);
    }
    expect(service.spec.ports[0].targetPort).toBe('http');
    const ingress = objectOf('Ingress', 'gatehouse');
    expect(ingress.spec.tls[0].secretName).toBeDefined();
    const policy = objectOf('NetworkPolicy', 'gatehouse');
    expect(policy.spec.ingress[0].ports[0].port).toBe(7007);
  });

  it('mounts the app-config ConfigMap where the command reads it', () => {
    const container = backend();
    const configArgs = container.args.filter(
      (_: string, i: number) => container.args[i - 1] === '--config',
    );
    const mounted = configArgs.find((arg: string) =>
      arg.startsWith('/etc/gatehouse/'),
    );
    const mount = container.volumeMounts.find(
      (m: any) => m.mountPath === '/etc/gatehouse',
    );
    const volume = deployment().spec.template.spec.volumes.find(
      (v: any) => v.name === mount.name,
    );
    const configMap = objectOf('ConfigMap', volume.configMap.name);
    expect(Object.keys(configMap.data)).toContain(
      mounted.replace('/etc/gatehouse/', ''),
    );
  });

  it('holds no secret values: no Secret objects, credentials by reference', () => {
    expect(kubernetesObjects().map(obj => obj.kind)).not.toContain('Secret');
    const env: any[] = backend().env;
    const credentials = env.filter(e => SECRET_NAME.test(e.name));
    expect(credentials.length).toBeGreaterThanOrEqual(4);
    for (const variable of credentials) {
      expect(variable.value).toBeUndefined();
      expect(variable.valueFrom.secretKeyRef.name).toBe('gatehouse-secrets');
    }
    for (const configMap of kubernetesObjects().filter(
      obj => obj.kind === 'ConfigMap',
    )) {
      for (const key of Object.keys(configMap.data)) {
        expect(key).not.toMatch(SECRET_NAME);
      }
      expect(JSON.stringify(configMap.data)).not.toMatch(
        /password:|secret:|token:/i,
      );
    }
  });

  it('provides every variable the production configuration requires', () => {
    // Backstage validates every section at start-up, clusters and forges
    // included: a variable left unset where a value is required stops the
    // backend (scripts/rehearse-image.sh found it so). Only these may be
    // unset, where the key they fill is optional.
    const optional = new Set([
      // The local publisher, which replicas cannot share.
      'GATEHOUSE_REPOSITORIES_DIR',
      // Cluster CAs: without them the system's CAs apply.
      'K8S_PRODUCTION_CA_DATA',
      'K8S_STAGING_CA_DATA',
      'K8S_DEVELOPMENT_CA_DATA',
    ]);
    const referenced = [
      ...new Set(
        JSON.stringify(readYaml('app-config.production.yaml'))
          .match(/\$\{([A-Z0-9_]+)\}/g)!
          .map(ref => ref.slice(2, -1)),
      ),
    ];
    const provided = new Set([
      ...Object.keys(objectOf('ConfigMap', 'gatehouse-env').data),
      ...backend().env.map((e: any) => e.name),
    ]);
    const missing = referenced.filter(
      name => !provided.has(name) && !optional.has(name),
    );
    expect(referenced.length).toBeGreaterThanOrEqual(12);
    expect(missing).toEqual([]);
  });

  it('names the Secret keys docs/production.md tells operators to create', () => {
    const docs = readRepositoryFile('docs/production.md');
    const keys = backend()
      .env.filter((e: any) => e.valueFrom?.secretKeyRef)
      .map((e: any) => e.valueFrom.secretKeyRef.key);
    for (const key of keys) expect(docs).toContain(key);
  });
});
