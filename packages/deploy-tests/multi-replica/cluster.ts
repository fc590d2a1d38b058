/**
 * What the multi-replica tests know about the running cluster, and small
 * clients for it. Requests go through nginx unless a test names a replica.
 */
export interface Replica {
  name: string;
  port: number;
  url: string;
  pid: number;
}

export const balancerUrl = process.env.GATEHOUSE_MR_URL!;
export const replicas: Replica[] = JSON.parse(
  process.env.GATEHOUSE_MR_REPLICAS ?? '[]',
);

const tokens = new Map<string, string>();

/** A Backstage token for an example user, as the sign-in page gets it. */
export async function tokenFor(user: string): Promise<string> {
  const cached = tokens.get(user);
  if (cached) return cached;
  const response = await fetch(
    `${balancerUrl}/api/auth/gatehouse-dev/refresh`,
    {
      headers: { 'x-gatehouse-dev-user': user },
    },
  );
  if (!response.ok) throw new Error(`no token for ${user}: ${response.status}`);
  const token = (await response.json()).backstageIdentity.token as string;
  tokens.set(user, token);
  return token;
}

export interface Answer {
  status: number;
  body: any;
  /** The replica that answered, as nginx reports it (host:port). */
  replica: string | null;
}

/** One API call as `user`, through nginx or straight to `base`. */
export async function api(
  user: string,
  method: string,
  path: string,
  body?: unknown,
  base: string = balancerUrl,
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenFor(user)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return {
    status: response.status,
    body: parsed,
    replica: response.headers.get('x-gatehouse-replica'),
  };
}

/** A staging change of task-runner: one approval from its owners or platform-approvers. */
export function stagingChange(title: string) {
  return {
    title,
    entityRef: 'component:default/task-runner',
    environment: 'staging',
    files: [
      {
        path: 'k8s/hpa.yaml',
        content: 'maxReplicas: 8\n',
        previousContent: 'maxReplicas: 4\n',
      },
    ],
    notes: {
      rollbackPlan: 'Set maxReplicas back to 4.',
      testPlan: 'Drain test.',
    },
  };
}

export async function submitStagingChange(title: string, base?: string) {
  const answer = await api(
    'bob',
    'POST',
    '/api/approvals/requests',
    stagingChange(title),
    base,
  );
  if (answer.status !== 201) {
    throw new Error(
      `submit answered ${answer.status}: ${JSON.stringify(answer.body)}`,
    );
  }
  return answer;
}

export const sleep = (ms: number) => new Promise(wake => setTimeout(wake, ms));
