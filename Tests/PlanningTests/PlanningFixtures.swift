import Foundation
import Scenario

enum PlanningFixtures {
    static func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.parse(yaml: yaml, path: "test.yaml", baseDirectory: "")
    }

    /// One M/M/c pool with a mean-response target.
    static func singlePool(rate: String, meanLimit: String, servers: Int = 2, replications: Int = 8) -> String {
        """
        name: single-pool
        seed: 3
        simulation: {duration: 1h, warmup: 5m, replications: \(replications)}
        agencies: [{id: a, name: Agency A}]
        sites: [{id: dc, agency: a}]
        pools:
          - {id: p, site: dc, servers: \(servers), unit: {name: server, cost: 100, opex_per_year: 10}, max_servers: 60}
        workloads:
          - id: w
            arrivals: {rate: \(rate)}
            route:
              - {pool: p, service: {dist: exponential, mean: 1s}}
        targets:
          - {workload: w, mean: \(meanLimit)}

        """
    }

    /// A pool behind a link with a utilisation target on the link.
    static let linkUtilization = """
    name: link-utilization
    seed: 5
    simulation: {duration: 30m, warmup: 2m, replications: 5}
    agencies: [{id: a, name: Agency A}, {id: b, name: Agency B}]
    sites: [{id: edge, agency: b}, {id: dc, agency: a}]
    pools:
      - {id: p, site: dc, servers: 50, unit: {name: server, cost: 100}}
    links:
      - {id: l, from: edge, to: dc, bandwidth: 10Mbps, latency: 2ms, unit: {step: 10Mbps, cost_per_year: 7}, max_bandwidth: 1Gbps}
    workloads:
      - id: w
        origin: edge
        arrivals: {rate: 20/s}
        request_size: 100KB
        route:
          - {link: l}
          - {pool: p, service: 10ms}
    targets:
      - {link: l, max_utilization: 60%}

    """

    /// Two agencies, growth over three years, a pool and a leased link.
    static let growingPlan = """
    name: growing
    seed: 9
    simulation: {duration: 20m, warmup: 2m, replications: 4}
    horizon: {base_year: 2025, to: 2027}
    agencies: [{id: mps, name: Public Security}, {id: most, name: Science and Technology}]
    sites: [{id: prov, agency: most}, {id: ndc, agency: mps}]
    pools:
      - {id: auth, site: ndc, servers: 3, unit: {name: server, cost: 400000000, opex_per_year: 40000000}, max_servers: 80}
    links:
      - {id: wan, from: prov, to: ndc, bandwidth: 20Mbps, latency: 5ms, owner: most, unit: {step: 10Mbps, cost_per_year: 60000000}}
    workloads:
      - id: login
        agency: mps
        origin: prov
        arrivals: {rate: 4/s, growth: 40%}
        request_size: 200KB
        route:
          - {link: wan}
          - {pool: auth, service: {dist: exponential, mean: 1s}}
    targets:
      - {workload: login, mean: 2s}
      - {link: wan, max_utilization: 70%}

    """

    /// A pool and a link that share the id `core`; the pool is overloaded (2.5 servers of offered load on 1).
    static let sharedID = """
    name: shared-id
    seed: 4
    simulation: {duration: 20m, warmup: 2m, replications: 4}
    agencies: [{id: a, name: Agency A}]
    sites: [{id: edge, agency: a}, {id: dc, agency: a}]
    pools:
      - {id: core, site: dc, servers: 1, unit: {name: server, cost: 100}, max_servers: 20}
    links:
      - {id: core, from: edge, to: dc, bandwidth: 1Gbps, latency: 2ms, unit: {step: 100Mbps, cost_per_year: 50}}
    workloads:
      - id: w
        origin: edge
        arrivals: {rate: 5/s}
        request_size: 10KB
        route:
          - {link: core}
          - {pool: core, service: {dist: exponential, mean: 0.5s}}
    targets:
      - {pool: core, max_utilization: 70%}
      - {link: core, max_utilization: 50%}

    """
}
