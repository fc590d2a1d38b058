import {
  presetPlan,
  validatePlan,
  type InfraPlan,
  type Tier,
  type Workload,
} from '@gatehouse/plugin-infra-plans-common';
import {
  CHECKED_KUBERNETES_KINDS,
  checkKubernetesFiles,
} from './checks/kubernetes';
import { checkTerraformFiles } from './checks/terraform';
import { checkTerraformProviderSchema } from './checks/terraformProviderSchema';
import { renderEnvironmentRepository } from './renderEnvironmentRepository';
import type { RenderedRepository } from './types';
import {
  fileOf,
  hasFile,
  hclOf,
  ingressSettingsOf,
  kustomizeBuild,
  requireTool,
  yamlDocumentsOf,
  yamlOf,
} from './__testUtils__/repository';

jest.setTimeout(120_000);

const TIERS: Tier[] = ['development', 'staging', 'production'];
const STRATEGIES = ['rolling', 'blue-green', 'canary'] as const;
const SWITCHES = [false, true];

const combinations = TIERS.flatMap(tier =>
  SWITCHES.flatMap(database =>
    SWITCHES.flatMap(cache =>
      SWITCHES.flatMap(objectStorage =>
        STRATEGIES.map(delivery => ({
          tier,
          database,
          cache,
          objectStorage,
          delivery,
        })),
      ),
    ),
  ),
);

function planFor(c: (typeof combinations)[number]): InfraPlan {
  return presetPlan({
    service: 'payments-api',
    owner: 'team-payments',
    system: 'payments',
    tiers: [c.tier],
    database: c.database,
    cache: c.cache,
    objectStorage: c.objectStorage,
    delivery: c.delivery,
    workload: { name: 'api', host: 'pay.example.com' },
  });
}

const ALB = 'alb.ingress.kubernetes.io/';

/** The replacements of kubernetes/kustomization.yaml as [source key, target Ingress, annotation]. */
function replacementsOf(repo: RenderedRepository): string[][] {
  return (yamlOf(repo, 'kubernetes/kustomization.yaml').replacements ?? [])
    .flatMap((r: any) =>
      r.targets.flatMap((t: any) =>
        t.fieldPaths.map((f: string) => [
          r.source.fieldPath.replace(/^data\./, ''),
          t.select.name,
          f.replace(/^metadata\.annotations\.\[(.*)\]$/, '$1'),
        ]),
      ),
    )
    .sort();
}

const label = (c: (typeof combinations)[number]) =>
  `${c.tier}, database ${c.database}, cache ${c.cache}, storage ${c.objectStorage}, ${c.delivery}`;
const render = (c: (typeof combinations)[number]) =>
  renderEnvironmentRepository({ plan: planFor(c), environment: c.tier });
const named = (list: typeof combinations) =>
  list.map(c => ({ ...c, name: label(c) }));

