import { presetPlan } from '@gatehouse/plugin-infra-plans-common';
import { renderEnvironmentRepository } from '../renderEnvironmentRepository';
import type { RenderedFile } from '../types';
import { CHECKED_KUBERNETES_KINDS, checkKubernetesFiles } from './kubernetes';
import { requireTool } from '../__testUtils__/repository';
import {
  HCL_FORMATTER,
  HCL_PARSER,
  checkTerraformFiles,
  findTerraform,
} from './terraform';
import { AWS_PROVIDER_SCHEMA } from './terraformProviderSchema';

jest.setTimeout(60_000);

const plan = presetPlan({
  service: 'payments-api',
  owner: 'team-payments',
  tiers: ['staging'],
  // A fixed day: the preset's Kubernetes version (1.35) depends on it.
  asOf: new Date('2026-12-07T12:00:00Z'),
});
const repo = renderEnvironmentRepository({ plan, environment: 'staging' });

function replace(
  path: string,
  edit: (content: string) => string,
): RenderedFile[] {
  return repo.files.map(f =>
    f.path === path ? { path, content: edit(f.content) } : f,
  );
}

describe('checkTerraformFiles', () => {
  it('passes the generated files', async () => {
    expect((await checkTerraformFiles(repo.files)).issues).toEqual([]);
  });

  const badlyIndented = () => {
    const files = replace('terraform/eks.tf', c =>
      c.replace(/^ {2}version +=/m, '      version ='),
    );
    expect(files.find(f => f.path === 'terraform/eks.tf')?.content).toContain(
      '      version = "1.35"',
    );
    return files;
  };

  function expectOneIndentationIssue(
    issues: Array<{ path: string; message: string }>,
  ) {
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('terraform/eks.tf');
    expect(issues[0].message).toMatch(
      /not formatted as terraform fmt writes it/,
    );
    expect(issues[0].message).toContain('-      version = "1.35"');
    expect(issues[0].message).toMatch(/\+ {2}version +=/);
  }

  // hclwrite's formatter runs on every machine, with or without terraform.
  it('reports a file hclwrite would reformat (bad indentation) without terraform', async () => {
    const { issues, checkedWith } = await checkTerraformFiles(badlyIndented(), {
      terraform: false,
    });
    expect(checkedWith).toEqual([
      HCL_PARSER,
      HCL_FORMATTER,
      AWS_PROVIDER_SCHEMA,
    ]);
    expectOneIndentationIssue(issues);
  });

  it('reports the same file once with terraform fmt as well', async () => {
    requireTool('terraform');
    const { issues, checkedWith } = await checkTerraformFiles(badlyIndented());
    expect(checkedWith[3]).toMatch(/^terraform fmt \(Terraform \d+\.\d+/);
    expectOneIndentationIssue(issues);
  });

  it('reports an unbalanced brace with the parser, on the right file', async () => {
    const files = replace(
      'terraform/network.tf',
      c => `${c}\nresource "aws_eip" "x" {\n  domain = "vpc"\n`,
    );
    const { issues } = await checkTerraformFiles(files);
    const parser = issues.filter(i =>
      i.message.startsWith('HCL does not parse'),
    );
    expect(parser).toHaveLength(1);
    expect(parser[0].path).toBe('terraform/network.tf');
    expect(parser[0].message).toMatch(/Unclosed configuration block/);
  });

  it('says which checkers ran', async () => {
    requireTool('terraform');
    const { checkedWith } = await checkTerraformFiles(repo.files);
    // The parser, hclwrite's formatter, the provider schema and terraform fmt.
    expect(checkedWith).toHaveLength(4);
    expect(
      (await checkTerraformFiles(repo.files, { terraform: false })).checkedWith,
    ).toEqual([HCL_PARSER, HCL_FORMATTER, AWS_PROVIDER_SCHEMA]);
  });
});

describe('findTerraform', () => {
  it('finds nothing on a PATH without terraform', async () => {
    expect(await findTerraform('/nonexistent:/also-missing')).toBeUndefined();
  });
});

describe('checkKubernetesFiles', () => {
  const deployment = {
    path: 'kubernetes/x/deployment.yaml',
    content: `apiVersion: apps/v1
kind: Deployment
metadata: { name: x, namespace: n }
spec:
  replicas: "three"
  selector: { matchLabels: { app: x } }
  template:
    metadata: { labels: { app: x } }
    spec:
      containers:
        - image: nginx:1.27
`,
  };

  it('passes the generated files', () => {
    expect(checkKubernetesFiles(repo.files)).toEqual([]);
  });

  it('reports replicas written as a string and a container without a name', () => {
    const issues = checkKubernetesFiles([deployment]);
    const text = issues.map(i => i.message).join('\n');
    expect(issues.every(i => i.path === 'kubernetes/x/deployment.yaml')).toBe(
      true,
    );
    expect(text).toMatch(/replicas/);
    expect(text).toMatch(/must be integer/);
    expect(text).toMatch(/containers\/0 must have required property name/);
  });

  it('reports a selector that does not match the pod template', () => {
    const issues = checkKubernetesFiles([
      {
        path: 'kubernetes/x/deployment.yaml',
        content: deployment.content
          .replace('replicas: "three"', 'replicas: 3')
          .replace('- image: nginx:1.27', '- { name: x, image: nginx:1.27 }')
          .replace('labels: { app: x }', 'labels: { app: y }'),
      },
    ]);
    expect(issues.map(i => i.message)).toEqual([
      'spec.selector.matchLabels app=x does not match the pod template labels',
    ]);
  });

  it('reports kinds it has no schema for, and YAML that does not parse', () => {
    const issues = checkKubernetesFiles([
      {
        path: 'kubernetes/a.yaml',
        content:
          'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: a }\n',
      },
      { path: 'kubernetes/b.yaml', content: 'a: [1, 2\n' },
    ]);
    expect(issues[0]).toEqual({
      path: 'kubernetes/a.yaml',
      message: 'no schema for example.com/v1/Widget',
    });
    expect(issues[1].path).toBe('kubernetes/b.yaml');
    expect(issues[1].message).toMatch(/^YAML: /);
  });

  it('validates Ingresses: schema, hosts, paths and backend ports', () => {
    expect(CHECKED_KUBERNETES_KINDS).toContain('networking.k8s.io/v1/Ingress');
    const ingress = repo.files.find(
      f => f.path === 'kubernetes/app/ingress.yaml',
    );
    expect(ingress?.content).toContain('kind: Ingress');
    const issues = checkKubernetesFiles([
      {
        path: 'kubernetes/x/ingress.yaml',
        content: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: x, namespace: n, annotations: { a: 1 } }
spec:
  rules:
    - host: Not_A_Host
      http:
        paths:
          - { path: api, pathType: Prefix, backend: { service: { name: x, port: { number: 80, name: http } } } }
`,
      },
    ]);
    const text = issues.map(i => i.message).join('\n');
    expect(text).toMatch(/annotations\/a must be string/);
    expect(text).toMatch(/rules\[0\]\.host Not_A_Host is not a DNS name/);
    expect(text).toMatch(
      /rules\[0\]\.http\.paths\[0\]\.path must be absolute for pathType Prefix/,
    );
    expect(text).toMatch(/port sets exactly one of name and number/);
  });

  it('reports an Ingress whose backend is not a Service of the repository, or not its port', () => {
    const wrongPort = replace('kubernetes/app/ingress.yaml', c =>
      c.replace('number: 80', 'number: 8080'),
    );
    expect(checkKubernetesFiles(wrongPort)).toEqual([
      {
        path: 'kubernetes/app/ingress.yaml',
        message: 'backend service app has no port 8080',
      },
    ]);
    const noService = repo.files.filter(
      f => f.path !== 'kubernetes/app/service.yaml',
    );
    expect(checkKubernetesFiles(noService)).toEqual([
      {
        path: 'kubernetes/app/kustomization.yaml',
        message:
          'resource service.yaml is neither a file nor a folder with a kustomization.yaml',
      },
      {
        path: 'kubernetes/app/ingress.yaml',
        message: 'backend service app is not a Service of this repository',
      },
    ]);
  });

  it('reports a kustomize replacement whose target is not in the repository', () => {
    const files = replace('kubernetes/kustomization.yaml', c =>
      c.replace(/name: app$/m, 'name: gone'),
    );
    expect(checkKubernetesFiles(files)).toEqual([
      {
        path: 'kubernetes/kustomization.yaml',
        message:
          'replacement target Ingress gone is not an object of this repository',
      },
    ]);
  });

  it('reports a kustomization listing a file that is not there', () => {
    const files = replace('kubernetes/app/kustomization.yaml', c =>
      c.replace('- deployment.yaml', '- deployment.yaml\n  - missing.yaml'),
    );
    expect(checkKubernetesFiles(files)).toEqual([
      {
        path: 'kubernetes/app/kustomization.yaml',
        message:
          'resource missing.yaml is neither a file nor a folder with a kustomization.yaml',
      },
    ]);
  });

  it('reports rule files with a bad duration, a bad label name and PromQL that does not parse', () => {
    const issues = checkKubernetesFiles([
      {
        path: 'monitoring/alerts.rules.yaml',
        content: `groups:
  - name: g
    rules:
      - alert: Broken
        expr: sum(rate(x[5m]) > 1
        for: 5 minutes
        labels: { "bad-label": x }
`,
      },
    ]);
    const text = issues.map(i => i.message).join('\n');
    expect(text).toMatch(/is not a Prometheus duration/);
    expect(text).toMatch(/"bad-label" is not a valid label name/);
    const promql = checkKubernetesFiles([
      {
        path: 'monitoring/alerts.rules.yaml',
        content:
          'groups:\n  - name: g\n    rules:\n      - alert: Broken\n        expr: sum(rate(x[5m]) > 1\n',
      },
    ]);
    expect(promql).toHaveLength(1);
    expect(promql[0].message).toMatch(/PromQL does not parse/);
  });
});
