import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { StoredEstimate } from '@gatehouse/plugin-cost-common';
import { examples } from './planEstimate.examples';
import { readPlanInput, requireValidPlan } from './shared/planInput';
import type { Clock } from '@gatehouse/clock';

/** Prices a plan through the cost plugin, on behalf of the template's user. */
export type EstimateInfraPlan = (
  request: {
    plan: string;
    environment: string;
    priorPlan?: string;
    entityRef?: string;
    save: boolean;
  },
  credentials: BackstageCredentials,
) => Promise<StoredEstimate>;

const usd = (n: number) =>
  n.toLocaleString('en-US', { style: 'currency', currency: 'USD' });

/**
 * `gatehouse:infra-plan:estimate`: the monthly cost of one environment of a
 * plan from the cost plugin, against the prior plan when one is given.
 */
export function createPlanEstimateAction(options: {
  estimate: EstimateInfraPlan;
  /** The date plans are validated on. */
  clock: Clock;
}) {
  return createTemplateAction({
    id: 'gatehouse:infra-plan:estimate',
    description:
      "Estimates the monthly cost of an environment of an infrastructure plan with the cost plugin's offline AWS prices, against its prior revision when given.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        plan: z =>
          z
            .union([z.string(), z.record(z.unknown())], {
              description:
                'The infrastructure plan as YAML text or an object; default: infra-plan.yaml in the workspace',
            })
            .optional(),
        path: z =>
          z
            .string({
              description:
                'Path of the plan inside the workspace (default infra-plan.yaml)',
            })
            .optional(),
        environment: z => z.string({ description: 'Environment to price' }),
        priorPlan: z =>
          z
            .string({
              description:
                'The plan in force now (YAML), for current vs proposed',
            })
            .optional(),
        entityRef: z =>
          z
            .string({
              description: "Keep the estimate on this service's cost tab",
            })
            .optional(),
      },
      output: {
        monthlyBefore: z => z.number(),
        monthlyAfter: z => z.number(),
        delta: z => z.number(),
        estimateId: z => z.string(),
        summary: z => z.string(),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const { text, result } = await readPlanInput(
        input,
        ctx.workspacePath,
        options.clock.now(),
      );
      requireValidPlan(result);
      const stored = await options.estimate(
        {
          plan: text,
          environment: input.environment,
          priorPlan: input.priorPlan,
          entityRef: input.entityRef,
          // A dry run leaves no estimate behind on the service's page.
          save: !ctx.isDryRun && Boolean(input.entityRef),
        },
        await ctx.getInitiatorCredentials(),
      );
      const { monthlyBefore, monthlyAfter, delta, range } =
        stored.result.totals;
      const summary = `${input.environment}: ${usd(monthlyBefore)} → ${usd(
        monthlyAfter,
      )} a month (${delta >= 0 ? '+' : ''}${usd(delta)}; range ${usd(
        range.low,
      )}–${usd(range.high)})`;
      ctx.logger.info(`Estimated cost: ${summary}`);
      ctx.output('monthlyBefore', monthlyBefore);
      ctx.output('monthlyAfter', monthlyAfter);
      ctx.output('delta', delta);
      ctx.output('estimateId', stored.id ?? '');
      ctx.output('summary', summary);
    },
  });
}