describe('renderEnvironmentRepository over the tier presets', () => {
  it('covers every combination (3 tiers × database × cache × storage × 3 strategies)', () => {
    expect(combinations).toHaveLength(72);
  });

  it.each(named(combinations))('$name: valid plan, clean checks', async c => {
    const plan = planFor(c);
    const validation = validatePlan(plan);
    expect(validation.issues.filter(i => i.severity === 'error')).toEqual([]);
    expect(validation.valid).toBe(true);

    const repo = render(c);
    const paths = repo.files.map(f => f.path);
    expect(paths).toEqual([...paths].sort());

    requireTool('terraform');
    const terraform = await checkTerraformFiles(repo.files);
    expect(terraform.issues).toEqual([]);
    // The parser, hclwrite's formatter, the AWS provider schema and the real
    // `terraform fmt -check`.
    expect(terraform.checkedWith.join(' | ')).toMatch(
      /^[^|]*hcl2json[^|]* \| [^|]*hcl-tools[^|]* \| AWS provider schema \(@cdktf\/provider-aws [\d.]+\) \| terraform fmt \(Terraform \d+\.\d+/,
    );
    expect(await checkTerraformProviderSchema(repo.files)).toEqual([]);
    expect(checkKubernetesFiles(repo.files)).toEqual([]);

    // Files exist exactly for what the environment has.
    expect({
      database: paths.includes('terraform/database.tf'),
      cache: paths.includes('terraform/cache.tf'),
      objectStorage: paths.includes('terraform/storage.tf'),
      queues: paths.includes('terraform/queues.tf'),
      alerts: paths.includes('monitoring/alerts.rules.yaml'),
    }).toEqual({
      database: c.database,
      cache: c.cache,
      objectStorage: c.objectStorage,
      queues: false,
      alerts: c.tier !== 'development',
    });
    expect(paths).toEqual(
      expect.arrayContaining([
        'terraform/versions.tf',
        'terraform/backend.tf',
        'terraform/providers.tf',
        'terraform/variables.tf',
        'terraform/terraform.tfvars',
        'terraform/network.tf',
        'terraform/eks.tf',
        'terraform/loadbalancer.tf',
        'terraform/outputs.tf',
        'kubernetes/kustomization.yaml',
        'docs/Infrastructure_Requirements.md',
        'docs/Deployment_Architecture_Plan.json',
        'docs/Scalability_Architecture_Design.md',
        'docs/Performance_Optimization_Plan.json',
        'docs/topology.mmd',
        'infra-plan.yaml',
        'README.md',
        'catalog-info.yaml',
      ]),
    );
    expect(fileOf(repo, 'README.md')).toContain(`# payments-api: ${c.tier}`);
  });

  it.each(named(combinations))(
    '$name: EKS and network from the plan',
    async c => {
      const plan = planFor(c);
      const env = plan.spec.environments[c.tier];
      const repo = render(c);
      const eks = await hclOf(repo, 'terraform/eks.tf');
      expect(eks.resource.aws_eks_cluster.this[0].version).toBe(
        env.compute.cluster.kubernetesVersion,
      );
      const group = env.compute.nodeGroups[0];
      const nodeGroup = eks.resource.aws_eks_node_group[group.name][0];
      expect(nodeGroup.scaling_config[0]).toEqual({
        min_size: group.minSize,
        desired_size: group.desiredSize,
        max_size: group.maxSize,
      });
      expect(nodeGroup.instance_types).toEqual(group.instanceTypes);

      const network = await hclOf(repo, 'terraform/network.tf');
      const zones = env.network.vpc.availabilityZones.length;
      expect(Object.keys(network.resource.aws_subnet)).toHaveLength(
        zones * (c.database ? 3 : 2),
      );
      expect(network.resource.aws_vpc.this[0].cidr_block).toBe(
        env.network.vpc.cidr,
      );
      // one-per-az NAT in production, a single shared one below.
      expect(Object.keys(network.resource.aws_nat_gateway)).toHaveLength(
        c.tier === 'production' ? zones : 1,
      );
    },
  );

  it.each(named(combinations.filter(c => c.database)))(
    '$name: database.tf',
    async c => {
      const planned = planFor(c).spec.environments[c.tier].data!.databases![0];
      const db = (await hclOf(render(c), 'terraform/database.tf')).resource
        .aws_db_instance.main[0];
      expect(db).toMatchObject({
        engine: 'postgres',
        engine_version: planned.version,
        instance_class: planned.instanceClass,
        multi_az: c.tier !== 'development',
        storage_encrypted: true,
        backup_window: '03:00-04:00',
        backup_retention_period: { development: 1, staging: 7, production: 30 }[
          c.tier
        ],
        deletion_protection: c.tier !== 'development',
        manage_master_user_password: true,
      });
    },
  );

  it.each(named(combinations.filter(c => c.cache)))(
    '$name: cache.tf',
    async c => {
      const planned = planFor(c).spec.environments[c.tier].data!.caches![0];
      const cache = (await hclOf(render(c), 'terraform/cache.tf')).resource
        .aws_elasticache_replication_group.cache[0];
      expect(cache).toMatchObject({
        engine: 'redis',
        engine_version: planned.version,
        node_type: planned.nodeType,
        replicas_per_node_group: planned.replicasPerShard,
      });
    },
  );

  it.each(named(combinations.filter(c => c.objectStorage)))(
    '$name: storage.tf',
    async c => {
      const storage = (await hclOf(render(c), 'terraform/storage.tf')).resource;
      expect(storage.aws_s3_bucket.assets[0].bucket).toBe(
        `payments-api-${c.tier}-assets`,
      );
      const rules =
        storage.aws_s3_bucket_lifecycle_configuration.assets[0].rule;
      expect(rules[0].transition.map((t: any) => t.days)).toEqual([30, 90]);
      expect(Boolean(storage.aws_s3_bucket_replication_configuration)).toBe(
        c.tier === 'production',
      );
    },
  );

  it.each(named(combinations))('$name: the workload object', c => {
    const env = planFor(c).spec.environments[c.tier];
    const workload = env.workloads[0];
    const kind = c.delivery === 'rolling' ? 'deployment' : 'rollout';
    const object = yamlOf(render(c), `kubernetes/api/${kind}.yaml`);
    expect(object.kind).toBe(
      c.delivery === 'rolling' ? 'Deployment' : 'Rollout',
    );
    expect(object.metadata.namespace).toBe('payments-api');
    expect(object.metadata.labels['backstage.io/kubernetes-id']).toBe(
      'payments-api',
    );
    expect(
      object.spec.template.metadata.labels['backstage.io/kubernetes-id'],
    ).toBe('payments-api');
    const container = object.spec.template.spec.containers[0];
    expect(container.resources.requests).toEqual({
      cpu: String(workload.resources.requests.cpu),
      memory: String(workload.resources.requests.memory),
    });
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    // The autoscaler owns the replica count when there is one.
    expect(object.spec.replicas).toBe(
      workload.autoscaling ? undefined : workload.replicas,
    );
  });

  it.each(named(combinations))(
    '$name: Ingress for the application load balancer (default)',
    async c => {
      const env = planFor(c).spec.environments[c.tier];
      const repo = render(c);
      expect(CHECKED_KUBERNETES_KINDS).toContain(
        'networking.k8s.io/v1/Ingress',
      );
      expect(
        yamlOf(repo, 'kubernetes/api/kustomization.yaml').resources,
      ).toContain('ingress.yaml');
      const ingress = yamlOf(repo, 'kubernetes/api/ingress.yaml');
      expect(ingress).toMatchObject({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
          name: 'api',
          namespace: 'payments-api',
          labels: { 'backstage.io/kubernetes-id': 'payments-api' },
        },
      });
      // Blue-green and canary too: the workload's Service (the active one
      // for blue-green), on the port the Service serves.
      expect(ingress.spec).toEqual({
        ingressClassName: 'alb',
        rules: [
          {
            host: 'pay.example.com',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'api', port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      });
      expect(yamlOf(repo, 'kubernetes/api/service.yaml').spec.ports).toEqual([
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
      ]);

      const annotations = ingress.metadata.annotations;
      expect(annotations).toMatchObject({
        [`${ALB}group.name`]: `payments-api-${c.tier}-public`,
        [`${ALB}load-balancer-name`]: `payments-api-${c.tier}-public`,
        [`${ALB}group.order`]: '1',
        [`${ALB}scheme`]: 'internet-facing',
        [`${ALB}ssl-redirect`]: '443',
        [`${ALB}ssl-policy`]:
          c.tier === 'production'
            ? 'ELBSecurityPolicy-TLS13-1-3-2021-06'
            : 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        [`${ALB}target-type`]: 'ip',
        [`${ALB}healthcheck-path`]: '/ready',
        [`${ALB}healthcheck-port`]: 'traffic-port',
        [`${ALB}healthcheck-interval-seconds`]: '5',
        [`${ALB}success-codes`]: '200-399',
        [`${ALB}load-balancer-attributes`]: `routing.http.drop_invalid_header_fields.enabled=true,deletion_protection.enabled=${
          c.tier === 'production'
        }`,
      });
      expect(JSON.parse(annotations[`${ALB}listen-ports`])).toEqual([
        { HTTPS: 443 },
        { HTTP: 80 },
      ]);
      expect(annotations[`${ALB}tags`]).toContain(
        `Service=payments-api,Environment=${c.tier},Tier=${c.tier}`,
      );

      // What only Terraform knows comes from local.ingress_settings, through
      // kustomize replacements into the annotations.
      const waf = c.tier !== 'development';
      const fromTerraform = [
        'certificate-arn',
        'security-groups',
        'subnets',
        ...(waf ? ['wafv2-acl-arn'] : []),
      ];
      expect(replacementsOf(repo)).toEqual(
        fromTerraform.map(a => [`${a}-public`, 'api', `${ALB}${a}`]),
      );
      for (const a of fromTerraform) {
        expect(annotations[`${ALB}${a}`]).toMatch(
          /^set by kustomize from terraform output ingress_settings/,
        );
      }
      const settings = await ingressSettingsOf(repo);
      const zones = env.network.vpc.availabilityZones.map(az => az.slice(-1));
      expect(settings).toEqual({
        'subnets-public': `\${join(",", [${zones
          .map(z => `aws_subnet.public_${z}.id`)
          .join(', ')}])}`,
        'security-groups-public': '${join(",", [aws_security_group.alb.id])}',
        'certificate-arn-public': `\${join(",", [data.aws_acm_certificate.cert_api-${c.tier}-tls.arn])}`,
        ...(waf
          ? { 'wafv2-acl-arn-public': '${aws_wafv2_web_acl.this.arn}' }
          : {}),
      });
      expect(
        yamlOf(repo, 'kubernetes/kustomization.yaml').configMapGenerator,
      ).toEqual([
        {
          name: 'ingress-settings',
          envs: ['ingress-settings.env'],
          options: {
            disableNameSuffixHash: true,
            annotations: { 'config.kubernetes.io/local-config': 'true' },
          },
        },
      ]);

      // Terraform does not create the ALB the controller creates.
      const lb = await hclOf(repo, 'terraform/loadbalancer.tf');
      expect(Object.keys(lb.resource ?? {})).toEqual(
        waf ? ['aws_wafv2_web_acl'] : [],
      );
      expect(Object.keys(lb.data.aws_acm_certificate)).toEqual([
        `cert_api-${c.tier}-tls`,
      ]);
      const outputs = (await hclOf(repo, 'terraform/outputs.tf')).output;
      expect(outputs.ingress_settings[0].value).toBe(
        '${join("", [for key, value in local.ingress_settings : "${key}=${value}\\n"])}',
      );
      expect(outputs.load_balancer_public_dns_name).toBeUndefined();
      expect(outputs.target_group_bindings).toBeUndefined();
      expect(fileOf(repo, 'README.md')).toContain(
        '`terraform -chdir=terraform output -raw ingress_settings > kubernetes/ingress-settings.env`',
      );
    },
  );

  // kubectl's built-in kustomize builds what `kubectl apply -k` sends.
  describe('with kubectl', () => {
    beforeAll(() => requireTool('kubectl'));

    it.each(named(combinations))(
      '$name: kubectl kustomize fills the Ingress from the Terraform settings',
      async c => {
        const repo = render(c);
        const keys = Object.keys(await ingressSettingsOf(repo));
        const values = Object.fromEntries(
          keys.map(key => [key, `value-of-${key}`]),
        );
        const objects = kustomizeBuild(repo, values);
        // The settings ConfigMap is local: it is never applied.
        expect(objects.map(o => o.kind)).not.toContain('ConfigMap');
        const ingress = objects.find(o => o.kind === 'Ingress');
        const annotations = ingress.metadata.annotations;
        expect(annotations[`${ALB}subnets`]).toBe('value-of-subnets-public');
        expect(annotations[`${ALB}security-groups`]).toBe(
          'value-of-security-groups-public',
        );
        expect(annotations[`${ALB}certificate-arn`]).toBe(
          'value-of-certificate-arn-public',
        );
        expect(annotations[`${ALB}wafv2-acl-arn`]).toBe(
          c.tier === 'development'
            ? undefined
            : 'value-of-wafv2-acl-arn-public',
        );
        expect(JSON.stringify(objects)).not.toContain('set by kustomize');
        expect(
          checkKubernetesFiles([
            {
              path: 'kubernetes/built.yaml',
              content: objects.map(o => JSON.stringify(o)).join('\n---\n'),
            },
          ]),
        ).toEqual([]);
      },
    );
  });

  it.each(named(combinations.filter(c => c.delivery === 'canary')))(
    '$name: canary weights in the Rollout',
    c => {
      const env = planFor(c).spec.environments[c.tier];
      const repo = render(c);
      const rollout = yamlOf(repo, 'kubernetes/api/rollout.yaml');
      const weights = rollout.spec.strategy.canary.steps
        .filter((s: any) => s.setWeight !== undefined)
        .map((s: any) => s.setWeight);
      expect(weights).toEqual(env.delivery!.canary!.steps.map(s => s.weight));
      expect(weights).toEqual([10, 25, 50]);
      expect(rollout.spec.strategy.canary.analysis.templates).toEqual([
        { templateName: 'api-canary' },
      ]);
      expect(
        yamlOf(repo, 'kubernetes/api/analysis-template.yaml').spec.metrics,
      ).toHaveLength(2);
    },
  );

  it.each(named(combinations.filter(c => c.delivery === 'blue-green')))(
    '$name: blue-green services',
    c => {
      const repo = render(c);
      const rollout = yamlOf(repo, 'kubernetes/api/rollout.yaml');
      expect(rollout.spec.strategy.blueGreen).toMatchObject({
        activeService: 'api',
        previewService: 'api-preview',
        autoPromotionEnabled: c.tier !== 'production',
      });
      expect(yamlOf(repo, 'kubernetes/api/service.yaml').metadata.name).toBe(
        'api',
      );
      expect(
        yamlOf(repo, 'kubernetes/api/service-preview.yaml').metadata.name,
      ).toBe('api-preview');
    },
  );

  it.each(named(combinations.filter(c => c.tier !== 'development')))(
    '$name: HPA, PDB and alert rules',
    c => {
      const workload = planFor(c).spec.environments[c.tier].workloads[0];
      const repo = render(c);
      const hpa = yamlOf(repo, 'kubernetes/api/hpa.yaml');
      expect(hpa.spec).toMatchObject({
        minReplicas: workload.autoscaling!.minReplicas,
        maxReplicas: workload.autoscaling!.maxReplicas,
        scaleTargetRef: {
          kind: c.delivery === 'rolling' ? 'Deployment' : 'Rollout',
          name: 'api',
        },
      });
      expect(yamlOf(repo, 'kubernetes/api/pdb.yaml').spec.maxUnavailable).toBe(
        1,
      );

      const rules = yamlOf(repo, 'monitoring/alerts.rules.yaml').groups.flatMap(
        (g: any) => g.rules,
      );
      expect(rules.map((r: any) => r.alert)).toEqual(
        expect.arrayContaining([
          'AvailabilityBudgetFastBurn',
          'LatencyP95AboveObjective',
          'ErrorRateAboveObjective',
          'HighErrorRate',
          'SlowResponses',
          'CpuSaturation',
        ]),
      );
      const cpu = rules.find((r: any) => r.alert === 'CpuSaturation');
      expect(cpu).toMatchObject({
        for: '15m',
        labels: { severity: 'warning', workload: 'api', environment: c.tier },
      });
      expect(cpu.expr).toMatch(/> 85$/);
    },
  );

  it.each(named(combinations))('$name: catalog entity', c => {
    const [entity] = yamlDocumentsOf(render(c), 'catalog-info.yaml');
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: { name: `payments-api-${c.tier}` },
      spec: {
        type: 'environment',
        owner: 'team-payments',
        system: 'payments',
        dependencyOf: ['component:default/payments-api'],
      },
    });
  });
});

