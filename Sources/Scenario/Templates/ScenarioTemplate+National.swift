extension ScenarioTemplate {
    static let nationalText = """
    # =====================================================================================================
    # A starter national scenario (capsim init --template national): the identity systems of Project 06 at NDC1
    # =====================================================================================================
    # MPS/C06 runs the National Population Database (NPD), e-authentication and VNeID [5][30] at the National Data
    # Center NDC1 (opened 18 Aug 2025 [28]). This starter models the three server tiers behind a VNeID login and a
    # bank's chip-ID / face verification, on the design evening: citizen apps peak at 19:00-21:00 [9] and Monday is
    # the heaviest weekday [44]. Scenarios/vn-national.yaml is the full model (NPSP, NDXP, TSLCD, provinces, banks,
    # VSS, tax); start here to learn the format, then read that one.
    # Sources: docs/sources.md ("[n]" = source n of section 1; "[Sn]" = source n of section 2; "figures sec. N" =
    # section N of its "Key figures"; "A:" = assumption + reasoning).
    #
    # Units: a bare number is in the base unit (seconds, bytes, bit/s, a fraction); write units (600ms, 50KB, 1Gbps,
    # 12%). The report lists every value with the comment on its line in its assumptions register.
    #
    # Next steps:
    #   capsim validate FILE
    #   capsim run FILE --year 2030        # today's servers under 2030's load
    #   capsim plan FILE                   # what to buy per year, with costs
    #   capsim report FILE --out report    # the investment proposal: report/index.html

    name: my-national
    description: >-
      VNeID, e-authentication and the NPD query tier at MPS NDC1, with banks verifying chip IDs and faces over their
      lines. Design point: Monday 19:00 evening peak.
    currency: VND
    seed: 2025                       # A: any fixed seed

    simulation:
      start: 19h                     # Monday 19:00: citizen-app evening peak 19:00-21:00 [9]
      warmup: 2m                     # A: service times are under a second; 2 min fills the queues
      duration: 5m                   # A: 5 min measured (19:02-19:07), ~43k logins per replication
      replications: 3                # A: 3 for a first look; vn-national.yaml uses 5

    horizon: {base_year: 2025, to: 2030}   # Decision 06/QD-TTg: 2022-2025 "with a vision by 2030"

    x-shapes:
      # A: citizen apps, evening peak 19-21h [9] at 2.5x the daily mean; 24 values from 00h, mean 1
      citizen-hours: &citizen-hours [0.25, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.2, 1.3, 1.3, 1.1,
                                     1.05, 1.0, 1.1, 1.1, 1.2, 1.2, 1.6, 2.5, 2.5, 1.8, 1.0, 0.5]
      # "Monday heaviest, Saturday lightest" [44]; A: citizen apps vary little (Mon 1.1 ... Sat 0.9), Monday first
      citizen-week: &citizen-week [1.1, 1.05, 1.0, 1.0, 1.0, 0.9, 0.95]

    agencies:
      - {id: mps, name: "Ministry of Public Security / C06"}   # runs NPD, e-auth and VNeID [5][30]
      - {id: banks, name: "Banks and payment firms"}            # 13 banks integrated with VNeID [4]

    sites:
      - {id: ndc1, agency: mps, region: hanoi, description: "MPS National Data Center No. 1 [28], 1,300 racks [26]"}
      - {id: bank-gw, agency: banks, region: hanoi, description: "Banks' eKYC gateways, aggregated (A:)"}

    pools:
      - id: vneid-api
        site: ndc1
        description: VNeID API and authentication front ends
        servers: 14                  # A: 14 x 10 slots; 2025 evening offers 86 slots (143 sessions/s x 0.6 s), 66% of the
                                     #    130 left with one down
        concurrency: 10              # A: ~10 sessions in progress per server (I/O-bound API workers)
        patience: 20s                # A: the app's request timeout
        failures: {mtbf: 8760h, mttr: 8h}   # A: ~1 failure per server-year, repaired in a working day
        redundancy: n+1              # A: a critical national service keeps one spare
        max_servers: 60              # A: ~4 racks reserved in NDC1's 1,300 [26]
        unit: {name: "2-socket x86 API server (US$12k)", cost: 306000000, opex_per_year: 24480000}
                                     # A: US$12,000 (figures sec. 4) x 25,500 VND/US$ = 306M VND; upkeep 8% a year
      - id: eauth
        site: ndc1
        description: e-authentication / identity verification (credentials, chip-ID SOD, 1:1 face match)
        servers: 7                   # A: offered 30.7 slots (143/s x 0.15 s + 11.5/s x 0.8 s), 64% of the 48 left with one down
        concurrency: 8               # A: 8 parallel verifications per server (GPU face matching)
        patience: 20s                # A: as above
        failures: {mtbf: 8760h, mttr: 8h}
        redundancy: n+1
        max_servers: 40              # A: room in NDC1
        unit: {name: "2-socket server with GPU (US$25k)", cost: 637500000, opex_per_year: 51000000}
                                     # A: US$25,000 x 25,500 = 637.5M VND; upkeep 8% a year
        power: 800W                  # A: 450 W two-socket average [S43][S44] + a 700 W-class GPU [S42] at ~50%
      - id: npd-query
        site: ndc1
        description: National Population Database query tier (read replicas)
        servers: 6                   # A: offered 12.4 slots (154 look-ups/s x 0.08 s), 62% of the 20 left with one down
        concurrency: 4               # A: 4 concurrent heavy queries per node
        patience: 20s
        failures: {mtbf: 8760h, mttr: 8h}
        redundancy: n+1              # A: a critical national database
        max_servers: 40
        unit: {name: "2-socket DB node, 1 TB RAM + NVMe (US$25k)", cost: 637500000, opex_per_year: 51000000}
        power: 600W                  # A: top of the 0.35-0.6 kW two-socket range [S43][S44]

    links:
      - id: bank-lines
        from: bank-gw
        to: ndc1
        description: Banks' dedicated lines to C06, aggregated
        bandwidth: 1Gbps             # A: 13 banks [4] x ~2 x 50 Mbps redundant lines ~ 1.3 Gbps -> 1 Gbps usable
        latency: 2ms                 # A: Hanoi metro
        sharing: ps                  # transfers share the line like TCP flows
        owner: banks
        max_bandwidth: 10Gbps        # A: 10GE
        unit: {step: 100Mbps, cost_per_year: 180000000}   # A: 100 Mbps x 150k VND/Mbps/month (figures sec. 4) x 12

    workloads:
      - id: vneid-login
        agency: mps
        origin: ndc1                 # A: Internet ingress at NDC1 (the Internet itself is not modelled)
        description: VNeID app sessions (login + profile fetch from NPD)
        arrivals:
          rate: 4.5M/d               # [5] "VNeID 3-6M users/day (2024-25)" -> 4.5M/day; at 19h Monday x 2.5 x 1.1 = 143/s
          profile: *citizen-hours
          weekly: *citizen-week
          growth: 12%                # A: accounts near saturation (65M level 2 [6]); use grows with new services [4]
        request_size: 4KB            # A: API call with token
        response_size: 24KB          # A: profile JSON
        route:
          - pool: vneid-api
            service: {dist: lognormal, mean: 600ms, cv: 1.0}   # A: ~10 API calls x 60 ms per session
          - pool: eauth
            service: {dist: lognormal, mean: 150ms, cv: 0.8}   # A: password/PIN, device binding, token
          - pool: npd-query
            service: {dist: lognormal, mean: 80ms, cv: 1.0}    # A: citizen record look-up
      - id: verify-banks
        agency: banks
        origin: bank-gw
        description: Banks' chip-ID / face verification against NPD
        arrivals:
          rate: 0.36M/d              # [4] ~0.9M NPD verifications/day (derived) x 40% banks (A:); 11.5/s at 19h Monday
          profile: *citizen-hours    # A: triggered by customers in banking apps
          weekly: *citizen-week
          growth: 20%                # A: 13 of 57 credit institutions integrated [4][12]; more join each year
        request_size: 50KB           # A: face image + chip data
        response_size: 2KB           # A: match result
        route:
          - link: bank-lines
          - pool: eauth
            service: {dist: lognormal, mean: 800ms, cv: 0.6}   # A: SOD check + 1:1 face match
          - pool: npd-query
            service: {dist: lognormal, mean: 80ms, cv: 1.0}    # A: NPD look-up
          - link: bank-lines

    targets:
      - {workload: vneid-login, p95: 3s, max_lost: 0.5%}    # A: login within 3 s for 95%; < 0.5% give up
      - {workload: verify-banks, p95: 3s, max_lost: 0.1%}   # A: eKYC step in a transfer
      - {pool: vneid-api, max_utilization: 70%}             # A: 30% headroom
      - {pool: eauth, max_utilization: 70%}
      - {pool: npd-query, max_utilization: 70%}
      - {link: bank-lines, max_utilization: 60%}

    storage:                         # not simulated: need = data x copies / (1 - headroom), bought in steps
      - id: npd-db
        site: ndc1
        owner: mps
        description: NPD and identity database on all-flash (records and biometrics)
        installed: 60TB              # A: sized before the 2023 Identity Law: (3 KB + 126 KB) x 106M x 3 / 0.75 -> 60 TB
        copies: 3                    # [S30] 3-2-1 rule: primary + DR replica + backup
        headroom: 25%                # A: keep arrays at most 75% full
        data:
          - name: population records
            count: 106M              # A: ~104M on record (87M chip-ID + 17.1M new-type cards [7]) + ~2%
            size: 3KB                # A: demographic fields and history of one citizen
            growth: 1%               # A: population +0.9%/yr [13]
          - name: face and fingerprints
            count: 106M
            size: 126KB              # [S8] face 13.6 KB + 10 fingers x 10.7 KB + ~5 KB of templates [S13]
            growth: 1%
          - name: iris images
            count: 15M               # [S5] ~15M cards in the first year of the Identity Law; iris is mandatory [S4][S1]
            size: 100.6KB            # [S8] two iris images
            growth: 34%              # A: 15M -> 65M by 2030, (65 / 15)^(1/5) - 1
        unit: {name: "all-flash expansion, 20 TB usable", step: 20TB, cost: 255000000, opex_per_year: 12750000}
                                     # A: US$500 per TB ([S22] NVMe $0.10-0.25/GB with markup); upkeep 5% a year

    facilities:
      - site: ndc1
        power_per_server: 450W       # A: two-socket average 0.35-0.6 kW [S43][S44]
        pue: 1.4                     # A: a new national data centre, target < 1.4 [S36]
        electricity: 3160            # A: EVN business tariff over the week's time-of-use hours [S46][S47][S48]

    """
}
