import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  objectOf,
  readRepositoryFile,
  readYaml,
  repositoryRoot,
} from './__testUtils__/repository';

const production = () => readYaml('app-config.production.yaml');

describe('app-config.production.yaml', () => {
  it('stores everything in PostgreSQL, from the environment', () => {
    const { database } = production().backend;
    expect(database.client).toBe('pg');
    expect(database.connection).toEqual({
      host: '${POSTGRES_HOST}',
      port: '${POSTGRES_PORT}',
      user: '${POSTGRES_USER}',
      password: '${POSTGRES_PASSWORD}',
    });
  });

  it('carries events, and so live updates, between replicas', () => {
    // "always": a missing events hub is an error, never a silent fallback to
    // the bus of one replica.
    expect(production().events.useEventBus).toBe('always');
  });

  it('shares the session secret between replicas and lets pipelines and agents in with their own tokens', () => {
    expect(production().auth.session.secret).toBe('${AUTH_SESSION_SECRET}');
    // Legacy shared keys are deprecated and not needed between replicas.
    expect(production().backend.auth.keys).toBeUndefined();
    expect(production().backend.auth.externalAccess).toEqual([
      {
        type: 'static',
        options: { token: '${GATEHOUSE_CI_TOKEN}', subject: 'ci-pipelines' },
      },
      {
        type: 'static',
        options: {
          token: '${GATEHOUSE_AGENT_TOKEN}',
          subject: 'automation-agents',
        },
      },
    ]);
  });

  it('drains before it stops, within the pod grace period', () => {
    const delay = production().backend.lifecycle.serverShutdownDelay.seconds;
    const pod = objectOf('Deployment', 'gatehouse').spec.template.spec;
    const preStop = Number(pod.containers[0].lifecycle.preStop.exec.command[1]);
    expect(delay).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
      preStop + delay + 30,
    );
  });

  it('labels nothing as example data in production, though app-config.yaml does', () => {
    // Production runs with app-config.yaml and this file on top of it.
    const embedded = readYaml('app-config.yaml').gatehouse.exampleData;
    expect(embedded).toEqual({ clusters: true, billing: true });
    const merged = { ...embedded, ...production().gatehouse.exampleData };
    expect(merged).toEqual({ clusters: false, billing: false });
  });

  it('signs in through OpenID Connect only', () => {
    const config = production();
    expect(config.auth.environment).toBe('production');
    expect(config.gatehouse.signIn.providers).toEqual(['oidc']);
    expect(config.auth.providers.oidc.production).toMatchObject({
      metadataUrl: '${AUTH_OIDC_METADATA_URL}',
      clientId: '${AUTH_OIDC_CLIENT_ID}',
      clientSecret: '${AUTH_OIDC_CLIENT_SECRET}',
    });
    expect(Object.keys(config.auth.providers)).toEqual(['oidc']);
  });

  it('keeps the clusters, forges and environment publisher sections', () => {
    const config = production();
    expect(config.kubernetes.clusterLocatorMethods.length).toBeGreaterThan(0);
    // Forges beyond GitHub go in the deployment's own file, only when used:
    // an entry with unset variables would stop the backend at start-up.
    expect(Object.keys(config.integrations)).toEqual(['github']);
    expect(config.gatehouse.environments.localPublisher.directory).toBe(
      '${GATEHOUSE_REPOSITORIES_DIR}',
    );
  });

  it("registers Gatehouse's templates from the image, as the approvals follow-ups need", () => {
    const targets = production().catalog.locations.map(
      (location: any) => location.target,
    );
    const templates = readdirSync(join(repositoryRoot, 'templates')).map(
      name => `templates/${name}/template.yaml`,
    );
    expect(targets.sort()).toEqual(templates.sort());
    for (const target of targets) {
      expect(existsSync(join(repositoryRoot, target))).toBe(true);
    }
    // The runtime stage runs in /app and carries templates/ there.
    const dockerfile = readRepositoryFile('deploy/Dockerfile');
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
    expect(dockerfile).toMatch(/^COPY .*templates \.\/templates$/m);
  });
});

describe('backend packages', () => {
  it('ship their database migrations in the production bundle', () => {
    // resolvePackagePath(<package>, 'migrations') at run time: a folder the
    // package's "files" leave out is missing from the image.
    const plugins = readdirSync(join(repositoryRoot, 'plugins')).filter(name =>
      existsSync(join(repositoryRoot, 'plugins', name, 'migrations')),
    );
    expect(plugins.length).toBeGreaterThanOrEqual(3);
    for (const name of plugins) {
      const manifest = JSON.parse(
        readRepositoryFile(`plugins/${name}/package.json`),
      );
      expect({ name, files: manifest.files }).toEqual({
        name,
        files: expect.arrayContaining(['migrations']),
      });
    }
  });
});