/** The smaller matrix for target-group-binding mode: every tier and strategy, with a database. */
const bindingCombinations = combinations.filter(
  c => c.database && c.cache === c.objectStorage && c.cache === c.database,
);

describe('renderEnvironmentRepository with loadBalancing: target-group-binding', () => {
  const renderBinding = (c: (typeof combinations)[number]) =>
    renderEnvironmentRepository({
      plan: planFor(c),
      environment: c.tier,
      loadBalancing: 'target-group-binding',
    });

  it('covers every tier and strategy', () => {
    expect(bindingCombinations).toHaveLength(9);
  });

  it.each(named(bindingCombinations))(
    '$name: Terraform owns the ALB, no Ingress, clean checks',
    async c => {
      requireTool('terraform');
      const repo = renderBinding(c);
      const terraform = await checkTerraformFiles(repo.files);
      expect(terraform.issues).toEqual([]);
      expect(terraform.checkedWith).toHaveLength(4);
      expect(await checkTerraformProviderSchema(repo.files)).toEqual([]);
      expect(checkKubernetesFiles(repo.files)).toEqual([]);

      expect(repo.files.filter(f => /ingress/.test(f.path))).toEqual([]);
      expect(
        yamlOf(repo, 'kubernetes/kustomization.yaml').configMapGenerator,
      ).toBeUndefined();

      const lb = await hclOf(repo, 'terraform/loadbalancer.tf');
      expect(lb.resource.aws_lb.public[0]).toMatchObject({
        load_balancer_type: 'application',
        internal: false,
        enable_deletion_protection: c.tier === 'production',
      });
      expect(Object.keys(lb.resource.aws_lb_listener)).toEqual([
        'public_443',
        'public_80',
      ]);
      expect(
        lb.resource.aws_lb_target_group.public_api[0].health_check[0],
      ).toMatchObject({ protocol: 'HTTP', path: '/ready', interval: 5 });
      expect(Boolean(lb.resource.aws_wafv2_web_acl_association)).toBe(
        c.tier !== 'development',
      );
      expect(lb.locals[0].target_group_bindings).toBeDefined();
      expect(lb.locals[0].ingress_settings).toBeUndefined();

      const outputs = (await hclOf(repo, 'terraform/outputs.tf')).output;
      expect(outputs.target_group_bindings).toBeDefined();
      expect(outputs.load_balancer_public_dns_name[0].value).toBe(
        '${aws_lb.public.dns_name}',
      );
      expect(outputs.ingress_settings).toBeUndefined();
      expect(fileOf(repo, 'README.md')).toContain(
        'output -raw target_group_bindings | kubectl apply -f -',
      );
    },
  );

  it.each(named(bindingCombinations))(
    '$name: only the load balancing files differ from ingress mode',
    c => {
      const binding = renderBinding(c);
      const ingress = render(c);
      const differing = [
        ...new Set([...binding.files, ...ingress.files].map(f => f.path)),
      ].filter(
        path =>
          !hasFile(binding, path) ||
          !hasFile(ingress, path) ||
          fileOf(binding, path) !== fileOf(ingress, path),
      );
      expect(differing.sort()).toEqual([
        'README.md',
        'kubernetes/api/ingress.yaml',
        'kubernetes/api/kustomization.yaml',
        'kubernetes/kustomization.yaml',
        'terraform/loadbalancer.tf',
        'terraform/outputs.tf',
      ]);
    },
  );
});

