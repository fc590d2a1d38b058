/** Test fixtures (not exported from the package). */
import { presetPlan } from '../presets';

/**
 * The day the fixtures are made and judged on. Tests pass it to validation
 * so they do not depend on the clock (on it, EKS 1.35 is the newest version
 * in standard support).
 */
export const FIXTURE_DATE = new Date('2026-12-07T12:00:00Z');
import type { EnvironmentPlan, InfraPlan } from '../schema';

/** A complete, valid plan: three preset environments with every data store and a canary rollout. */
export function fullPlan(): InfraPlan {
  return presetPlan({
    service: 'demo-api',
    owner: 'team-agents',
    system: 'orchestration-platform',
    database: true,
    cache: true,
    objectStorage: true,
    delivery: 'canary',
    workload: {
      name: 'api',
      port: 3000,
      image: 'ghcr.io/gatehouse/demo-api:1.2.3',
    },
    asOf: FIXTURE_DATE,
  });
}

/** The production environment of a plan, for mutation in tests. */
export function prod(plan: InfraPlan): EnvironmentPlan {
  return plan.spec.environments.production;
}

/**
 * The networking section of the reference infrastructure requirements as a
 * development-tier plan: VPC 10.0.0.0/16 over three zones, public
 * 10.0.1-3.0/24, private 10.0.10/20/30.0/24, database 10.0.100.0/24,
 * 10.0.200.0/24 and 10.0.300.0/24 (not a valid network), the ALB and NLB, the
 * web/app/db security groups and the NACLs, plus the reference node groups,
 * RDS PostgreSQL and ElastiCache Redis.
 */
export const REFERENCE_PLAN_YAML = `apiVersion: gatehouse.io/v1alpha1
kind: InfrastructurePlan
metadata:
  service: dafnck-machine
  owner: devops-team
spec:
  provider: aws
  regions: [us-east-1]
  environments:
    development:
      tier: development
      region: us-east-1
      network:
        vpc:
          cidr: "10.0.0.0/16"
          availabilityZones: [us-east-1a, us-east-1b, us-east-1c]
        subnets:
          public:
            - { az: us-east-1a, cidr: "10.0.1.0/24" }
            - { az: us-east-1b, cidr: "10.0.2.0/24" }
            - { az: us-east-1c, cidr: "10.0.3.0/24" }
          private:
            - { az: us-east-1a, cidr: "10.0.10.0/24" }
            - { az: us-east-1b, cidr: "10.0.20.0/24" }
            - { az: us-east-1c, cidr: "10.0.30.0/24" }
          database:
            - az: us-east-1a
              cidr: "10.0.100.0/24"
            - az: us-east-1b
              cidr: "10.0.200.0/24"
            - az: us-east-1c
              cidr: "10.0.300.0/24"
        loadBalancers:
          - name: web
            type: application
            scheme: internet-facing
            listeners:
              - { port: 443, protocol: HTTPS, certificate: app.dafnckmachine.com }
              - { port: 80, protocol: HTTP, redirectToHttps: true }
            targets: [web, api]
            securityGroups: [web-tier]
          - name: services
            type: network
            scheme: internal
            listeners:
              - { port: 3000, protocol: TCP }
            targets: [api]
        securityGroups:
          - name: web-tier
            ingress:
              - { protocol: tcp, ports: 443, cidr: 0.0.0.0/0 }
              - { protocol: tcp, ports: 80, cidr: 0.0.0.0/0 }
          - name: app-tier
            ingress:
              - { protocol: tcp, ports: 8080, securityGroup: web-tier }
              - { protocol: tcp, ports: 3000, securityGroup: web-tier }
          - name: db-tier
            ingress:
              - { protocol: tcp, ports: 5432, securityGroup: app-tier }
              - { protocol: tcp, ports: 6379, securityGroup: app-tier }
        nacls:
          - name: public-subnet
            subnets: public
            ingress:
              - { rule: 100, protocol: tcp, ports: 80, cidr: 0.0.0.0/0, action: allow }
              - { rule: 110, protocol: tcp, ports: 443, cidr: 0.0.0.0/0, action: allow }
          - name: private-subnet
            subnets: private
            ingress:
              - { rule: 100, protocol: tcp, ports: 8080, cidr: 10.0.0.0/16, action: allow }
      compute:
        cluster: { kubernetesVersion: "1.35" }
        nodeGroups:
          - name: general-purpose
            instanceTypes: [t3.medium, t3.large]
            minSize: 2
            desiredSize: 3
            maxSize: 20
          - name: compute-optimized
            instanceTypes: [c5.large, c5.xlarge]
            minSize: 0
            desiredSize: 0
            maxSize: 10
            taints:
              - { key: compute-intensive, value: "true", effect: NoSchedule }
      workloads:
        - name: web
          type: service
          image: dafnck-machine/web:1.0.0
          ports: [{ name: http, containerPort: 8080 }]
          replicas: 2
          resources:
            requests: { cpu: 250m, memory: 256Mi }
            limits: { cpu: 500m, memory: 512Mi }
          probes:
            liveness: { http: { path: /health, port: 8080 }, initialDelay: 30s, period: 10s }
            readiness: { http: { path: /ready, port: 8080 }, initialDelay: 5s, period: 5s }
        - name: api
          type: service
          image: dafnck-machine/api:1.0.0
          ports: [{ name: http, containerPort: 3000 }]
          replicas: 3
          resources:
            requests: { cpu: 250m, memory: 256Mi }
            limits: { cpu: 500m, memory: 512Mi }
          probes:
            liveness: { http: { path: /health, port: 3000 }, initialDelay: 30s, period: 10s }
            readiness: { http: { path: /ready, port: 3000 }, initialDelay: 5s, period: 5s }
          autoscaling:
            minReplicas: 3
            maxReplicas: 50
            targets: { cpuUtilization: 70, memoryUtilization: 80 }
          uses: [primary, sessions]
      data:
        databases:
          - name: primary
            engine: postgres
            version: "15.4"
            instanceClass: db.r6g.xlarge
            storage: { allocated: 100Gi }
            multiAz: true
            backup: { retention: 30d, window: "03:00-04:00", pointInTimeRecovery: true }
            maintenanceWindow: "sun:04:00-sun:05:00"
        caches:
          - { name: sessions, engine: redis, version: "7.0", nodeType: cache.r6g.large, replicasPerShard: 1, multiAz: true }
      budget: { monthlyUsd: 5000 }
`;
