extension ScenarioTemplate {
    static let provinceText = """
    # =====================================================================================================
    # A starter province (capsim init --template province): an average merged province on the first morning of
    # online school enrolment
    # =====================================================================================================
    # One AVERAGE province of the 34 in place since 1 Jul 2025 [14]: 101.34M people [13] / 34 = ~3.0M, 3,321 communes
    # / 34 = ~98 [14]. It runs the online school enrolment portal (grades 1, 6, 10), whose portals congest on opening
    # day [38], and the one-stop system where commune officers handle dossiers. The April 2023 review found
    # "provincial processing systems and transmission lines inadequate" [1]: here the portal servers, the Internet
    # line and the document storage fall short, so the plan buys servers, bandwidth and storage.
    # To model YOUR province, take its row of Scenarios/provinces/provinces.csv (population, communes, dossiers,
    # NPD verifications) and scale the rates below; Scenarios/vn-province-dong-nai.yaml is a worked example.
    # Sources: docs/sources.md ("[n]" = source n of section 1; "[Sn]" = source n of section 2; "figures sec. N" =
    # section N of its "Key figures"; "A:" = assumption + reasoning).
    #
    # Units: a bare number is in the base unit (seconds, bytes, bit/s, a fraction); write units (250ms, 2MB, 1Gbps,
    # 25%). The report lists every value with the comment on its line in its assumptions register.
    #
    # Next steps:
    #   capsim validate FILE
    #   capsim plan FILE                            # what to buy per year, with costs
    #   capsim report FILE --out report --lang vi   # the investment proposal in Vietnamese: report/index.html

    name: my-province
    description: >-
      An average merged province (~3.0M people, ~98 communes) on the first morning of online school enrolment:
      enrolment portal and one-stop system at the provincial DC, its Internet line, the commune WAN, NPD as a national
      black box, leased document storage.
    currency: VND
    seed: 2025                       # A: any fixed seed

    simulation:
      start: 9h                      # Monday 09:00 (A: enrolment opens Monday 08:00; office hump 08-11, figures sec. 5)
      warmup: 10m                    # A: service times are seconds; 10 min fills the queues
      duration: 30m                  # A: 30 min measured (09:10-09:40)
      replications: 3                # A: 3 replications for a first look; use 5 or more for a proposal

    horizon: {base_year: 2025, to: 2030}   # Decision 06/QD-TTg "with a vision by 2030"

    x-shapes:                        # keys starting with x- are ignored: a place for YAML anchors
      # A: office hours, humps 08-11 and 14-16, peak hour 2-3x the mean (figures sec. 5); 24 values from 00h, mean 1
      office-hours: &office-hours [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 2.4, 2.9, 2.9, 2.0,
                                   0.8, 1.4, 2.6, 2.7, 2.0, 1.0, 0.5, 0.4, 0.35, 0.3, 0.2, 0.15]
      # "Monday heaviest, Saturday lightest" [44]; A: Mon 1.25 ... Sat 0.45, Monday first, mean 1
      office-week: &office-week [1.25, 1.2, 1.2, 1.15, 1.1, 0.45, 0.65]
      # A: parents rush on the opening morning, twice the season's usual 08-12 load ([38] portals congest)
      opening-rush: &opening-rush [{name: enrolment opening morning, day: 1, hours: [8, 12], multiplier: 2}]

    agencies:
      - {id: province, name: "Provincial People's Committee"}   # one merged province of 34 [14]
      - {id: mps, name: "Ministry of Public Security / C06"}    # NPD verification [30]

    sites:
      - {id: prov-dc, agency: province, region: province, description: "Provincial data centre"}
      - {id: internet, agency: province, region: province, description: "Parents on the Internet, aggregated"}
      - {id: communes, agency: province, region: province, description: "~98 commune one-stop offices, aggregated"}
      - {id: ndc1, agency: mps, region: hanoi, description: "MPS NDC1, NPD verification endpoint [28]"}

    pools:
      - id: enrol-web
        site: prov-dc
        description: Online school enrolment portal, servers the province owns
        servers: 2                   # A: 2 servers from past seasons; opening day offers 6.2 slots, more than the 8 left
                                     #    with one down can carry within 70% (n+1)
        concurrency: 8               # A: 8 requests in progress per server
        queue: {capacity: unlimited, discipline: fifo}
        patience: 30s                # A: a parent waits up to 30 s for a page, then reloads
        failures: {mtbf: 8760h, mttr: 8h}   # A: ~1 hardware/OS failure per server-year, repaired in a working day
        redundancy: n+1              # A: opening day must survive one server down
        max_servers: 16              # A: one rack in the provincial server room
        unit: {name: "2-socket x86 server (US$10k)", cost: 255000000, opex_per_year: 20400000}
                                     # A: US$10,000 (figures sec. 4) x 25,500 VND/US$ = 255M VND; upkeep 8% = 20.4M VND/yr
      - id: onestop
        site: prov-dc
        description: One-stop / administrative-procedure system (Bo phan mot cua), used by commune officers
        servers: 2                   # A: 2 rented VMs
        concurrency: 8               # A: one request in progress per vCPU
        patience: 60s                # A: an officer waits up to a minute, then retries
        redundancy: n+1              # A: counters stop without it
        max_servers: 12              # A: provincial cloud quota
        unit: {name: "rented cloud VM, 8 vCPU / 32 GB", cost: 27840000, opex_per_year: 27840000}
                                     # [46] "50k VND per vCPU and 60k VND per GB of RAM per month": 8 x 50k + 32 x 60k
                                     # = 2.32M VND/month x 12 = 27.84M VND/yr (cost = first year, opex = later years)
        power: 0W                    # A: a rented VM's power is in its rent [46]
      - id: npd-remote
        site: ndc1
        description: NPD verification seen from the province, a black box that only adds its response time
        servers: 1                   # A: one logical endpoint
        concurrency: 1000            # A: far more slots than one province uses, so no queueing here
        max_servers: 1               # A: not bought by the province (vn-national.yaml plans NPD)
        power: 0W                    # A: NDC1's energy is not the province's

    links:
      - id: internet
        from: internet
        to: prov-dc
        description: The provincial DC's Internet line to the enrolment portal
        bandwidth: 50Mbps            # A: 50 Mbps today ([1] "transmission lines inadequate"); opening morning sends
                                     #    ~36 Mbit/s of pages out, above the 60% target
        latency: 10ms                # A: home/mobile access to the provincial DC, one way
        sharing: ps                  # transfers share the line like TCP flows (processor sharing)
        owner: province
        max_bandwidth: 1Gbps         # A: what the DC's router takes
        unit: {step: 50Mbps, cost_per_year: 60000000}   # A: 50 Mbps x 100k VND/Mbps/month (figures sec. 4) x 12
      - id: commune-wan
        from: communes
        to: prov-dc
        description: Level-II access, the commune links to the provincial DC, aggregated [23]
        bandwidth: 18.4Gbps          # [22] communes doubled to 200 Mbps for 88%; A: the rest at 100 Mbps:
                                     # 98 x (0.88 x 200 + 0.12 x 100) = 98 x 188 Mbps = 18.4 Gbps
        latency: 2ms                 # A: within a province 1-5 ms (figures sec. 3)
        sharing: ps
        owner: province
        max_bandwidth: 40Gbps        # A: every commune on ~400 Mbps
        unit: {step: 100Mbps, cost_per_year: 120000000}  # A: 100 Mbps x 100k VND/Mbps/month x 12
      - id: to-ndc1
        from: prov-dc
        to: ndc1
        description: TSLCD from the provincial DC to NDC1 (Level-I access [23] and the backbone), this province's share
        bandwidth: 1Gbps             # A: [22] province->regional-centre links were raised 4x, ~1 Gbps
        latency: 12ms                # A: one way to Hanoi, 20-35 ms RTT from the south (figures sec. 3)
        sharing: ps
        owner: province

    workloads:
      # A: each entry grade (1, 6, 10) is ~1.5% of the population: 4.5% x 3.0M = 135k applications a season, filed
      # over 10 days -> a season mean of 13.5k a day.
      - id: enrol-submit
        agency: province
        origin: internet
        description: Parents submitting an application with scanned documents; residence checked against NPD
        arrivals:
          rate: 13.5k/d              # A: 135k / 10 days; at 09h on the opening Monday x 2.9 x 1.25 x 2 = 1.13/s
          profile: *office-hours
          weekly: *office-week
          peaks: *opening-rush
          growth: 2%                 # A: cohorts follow births
        request_size: {dist: lognormal, mean: 3MB, cv: 1.0}   # A: 3 scans of ~1 MB
        response_size: 8KB           # A: receipt
        route:
          - link: internet           # scans up to the provincial DC
          - pool: enrol-web
            service: {dist: lognormal, mean: 1500ms, cv: 1.0}   # A: validate, store scans, allocate a school
          - link: to-ndc1
            size: 2KB                # A: NPD residence query, not the scans
          - pool: npd-remote
            service: {dist: lognormal, mean: 80ms, cv: 1.0}     # A: NPD residence look-up (as vn-national npd-query)
          - link: to-ndc1
            size: 4KB                # A: residence record
          - link: internet           # receipt back (response_size)
      - id: enrol-browse
        agency: province
        origin: internet
        description: Parents browsing school lists and checking application status
        arrivals:
          rate: 270k/d               # A: 20 page views per application x 13.5k/d; 22.6/s at 09h on opening day
          profile: *office-hours
          weekly: *office-week
          peaks: *opening-rush
          growth: 10%                # A: parents follow results online more each year
        request_size: 2KB
        response_size: 200KB         # A: page with school lists, quotas and a map tile
        route:
          - link: internet
          - pool: enrol-web
            service: {dist: lognormal, mean: 200ms, cv: 1.0}    # A: dynamic page
          - link: internet
      - id: officer-actions
        agency: province
        origin: communes
        description: Commune officers processing dossiers in the one-stop system
        arrivals:
          rate: 24k/d                # A: ~15 screen actions per dossier x 1,623 dossiers/day (vn-province.yaml: [16] 38-40k
                                     #    dossiers/day nationally / 34 [14])
          profile: *office-hours
          weekly: *office-week
          growth: 6%                 # A: dossier growth, online 10% and counter 2% weighted ~60/40
        request_size: 4KB
        response_size: 100KB         # A: page with the dossier
        route:
          - link: commune-wan
          - pool: onestop
            service: {dist: lognormal, mean: 500ms, cv: 1.0}    # A: page or action
          - link: commune-wan

    targets:
      - {workload: enrol-submit, p95: 10s, max_lost: 0.1%}   # A: a parent waits < 10 s for the receipt
      - {workload: enrol-browse, p95: 2s, max_lost: 0.1%}    # A: interactive page
      - {workload: officer-actions, p95: 2s, max_lost: 0.1%} # A: interactive screen
      - {pool: enrol-web, max_utilization: 70%}              # A: 30% headroom
      - {pool: onestop, max_utilization: 70%}                # A: 30% headroom
      - {link: internet, max_utilization: 60%}               # A: room for the DC's other Internet traffic

    storage:                         # not simulated: need = data x copies / (1 - headroom), bought in steps
      - id: documents
        site: prov-dc
        owner: province
        description: Leased object storage for civil-status scans and enrolment documents
        installed: 5TB               # A: a prepaid 5 TB package today
        copies: 2                    # A: the provider replicates inside; one more copy off site, "1 copy offsite" [S30]
        headroom: 10%                # A: packages are bought a little ahead of need
        data:
          - name: scanned civil-status records
            count: 1.91M             # [S6] >65M records digitised nationally / 34 provinces [14] = 1.91M
            size: 300KB              # A: ~0.3 MB per scanned page
            growth: 3%               # A: births, marriages and deaths add records
          - name: enrolment documents
            count: 675k              # A: 135k applications a season x 5 seasons kept
            size: 3MB                # A: the request_size of enrol-submit
            growth: 2%               # A: as enrol-submit
          - name: officer audit log
            per_request: [officer-actions]
            size: 2KB                # A: one log record per action
            retention: 2y            # A: kept 2 years
        unit: {name: "object storage lease, 5 TB", step: 5TB, cost: 39600000, opex_per_year: 39600000}
                                     # [S31] ~660 VND per GB-month: 5,000 GB x 660 x 12 = 39.6M VND/yr (a lease: the same
                                     # price every year)

    facilities:                      # energy of the servers the province runs itself
      - site: prov-dc
        power_per_server: 450W       # A: two-socket average 0.35-0.6 kW [S43][S44]
        pue: 1.9                     # A: provincial server rooms 1.8-2.0 (legacy cooling) [S44]
        electricity: 3160            # A: EVN business tariff averaged over the week's time-of-use hours [S46][S47]
      - site: ndc1
        power_per_server: 450W       # A: as above; npd-remote sets power: 0W, so nothing is counted here
        pue: 1.4                     # A: a new national data centre [S36]
        electricity: 3160            # A: as above

    """
}