describe('load balancing beyond the presets', () => {
  const CERTIFICATE_ARN =
    'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

  /**
   * A staging plan with three load balancers: the public ALB (HTTPS with a
   * certificate ARN, HTTP redirect) routing `api` under /api and `web`
   * under /app/ on one host; an internal ALB without security groups
   * routing `api` too; and an internal NLB in front of `broker`.
   */
  function mixedPlan(): InfraPlan {
    const plan = presetPlan({
      service: 'shop',
      owner: 'team-shop',
      tiers: ['staging'],
      workload: { name: 'api', host: 'shop.example.com' },
    });
    const env = plan.spec.environments.staging;
    const api = env.workloads[0];
    api.expose = { ...api.expose!, path: '/api' };
    const web: Workload = {
      ...structuredClone(api),
      name: 'web',
      image: 'ghcr.io/gatehouse/web:1.0.0',
      expose: {
        loadBalancer: 'public',
        host: 'shop.example.com',
        path: '/app/',
        port: 'http',
      },
      secrets: undefined,
    };
    const broker: Workload = {
      ...structuredClone(api),
      name: 'broker',
      image: 'ghcr.io/gatehouse/broker:1.0.0',
      ports: [{ name: 'amqp', containerPort: 5672 }],
      probes: {
        liveness: { tcp: { port: 'amqp' }, period: '10s' },
        readiness: { tcp: { port: 'amqp' }, period: '10s' },
      },
      expose: undefined,
      secrets: undefined,
    };
    env.workloads.push(web, broker);
    const [publicLb] = env.network.loadBalancers!;
    publicLb.listeners[0].certificate = CERTIFICATE_ARN;
    env.network.loadBalancers!.push(
      {
        name: 'internal',
        type: 'application',
        scheme: 'internal',
        listeners: [{ port: 8080, protocol: 'HTTP' }],
        targets: ['api'],
      },
      {
        name: 'queue',
        type: 'network',
        scheme: 'internal',
        listeners: [{ port: 5672, protocol: 'TCP' }],
        targets: ['broker'],
      },
    );
    return plan;
  }

  const plan = mixedPlan();
  const repo = renderEnvironmentRepository({ plan, environment: 'staging' });
  const annotation = (path: string, name: string) =>
    yamlOf(repo, path).metadata.annotations[`${ALB}${name}`];

  it('is a valid plan whose repository passes the checks', async () => {
    expect(
      validatePlan(plan).issues.filter(i => i.severity === 'error'),
    ).toEqual([]);
    expect((await checkTerraformFiles(repo.files)).issues).toEqual([]);
    expect(checkKubernetesFiles(repo.files)).toEqual([]);
  });

  it('groups the Ingresses of one ALB, in the plan order, with the same ALB settings', () => {
    const api = yamlOf(repo, 'kubernetes/api/ingress-public.yaml');
    const web = yamlOf(repo, 'kubernetes/web/ingress.yaml');
    expect([api.metadata.name, web.metadata.name]).toEqual([
      'api-public',
      'web',
    ]);
    expect(
      [api, web].map(i => i.metadata.annotations[`${ALB}group.order`]),
    ).toEqual(['1', '2']);
    const albWide = (annotations: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(annotations).filter(([key]) =>
          [
            'group.name',
            'load-balancer-name',
            'scheme',
            'subnets',
            'security-groups',
            'listen-ports',
            'certificate-arn',
            'ssl-policy',
            'ssl-redirect',
            'wafv2-acl-arn',
            'load-balancer-attributes',
          ].some(name => key === `${ALB}${name}`),
        ),
      );
    expect(Object.keys(albWide(web.metadata.annotations))).toHaveLength(11);
    expect(albWide(api.metadata.annotations)).toEqual(
      albWide(web.metadata.annotations),
    );
    expect(web.spec.rules).toEqual([
      {
        host: 'shop.example.com',
        http: {
          paths: [
            {
              path: '/app',
              pathType: 'Prefix',
              backend: { service: { name: 'web', port: { number: 80 } } },
            },
          ],
        },
      },
    ]);
    expect(api.spec.rules[0].http.paths[0].path).toBe('/api');
  });

  it('writes a certificate ARN from the plan as it is, without a lookup', async () => {
    expect(annotation('kubernetes/web/ingress.yaml', 'certificate-arn')).toBe(
      CERTIFICATE_ARN,
    );
    const settings = await ingressSettingsOf(repo);
    expect(Object.keys(settings).sort()).toEqual([
      'security-groups-public',
      'subnets-internal',
      'subnets-public',
      'wafv2-acl-arn-public',
    ]);
    expect(
      (await hclOf(repo, 'terraform/loadbalancer.tf')).data,
    ).toBeUndefined();
  });

  it('routes a workload of two ALBs through one Ingress per ALB', () => {
    const internal = yamlOf(repo, 'kubernetes/api/ingress-internal.yaml');
    expect(internal.metadata.name).toBe('api-internal');
    expect(internal.spec.rules).toEqual([
      {
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: 'api', port: { number: 80 } } },
            },
          ],
        },
      },
    ]);
    expect(yamlOf(repo, 'kubernetes/api/kustomization.yaml').resources).toEqual(
      expect.arrayContaining(['ingress-public.yaml', 'ingress-internal.yaml']),
    );
    // An internal ALB without plan security groups: the controller's own
    // group, open to the VPC only; plain HTTP, so no TLS settings.
    const annotations = internal.metadata.annotations;
    expect(annotations[`${ALB}inbound-cidrs`]).toBe(
      plan.spec.environments.staging.network.vpc.cidr,
    );
    expect(annotations[`${ALB}security-groups`]).toBeUndefined();
    expect(annotations[`${ALB}scheme`]).toBe('internal');
    expect(JSON.parse(annotations[`${ALB}listen-ports`])).toEqual([
      { HTTP: 8080 },
    ]);
    for (const name of [
      'certificate-arn',
      'ssl-policy',
      'ssl-redirect',
      'wafv2-acl-arn',
    ]) {
      expect(annotations[`${ALB}${name}`]).toBeUndefined();
    }
    expect(replacementsOf(repo)).toEqual([
      ['security-groups-public', 'api-public', `${ALB}security-groups`],
      ['security-groups-public', 'web', `${ALB}security-groups`],
      ['subnets-internal', 'api-internal', `${ALB}subnets`],
      ['subnets-public', 'api-public', `${ALB}subnets`],
      ['subnets-public', 'web', `${ALB}subnets`],
      ['wafv2-acl-arn-public', 'api-public', `${ALB}wafv2-acl-arn`],
      ['wafv2-acl-arn-public', 'web', `${ALB}wafv2-acl-arn`],
    ]);
  });

  it('keeps the network load balancer in Terraform, bound with a TargetGroupBinding', async () => {
    const lb = (await hclOf(repo, 'terraform/loadbalancer.tf')).resource;
    expect(Object.keys(lb.aws_lb)).toEqual(['queue']);
    expect(lb.aws_lb.queue[0].load_balancer_type).toBe('network');
    expect(Object.keys(lb.aws_lb_target_group)).toEqual(['queue_broker']);
    expect(lb.aws_wafv2_web_acl_association).toBeUndefined();
    expect(hasFile(repo, 'kubernetes/broker/ingress.yaml')).toBe(false);
    const outputs = (await hclOf(repo, 'terraform/outputs.tf')).output;
    expect(
      Object.keys(outputs).filter(o => o.startsWith('load_balancer_')),
    ).toEqual(['load_balancer_queue_dns_name']);
    expect(outputs.target_group_bindings).toBeDefined();
    const readme = fileOf(repo, 'README.md');
    expect(readme).toMatch(
      /^4\. `terraform -chdir=terraform output -raw ingress_settings/m,
    );
    expect(readme).toMatch(/^5\. `kubectl apply -k kubernetes\/`/m);
    expect(readme).toMatch(
      /^6\. The AWS Load Balancer Controller then creates the application load balancers/m,
    );
    expect(readme).toMatch(
      /^7\. `terraform -chdir=terraform output -raw target_group_bindings/m,
    );
  });

  describe('with kubectl', () => {
    beforeAll(() => requireTool('kubectl'));

    it('builds with kubectl kustomize into complete Ingresses', async () => {
      const keys = Object.keys(await ingressSettingsOf(repo));
      const built = kustomizeBuild(
        repo,
        Object.fromEntries(keys.map(key => [key, `value-of-${key}`])),
      );
      const ingresses = built.filter(o => o.kind === 'Ingress');
      expect(ingresses.map(i => i.metadata.name).sort()).toEqual([
        'api-internal',
        'api-public',
        'web',
      ]);
      const internal = ingresses.find(i => i.metadata.name === 'api-internal');
      expect(internal.metadata.annotations[`${ALB}subnets`]).toBe(
        'value-of-subnets-internal',
      );
      expect(JSON.stringify(built)).not.toContain('set by kustomize');
    });
  });

  it('refuses a load balancing mode it does not know', () => {
    expect(() =>
      renderEnvironmentRepository({
        plan,
        environment: 'staging',
        loadBalancing: 'nginx' as any,
      }),
    ).toThrow(
      'loadBalancing must be one of ingress, target-group-binding (got "nginx")',
    );
  });
});

