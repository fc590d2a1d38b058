/*
 * A stand-in for the infra-plans backend's `GET /entities/:kind/:namespace/:name/plan`
 * (the only route the approvals backend reads): the plan an entity's
 * `gatehouse.io/infra-plan` annotation names in the example catalog, or the
 * text (or failure) a test sets. Test only; not exported.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  INFRA_PLAN_ANNOTATION,
  parsePlan,
} from '@gatehouse/plugin-infra-plans-common';
import Router from 'express-promise-router';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from './exampleCatalog';
import { TEST_NOW } from '@gatehouse/test-utils';

/** An entity's plan text, or the HTTP status the stand-in answers instead. */
export type FakePlan = string | { status: number; message: string };

export function fakeInfraPlansPlugin(options: {
  entities: Entity[];
  /** Plans by entity ref, instead of (or besides) the annotated example files. */
  plans?: Record<string, FakePlan>;
}) {
  const plans = new Map<string, FakePlan>();
  for (const entity of options.entities) {
    const path = entity.metadata.annotations?.[INFRA_PLAN_ANNOTATION];
    if (path?.startsWith('./plans/')) {
      plans.set(
        stringifyEntityRef(entity),
        readFileSync(join(EXAMPLES, path), 'utf8'),
      );
    }
  }
  for (const [ref, plan] of Object.entries(options.plans ?? {})) {
    plans.set(ref, plan);
  }
  return createBackendPlugin({
    pluginId: 'infra-plans',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          const router = Router();
          router.get('/entities/:kind/:namespace/:name/plan', (req, res) => {
            const { kind, namespace, name } = req.params;
            const ref = `${kind}:${namespace}/${name}`.toLocaleLowerCase(
              'en-US',
            );
            const plan = plans.get(ref);
            // Errors as Backstage's error handler answers them.
            const fail = (statusCode: number, error: string, message: string) =>
              res.status(statusCode).json({
                error: { name: error, message },
                request: { method: req.method, url: req.originalUrl },
                response: { statusCode },
              });
            if (plan === undefined) {
              fail(404, 'NotFoundError', `${ref} has no plan`);
            } else if (typeof plan !== 'string') {
              fail(plan.status, 'Error', plan.message);
            } else {
              res.json({
                entityRef: ref,
                latest: {
                  entityRef: ref,
                  revision: 1,
                  yaml: plan,
                  plan: parsePlan(plan, { asOf: new Date(TEST_NOW) }).plan,
                },
                revisionCount: 1,
              });
            }
          });
          httpRouter.use(router);
        },
      });
    },
  });
}
