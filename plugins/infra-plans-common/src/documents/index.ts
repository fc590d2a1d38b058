import type { InfraPlan } from '../schema';
import { renderDeploymentArchitecturePlan } from './deploymentArchitecturePlan';
import { renderInfrastructureRequirements } from './infrastructureRequirements';
import { renderPerformanceOptimizationPlan } from './performancePlan';
import { renderScalabilityArchitectureDesign } from './scalabilityDesign';

export * from './deploymentArchitecturePlan';
export * from './performancePlan';
export { renderInfrastructureRequirements } from './infrastructureRequirements';
export { renderScalabilityArchitectureDesign } from './scalabilityDesign';
export { escapeMermaidLabel, renderTopologyDiagram } from './mermaid';
export type { TopologyDiagramOptions } from './mermaid';

/** File names of the four generated documents. @public */
export const DOCUMENT_FILES = [
  'Infrastructure_Requirements.md',
  'Deployment_Architecture_Plan.json',
  'Scalability_Architecture_Design.md',
  'Performance_Optimization_Plan.json',
] as const;

/** The name of one generated document. @public */
export type DocumentFile = (typeof DOCUMENT_FILES)[number];

/**
 * All four documents the architecture task card asks for, by file name.
 * Pure: the same plan always gives the same text.
 * @public
 */
export function generateDocuments(
  plan: InfraPlan,
): Record<DocumentFile, string> {
  return {
    'Infrastructure_Requirements.md': renderInfrastructureRequirements(plan),
    'Deployment_Architecture_Plan.json': renderDeploymentArchitecturePlan(plan),
    'Scalability_Architecture_Design.md':
      renderScalabilityArchitectureDesign(plan),
    'Performance_Optimization_Plan.json':
      renderPerformanceOptimizationPlan(plan),
  };
}
