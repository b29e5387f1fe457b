extension ScenarioTemplate {
    static let minimalText = """
    # =====================================================================================================
    # A starter capsim scenario: one service on one server pool (capsim init --template minimal)
    # =====================================================================================================
    # capsim simulates this system, sizes the smallest number of servers that meets the targets below in each year,
    # and turns the additions into a procurement plan with costs. Edit the values; keep the units.
    #
    # Units: every quantity is a bare number in its base unit (seconds, bytes, bit/s, a fraction) or a string with a
    # unit: durations 250ms, 10m, 2h, 5y; rates 120/s, 3.6M/d; sizes 4KB, 2MB, 100TB; bandwidth 100Mbps, 1Gbps;
    # fractions and growth 25%, 0.1%. Write the unit: capsim warns about bare numbers that look like a slip
    # (growth: 25 is +2,500% a year, not +25%).
    # Comments: the report lists every value in its assumptions register with the comment on its line; start a
    # comment with "A:" when the value is an assumption, and say where the others come from.
    #
    # Next steps:
    #   capsim validate FILE              # every problem is reported as FILE:LINE:COLUMN
    #   capsim run FILE                   # simulate what is installed now, base year
    #   capsim plan FILE                  # what to buy per year, with costs
    #   capsim report FILE --out report   # the investment proposal: report/index.html (--lang vi for Vietnamese)

    name: my-service                  # required: a short name for reports
    description: One web service on one server pool, sized for its busiest hour.
    currency: VND                     # every amount of money is in this currency
    seed: 1                           # any fixed number: the same scenario and seed give the same results

    simulation:
      start: 9h                       # where the simulated window starts, after Monday 00:00: 9h = Monday 09:00
      warmup: 2m                      # simulated first and discarded, so that queues reach their steady state
      duration: 10m                   # measured per replication: results hold for Monday 09:02-09:12
      replications: 5                 # independent replications, for the 95% confidence intervals

    horizon: {base_year: 2025, to: 2028}   # plan sizes every year from base_year to `to`; growth counts from base_year

    agencies:
      - {id: agency, name: "My agency"}    # who buys: every site, pool and link belongs to an agency

    sites:
      - {id: dc, agency: agency, region: hanoi, description: "The agency's data centre"}

    pools:
      - id: web
        site: dc
        description: Web and application servers of the service
        servers: 3                    # installed now
        concurrency: 4                # requests one server works on at once
        queue: {capacity: unlimited, discipline: fifo}   # waiting places (0 = turn requests away); fifo or priority
        patience: 30s                 # a waiting request gives up after this long (it counts as lost)
        failures: {mtbf: 8760h, mttr: 8h}   # A: one failure per server-year, repaired in a working day
        redundancy: n+1               # targets must still hold with 1 server down; plan buys that spare too
        max_servers: 20               # sizing never goes above this (rack space, licences)
        unit: {name: "2-socket server (US$10k)", cost: 255000000, opex_per_year: 20400000}
                                      # A: US$10,000 x 25,500 VND/US$ = 255M VND; upkeep 8% a year. Without unit: the
                                      #    plan still counts servers but cannot price them (capsim warns)

    workloads:
      - id: requests
        agency: agency
        description: Citizens using the service
        arrivals:
          rate: 600k/d                # A: daily mean of the base year; the hourly profile shapes it (09h = 2.9 x the mean)
          profile: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 2.4, 2.9, 2.9, 2.0, 0.8, 1.4, 2.6, 2.7, 2.0, 1.0, 0.5, 0.4, 0.35, 0.3, 0.2, 0.15]
                                      # A: office hours, 24 hourly multipliers from 00h (normalised to mean 1)
          growth: 20%                 # per year from base_year: 2028 carries 1.2^3 = 1.73 x the 2025 load
        request_size: 4KB             # carried over links (none here)
        response_size: 40KB
        route:                        # the steps of one request, in order
          - pool: web
            service: {dist: lognormal, mean: 200ms, cv: 1.0}   # A: server time per request

    targets:                          # plan buys the least capacity that meets all of them in every year
      - {workload: requests, p95: 1s, max_lost: 0.1%}   # 95% of requests within 1 s; at most 0.1% lost
      - {pool: web, max_utilization: 70%}               # 30% headroom for bursts

    """
}
