import {
  generateDocuments,
  renderTopologyDiagram,
  type InfraPlan,
} from '@gatehouse/plugin-infra-plans-common';
import { catalogEntities } from './catalog/catalogInfo';
import { createRenderContext, type RenderContext } from './context';
import { renderKubernetes } from './kubernetes';
import { renderAlertRules } from './monitoring/alertRules';
import { renderReadme } from './repository/readme';
import { renderTerraform } from './terraform';
import type {
  RenderEnvironmentOptions,
  RenderedFile,
  RenderedRepository,
} from './types';
import { toYaml, toYamlDocuments } from './yaml';

/**
 * The plan as this repository carries it: the same metadata and regions,
 * with only this environment, so its documents and diffs are about this
 * environment alone.
 */
export function environmentPlan(ctx: RenderContext): InfraPlan {
  return {
    ...ctx.plan,
    spec: {
      ...ctx.plan.spec,
      environments: { [ctx.envName]: ctx.env },
    },
  };
}

function documentFiles(plan: InfraPlan, environment: string): RenderedFile[] {
  const documents = generateDocuments(plan);
  return [
    ...Object.entries(documents).map(([name, content]) => ({
      path: `docs/${name}`,
      content: content.endsWith('\n') ? content : `${content}\n`,
    })),
    {
      path: 'docs/topology.mmd',
      content: `${renderTopologyDiagram(plan, { environment })}\n`,
    },
  ];
}

/**
 * Turns one environment of a plan into the files of its infrastructure
 * repository: Terraform, Kubernetes manifests, alert rules, the review
 * documents, the plan, a README and catalog-info.yaml. Pure and
 * deterministic: the same input always gives the same files, sorted by path.
 * @public
 */
export function renderEnvironmentRepository(
  options: RenderEnvironmentOptions,
): RenderedRepository {
  const ctx = createRenderContext(options);
  const plan = environmentPlan(ctx);
  const files: RenderedFile[] = [
    ...renderTerraform(ctx),
    ...renderKubernetes(ctx),
    ...documentFiles(plan, ctx.envName),
    {
      path: 'infra-plan.yaml',
      content: toYaml(
        plan,
        `${ctx.header}\nThe ${ctx.envName} environment of the plan, as this repository was generated from it.`,
      ),
    },
    {
      path: 'catalog-info.yaml',
      content: toYamlDocuments(catalogEntities(ctx), ctx.header),
    },
  ];
  const alerts = renderAlertRules(ctx);
  if (alerts)
    files.push({ path: 'monitoring/alerts.rules.yaml', content: alerts });
  files.push({
    path: 'README.md',
    content: renderReadme(
      ctx,
      files.map(f => f.path),
    ),
  });
  return {
    files: files.sort((a, b) =>
      a.path < b.path ? -1 : Number(a.path > b.path),
    ),
  };
}
