import { fullPlan } from '../__fixtures__/plans';
import type { InfraPlan } from '../schema';
import { escapeMermaidLabel, renderTopologyDiagram } from './mermaid';

const NODE =
  /^\s*([A-Za-z0-9_]+)(\(\(|\[\(|\[\[|\[)"([^"]*)"(\)\)|\)\]|\]\]|\])$/;
const SUBGRAPH = /^\s*subgraph ([A-Za-z0-9_]+)\["([^"]*)"\]$/;
const EDGE =
  /^\s*([A-Za-z0-9_]+) (-->|-\.-)(?:\|"([^"]*)"\|)? ([A-Za-z0-9_]+)$/;

/** Parses the subset of Mermaid the generator writes, failing on anything else. */
function parse(source: string) {
  const lines = source.trimEnd().split('\n');
  const nodes = new Map<string, string>();
  const subgraphs = new Map<string, string>();
  const edges: { from: string; to: string; kind: string; label?: string }[] =
    [];
  const stack: string[] = [];
  const parents = new Map<string, string | undefined>();
  expect(lines[0]).toBe('flowchart TB');
  for (const line of lines.slice(1)) {
    const subgraph = SUBGRAPH.exec(line);
    const node = NODE.exec(line);
    const edge = EDGE.exec(line);
    if (subgraph) {
      subgraphs.set(subgraph[1], subgraph[2]);
      parents.set(subgraph[1], stack[stack.length - 1]);
      stack.push(subgraph[1]);
    } else if (/^\s*end$/.test(line)) {
      expect(stack.pop()).toBeDefined();
    } else if (/^\s*direction (TB|LR)$/.test(line)) {
      expect(stack.length).toBeGreaterThan(0);
    } else if (node) {
      expect(nodes.has(node[1])).toBe(false);
      nodes.set(node[1], node[3]);
      parents.set(node[1], stack[stack.length - 1]);
    } else if (edge) {
      edges.push({ from: edge[1], kind: edge[2], label: edge[3], to: edge[4] });
    } else {
      throw new Error(`unexpected Mermaid line: ${line}`);
    }
  }
  expect(stack).toEqual([]);
  const declared = new Set([...nodes.keys(), ...subgraphs.keys()]);
  for (const edge of edges) {
    expect(declared).toContain(edge.from);
    expect(declared).toContain(edge.to);
  }
  const ancestors = (id: string) => {
    const chain: string[] = [];
    for (let p = parents.get(id); p; p = parents.get(p)) chain.push(p);
    return chain;
  };
  return { nodes, subgraphs, edges, ancestors };
}

describe('renderTopologyDiagram', () => {
  const plan = fullPlan();
  const diagram = parse(renderTopologyDiagram(plan));

  it('draws the production environment by default: VPC → AZ subnets', () => {
    expect(diagram.subgraphs.get('vpc_production')).toBe(
      'VPC 10.30.0.0/16 · production · us-east-1',
    );
    expect(diagram.subgraphs.get('az_us_east_1b')).toBe('us-east-1b');
    expect(diagram.nodes.get('sn_database_us_east_1c')).toBe(
      'database 10.30.130.0/24',
    );
    expect(diagram.ancestors('sn_private_us_east_1a')).toEqual([
      'az_us_east_1a',
      'vpc_production',
    ]);
  });

  it('nests workloads in their node group inside the cluster', () => {
    expect(diagram.subgraphs.get('ng_general')).toBe(
      'node group general · t3.large/t3.xlarge · 3–6–20',
    );
    expect(diagram.ancestors('wl_api')).toEqual([
      'ng_general',
      'eks_production',
      'vpc_production',
    ]);
    expect(diagram.nodes.get('wl_api')).toBe('api ×3–30 · 500m CPU · :3000');
  });

  it('connects internet → load balancer → workload → data stores', () => {
    const has = (from: string, to: string, kind = '-->') =>
      diagram.edges.some(
        e => e.from === from && e.to === to && e.kind === kind,
      );
    expect(has('ext_internet', 'lb_public')).toBe(true);
    expect(
      diagram.edges.find(e => e.from === 'lb_public' && e.to === 'wl_api')!
        .label,
    ).toBe('HTTPS 443');
    expect(has('wl_api', 'db_main')).toBe(true);
    expect(has('wl_api', 'ds_cache')).toBe(true);
    expect(has('wl_api', 'ds_assets')).toBe(true);
    expect(has('sn_public_us_east_1a', 'lb_public', '-.-')).toBe(true);
    expect(has('sn_private_us_east_1c', 'ng_general', '-.-')).toBe(true);
    expect(has('sn_database_us_east_1b', 'db_main', '-.-')).toBe(true);
    // S3 is regional: outside the VPC.
    expect(diagram.ancestors('ds_assets')).toEqual([]);
  });

  it('draws another environment on request, and a queue feeding its consumer', () => {
    const p: InfraPlan = fullPlan();
    const dev = p.spec.environments.development;
    dev.data!.queues = [{ name: 'jobs', type: 'sqs' }];
    dev.workloads.push({
      name: 'worker',
      type: 'worker',
      image: 'w:1',
      replicas: 1,
      resources: { requests: { cpu: '100m', memory: '128Mi' } },
      autoscaling: {
        minReplicas: 1,
        maxReplicas: 4,
        targets: { queue: { name: 'jobs', messagesPerReplica: 10 } },
      },
      uses: ['jobs'],
    });
    const d = parse(renderTopologyDiagram(p, { environment: 'development' }));
    expect(d.subgraphs.get('vpc_development')).toContain('10.10.0.0/16');
    expect(d.nodes.get('ds_jobs')).toBe('SQS jobs');
    expect(d.edges).toContainEqual({
      from: 'ds_jobs',
      to: 'wl_worker',
      kind: '-->',
      label: 'consumed by',
    });
    expect(() => renderTopologyDiagram(p, { environment: 'qa' })).toThrow(
      /no environment qa/,
    );
  });

  it('escapes characters Mermaid rejects and keeps ids to [A-Za-z0-9_]', () => {
    const p: InfraPlan = fullPlan();
    const env = p.spec.environments.production;
    // Not valid plan names, but the renderer must never emit broken Mermaid.
    env.compute.nodeGroups[0].name = 'gen"eral <x> #1 & |y|';
    env.workloads[0].nodeGroup = env.compute.nodeGroups[0].name;
    env.workloads[0].name = 'end';
    env.network.loadBalancers![0].targets = ['end'];
    const source = renderTopologyDiagram(p);
    const d = parse(source);
    const [groupId, label] = [...d.subgraphs].find(([id]) =>
      id.startsWith('ng_'),
    )!;
    expect(groupId).toBe('ng_gen_eral_x_1_y');
    expect(label).toContain('gen#quot;eral #lt;x#gt; #35;1 #amp; #124;y#124;');
    expect(d.nodes.has('wl_end')).toBe(true);
    expect(source).not.toMatch(/^\s*end\[/m);
  });
});

describe('escapeMermaidLabel', () => {
  it('turns special characters into entity codes', () => {
    expect(escapeMermaidLabel('a "b" <c> #d & e|f `g`\nh')).toBe(
      'a #quot;b#quot; #lt;c#gt; #35;d #amp; e#124;f #96;g#96; h',
    );
  });
});
