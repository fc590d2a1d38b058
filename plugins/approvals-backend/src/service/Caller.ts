/** Who is asking: a person with their groups (ancestors included), or a service. */
export type Caller =
  | { kind: 'user'; ref: string; groups: string[] }
  | { kind: 'service'; ref: string };