describe('renderEnvironmentRepository', () => {
  const plan = presetPlan({
    service: 'payments-api',
    owner: 'team-payments',
    database: true,
    delivery: 'canary',
  });

  it('is deterministic', () => {
    const a = renderEnvironmentRepository({ plan, environment: 'production' });
    const b = renderEnvironmentRepository({ plan, environment: 'production' });
    expect(b).toEqual(a);
  });

  it('refuses an environment the plan does not have, naming the ones it has', () => {
    expect(() =>
      renderEnvironmentRepository({ plan, environment: 'qa' }),
    ).toThrow(
      /no environment "qa" \(it has development, staging, production\)/,
    );
  });

  it('derives the state backend from service and region, and takes overrides', async () => {
    const derived = await hclOf(
      renderEnvironmentRepository({ plan, environment: 'staging' }),
      'terraform/backend.tf',
    );
    expect(derived.terraform[0].backend.s3[0]).toEqual({
      bucket: 'payments-api-tfstate-us-east-1',
      key: 'payments-api/staging/terraform.tfstate',
      region: 'us-east-1',
      dynamodb_table: 'payments-api-tfstate-us-east-1-locks',
      encrypt: true,
    });
    const given = await hclOf(
      renderEnvironmentRepository({
        plan,
        environment: 'staging',
        stateBackend: { bucket: 'acme-state', dynamodbTable: 'acme-locks' },
      }),
      'terraform/backend.tf',
    );
    expect(given.terraform[0].backend.s3[0]).toMatchObject({
      bucket: 'acme-state',
      dynamodb_table: 'acme-locks',
      key: 'payments-api/staging/terraform.tfstate',
    });
  });

  it('links the catalog entity to the service, the repository and a given cluster', () => {
    const repo = renderEnvironmentRepository({
      plan,
      environment: 'production',
      serviceRef: 'component:payments/payments-api',
      repositoryUrl: 'https://git.example.com/payments/payments-api-production',
      clusterRef: 'resource:default/eks-production-use1',
    });
    const documents = yamlDocumentsOf(repo, 'catalog-info.yaml');
    expect(documents).toHaveLength(1);
    expect(documents[0].spec.dependsOn).toEqual([
      'resource:default/eks-production-use1',
    ]);
    expect(documents[0].spec.dependencyOf).toEqual([
      'component:payments/payments-api',
    ]);
    expect(documents[0].metadata.annotations).toMatchObject({
      'gatehouse.io/environment': 'production',
      // The tier the approvals plugin governs the environment's changes by.
      'gatehouse.io/tier': 'production',
      'gatehouse.io/infra-plan': './infra-plan.yaml',
      'backstage.io/kubernetes-id': 'payments-api',
      'backstage.io/source-location':
        'url:https://git.example.com/payments/payments-api-production',
    });
    expect(fileOf(repo, 'README.md')).toContain(
      'https://git.example.com/payments/payments-api-production',
    );
  });

  it('names the approved change on every Kubernetes object it delivers, and on none before approval', () => {
    const change = { requestId: 'cr-42', contentHash: 'e'.repeat(64) };
    const manifests = (repo: RenderedRepository) =>
      repo.files
        .filter(
          f =>
            f.path.startsWith('kubernetes/') &&
            f.path.endsWith('.yaml') &&
            !f.path.endsWith('kustomization.yaml'),
        )
        .flatMap(f => yamlDocumentsOf(repo, f.path));
    const delivered = manifests(
      renderEnvironmentRepository({ plan, environment: 'production', change }),
    );
    expect(delivered.length).toBeGreaterThan(3);
    expect(delivered.map(o => o.kind)).toEqual(
      expect.arrayContaining(['Rollout', 'Service', 'Namespace']),
    );
    for (const object of delivered) {
      expect([object.kind, object.metadata.annotations]).toEqual([
        object.kind,
        expect.objectContaining({
          'gatehouse.io/change-request': 'cr-42',
          'gatehouse.io/change-hash': change.contentHash,
        }),
      ]);
    }
    const forReview = manifests(
      renderEnvironmentRepository({ plan, environment: 'production' }),
    );
    for (const object of forReview) {
      expect(object.metadata.annotations ?? {}).not.toHaveProperty(
        'gatehouse.io/change-hash',
      );
    }
  });

  it('registers the cluster it creates when no cluster ref is given', () => {
    const repo = renderEnvironmentRepository({ plan, environment: 'staging' });
    const [environment, cluster] = yamlDocumentsOf(repo, 'catalog-info.yaml');
    expect(cluster).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'payments-api-staging-cluster',
        annotations: {
          'gatehouse.io/environment': 'staging',
          'gatehouse.io/tier': 'staging',
        },
      },
      spec: { type: 'kubernetes-cluster', owner: 'team-payments' },
    });
    expect(environment.metadata.annotations['gatehouse.io/tier']).toBe(
      'staging',
    );
    expect(environment.spec.dependsOn).toEqual([
      'resource:payments-api-staging-cluster',
    ]);
  });

  it('carries only the rendered environment in infra-plan.yaml, and it still validates', () => {
    const repo = renderEnvironmentRepository({ plan, environment: 'staging' });
    const carried = yamlOf(repo, 'infra-plan.yaml');
    expect(Object.keys(carried.spec.environments)).toEqual(['staging']);
    expect(validatePlan(carried).valid).toBe(true);
    expect(fileOf(repo, 'docs/topology.mmd')).toMatch(/^flowchart/);
  });
});
